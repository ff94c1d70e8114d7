"""The project's folders, computed once: where the course's pages, handbook and worksheets are."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# A wheel carries the course folder inside the package (hatch_build.py); in a checkout it is the checkout.
SHIPPED_COURSE_FOLDER = PACKAGE_DIR / "course_folder"
INSTALLED_FROM_WHEEL = SHIPPED_COURSE_FOLDER.is_dir()
PROJECT_ROOT = SHIPPED_COURSE_FOLDER if INSTALLED_FROM_WHEEL else PACKAGE_DIR.parent  # Voila's root, as on a hub
MODULES_DIR = PROJECT_ROOT / "modules"
HANDBOOK_DIR = PROJECT_ROOT / "handbook"
EXERCISES_DIR = PROJECT_ROOT / "exercises"
JUPYTER_DATA_DIR = PROJECT_ROOT / "share" / "jupyter"  # the course's Voila template, added to JUPYTER_PATH
VOILA_TEMPLATE = "regionallabor"
COURSE_CSS = JUPYTER_DATA_DIR / "voila" / "templates" / VOILA_TEMPLATE / "static" / "course.css"
