"""Autograde and feedback time per submission for a cohort of generated Regional-Teams (zip path).

    python benchmarks/arbeitsblaetter.py [--teams 30] [--module 1]

Each team hands in the module's worksheet as the zip file from its module page; the facilitator collects
them with zip_collect, autogrades every submission and generates the feedback, through nbgrader's API.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"

from benchmarks.voila_render import save_results
from regionallabor.testing import fill_team_and_region
from tests.kurs import make_course


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=30)
    parser.add_argument("--module", type=int, default=1, choices=[1, 6])
    args = parser.parse_args()

    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory

    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.snapshot import assignment_id, take_snapshot
    from regionallabor.core.model import Statusbericht
    from regionallabor.core.store import Arbeitsmappe
    from regionallabor.testing import fill_actions, fill_planning

    folder = Path(tempfile.mkdtemp(prefix="kohorte-"))
    course, _, config = make_course(folder)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    assignment = assignment_id(args.module)
    assert api.generate_assignment(assignment)["success"]
    archive = course / "downloaded" / assignment / "archive"
    archive.mkdir(parents=True)
    for number in range(args.teams):
        workbook = Arbeitsmappe(folder / "teams" / f"team-{number}" / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, f"Team {number:02d}", members=3 + number % 3)
        if args.module == 6:
            fill_planning(workbook, guests=30)
            fill_actions(workbook, count=12)
            workbook.add(Statusbericht(phase="Modul 6", achievements="Konferenz mit 60 Gästen", sent_on=None))
        name, raw = submission_zip(
            take_snapshot(workbook, args.module),
            released_notebook(args.module),
            {key: f"Antwort von Team {number}" for key in ("reflexion-team", "reflexion-aktion")},
        )
        (archive / name).write_bytes(raw)
    app = ZipCollectApp(config=config)
    app.initialize([assignment])
    app.start()
    students = sorted(path.name for path in (course / "submitted").iterdir())

    autograde = []
    for student in students:
        started = time.perf_counter()
        assert api.autograde(assignment, student)["success"]
        autograde.append(time.perf_counter() - started)
    feedback = []
    for student in students:
        started = time.perf_counter()
        assert api.generate_feedback(assignment, student)["success"]
        feedback.append(time.perf_counter() - started)
    report = {
        "teams": len(students),
        "module": args.module,
        "autograde_s": {"median": statistics.median(autograde), "max": max(autograde), "total": sum(autograde)},
        "feedback_s": {"median": statistics.median(feedback), "max": max(feedback), "total": sum(feedback)},
        "per_submission_s": (sum(autograde) + sum(feedback)) / len(students),
    }
    save_results(f"arbeitsblaetter_modul{args.module}", report)
    print(
        f"{len(students)} Abgaben (Modul {args.module}): autograde Median {report['autograde_s']['median']:.2f} s "
        f"(max {report['autograde_s']['max']:.2f} s), Rückmeldung Median {report['feedback_s']['median']:.2f} s; "
        f"zusammen {report['per_submission_s']:.2f} s je Abgabe"
    )


if __name__ == "__main__":
    main()
