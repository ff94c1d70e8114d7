"""Accounts for the roster: a system user and a first password for every member and facilitator without one.

    sudo /opt/regionallabor/env/bin/python /opt/regionallabor/deploy/ein-server/zugaenge.py [--neu NAME …]

Prints the new accounts' names and passwords – once; hand each person their own (in person or on the
phone, not in a group e-mail). ``--neu`` gives the named accounts a new password, e.g. when someone lost
theirs. A team's account has no password: nobody logs in as the team, its members open its server.
"""

from __future__ import annotations

import argparse
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import roster

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to mix up when read out


def new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def give_accounts(members: set[str], facilitators: set[str], renew: set[str] = frozenset()) -> dict[str, str]:
    """Create the missing system users and set passwords for them and for ``renew``.

    A member's user has no home and no shell (roster.ensure_member_account); a facilitator's has both,
    closed to others (0700) until the hub opens it to the other facilitators on the first start.
    """
    passwords = {}
    for name in sorted(members | facilitators):
        if not roster.exists(name):
            if name in members:
                roster.ensure_member_account(name)
            else:
                roster.ensure_account_with_home(name)
        elif name not in renew:
            continue
        passwords[name] = new_password()
    if passwords:
        lines = "".join(f"{name}:{password}\n" for name, password in passwords.items())
        subprocess.run(["chpasswd"], input=lines, text=True, check=True)
    return passwords


def main() -> None:
    parser = argparse.ArgumentParser(description="Zugänge für die Mitglieder in teams.toml und das Begleitteam")
    parser.add_argument("--neu", nargs="*", default=[], help="diesen Konten ein neues Passwort geben")
    args = parser.parse_args()
    try:
        cohort = roster.teams()
        facilitators = roster.facilitators()
        roster.check(cohort, facilitators)
    except roster.RosterError as error:
        sys.exit(str(error))
    members = roster.members(cohort)
    unknown = set(args.neu) - members - facilitators
    if unknown:
        sys.exit(
            f"Nicht auf der Liste: {', '.join(sorted(unknown))} – erst in teams.toml (als Mitglied) oder hub.env "
            "eintragen. Team-Konten haben kein Passwort."
        )
    for team in cohort:  # the hub needs every account it knows as a system user before it starts
        roster.ensure_team_account(team)
    passwords = give_accounts(members, facilitators, set(args.neu))
    if not passwords:
        print("Alle Namen auf der Liste haben schon einen Zugang.")
    for name, password in passwords.items():
        print(f"{name}\t{password}")


if __name__ == "__main__":
    main()
