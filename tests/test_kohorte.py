"""The Kohorten-Übersicht: read from nbgrader's gradebook for a course with three teams."""

from __future__ import annotations

from datetime import UTC, datetime

import ipywidgets as ipw
import nbformat
import pytest
from nbclient import NotebookClient

from regionallabor.arbeitsblaetter.kohorte import cohort, latest_snapshot
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
    from widgets.kohorte import CohortOverview

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


def test_overview_says_so_when_the_course_has_no_gradebook(tmp_path):
    from widgets.kohorte import CohortOverview

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
