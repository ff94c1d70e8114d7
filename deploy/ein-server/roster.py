"""The cohort's roster on one machine: who may log in as a team, and who as a facilitator.

Read by jupyterhub_config.py (the systemd unit sets the variables) and by zugaenge.py (run by hand,
where the files in /etc/regionallabor/ are read instead).
"""

from __future__ import annotations

import os
from pathlib import Path

TEAMS_FILE = "/etc/regionallabor/teams.txt"  # one hub name per line; lines starting with # are comments
HUB_ENV = "/etc/regionallabor/hub.env"  # REGIONALLABOR_BEGLEITTEAM=anna,ben


def teams() -> set[str]:
    path = Path(os.environ.get("REGIONALLABOR_TEAMS", TEAMS_FILE))
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


def facilitators() -> set[str]:
    listed = os.environ.get("REGIONALLABOR_BEGLEITTEAM")
    if listed is None and Path(HUB_ENV).exists():
        settings = dict(line.split("=", 1) for line in Path(HUB_ENV).read_text().splitlines() if "=" in line)
        listed = settings.get("REGIONALLABOR_BEGLEITTEAM", "")
    return {name.strip() for name in (listed or "").split(",") if name.strip()}
