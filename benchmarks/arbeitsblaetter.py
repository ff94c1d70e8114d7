"""From „Einsammeln“ to every team's feedback file, for a cohort of generated Regional-Teams (zip path).

    python benchmarks/arbeitsblaetter.py [--teams 30] [--module 1]

Each team hands in the module's worksheet as the zip file from its module page; the facilitator's desk
(regionallabor/arbeitsblaetter/begleitung.py) collects them (zip_collect), autogrades every submission,
and gives the feedback back (generate_feedback, one file per team) – the two buttons of the desk.
"""

from __future__ import annotations

import argparse
import os
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

    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.begleitung import Desk
    from regionallabor.arbeitsblaetter.snapshot import take_snapshot
    from regionallabor.core.model import Statusbericht
    from regionallabor.core.store import Arbeitsmappe
    from regionallabor.testing import fill_actions, fill_planning

    folder = Path(tempfile.mkdtemp(prefix="kohorte-"))
    course, _, _ = make_course(folder)
    desk = Desk(course)
    desk.archive(args.module).mkdir(parents=True)
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
        (desk.archive(args.module) / name).write_bytes(raw)

    started = time.perf_counter()
    students = desk.collect(args.module)
    collected = time.perf_counter() - started
    started = time.perf_counter()
    files = desk.give_back(args.module)
    given_back = time.perf_counter() - started
    assert len(files) == len(students) == args.teams
    report = {
        "teams": len(students),
        "module": args.module,
        "collect_and_check_s": collected,
        "give_back_s": given_back,
        "per_submission_s": (collected + given_back) / len(students),
    }
    save_results(f"arbeitsblaetter_modul{args.module}", report)
    print(
        f"{len(students)} Abgaben (Modul {args.module}): einsammeln und prüfen {collected:.1f} s, "
        f"zurückgeben {given_back:.1f} s; zusammen {report['per_submission_s']:.2f} s je Abgabe"
    )


if __name__ == "__main__":
    main()
