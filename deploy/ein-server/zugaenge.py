"""Accounts for the roster: a system user and a first password for every name on it that has none yet.

    sudo /opt/regionallabor/env/bin/python /opt/regionallabor/deploy/ein-server/zugaenge.py [--neu NAME …]

Prints the new accounts' names and passwords – once; hand each team its own (in person or on the phone,
not in a group e-mail). ``--neu`` gives the named accounts a new password, e.g. when a team lost its own.
A team changes its password in JupyterLab's terminal with ``passwd``.
"""

from __future__ import annotations

import argparse
import pwd
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import roster

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to mix up when read out


def new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def give_accounts(names: set[str], renew: set[str] = frozenset()) -> dict[str, str]:
    """Create the missing system users (home 0700) and set passwords for them and for ``renew``."""
    passwords = {}
    for name in sorted(names):
        if not exists(name):
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", name], check=True)
            Path(pwd.getpwnam(name).pw_dir).chmod(0o700)
        elif name not in renew:
            continue
        passwords[name] = new_password()
    if passwords:
        lines = "".join(f"{name}:{password}\n" for name, password in passwords.items())
        subprocess.run(["chpasswd"], input=lines, text=True, check=True)
    return passwords


def main() -> None:
    parser = argparse.ArgumentParser(description="Zugänge für die Namen in teams.txt und REGIONALLABOR_BEGLEITTEAM")
    parser.add_argument("--neu", nargs="*", default=[], help="diesen Konten ein neues Passwort geben")
    args = parser.parse_args()
    names = roster.teams() | roster.facilitators()
    unknown = set(args.neu) - names
    if unknown:
        sys.exit(f"Nicht auf der Liste: {', '.join(sorted(unknown))} – erst in teams.txt oder hub.env eintragen.")
    passwords = give_accounts(names, set(args.neu))
    if not passwords:
        print("Alle Namen auf der Liste haben schon einen Zugang.")
    for name, password in passwords.items():
        print(f"{name}\t{password}")


if __name__ == "__main__":
    main()
