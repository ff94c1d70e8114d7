"""The project's folders, computed once: where the course's pages, handbook and worksheets are."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
PROJECT_ROOT = PACKAGE_DIR.parent  # the course folder: Voila's root, as on Binder and a hub
MODULES_DIR = PROJECT_ROOT / "modules"
HANDBOOK_DIR = PROJECT_ROOT / "handbook"
EXERCISES_DIR = PROJECT_ROOT / "exercises"
JUPYTER_DATA_DIR = PROJECT_ROOT / "share" / "jupyter"  # the course's Voila template, added to JUPYTER_PATH
VOILA_TEMPLATE = "regionallabor"
COURSE_CSS = JUPYTER_DATA_DIR / "voila" / "templates" / VOILA_TEMPLATE / "static" / "course.css"
