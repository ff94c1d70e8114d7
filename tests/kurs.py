"""A temporary nbgrader course with Regional-Teams, for the worksheet tests and the benchmark."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from regionallabor.core.store import Arbeitsmappe
from regionallabor.testing import fill_team_and_region

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"


def make_course(folder: Path) -> tuple[Path, Path, Config]:
    """A copy of exercises/ (sources, templates, config) and an exchange; nbgrader's config read from the real file."""
    course = folder / "kurs"
    course_state = {
        "release",
        "submitted",
        "autograded",
        "feedback",
        "downloaded",
        "gradebook.db",
        ".ipynb_checkpoints",
    }
    shutil.copytree(
        EXERCISES,
        course,
        ignore=lambda folder, names: course_state & set(names) if Path(folder) == EXERCISES else set(),
    )
    exchange = folder / "exchange"
    exchange.mkdir()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    config.Exchange.root = str(exchange)
    return course, exchange, config


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


TEAMS = {"lautertal": "complete", "hochwald": "incomplete", "seeufer": "corrupted"}


def graded_course(folder: Path, teams: dict[str, str] = TEAMS, comment_on: tuple[str, ...] = ("lautertal",)):
    """A course where each team handed in Modul 1 as a zip file, autograded; feedback written and exported for
    ``comment_on``. Returns the course folder, nbgrader's config and {team: student id}."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory

    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.kohorte import feedback_files
    from regionallabor.arbeitsblaetter.snapshot import SNAPSHOT_FILE, take_snapshot

    course, _, config = make_course(folder)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    assert api.generate_assignment("modul-1")["success"]
    archive = course / "downloaded" / "modul-1" / "archive"
    archive.mkdir(parents=True)
    students = {}
    for team, kind in teams.items():
        workbook = Arbeitsmappe(folder / "teams" / team / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, team.capitalize(), members=2 if kind == "incomplete" else 3)
        name, raw = submission_zip(
            take_snapshot(workbook, 1),
            released_notebook(1),
            {"reflexion-team": f"{team.capitalize()} stellt sich vor."},
        )
        students[team] = name.split("_")[2]
        if kind == "corrupted":
            import io
            import zipfile

            with zipfile.ZipFile(io.BytesIO(raw)) as original, zipfile.ZipFile(archive / name, "w") as broken:
                for item in original.namelist():
                    broken.writestr(item, b"{kaputt" if item == SNAPSHOT_FILE else original.read(item))
        else:
            (archive / name).write_bytes(raw)
    app = ZipCollectApp(config=config)
    app.initialize(["modul-1"])
    app.start()
    for student in students.values():
        assert api.autograde("modul-1", student)["success"]
    with api.gradebook as gradebook:
        for team in comment_on:
            comment = gradebook.find_comment("reflexion-team", "arbeitsblatt", "modul-1", students[team])
            comment.manual_comment = "Schön, dass ihr so gemischt seid!"
        gradebook.db.commit()
    assert api.generate_feedback("modul-1")["success"]
    for team in comment_on:
        source = course / "feedback" / students[team] / "modul-1"
        assert source.exists()
    feedback_files(course, "modul-1")  # a file for every team, with a reply or without
    return course, config, students


def hostile_submission(folder: Path, marker: Path) -> tuple[str, bytes]:
    """A zip submission of a team that tries everything: markup in its names and answers, cells it added or
    changed that would write ``marker`` if they ran, a raw HTML cell, widget state and an attachment."""
    import json

    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.snapshot import take_snapshot
    from regionallabor.core.model import Member
    from tests.helpers import HOSTILE_MARKUP, HOSTILE_TEXT

    workbook = Arbeitsmappe(folder / "arbeitsmappe.sqlite3")
    fill_team_and_region(workbook, "Lautertal " + HOSTILE_MARKUP[1])
    for markup in HOSTILE_MARKUP:
        workbook.add(Member(name=markup))
    notebook = json.loads(json.dumps(released_notebook(1)))
    run_marker = f"open({str(marker)!r}, 'w').write('ausgeführt')"
    cells = notebook["cells"]
    for cell in cells:
        if cell.get("id") == "namen-ersetzen":
            cell["source"] = f"NAMEN_ERSETZEN = True; {run_marker}"
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "momentaufnahme-ansicht":
            cell["source"] += f"\n{run_marker}"  # a locked cell, changed
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "reflexion-region":
            cell["attachments"] = {"x.svg": {"image/svg+xml": "PHN2ZyBvbmxvYWQ9InJsX3hzcz0xIi8+"}}
    cells.insert(
        2,
        {
            "id": "dazu-1",
            "cell_type": "code",
            "metadata": {},
            "source": run_marker,
            "outputs": [],
            "execution_count": None,
        },
    )
    forged = {
        "grade": True,
        "solution": False,
        "locked": True,
        "grade_id": "selbstcheck",
        "points": 1,
        "schema_version": 3,
    }
    cells.append(
        {
            "id": "dazu-2",
            "cell_type": "code",
            "metadata": {"nbgrader": forged},
            "source": run_marker,
            "outputs": [],
            "execution_count": None,
        }
    )
    cells.append({"id": "dazu-3", "cell_type": "raw", "metadata": {"format": "text/html"}, "source": HOSTILE_TEXT})
    cells.append({"id": "dazu-4", "cell_type": "markdown", "metadata": {}, "source": HOSTILE_TEXT})
    notebook["metadata"]["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {"x": {"model_name": "HTMLModel", "state": {"value": HOSTILE_MARKUP[1]}}},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    return submission_zip(
        take_snapshot(workbook, 1, pseudonymise=False),
        notebook,
        {"reflexion-team": HOSTILE_TEXT, "reflexion-region": "![x](attachment:x.svg) " + HOSTILE_MARKUP[0]},
    )


def autograded_zip_course(folder: Path, files: list[tuple[str, bytes]]):
    """A course where ``files`` (submission zips for Modul 1) were collected with zip_collect and autograded.

    Returns the course folder, nbgrader's API and the student ids, in the order of ``files``."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory

    course, _, config = make_course(folder)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    assert api.generate_assignment("modul-1")["success"]
    archive = course / "downloaded" / "modul-1" / "archive"
    archive.mkdir(parents=True)
    for name, raw in files:
        (archive / name).write_bytes(raw)
    app = ZipCollectApp(config=config)
    app.initialize(["modul-1"])
    app.start()
    students = [name.split("_")[2] for name, _ in files]
    for student in students:
        result = api.autograde("modul-1", student)
        assert result["success"], result.get("error") or result.get("log")
    return course, api, students


# Four teams hand in Modul 1; three agreed to appear on the Vernetzungslandkarte, each showing something else.
NETWORKING = {
    "Lautertal": (
        "DE-07335",
        "Deutschland",
        dict(share=True, handlungsfelder=["mobilitaet", "energie"], contact="team@lautertal.example"),
    ),
    "Hochwald": ("DE-07231", "Deutschland", dict(share=True, share_region=False, handlungsfelder=["mobilitaet"])),
    "Seeufer": ("DE-08435", "Bodensee", dict(share=True, handlungsfelder=["landwirtschaft"])),
    "Talaue": (
        "DE-08315",
        "Deutschland",
        dict(share=False, handlungsfelder=["wirtschaft"], contact="geheim@talaue.example"),
    ),
}


def networking_course(folder: Path) -> tuple[Path, dict[str, Arbeitsmappe]]:
    """A course where the four NETWORKING teams handed in Modul 1 as files, collected (not graded)."""
    from nbgrader.apps.zipcollectapp import ZipCollectApp

    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.snapshot import take_snapshot
    from regionallabor.core.model import Region, Vernetzung

    course, _, config = make_course(folder)
    archive = course / "downloaded" / "modul-1" / "archive"
    archive.mkdir(parents=True)
    workbooks = {}
    for team, (area, wegg, choice) in NETWORKING.items():
        workbook = Arbeitsmappe(folder / "teams" / team / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, team)
        stored = workbook.get(Region)
        region = stored.record.model_copy(update={"area_ids": [area], "country": "DE", "weggemeinschaft": wegg})
        workbook.save(region, stored.version)
        workbook.save(Vernetzung(**choice), None)
        name, raw = submission_zip(take_snapshot(workbook, 1), released_notebook(1), {})
        (archive / name).write_bytes(raw)
        workbooks[team] = workbook
    app = ZipCollectApp(config=config)
    app.initialize(["modul-1"])
    app.start()
    return course, workbooks
