"""JupyterHub for a Regionallabor cohort on one machine (up to ~100 Regional-Teams).

Every team is a hub user with its own system user and home folder, where its workbook and its
worksheets stay between sessions; nobody logs in as a team. Each member logs in with an own account and
opens the team's one server (JupyterHub's roles, generated from teams.toml), so all members' pages work
in one workbook and sign their changes with the member's name. Facilitators are the members of
nbgrader's group ``formgrade-regionallabor``: their servers open JupyterLab with the formgrader and the
course folder ``~/regionallabor``; teams' servers open the course's start page. See deploy/README.md.

Settings from the environment (the systemd unit sets them):
  REGIONALLABOR_KURSORDNER  the course checkout, default /opt/regionallabor
  REGIONALLABOR_EXCHANGE    nbgrader's exchange folder, default /srv/nbgrader/exchange
  REGIONALLABOR_TEAMS       the roster, teams.toml: teams, their names and members (roster.py)
  REGIONALLABOR_BEGLEITTEAM comma-separated hub user names of the facilitators
  REGIONALLABOR_SPAWNER     systemd (default) or prozess, where systemd does not run
  REGIONALLABOR_KURSRAHMEN  the cohort's course file, default /srv/regionallabor/kurs.toml
"""

import grp
import json
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
teams = {team.account: team for team in roster.teams()}
roster.check(list(teams.values()), facilitators)

# Who may log in is the facilitators' decision: only the members and facilitators on the roster, each with
# the password zugaenge.py gave them – JupyterHub's own PAM login against the system users. Nobody claims an
# account by logging in first, a name taken off the roster no longer logs in (allow_existing_users), and
# the machine's other users (root, services) and the team accounts (no password) cannot log in at all.
# NativeAuthenticator, which lets facilitators approve sign-ups in the browser, does not run on
# JupyterHub 6 (its login handler uses the removed statsd).
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = roster.members(list(teams.values())) | facilitators
c.Authenticator.allow_existing_users = False
c.Authenticator.admin_users = facilitators
c.JupyterHub.load_groups = roster.hub_groups(list(teams.values()), facilitators, GRADERS)
c.JupyterHub.load_roles = roster.hub_roles(list(teams.values()), GRADERS)
c.JupyterHub.tornado_settings = {"oauth_no_confirm_list": roster.no_confirm_clients(list(teams.values()))}


def landing_page(handler) -> str:
    return roster.landing_url(list(teams.values()), getattr(handler.current_user, "name", ""), START_PAGE)


c.JupyterHub.default_url = landing_page

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


def ensure_facilitator_account(name: str) -> pwd.struct_passwd:
    """A facilitator's system user, whose home is shared with the other facilitators (0750, group GRADERS):
    they grade in each other's course folders. Set on every start, as roster.ensure_team_account does."""
    account = roster.ensure_account_with_home(name, 0o750)
    subprocess.run(["groupadd", "--force", GRADERS], check=True)
    subprocess.run(["usermod", "--append", "--groups", GRADERS, name], check=True)
    os.chown(account.pw_dir, account.pw_uid, grp.getgrnam(GRADERS).gr_gid)
    return account


def prepare_server(spawner) -> None:
    """Teams' servers open the course's start page; facilitators' JupyterLab with nbgrader's formgrader."""
    name = spawner.user.name
    if name in facilitators:
        account = ensure_facilitator_account(name)
        spawner.default_url = "/lab"
        spawner.environment.update(
            {
                "JUPYTER_CONFIG_PATH": str(FACILITATOR_CONFIG),
                "REGIONALLABOR_ROLLE": "begleitteam",
                "REGIONALLABOR_KURS": os.path.join(account.pw_dir, "regionallabor"),
                "REGIONALLABOR_BEGLEITGRUPPE": GRADERS,
            }
        )
    elif name in teams:
        roster.ensure_team_account(teams[name])
        spawner.default_url = START_PAGE
        # the page signs each change with the name of the member who opened it (regionallabor.serving)
        spawner.environment["REGIONALLABOR_KONTEN"] = json.dumps(teams[name].names(), ensure_ascii=False)
    else:
        # Only reached through the API: the roles give a member no server of their own.
        raise RuntimeError(f"{name} hat keinen eigenen Server – die Mitglieder arbeiten im Server ihres Teams.")


c.Spawner.pre_spawn_hook = prepare_server

# Servers idle for an hour are stopped; the work is saved, the team's next visit starts a fresh one.
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler-service",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
]
c.JupyterHub.load_roles += [
    {
        "name": "jupyterhub-idle-culler-role",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["jupyterhub-idle-culler-service"],
    }
]
