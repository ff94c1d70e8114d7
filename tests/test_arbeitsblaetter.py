"""Worksheets with nbgrader: generate, release, fetch, work, submit, collect, autograde, feedback, fetch feedback –
through nbgrader's API and exchange, with three Regional-Teams: one complete, one incomplete, one whose snapshot
broke on the way."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.apps import NbGraderAPI
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeFetchFeedback, ExchangeSubmit
from traitlets.config import Config

from regionallabor.arbeitsblaetter.abgabe import REFLECTIONS
from regionallabor.arbeitsblaetter.kohorte import cohort
from regionallabor.arbeitsblaetter.quellen import worksheet_source
from regionallabor.arbeitsblaetter.snapshot import SNAPSHOT_FILE, WORKSHEET_FILE
from regionallabor.core.store import Arbeitsmappe
from regionallabor.course import MODULES
from regionallabor.testing import fill_team_and_region
from tests.helpers import download
from tests.kurs import EXERCISES, make_course, team_home

TEAMS = {"lautertal": "complete", "hochwald": "incomplete", "seeufer": "corrupted"}


def api_for(course: Path, config) -> NbGraderAPI:
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def as_team(config, student: str, home: Path, assignment: str) -> dict:
    """A team's side of the exchange: its own home folder, its own student id."""
    team_config = Config(config)
    team_config.Exchange.assignment_dir = str(home)
    team_config.Exchange.cache = str(home / ".nbgrader_cache")  # each hub user has their own
    coursedir = CourseDirectory(config=team_config, root=str(home), assignment_id=assignment, student_id=student)
    return {"coursedir": coursedir, "authenticator": Authenticator(config=team_config), "config": team_config}


def team_folder(home: Path, assignment: str) -> Path:
    return home / "regionallabor" / assignment  # the exchange's path_includes_course, as on a hub


def run_worksheet(folder: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(folder / WORKSHEET_FILE, as_version=4)
    NotebookClient(notebook, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def test_committed_worksheets_are_what_the_course_defines():
    for module in MODULES:
        committed = nbformat.read(EXERCISES / "source" / f"modul-{module.number}" / WORKSHEET_FILE, as_version=4)
        assert committed == worksheet_source(module.number), f"modul-{module.number}: run `regionallabor worksheets`"


def test_every_worksheet_generates_and_the_released_versions_hold_no_solutions(tmp_path):
    course, _, config = make_course(tmp_path)
    api = api_for(course, config)
    for module in MODULES:
        assignment = f"modul-{module.number}"
        result = api.generate_assignment(assignment)
        assert result["success"], result.get("log")
        released = (course / "release" / assignment / WORKSHEET_FILE).read_text(encoding="utf-8")
        assert "Hinweis für das Begleitteam" not in released
        for reflection in REFLECTIONS[module.number]:
            assert reflection.hint not in released
        assert released.count("Schreibt eure Antwort hier hinein.") == len(REFLECTIONS[module.number])
        assert f'assert_selbstcheck(\\".\\", {module.number})' in released


def test_exchange_path_from_release_to_fetched_feedback(tmp_path):
    course, exchange, config = make_course(tmp_path)
    api = api_for(course, config)
    assignment = "modul-1"
    assert api.generate_assignment(assignment)["success"]
    assert api.release_assignment(assignment)["success"]

    for team, kind in TEAMS.items():
        home = tmp_path / "teams" / team
        home.mkdir(parents=True)
        workbook = Arbeitsmappe(home / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, team.capitalize(), members=3 if kind != "incomplete" else 2)
        ExchangeFetchAssignment(**as_team(config, team, home, assignment)).start()
        folder = team_folder(home, assignment)
        with team_home(home):
            notebook = run_worksheet(folder)
        if kind == "complete":
            for cell in notebook.cells:
                if cell.metadata.get("nbgrader", {}).get("grade_id") == "reflexion-team":
                    cell.source = "Anja organisiert, Murat kennt alle Vereine. Uns fehlt jemand unter 30."
        nbformat.write(notebook, folder / WORKSHEET_FILE)
        if kind == "corrupted":
            (folder / SNAPSHOT_FILE).write_text('{"format": "regionallabor-momentaufnahme", "modul": 1, "te')
        ExchangeSubmit(**as_team(config, team, home, assignment)).start()
    lautertal_home = tmp_path / "teams" / "lautertal"
    ExchangeSubmit(**as_team(config, "lautertal", lautertal_home, assignment)).start()  # handed in again

    assert api.collect(assignment)["success"]
    for team in TEAMS:
        result = api.autograde(assignment, team)
        assert result["success"], result.get("error") or result.get("log")

    with api.gradebook as gradebook:
        scores = {
            team: gradebook.find_grade("selbstcheck", "arbeitsblatt", assignment, team).auto_score for team in TEAMS
        }
        assert scores == {"lautertal": 1, "hochwald": 0, "seeufer": 0}
        for team in TEAMS:
            comment = gradebook.find_comment("reflexion-team", "arbeitsblatt", assignment, team)
            comment.manual_comment = f"Danke, {team.capitalize()}! Fragt doch die Jugendpflege nach jemandem unter 30."
            gradebook.find_grade("reflexion-team", "arbeitsblatt", assignment, team).manual_score = 1
        gradebook.db.commit()
    autograded = (course / "autograded" / "hochwald" / assignment / WORKSHEET_FILE).read_text(encoding="utf-8")
    assert "mindestens 3 Teammitglieder (bisher 2)" in autograded
    broken = (course / "autograded" / "seeufer" / assignment / WORKSHEET_FILE).read_text(encoding="utf-8")
    assert "ist beschädigt" in broken and "Traceback" not in broken

    feedback = api.generate_feedback(assignment)
    assert feedback["success"], feedback.get("error") or feedback.get("log")
    assert api.release_feedback(assignment)["success"]
    history = {row.student: row.worksheets[1].history for row in cohort(course, config)}
    assert {team: len(times) for team, times in history.items()} == {"lautertal": 2, "hochwald": 1, "seeufer": 1}
    for team in TEAMS:
        home = tmp_path / "teams" / team
        ExchangeFetchFeedback(**as_team(config, team, home, assignment)).start()
        feedback_files = list((team_folder(home, assignment) / "feedback").rglob("arbeitsblatt.html"))
        assert len(feedback_files) == 1, team
        html = feedback_files[0].read_text(encoding="utf-8")
        assert f"Danke, {team.capitalize()}!" in html
        assert "Rückmeldung des Begleitteams" in html and "Eure Antwort" in html and "Selbstcheck" in html
        others = [other.capitalize() for other in TEAMS if other != team]
        assert not any(f"Danke, {other}!" in html for other in others)
    lautertal = next(
        (team_folder(tmp_path / "teams" / "lautertal", assignment) / "feedback").rglob("arbeitsblatt.html")
    )
    assert "Selbstcheck Modul 1: alles da." in lautertal.read_text(encoding="utf-8")
    assert_reads_as_feedback(lautertal.read_text(encoding="utf-8"))


def assert_reads_as_feedback(html: str) -> None:
    """What a team reads: the module as title, German, no points, no code, nothing from elsewhere."""
    assert "<title>Modul 1 · Team &amp; Region – Rückmeldung des Begleitteams</title>" in html
    for english_or_grading in (
        "Punkte",
        " von 1",
        "0.0",
        "No response",
        "Student",
        "%xmode",
        "import ",
        "In [",
        "<script",
    ):
        assert english_or_grading not in html, english_or_grading
    assert "Noch keine Rückmeldung." in html  # the second question got no reply
    assert "http://" not in html and "https://" not in html


def test_zip_path_from_the_module_page_to_one_feedback_file_per_team(tmp_path):
    import zipfile

    from nbgrader.apps.zipcollectapp import ZipCollectApp

    from regionallabor.arbeitsblaetter.abgabe import answers
    from regionallabor.arbeitsblaetter.kohorte import feedback_files
    from regionallabor_widgets.arbeitsblatt import WorksheetSubmission

    course, _, config = make_course(tmp_path)
    api = api_for(course, config)
    assignment = "modul-1"
    assert api.generate_assignment(assignment)["success"]
    archive = course / "downloaded" / assignment / "archive"
    archive.mkdir(parents=True)
    team_ids = {}
    for team, kind in TEAMS.items():
        workbook = Arbeitsmappe(tmp_path / "teams" / team / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, team.capitalize(), members=3 if kind != "incomplete" else 2)
        tool = WorksheetSubmission(workbook, 1)
        tool.fields["reflexion-team"].value = f"{team.capitalize()}: wir suchen noch jemanden aus der Landwirtschaft."
        assert answers(workbook, 1)["reflexion-team"].startswith(team.capitalize())
        name, raw = download(tool.make)  # one click, as in the browser
        assert f"_modul-1_{team}-" in name and name.endswith("Z.zip")
        assert name in tool.notice.text
        if kind == "corrupted":
            with zipfile.ZipFile(__import__("io").BytesIO(raw)) as original:
                notebook = original.read(WORKSHEET_FILE)
            rebuilt = __import__("io").BytesIO()
            with zipfile.ZipFile(rebuilt, "w") as broken:
                broken.writestr(WORKSHEET_FILE, notebook)
                broken.writestr(SNAPSHOT_FILE, b"\x00\x01 kaputt")
            raw = rebuilt.getvalue()
        (archive / name).write_bytes(raw)
        team_ids[team] = name.split("_")[2]

    app = ZipCollectApp(config=config)
    app.initialize([assignment])
    app.start()
    submitted = sorted(path.name for path in (course / "submitted").iterdir())
    assert submitted == sorted(team_ids.values())
    for student in team_ids.values():
        assert (course / "submitted" / student / assignment / SNAPSHOT_FILE).exists()
        result = api.autograde(assignment, student)
        assert result["success"], result.get("error") or result.get("log")
    with api.gradebook as gradebook:
        scores = {
            team: gradebook.find_grade("selbstcheck", "arbeitsblatt", assignment, student).auto_score
            for team, student in team_ids.items()
        }
    assert scores == {"lautertal": 1, "hochwald": 0, "seeufer": 0}
    graded = (course / "autograded" / team_ids["lautertal"] / assignment / WORKSHEET_FILE).read_text(encoding="utf-8")
    assert "Lautertal: wir suchen noch jemanden aus der Landwirtschaft." in graded

    assert api.generate_feedback(assignment)["success"]
    files = feedback_files(course, assignment, tmp_path / "zum-verschicken")
    assert sorted(path.name for path in files) == sorted(
        f"rueckmeldung_{assignment}_{s}.html" for s in team_ids.values()
    )
    hochwald = (tmp_path / "zum-verschicken" / f"rueckmeldung_{assignment}_{team_ids['hochwald']}.html").read_text()
    assert "mindestens 3 Teammitglieder (bisher 2)" in hochwald and "Hochwald: wir suchen" in hochwald
    assert "noch offen" in hochwald and "erledigt" not in hochwald
    assert "Hier habt ihr nichts geschrieben." in hochwald  # the region question, left empty


def test_snapshot_pseudonymises_private_persons_unless_the_team_opts_out(tmp_path):
    from regionallabor.arbeitsblaetter.snapshot import SnapshotError, parse_snapshot, selbstcheck, take_snapshot
    from regionallabor.core.model import Akteur

    workbook = Arbeitsmappe(tmp_path / "arbeitsmappe.sqlite3")
    fill_team_and_region(workbook, "Lautertal")
    workbook.add(Akteur(name="Erika Musterfrau", type="person", sector="zivilgesellschaft", private_person=True))
    workbook.add(Akteur(name="Repair-Café Lautertal", type="initiative", sector="zivilgesellschaft"))
    hidden = take_snapshot(workbook, 3).to_json().decode("utf-8")
    assert "Erika Musterfrau" not in hidden and "Repair-Café Lautertal" in hidden
    assert "Erika Musterfrau" in take_snapshot(workbook, 3, pseudonymise=False).to_json().decode("utf-8")
    assert "akteur" not in json.loads(take_snapshot(workbook, 1).to_json())["arbeitsmappe"]["records"]
    snapshot = parse_snapshot(take_snapshot(workbook, 1).to_json(), 1)
    assert selbstcheck(snapshot) == []
    with pytest.raises(SnapshotError, match="gehört zu Modul 1, nicht zu Modul 2"):
        parse_snapshot(snapshot.to_json(), 2)


def test_each_question_has_its_own_hint_for_the_facilitators_in_the_source():
    hints = [reflection.hint for reflections in REFLECTIONS.values() for reflection in reflections]
    assert len(hints) == len(set(hints)) == 12
    for module in MODULES:
        answers = {
            cell.metadata["nbgrader"]["grade_id"]: cell.source
            for cell in worksheet_source(module.number).cells
            if cell.metadata.get("nbgrader", {}).get("solution")
        }
        for reflection in REFLECTIONS[module.number]:
            assert "Fragt zurück" in reflection.hint or "Antwortet" in reflection.hint
            assert answers[reflection.key].endswith(reflection.hint)
