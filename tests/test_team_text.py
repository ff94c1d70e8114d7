"""A team's text is text: a hostile submission runs nothing for the facilitator and shows its markup as text."""

from __future__ import annotations

import nbformat
import pytest
from nbconvert.filters.markdown import markdown2html

from regionallabor.arbeitsblaetter.bereinigen import clean_html, is_inert, safe_markdown
from regionallabor.arbeitsblaetter.snapshot import WORKSHEET_FILE
from tests.helpers import HOSTILE_MARKUP, HOSTILE_TEXT, live_markup
from tests.kurs import autograded_zip_course, hostile_submission

PLAIN_ANSWERS = [
    "Anja organisiert, Murat kennt alle Vereine. Uns fehlt jemand unter 30.",
    "Zwei Dinge:\n\n- **Wasser** & Wald\n- der Bahnhof <3\n\nMehr auf [unserer Seite](https://lautertal.example).",
    "Schreibt eure Antwort hier hinein.",
    "",
]


@pytest.mark.parametrize("answer", PLAIN_ANSWERS)
def test_a_plain_answer_stays_as_the_team_wrote_it(answer):
    assert safe_markdown(answer) == answer


@pytest.mark.parametrize(
    "markup",
    [*HOSTILE_MARKUP, HOSTILE_TEXT, "<JaVaScRiPt:window.rl_xss=1>", "[x][r]\n\n[r]: javascript:window.rl_xss=3"],
)
def test_markup_in_an_answer_renders_to_nothing_that_runs(markup):
    answer = f"Unsere Antwort:\n\n{markup}\n\n    eingerückt\n\n    [y](javascript:window.rl_xss=2)"
    cleaned = safe_markdown(answer)
    assert cleaned != answer
    rendered = markdown2html(cleaned)
    assert live_markup(rendered) == [] and is_inert(rendered)
    assert "Unsere Antwort:" in rendered
    assert safe_markdown(cleaned) == cleaned  # the formgrader renders the cell again: still the same


def test_clean_html_keeps_ordinary_formatting_and_https_links():
    html = '<p><strong>Wald</strong> <a href="https://lautertal.example">Seite</a></p>'
    assert 'href="https://lautertal.example"' in clean_html(html) and "<strong>Wald</strong>" in clean_html(html)


def test_a_hostile_zip_submission_runs_nothing_and_reaches_the_facilitator_as_text(tmp_path):
    marker = tmp_path / "ausgefuehrt.txt"
    course, api, (student,) = autograded_zip_course(tmp_path, [hostile_submission(tmp_path / "team", marker)])
    assert not marker.exists(), "code the team added or changed ran during autograde"

    graded = nbformat.read(course / "autograded" / student / "modul-1" / WORKSHEET_FILE, as_version=4)
    assert set(graded.metadata) <= {"kernelspec", "language_info"}
    assert [cell.cell_type for cell in graded.cells if cell.cell_type == "raw"] == []
    for cell in graded.cells:
        assert "attachments" not in cell
        if cell.cell_type == "markdown":
            assert live_markup(markdown2html(cell.source)) == [], cell.source
        else:
            assert str(marker) not in cell.source
            for output in cell.get("outputs", []):
                assert live_markup(output.get("data", {}).get("text/html", "")) == []
    texts = "\n".join(cell.source for cell in graded.cells)
    assert "Diese Zelle hat das Team hinzugefügt oder verändert" in texts  # shown, not run
    with api.gradebook as gradebook:
        assert gradebook.find_grade("selbstcheck", "arbeitsblatt", "modul-1", student).auto_score == 1
        comment = gradebook.find_comment("reflexion-team", "arbeitsblatt", "modul-1", student)
        comment.manual_comment = "Danke! <b>Fett</b> ist erlaubt."
        gradebook.db.commit()

    assert api.generate_feedback("modul-1")["success"]
    feedback = (course / "feedback" / student / "modul-1" / "arbeitsblatt.html").read_text(encoding="utf-8")
    assert live_markup(feedback) == []
    assert "Danke! <b>Fett</b> ist erlaubt." in feedback
    assert "Lautertal &lt;img src=x onerror=" in feedback  # the team's name, as text in its snapshot
    assert "Unsere Antwort." in feedback


def test_a_picture_in_an_answer_loads_nothing():
    cleaned = markdown2html(safe_markdown("Seht hier: ![Logo](https://tracker.example/pixel.png)"))
    assert "tracker.example" not in cleaned and "<img" not in cleaned and "Seht hier:" in cleaned
