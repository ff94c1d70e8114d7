"""Authorize a signed-up hub account on the machine itself – for the first facilitator, who has nobody to ask.

    /opt/regionallabor/env/bin/python deploy/ein-server/freischalten.py <name> [hub database]

The account must have signed up at /hub/signup already; everyone after the first facilitator is authorized
by a facilitator at /hub/authorize. Run as root (the hub's database is the hub's alone).
"""

import sys

from jupyterhub.orm import new_session_factory
from nativeauthenticator.orm import UserInfo

DATABASE = "sqlite:////srv/regionallabor-hub/jupyterhub.sqlite"


def authorize(name: str, database: str = DATABASE) -> bool:
    session = new_session_factory(database)()
    try:
        account = UserInfo.find(session, name)
        if account is None:
            return False
        account.is_authorized = True
        session.commit()
        return True
    finally:
        session.close()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    if not authorize(*sys.argv[1:]):
        sys.exit(f"Kein Konto „{sys.argv[1]}“: erst unter /hub/signup registrieren, dann freischalten.")
    print(f"„{sys.argv[1]}“ ist freigeschaltet und kann sich anmelden.")
