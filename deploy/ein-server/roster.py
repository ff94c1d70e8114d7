"""The cohort's roster on one machine: the teams with their members, and the facilitators.

A team is one hub user (its ``konto``) who owns the team's server, home folder and workbook; nobody logs
in as it. Its members log in with their own accounts and open the team's server, granted by JupyterHub's
roles (jupyterhub_config.py). The facilitators keep the roster in teams.toml (deploy/teams.beispiel.toml):

    [[team]]
    konto = "rl-lautertal"
    name = "Lautertal"
    weggemeinschaft = "Vogelsberg"
    mitglieder = [{ konto = "rl-lt-anna", name = "Anna" }, { konto = "rl-lt-ben", name = "Ben" }]

Read by jupyterhub_config.py (the systemd unit sets the variables) and by zugaenge.py (run by hand,
where the files in /etc/regionallabor/ are read instead); on Kubernetes by deploy/kubernetes/regionallabor_hub.py.
The grants both hubs give (groups, roles, landing page) are made here once.
"""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

TEAMS_FILE = "/etc/regionallabor/teams.toml"
HUB_ENV = "/etc/regionallabor/hub.env"  # REGIONALLABOR_BEGLEITTEAM=anna,ben
# What useradd accepts and JupyterHub keeps as it is (PAM names are not normalized to lower case).
ACCOUNT = re.compile(r"[a-z][a-z0-9-]{0,31}")


class RosterError(ValueError):
    """teams.toml cannot be used as it is; the message says where, in German, for the facilitators."""


@dataclass(frozen=True)
class Member:
    account: str
    name: str


@dataclass(frozen=True)
class Team:
    account: str
    name: str
    members: tuple[Member, ...]
    weggemeinschaft: str = ""

    @property
    def group(self) -> str:
        """The team's JupyterHub group: its members and its own account."""
        return f"team-{self.account}"

    def names(self) -> dict[str, str]:
        """Member account → the name the team's pages sign changes with."""
        return {member.account: member.name for member in self.members}


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RosterError(f"{where}: „{key}“ fehlt oder ist leer.")
    return value.strip()


def _account(entry: dict, where: str) -> str:
    account = _text(entry, "konto", where)
    if not ACCOUNT.fullmatch(account):
        raise RosterError(
            f"{where}: Konto „{account}“ geht nicht – nur Kleinbuchstaben, Ziffern und Bindestriche, "
            "am Anfang ein Buchstabe, höchstens 32 Zeichen."
        )
    return account


def parse(text: str) -> list[Team]:
    """The teams in a teams.toml; every account appears once, as a team or as one team's member."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RosterError(f"teams.toml ist kein gültiges TOML: {error}") from None
    teams, seen = [], {}
    for number, entry in enumerate(data.get("team", []), start=1):
        where = f"Team {number}"
        if not isinstance(entry, dict):
            raise RosterError(f"{where}: jedes Team ist ein Abschnitt [[team]].")
        account = _account(entry, where)
        where = f"Team „{account}“"
        members = []
        for position, member in enumerate(entry.get("mitglieder", []), start=1):
            if not isinstance(member, dict):
                raise RosterError(f"{where}, Mitglied {position}: {{ konto = …, name = … }} erwartet.")
            members.append(Member(_account(member, f"{where}, Mitglied {position}"), _text(member, "name", where)))
        for used in [account, *(member.account for member in members)]:
            if used in seen:
                raise RosterError(f"Das Konto „{used}“ steht zweimal in teams.toml ({seen[used]} und {where}).")
            seen[used] = where
        weggemeinschaft = entry.get("weggemeinschaft", "")
        teams.append(Team(account, _text(entry, "name", where), tuple(members), str(weggemeinschaft).strip()))
    return teams


def teams() -> list[Team]:
    path = Path(os.environ.get("REGIONALLABOR_TEAMS", TEAMS_FILE))
    if not path.exists():
        return []
    return parse(path.read_text(encoding="utf-8"))


def facilitators() -> set[str]:
    listed = os.environ.get("REGIONALLABOR_BEGLEITTEAM")
    if listed is None and Path(HUB_ENV).exists():
        settings = dict(line.split("=", 1) for line in Path(HUB_ENV).read_text().splitlines() if "=" in line)
        listed = settings.get("REGIONALLABOR_BEGLEITTEAM", "")
    return {name.strip() for name in (listed or "").split(",") if name.strip()}


def members(cohort: list[Team]) -> set[str]:
    return {member.account for team in cohort for member in team.members}


def check(cohort: list[Team], facilitator_accounts: set[str]) -> None:
    """A facilitator is nobody's team account or member: their server is JupyterLab, not a team's."""
    both = facilitator_accounts & ({team.account for team in cohort} | members(cohort))
    if both:
        raise RosterError(f"Im Begleitteam und in teams.toml zugleich: {', '.join(sorted(both))}.")


# What JupyterHub grants, the same on one machine and on Kubernetes


def hub_groups(cohort: list[Team], facilitator_accounts: set[str], graders: str) -> dict:
    """JupyterHub's ``load_groups``: the facilitators as nbgrader's graders, each team with its members."""
    return {
        graders: {"users": sorted(facilitator_accounts)},
        **{team.group: {"users": [team.account, *sorted(team.names())]} for team in cohort},
    }


def hub_roles(cohort: list[Team], graders: str) -> list[dict]:
    """JupyterHub's ``load_roles``: one server per team, opened by each of its members.

    The team's group may start and use the team's server. Nobody has a server of their own but the
    facilitators, so the default ``user`` role loses ``servers!user`` (JupyterHub's default grants it); a
    member of another team gets 403 at the team's server.
    """
    return [
        {
            "name": f"team-server-{team.account}",
            "description": f"Die Mitglieder von {team.name} öffnen den Server ihres Teams.",
            "scopes": [
                f"access:servers!user={team.account}",
                f"servers!user={team.account}",
                f"read:users!user={team.account}",
            ],
            "groups": [team.group],
        }
        for team in cohort
    ] + [
        {"name": "user", "scopes": ["read:users!user", "users:activity!user", "tokens!user"]},
        {
            "name": "begleitteam-server",
            "description": "Das Begleitteam startet seine eigenen Server (JupyterLab mit dem Formgrader).",
            "scopes": ["servers!user", "access:servers!user"],
            "groups": [graders],
        },
    ]


def no_confirm_clients(cohort: list[Team]) -> set[str]:
    """The team servers' OAuth clients: a member opening the team's server is not asked each time to confirm
    access to "another user's" server (``tornado_settings["oauth_no_confirm_list"]``)."""
    return {f"jupyterhub-user-{team.account}" for team in cohort}


def landing_url(cohort: list[Team], user_name: str, start_page: str) -> str:
    """Where a user lands after login: a member on the team's start page, its server started if need be; anyone
    else on their own server (JupyterHub's default, chosen by returning nothing)."""
    team = next((team for team in cohort if user_name in team.names()), None)
    if team is None:
        return ""
    return f"/hub/spawn/{team.account}?next=/user/{team.account}{start_page}"


def exists(account: str) -> bool:
    try:
        pwd.getpwnam(account)
    except KeyError:
        return False
    return True


def ensure_account_with_home(name: str, mode: int = 0o700) -> pwd.struct_passwd:
    """A system user with a home folder and a shell, created if missing; the home gets ``mode`` every time, so
    homes made by an older version of these files are closed too."""
    if not exists(name):
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", name], check=True)
    account = pwd.getpwnam(name)
    Path(account.pw_dir).chmod(mode)
    return account


def ensure_team_account(team: Team) -> pwd.struct_passwd:
    """The team's system user, whose home (0700) holds the team's workbook and worksheets."""
    return ensure_account_with_home(team.account)


def ensure_member_account(account: str) -> None:
    """A member's system user only carries the password PAM checks: no home, no shell, no server of its own."""
    if not exists(account):
        subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", account], check=True)
