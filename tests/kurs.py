"""A temporary nbgrader course with Regional-Teams, for the worksheet tests and the benchmark."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from regionallabor.model import Member, OwnFigures, Region, Team
from regionallabor.store import Arbeitsmappe

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"


def make_course(folder: Path) -> tuple[Path, Path, Config]:
    """A copy of exercises/ (sources, templates, config) and an exchange; nbgrader's config read from the real file."""
    course = folder / "kurs"
    course_state = {"release", "submitted", "autograded", "feedback", "downloaded", "gradebook.db", ".ipynb_checkpoints"}
    shutil.copytree(EXERCISES, course,
                    ignore=lambda folder, names: course_state & set(names) if Path(folder) == EXERCISES else set())
    exchange = folder / "exchange"
    exchange.mkdir()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    config.Exchange.root = str(exchange)
    return course, exchange, config


def fill_module1(workbook: Arbeitsmappe, team: str, *, members: int = 3) -> None:
    workbook.add(Team(name=team))
    for number in range(members):
        workbook.add(Member(name=f"{team} Mitglied {number + 1}", is_main_contact=number == 0))
    workbook.save(Region(name=f"Region {team}", area_type="stadtteil", weggemeinschaft="Deutschland",
                         own_figures=OwnFigures(population=4200, year=2025, source="Stadt")), None)


@contextmanager
def team_home(home: Path):
    """Run as a team: its own workbook folder for the worksheet's first cell."""
    old = os.environ.get("REGIONALLABOR_HOME")
    os.environ["REGIONALLABOR_HOME"] = str(home)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("REGIONALLABOR_HOME")
        else:
            os.environ["REGIONALLABOR_HOME"] = old
