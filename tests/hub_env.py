"""A real JupyterHub on loopback, configured by deploy/ein-server/, for the hub test.

The hub runs from the environment built from binder/ plus deploy/ein-server/requirements.txt, with
the deploy's own jupyterhub_config.py; the test only swaps the login for JupyterHub's
DummyAuthenticator (unless the test is about logging in), chooses free ports and adds a service token to
drive the REST API.
The hub user's system users are created by the deploy's spawn hook and removed by ``stop``.
"""

from __future__ import annotations

import pwd
import secrets
import subprocess
import time
from pathlib import Path

import requests

from tests.binder_env import CourseEnvironment, run_logged
from tests.helpers import free_port, stop_process

ADMIN_SERVICE = "kursverwaltung"
GRADERS = "formgrade-regionallabor"
DUMMY_LOGIN = """\
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
"""
HUB_CONFIG = """\
c = get_config()
load_subconfig("jupyterhub_config.py", path={deploy!r})
{login}c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.JupyterHub.services.append({{"name": "{service}", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{
    "name": "{service}",
    "scopes": ["admin:users", "admin:servers", "tokens", "admin:groups"],
    "services": ["{service}"],
}})
"""


def install_hub(environment: CourseEnvironment) -> None:
    """What install.sh adds to the course environment: the hub's packages and proxy, the hub-wide nbgrader config."""
    deploy = environment.course / "deploy" / "ein-server"
    if (environment.bin / "jupyterhub").exists():
        return
    run_logged(["npm", "ci", "--no-audit", "--no-fund"], environment.folder / "install.log", cwd=deploy)
    run_logged(
        [str(environment.bin / "python"), "-m", "pip", "install", "--quiet", "-r", str(deploy / "requirements.txt")],
        environment.folder / "install.log",
        env=environment.environ(),
    )
    config_dir = environment.env / "etc" / "jupyter"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "nbgrader_config.py").write_text((deploy / "nbgrader_config.py").read_text())
    subprocess.run(["chmod", "-R", "a+rX", str(environment.env)], check=True)


def roster_toml(teams: dict[str, dict[str, str]]) -> str:
    """teams.toml for team account → {member account: name}; the team's name is its account's."""
    lines = []
    for account, members in teams.items():
        listed = ", ".join(f'{{ konto = "{member}", name = "{name}" }}' for member, name in members.items())
        lines += ["[[team]]", f'konto = "{account}"', f'name = "{team_name(account)}"', f"mitglieder = [{listed}]", ""]
    return "\n".join(lines)


def team_name(account: str) -> str:
    return account.removeprefix("rl-").capitalize()


class Hub:
    def __init__(
        self,
        environment: CourseEnvironment,
        folder: Path,
        teams: dict[str, dict[str, str]],
        facilitators: list[str],
        deploy_login: bool = False,
    ):
        install_hub(environment)
        deploy = environment.course / "deploy" / "ein-server"
        self.environment = environment
        self.users = [*teams, *(member for members in teams.values() for member in members), *facilitators]
        self.password = secrets.token_hex(8)
        self.token = secrets.token_hex(24)
        port = free_port()
        # nbgrader's exchange, made by the deploy's own script (in the world-readable folder, as /srv is)
        self.exchange = environment.folder / f"exchange-{port}"
        subprocess.run([str(deploy / "exchange.sh"), str(self.exchange), GRADERS], check=True)
        # the course file's folder, as install.sh makes /srv/regionallabor: the facilitators write, every team reads
        self.course_frame = environment.folder / f"kursrahmen-{port}"
        subprocess.run(["install", "-d", "-m", "2775", "-g", GRADERS, str(self.course_frame)], check=True)
        self.url = f"http://127.0.0.1:{port}"
        self.roster_file = folder / "teams.toml"
        self.roster_file.write_text(roster_toml(teams), encoding="utf-8")
        (folder / "jupyterhub_config.py").write_text(
            HUB_CONFIG.format(
                deploy=str(deploy),
                login="" if deploy_login else DUMMY_LOGIN.format(password=self.password),
                port=port,
                hub_port=free_port(),
                proxy_api_port=free_port(),
                service=ADMIN_SERVICE,
                token=self.token,
            )
        )
        self.roster = {
            "REGIONALLABOR_TEAMS": str(self.roster_file),
            "REGIONALLABOR_BEGLEITTEAM": ",".join(facilitators),
        }
        self.log = open(folder / "jupyterhub.log", "w")
        self.process = subprocess.Popen(
            [str(environment.bin / "jupyterhub"), "-f", str(folder / "jupyterhub_config.py")],
            cwd=folder,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=environment.environ(
                REGIONALLABOR_KURSORDNER=str(environment.course),
                REGIONALLABOR_EXCHANGE=str(self.exchange),
                REGIONALLABOR_SPAWNER="prozess",  # no systemd on the test machine
                REGIONALLABOR_KURSRAHMEN=str(self.course_frame / "kurs.toml"),
                **self.roster,
            ),
        )
        self.wait_for(lambda: self.api("get", "/").ok, "the hub did not answer")

    def wait_for(self, condition, message: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        raise RuntimeError(f"{message}; see {self.log.name}")

    def api(self, method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
        return requests.request(
            method,
            f"{self.url}/hub/api{path}",
            timeout=60,
            headers={"Authorization": f"token {token or self.token}"},
            **kwargs,
        )

    def login(self, user: str) -> str:
        """A token for the user, issued through the hub's REST API."""
        response = self.api("post", f"/users/{user}/tokens", json={"note": "Test-Anmeldung"})
        response.raise_for_status()
        return response.json()["token"]

    def start_server(self, user: str, token: str) -> None:
        response = self.api("post", f"/users/{user}/server", token=token)
        assert response.status_code in (201, 202), response.text
        self.wait_for(
            lambda: self.api("get", f"/users/{user}", token=token).json().get("servers", {}).get("", {}).get("ready"),
            f"the server of {user} did not start",
            timeout=180,
        )

    def server(self, user: str, token: str) -> requests.Session:
        """Requests to ``user``'s server through the hub's proxy, authenticated with ``token``."""
        session = requests.Session()
        session.headers["Authorization"] = f"token {token}"
        prefix = f"{self.url}/user/{user}/"
        original = session.request
        session.request = lambda method, path, **kwargs: original(method, prefix + path, timeout=180, **kwargs)
        return session

    def run_as(self, user: str, command: list[str], check: bool = True) -> subprocess.CompletedProcess:
        """A command as the hub user's system user in its home folder – what its terminal would run."""
        home = pwd.getpwnam(user).pw_dir
        result = subprocess.run(
            ["runuser", "-u", user, "--", "env", f"HOME={home}", *command],
            cwd=home,
            env=self.environment.environ(),
            capture_output=True,
            text=True,
        )
        if check and result.returncode:
            raise AssertionError(f"as {user}: {' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
        return result

    def stop(self) -> None:
        stop_process(self.process, timeout=30)
        self.log.close()
        # Single-user servers outlive a hub that is stopped; end them with their users.
        for user in self.users:
            subprocess.run(["pkill", "-u", user], capture_output=True)
        time.sleep(1)
        for user in self.users:
            subprocess.run(["userdel", "--remove", user], capture_output=True)
        subprocess.run(["groupdel", GRADERS], capture_output=True)
