"""The Kohorten-Übersicht: read from nbgrader's gradebook for a course with three teams."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import ipywidgets as ipw
import nbformat
import pytest
from nbclient import NotebookClient

from regionallabor.arbeitsblaetter.kohorte import cohort, latest_snapshot
from regionallabor.core.store import Arbeitsmappe
from tests.kurs import EXERCISES, graded_course


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return graded_course(tmp_path_factory.mktemp("kohorte"))


def test_cohort_reads_every_team_from_the_gradebook(graded):
    course, config, students = graded
    rows = {row.student: row for row in cohort(course)}
    assert set(rows) == set(students.values())
    lautertal, hochwald, seeufer = (rows[students[team]] for team in ("lautertal", "hochwald", "seeufer"))
    assert (lautertal.team, lautertal.weggemeinschaft) == ("Lautertal", "Deutschland")
    state = lautertal.worksheets[1]
    assert state.submitted and state.selbstcheck is True and state.feedback_written and state.feedback_returned
    assert hochwald.worksheets[1].selbstcheck is False and not hochwald.worksheets[1].feedback_written
    # Hochwald's feedback file went out too, but with no reply in it: not "Rückmeldung zurück"
    assert (course / "rueckmeldungen" / f"rueckmeldung_modul-1_{students['hochwald']}.html").exists()
    assert not hochwald.worksheets[1].feedback_returned
    assert state.feedback_returned_at[:10] == datetime.now(UTC).date().isoformat()
    assert seeufer.latest_module is None and seeufer.team == students["seeufer"]  # its snapshot is broken
    assert set(lautertal.worksheets) == {1}
    assert latest_snapshot(course, lautertal).team == "Lautertal"


def test_overview_widget_filters_and_shows_a_team(graded):
    from regionallabor_widgets.kohorte import CohortOverview

    course, _, students = graded
    overview = CohortOverview(course)

    def buttons():
        return [child for child in overview.grid.children if isinstance(child, ipw.Button)]

    teams = [child.description for child in buttons()]
    assert sorted(teams) == sorted(["Lautertal", "Hochwald", students["seeufer"]])
    assert "3 Regional-Teams, 3 abgegebene Arbeitsblätter" in overview.summary.value
    overview.region.value = "Deutschland"
    assert len(buttons()) == 2
    button = next(c for c in buttons() if c.description == "Lautertal")
    button.click()
    assert "Lautertal · Modul 1" in overview.detail.value and "Lautertal Mitglied 1" in overview.detail.value
    overview.region.value = ""
    broken = next(c for c in buttons() if c.description == students["seeufer"])
    broken.click()
    assert "keine lesbare Momentaufnahme" in overview.detail.value


def test_a_team_that_hands_in_again_has_a_history(tmp_path, monkeypatch):
    """nbgrader keeps the newest submission; the overview still counts both, by the files in the archive."""
    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.begleitung import Desk
    from regionallabor.arbeitsblaetter.snapshot import take_snapshot
    from regionallabor_widgets.kohorte import CohortOverview

    monkeypatch.setenv("REGIONALLABOR_EXCHANGE", str(tmp_path / "kein-austausch"))
    course, _, students = graded_course(tmp_path, teams={"lautertal": "complete", "hochwald": "complete"})
    first = cohort(course)[1].worksheets[1]
    assert cohort(course)[1].team == "Lautertal" and len(first.history) == 1
    workbook = Arbeitsmappe(tmp_path / "teams" / "lautertal" / "arbeitsmappe.sqlite3")
    later = datetime.now(UTC) + timedelta(days=3)
    name, raw = submission_zip(
        take_snapshot(workbook, 1), released_notebook(1), {"reflexion-team": "Jetzt mit Jugendpflege."}, now=later
    )
    (course / "downloaded" / "modul-1" / "archive" / name).write_bytes(raw)
    (course / "downloaded" / "modul-1" / "archive" / "notizen.txt").write_text("kein Abgabe-Name")
    Desk(course).collect(1)

    rows = {row.team: row for row in cohort(course)}
    lautertal, hochwald = rows["Lautertal"].worksheets[1], rows["Hochwald"].worksheets[1]
    assert len(lautertal.history) == 2 and lautertal.history[0] == first.history[0]
    assert lautertal.submitted_at == lautertal.history[-1]
    assert datetime.fromisoformat(lautertal.submitted_at) == later.replace(microsecond=0)
    assert len(hochwald.history) == 1
    overview = CohortOverview(course)
    cells = " ".join(child.value for child in overview.grid.children if isinstance(child, ipw.HTML))
    assert cells.count("2 Abgaben") == 1 and "1 Abgabe" not in cells
    next(c for c in overview.grid.children if getattr(c, "description", "") == "Lautertal").click()
    verlauf = overview.detail.value
    assert "Verlauf" in verlauf and "Modul 1 · Team &amp; Region" in verlauf
    assert f"{later:%d.%m.}, " in verlauf and verlauf.count("abgegeben: ") == 1


def test_the_history_reads_nbgraders_inbound_names(tmp_path):
    from nbgrader.exchange.default import ExchangeSubmit
    from nbgrader.utils import parse_utc

    from regionallabor.arbeitsblaetter.kohorte import submission_history

    def stamp() -> str:  # what nbgrader's submit puts into the folder name
        submit = ExchangeSubmit()
        submit.set_timestamp()
        return submit.timestamp

    inbound = tmp_path / "exchange" / "inbound"
    stamps = [stamp(), stamp()]
    for folder in (
        f"lautertal+modul-1+{stamps[0]}+A1b2",
        f"lautertal+modul-1+{stamps[1]}",  # nbgrader without its random string
        f"lautertal+modul-2+{stamps[0]}+C3d4",
        f"lautertal-ost+modul-1+{stamps[0]}+E5f6",
        "lautertal+modul-1+keine Zeit+G7h8",
    ):
        (inbound / folder).mkdir(parents=True)
    history = submission_history(tmp_path / "kurs", tmp_path / "exchange", "modul-1", "lautertal")
    assert [datetime.fromisoformat(when) for when in history] == sorted(
        parse_utc(stamp).replace(tzinfo=UTC) for stamp in stamps
    )


def test_overview_says_so_when_the_course_has_no_gradebook(tmp_path):
    from regionallabor_widgets.kohorte import CohortOverview

    overview = CohortOverview(tmp_path)
    assert overview.notice.kind == "error" and "Gradebook" in overview.notice.text


def test_the_overview_notebook_executes_against_the_gradebook(graded, monkeypatch):
    course, _, _ = graded
    monkeypatch.setenv("REGIONALLABOR_KURS", str(course))
    notebook = nbformat.read(EXERCISES / "kohortenuebersicht.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(EXERCISES)}}).execute()
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in output.get("data", {}) for output in outputs)
