"""The Binder and hub files agree with the project: pins satisfy pyproject.toml, names match the course."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from regionallabor.arbeitsblaetter.snapshot import COURSE_ID

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pins(path: Path) -> dict[str, Version]:
    pinned = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-r")):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {line} is not pinned"
        pinned[canonicalize_name(requirement.name)] = Version(specifier.version)
    return pinned


def requirements(*extras: str) -> list[str]:
    """The runtime dependencies and those of ``extras``, an extra naming another (regionallabor[handbook]) unfolded."""
    project = PYPROJECT["project"]
    found = list(project["dependencies"])
    for extra in extras:
        for line in project["optional-dependencies"][extra]:
            requirement = Requirement(line)
            if canonicalize_name(requirement.name) == "regionallabor":
                found += [line for line in requirements(*requirement.extras) if line not in found]
            else:
                found.append(line)
    return found


def test_binder_pins_satisfy_every_runtime_dependency():
    pinned = pins(ROOT / "binder" / "requirements.txt")
    wanted = requirements("pdf")  # postBuild builds the handbook, as website and PDF
    assert {"sphinx", "rinohtype", "jupyterlab"} <= {canonicalize_name(Requirement(line).name) for line in wanted}
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"binder/requirements.txt lacks {name} (make binder-pins)"
        assert requirement.specifier.contains(pinned[name]), f"{name}=={pinned[name]} does not meet {requirement}"
    assert "regionallabor" not in pinned
    assert {"hatchling", "editables"} <= set(pinned)  # postBuild installs the course without build isolation


def test_the_wheel_builds_its_handbook_with_the_tools_the_extras_name():
    hook = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["dependencies"]
    extras = [line for line in requirements("pdf") if line not in requirements()]
    assert extras and set(extras) <= set(hook)
    runtime = {canonicalize_name(Requirement(line).name) for line in requirements()}
    assert not runtime & {"sphinx", "myst-parser", "furo", "rinohtype"}  # serving needs none of them


def test_binder_python_meets_the_projects_requirement():
    from packaging.specifiers import SpecifierSet

    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-")
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(runtime.removeprefix("python-") + ".0")


def test_hub_requirements_build_on_the_binder_pins():
    path = ROOT / "deploy" / "ein-server" / "requirements.txt"
    assert "-r ../../binder/requirements.txt" in path.read_text().splitlines()
    hub = pins(path)
    assert {"jupyterhub", "jupyterhub-idle-culler", "jupyterhub-systemdspawner"} <= set(hub)
    assert "configurable-http-proxy" not in hub  # JupyterHub's own proxy comes from npm (package.json)
    assert not set(hub) & set(pins(ROOT / "binder" / "requirements.txt"))


def test_kubernetes_values_use_the_course_names_and_the_shared_start_script():
    values = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "values.yaml").read_text())
    compile(values["hub"]["extraConfig"]["regionallabor.py"], "regionallabor.py", "exec")
    hub_module = (ROOT / "deploy" / "kubernetes" / "regionallabor_hub.py").read_text()
    assert f'GRADERS = "formgrade-{COURSE_ID}"' in hub_module
    assert '"/opt/regionallabor/deploy/ein-server/begleitteam"' in hub_module
    assert (ROOT / "deploy" / "ein-server" / "begleitteam").is_dir()
    start_script = values["singleuser"]["cmd"][-1]
    assert (ROOT / start_script.removeprefix("/opt/regionallabor/")).exists()
    assert values["cull"]["enabled"] and values["singleuser"]["storage"]["type"] == "dynamic"
    dockerfile = (ROOT / "deploy" / "kubernetes" / "Dockerfile").read_text()
    assert "binder/requirements.txt" in dockerfile and "binder/postBuild" in dockerfile


def test_one_machine_hub_names_the_graders_group_after_the_course():
    config = (ROOT / "deploy" / "ein-server" / "jupyterhub_config.py").read_text()
    assert f'GRADERS = "formgrade-{COURSE_ID}"' in config


def test_readme_badge_opens_the_start_page():
    from urllib.parse import parse_qs, urlparse

    readme = (ROOT / "README.md").read_text()
    badge = next(word for word in readme.split("(") if word.startswith("https://mybinder.org/v2/"))
    query = parse_qs(urlparse(badge.split(")")[0]).query)
    assert query["urlpath"] == ["voila/render/modules/00_start.ipynb"]


def test_the_jupyterlab_link_only_where_jupyterlab_runs_beside_voila(monkeypatch):
    from regionallabor.core.environment import jupyterlab_link
    from regionallabor_widgets.start import JupyterLabLink

    for variable in ("BINDER_SERVICE_HOST", "BINDER_LAUNCH_HOST", "JUPYTERHUB_API_URL"):
        monkeypatch.delenv(variable, raising=False)
    assert jupyterlab_link() is None and JupyterLabLink().value == ""
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    assert jupyterlab_link() == "../../../lab"
    assert "Assignment List" in JupyterLabLink().value
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert jupyterlab_link() == "../../../lab/tree/exercises/source"
    assert "Selbstcheck" in JupyterLabLink().value


def test_voila_serves_the_course_template_the_project_ships():
    import json

    from regionallabor.core.paths import COURSE_CSS, JUPYTER_DATA_DIR, PROJECT_ROOT, VOILA_TEMPLATE

    settings = json.loads((PROJECT_ROOT / "voila.json").read_text(encoding="utf-8"))
    assert settings["VoilaConfiguration"]["template"] == VOILA_TEMPLATE
    assert (JUPYTER_DATA_DIR / "voila" / "templates" / VOILA_TEMPLATE / "index.html.j2").is_file()
    assert COURSE_CSS.is_file()


def shown_config(config_path: Path) -> str:
    """What a Jupyter server started with ``config_path`` really reads (as Binder's and the hub's servers do)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter")), "server", "--show-config"],
        env={**env, "JUPYTER_CONFIG_PATH": str(config_path)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_binder_and_hub_servers_cull_kernels_and_keep_voilas_shutdown_hook():
    shown = shown_config(ROOT / "binder" / "jupyter")
    assert ".cull_idle_timeout = 300" in shown and ".cull_connected = False" in shown
    assert "prelaunch_hook" in shown
    assert "'nbgrader.server_extensions.formgrader': False" in shown  # teams get no formgrader


def test_facilitators_servers_send_the_content_security_policy():
    shown = shown_config(ROOT / "deploy" / "ein-server" / "begleitteam")
    assert "frame-ancestors 'none'" in shown and "img-src 'self' data: blob:" in shown
    assert "'nbgrader.server_extensions.formgrader': True" in shown


def load_roster():
    """deploy/ein-server/roster.py, imported as jupyterhub_config.py and zugaenge.py import it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("roster", ROOT / "deploy" / "ein-server" / "roster.py")
    module = sys.modules.setdefault("roster", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


def test_the_example_roster_has_teams_with_their_members():
    roster = load_roster()
    teams = roster.parse((ROOT / "deploy" / "teams.beispiel.toml").read_text(encoding="utf-8"))
    lautertal = teams[0]
    assert (lautertal.account, lautertal.name, lautertal.weggemeinschaft) == ("rl-lautertal", "Lautertal", "Vogelsberg")
    assert lautertal.names() == {"rl-lt-anna": "Anna", "rl-lt-ben": "Ben", "rl-lt-cem": "Cem"}
    assert lautertal.group == "team-rl-lautertal"
    assert roster.members(teams) == {"rl-lt-anna", "rl-lt-ben", "rl-lt-cem", "rl-hw-dana", "rl-hw-emil"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[team]]\nkonto = "rl-a"\nname = "A"\nmitglieder = [{ konto = "rl-a", name = "Anna" }]', "zweimal"),
        (
            '[[team]]\nkonto = "rl-a"\nname = "A"\nmitglieder = [{ konto = "x1", name = "X" }]\n'
            '[[team]]\nkonto = "rl-b"\nname = "B"\nmitglieder = [{ konto = "x1", name = "X" }]',
            "„x1“ steht zweimal in teams.toml (Team „rl-a“ und Team „rl-b“)",
        ),
        ('[[team]]\nkonto = "Lautertal"\nname = "L"', "nur Kleinbuchstaben"),
        ('[[team]]\nkonto = "rl-a; rm -rf /"\nname = "A"', "geht nicht"),
        ('[[team]]\nkonto = "rl-a"', "„name“ fehlt"),
        ('[[team]]\nkonto = "rl-a"\nname = "A"\nmitglieder = ["anna"]', "Mitglied 1"),
        ('[[team]\nkonto = "rl-a"', "kein gültiges TOML"),
    ],
)
def test_a_roster_that_cannot_be_used_says_where_in_german(text, message):
    roster = load_roster()
    with pytest.raises(roster.RosterError, match=re.escape(message)):
        roster.parse(text)


def test_a_facilitator_is_no_teams_member():
    roster = load_roster()
    teams = roster.parse('[[team]]\nkonto = "rl-a"\nname = "A"\nmitglieder = [{ konto = "mia", name = "Mia" }]')
    roster.check(teams, {"begleitung"})
    with pytest.raises(roster.RosterError, match="Im Begleitteam und in teams.toml zugleich: mia"):
        roster.check(teams, {"mia", "begleitung"})


def test_the_hub_gives_each_teams_members_its_server_and_nobody_a_server_of_their_own(monkeypatch):
    """jupyterhub_config.py read as JupyterHub reads it, with the example roster: the groups and roles."""
    from traitlets.config import Config

    deploy = ROOT / "deploy" / "ein-server"
    monkeypatch.setenv("REGIONALLABOR_TEAMS", str(ROOT / "deploy" / "teams.beispiel.toml"))
    monkeypatch.setenv("REGIONALLABOR_BEGLEITTEAM", "rl-begleitung")
    monkeypatch.setattr(sys, "path", list(sys.path))
    config = Config()
    exec(
        compile((deploy / "jupyterhub_config.py").read_text(), "jupyterhub_config.py", "exec"),
        {"get_config": lambda: config, "__file__": str(deploy / "jupyterhub_config.py")},
    )
    hub = config.JupyterHub
    assert config.Authenticator.allowed_users == {
        "rl-lt-anna",
        "rl-lt-ben",
        "rl-lt-cem",
        "rl-hw-dana",
        "rl-hw-emil",
        "rl-begleitung",
    }
    assert config.Authenticator.allow_existing_users is False
    assert hub.load_groups["team-rl-hochwald"] == {"users": ["rl-hochwald", "rl-hw-dana", "rl-hw-emil"]}
    roles = {role["name"]: role for role in hub.load_roles}
    assert roles["team-server-rl-lautertal"]["groups"] == ["team-rl-lautertal"]
    assert "access:servers!user=rl-lautertal" in roles["team-server-rl-lautertal"]["scopes"]
    assert not any("servers" in scope for scope in roles["user"]["scopes"])
    assert "jupyterhub-idle-culler-role" in roles

    class Handler:
        def __init__(self, name):
            self.current_user = type("User", (), {"name": name})()

    assert hub.default_url(Handler("rl-hw-dana")) == (
        "/hub/spawn/rl-hochwald?next=/user/rl-hochwald/voila/render/modules/00_start.ipynb"
    )
    assert hub.default_url(Handler("rl-begleitung")) == ""
    assert hub.tornado_settings["oauth_no_confirm_list"] == {
        "jupyterhub-user-rl-lautertal",
        "jupyterhub-user-rl-hochwald",
    }

    class Spawner:
        def __init__(self, name):
            self.user = type("User", (), {"name": name})()
            self.environment = {}

    with pytest.raises(RuntimeError, match="keinen eigenen Server"):
        config.Spawner.pre_spawn_hook(Spawner("rl-lt-anna"))


def test_the_editable_install_imports_the_widgets_folder_under_the_projects_name(tmp_path):
    """Outside the checkout too: regionallabor_widgets is the folder widgets/ (the wheel's side: test_wheel.py)."""
    probe = "import regionallabor_widgets; print(regionallabor_widgets.__file__)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert Path(result.stdout.strip()) == ROOT / "widgets" / "__init__.py"
