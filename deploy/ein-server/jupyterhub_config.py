"""JupyterHub for a Regionallabor cohort on one machine (up to ~100 Regional-Teams).

Every team is a hub user with its own system user and home folder, where its workbook and its
worksheets stay between sessions. Facilitators are the members of nbgrader's group
``formgrade-regionallabor``: their servers open JupyterLab with the formgrader and the course folder
``~/regionallabor``; teams' servers open the course's start page. See deploy/README.md.

Settings from the environment (the systemd unit sets them):
  REGIONALLABOR_KURSORDNER  the course checkout, default /opt/regionallabor
  REGIONALLABOR_EXCHANGE    nbgrader's exchange folder, default /srv/nbgrader/exchange
  REGIONALLABOR_TEAMS       file with one hub user name per line: who may log in as a team
  REGIONALLABOR_BEGLEITTEAM comma-separated hub user names of the facilitators
  REGIONALLABOR_SPAWNER     systemd (default) or prozess, where systemd does not run
  REGIONALLABOR_KURSRAHMEN  the cohort's course file, default /srv/regionallabor/kurs.toml
"""

import grp
import os
import pwd
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import roster  # beside this file, shared with zugaenge.py

c = get_config()  # noqa: F821 – provided by traitlets when JupyterHub loads this file

COURSE = Path(os.environ.get("REGIONALLABOR_KURSORDNER", "/opt/regionallabor"))
EXCHANGE = os.environ.get("REGIONALLABOR_EXCHANGE", "/srv/nbgrader/exchange")
# nbgrader's name for a course's graders (formgrade-<course id>): the hub group and the facilitators' system group
GRADERS = "formgrade-regionallabor"
FACILITATOR_CONFIG = COURSE / "deploy" / "ein-server" / "begleitteam"
START_PAGE = "/voila/render/modules/00_start.ipynb"


facilitators = roster.facilitators()
teams = roster.teams()

# Who may log in is the facilitators' decision: only the names on the roster (REGIONALLABOR_TEAMS,
# REGIONALLABOR_BEGLEITTEAM), each with the password zugaenge.py gave it – JupyterHub's own PAM login
# against the system users. Nobody claims an account by logging in first (as with FirstUse before), and the
# machine's other users (root, services) cannot log in at all. NativeAuthenticator, which lets facilitators
# approve sign-ups in the browser, does not run on JupyterHub 6 (its login handler uses the removed statsd).
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = teams | facilitators
c.Authenticator.admin_users = facilitators
c.JupyterHub.load_groups = {GRADERS: {"users": sorted(facilitators)}}

# JupyterHub's own proxy (Node.js), installed by install.sh with `npm ci` from package.json
c.ConfigurableHTTPProxy.command = [
    str(COURSE / "deploy" / "ein-server" / "node_modules" / ".bin" / "configurable-http-proxy")
]

# Each team's server in its own systemd unit (jupyterhub-systemdspawner), so that one runaway kernel cannot
# starve the others: at most TEAM_MEMORY and one core, its own /tmp, no devices, no sudo. The limit is the
# one Kubernetes uses (deploy/README.md: three people with three pages each, 530–630 MB per person's tabs).
# Where systemd does not run (a container, the test machine), REGIONALLABOR_SPAWNER=prozess starts the
# servers as plain processes, without limits.
TEAM_MEMORY = "1536M"
if os.environ.get("REGIONALLABOR_SPAWNER", "systemd") == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.mem_limit = TEAM_MEMORY
    c.SystemdSpawner.cpu_limit = 1.0
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
else:
    c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(COURSE / "deploy" / "ein-server" / "start-singleuser.sh")]
c.Spawner.environment = {
    "REGIONALLABOR_KURSORDNER": str(COURSE),
    "REGIONALLABOR_EXCHANGE": EXCHANGE,
    # the cohort's dates, hosting team and videos; until the facilitators write it, the pages run without a cohort
    "REGIONALLABOR_KURSRAHMEN": os.environ.get("REGIONALLABOR_KURSRAHMEN", "/srv/regionallabor/kurs.toml"),
}
c.Spawner.http_timeout = 120  # many teams starting at 9 o'clock on the same morning
c.Spawner.start_timeout = 120


def ensure_system_user(name: str, facilitator: bool) -> pwd.struct_passwd:
    """Each hub user runs as a system user of the same name (created on first start, as TLJH does).

    A team's home is its own (0700); a facilitator's is shared with the other facilitators (0750, group
    GRADERS), who grade in each other's course folders. Set on every start, so homes made by an older
    version of this file are closed too.
    """
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", name], check=True)
        account = pwd.getpwnam(name)
    home = Path(account.pw_dir)
    if facilitator:
        subprocess.run(["groupadd", "--force", GRADERS], check=True)
        subprocess.run(["usermod", "--append", "--groups", GRADERS, name], check=True)
        os.chown(home, account.pw_uid, grp.getgrnam(GRADERS).gr_gid)
        home.chmod(0o750)
    else:
        home.chmod(0o700)
    return account


def prepare_server(spawner) -> None:
    """Teams open the course's start page; facilitators JupyterLab with nbgrader's formgrader."""
    facilitator = any(group.name == GRADERS for group in spawner.user.groups)
    account = ensure_system_user(spawner.user.name, facilitator)
    if facilitator:
        spawner.default_url = "/lab"
        spawner.environment.update(
            {
                "JUPYTER_CONFIG_PATH": str(FACILITATOR_CONFIG),
                "REGIONALLABOR_ROLLE": "begleitteam",
                "REGIONALLABOR_KURS": os.path.join(account.pw_dir, "regionallabor"),
                "REGIONALLABOR_BEGLEITGRUPPE": GRADERS,
            }
        )
    else:
        spawner.default_url = START_PAGE


c.Spawner.pre_spawn_hook = prepare_server

# Servers idle for an hour are stopped; the work is saved, the team's next visit starts a fresh one.
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler-service",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "jupyterhub-idle-culler-role",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["jupyterhub-idle-culler-service"],
    }
]
