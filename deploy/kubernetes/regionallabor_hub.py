"""The Regionallabor's part of the hub's configuration on Kubernetes (Zero-to-JupyterHub, KubeSpawner).

Mounted into the hub with roster.py and the cohort's teams.toml (``hub.extraFiles`` in values.yaml) and run
from ``hub.extraConfig``: the same roster and grants as on one machine – one login per person, one server
per team, opened by its members –, and the spawn hook that gives facilitators JupyterLab with the course
folder and teams the start page.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import roster

GRADERS = "formgrade-regionallabor"  # nbgrader's name for the course's graders
START_PAGE = "/voila/render/modules/00_start.ipynb"
COURSE_FOLDER = "/srv/regionallabor/kurs"
FACILITATOR_CONFIG = "/opt/regionallabor/deploy/ein-server/begleitteam"
FIRST_UID = 20000  # each user's server runs as a uid of its own, so nbgrader's exchange keeps teams apart


def with_volume(existing, name: str, entry: dict):
    """``existing`` KubeSpawner volumes or mounts with ``entry`` added: a dict keyed by name (how chart 4.x
    sets them; KubeSpawner sorts the keys) or a list, as KubeSpawner accepts both."""
    if isinstance(existing, dict):
        return {**existing, name: entry}
    return [*(existing or []), entry]


def _configured(section, name: str, default):
    """What the chart's configuration already set (traitlets gives a lazy placeholder for an unset value)."""
    value = section.get(name) if name in section else None
    return value if isinstance(value, type(default)) else default


def configure(c, teams_file: str | Path, facilitators: set[str]) -> None:
    cohort = roster.parse(Path(teams_file).read_text(encoding="utf-8")) if Path(teams_file).exists() else []
    roster.check(cohort, facilitators)
    teams = {team.account: team for team in cohort}

    # Only the roster's people log in (each with the password set when signing up, NativeAuthenticator);
    # a name taken off the roster no longer does, and a team's account is nobody's login.
    c.Authenticator.allowed_users = roster.members(cohort) | facilitators
    c.Authenticator.allow_existing_users = False
    c.Authenticator.admin_users = facilitators
    c.JupyterHub.load_groups = roster.hub_groups(cohort, facilitators, GRADERS)
    # the chart's own roles (the idle culler's) and tornado settings stay
    c.JupyterHub.load_roles = [*_configured(c.JupyterHub, "load_roles", []), *roster.hub_roles(cohort, GRADERS)]
    c.JupyterHub.tornado_settings = {
        **_configured(c.JupyterHub, "tornado_settings", {}),
        "oauth_no_confirm_list": roster.no_confirm_clients(cohort),
    }
    c.JupyterHub.default_url = lambda handler: roster.landing_url(
        cohort, getattr(handler.current_user, "name", ""), START_PAGE
    )

    def prepare_server(spawner) -> None:
        """Facilitators' servers: JupyterLab with the formgrader and the shared course folder; teams' servers:
        the start page, signing each change with the member's name. A member has no server of their own."""
        name = spawner.user.name
        spawner.environment["NB_UID"] = str(FIRST_UID + spawner.user.id)
        if name in facilitators:
            spawner.default_url = "/lab"
            spawner.environment.update(
                {
                    "REGIONALLABOR_ROLLE": "begleitteam",
                    "JUPYTER_CONFIG_PATH": FACILITATOR_CONFIG,
                    "REGIONALLABOR_KURS": COURSE_FOLDER,
                    "REGIONALLABOR_GRADEBOOK_URL": os.environ.get("REGIONALLABOR_GRADEBOOK_URL", ""),
                }
            )
            spawner.volumes = with_volume(
                spawner.volumes, "kurs", {"name": "kurs", "persistentVolumeClaim": {"claimName": "regionallabor-kurs"}}
            )
            spawner.volume_mounts = with_volume(
                spawner.volume_mounts, "kurs", {"name": "kurs", "mountPath": COURSE_FOLDER}
            )
        elif name in teams:
            spawner.default_url = START_PAGE
            # KubeSpawner fills {placeholders} in every environment value: JSON's braces are doubled for it
            names = json.dumps(teams[name].names(), ensure_ascii=False)
            spawner.environment["REGIONALLABOR_KONTEN"] = names.replace("{", "{{").replace("}", "}}")
        else:
            raise RuntimeError(f"{name} hat keinen eigenen Server – die Mitglieder arbeiten im Server ihres Teams.")

    c.KubeSpawner.pre_spawn_hook = prepare_server
