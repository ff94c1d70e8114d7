"""The hosting team's desk: collect submission files, check them, answer, give the feedback back – through nbgrader."""

from __future__ import annotations

from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
from regionallabor.arbeitsblaetter.begleitung import Desk
from regionallabor.arbeitsblaetter.snapshot import take_snapshot
from regionallabor.core.store import Arbeitsmappe
from regionallabor.testing import fill_team_and_region
from tests.kurs import make_course


def hand_in_files(desk: Desk, folder, teams: dict[str, int]) -> None:
    desk.archive(1).mkdir(parents=True, exist_ok=True)
    for team, members in teams.items():
        workbook = Arbeitsmappe(folder / team / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, team.capitalize(), members=members)
        name, raw = submission_zip(
            take_snapshot(workbook, 1),
            released_notebook(1),
            {"reflexion-team": f"{team.capitalize()} sucht Jugendliche."},
        )
        (desk.archive(1) / name).write_bytes(raw)


def test_the_desk_collects_answers_and_gives_back_one_file_per_team(tmp_path):
    course, _, _ = make_course(tmp_path)
    desk = Desk(course)
    hand_in_files(desk, tmp_path / "teams", {"lautertal": 3, "hochwald": 2})

    students = desk.collect(1)
    assert len(students) == 2
    submissions = {s.team: s for s in desk.submissions(1)}
    assert set(submissions) == {"Lautertal", "Hochwald"}
    lautertal, hochwald = submissions["Lautertal"], submissions["Hochwald"]
    assert lautertal.view.check_done and not hochwald.view.check_done
    assert "mindestens 3 Teammitglieder (bisher 2)" in hochwald.view.check_text
    answers = lautertal.view.replies
    assert [a.reflection.key for a in answers] == ["reflexion-team", "reflexion-region"]
    assert answers[0].answer == "Lautertal sucht Jugendliche." and answers[0].reply == ""
    assert "Fragt zurück" in answers[0].reflection.hint
    assert lautertal.snapshot.team == "Lautertal"

    desk.save_reply(1, lautertal.student, "reflexion-team", "Fragt beim Jugendtreff nach – die suchen Projekte.")
    assert desk.submission(1, lautertal.student).view.replies[0].reply.startswith("Fragt beim Jugendtreff")

    files = {path.name: path.read_text(encoding="utf-8") for path in desk.give_back(1)}
    assert set(files) == {f"rueckmeldung_modul-1_{s}.html" for s in students}
    assert "Fragt beim Jugendtreff nach" in files[f"rueckmeldung_modul-1_{lautertal.student}.html"]
    assert "Noch keine Rückmeldung." in files[f"rueckmeldung_modul-1_{hochwald.student}.html"]

    # A newer file from Hochwald replaces its submission; the reply to Lautertal stays.
    hand_in_files(desk, tmp_path / "teams-neu", {"hochwald": 3})
    assert sorted(desk.collect(1)) == sorted(students)
    again = {s.team: s for s in desk.submissions(1)}
    assert again["Hochwald"].view.check_done
    assert again["Lautertal"].view.replies[0].reply.startswith("Fragt beim Jugendtreff")
