"""A team's text in the documents it hands on (to its mayor, its network, the hosting team): markup in every
text of a full workbook, every document rendered to HTML and opened in Chromium – nothing runs."""

from __future__ import annotations

from datetime import date

import pytest

from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.dokument import to_html
from regionallabor.modul4.zukunftsbild import vision_document
from regionallabor.modul5.konferenzdateien import programme_document, task_document
from regionallabor.modul6.regionalprofil import regional_profile
from regionallabor.modul6.statusbericht import report_document, start_draft
from regionallabor.testing import (
    fill_actions,
    fill_bestandsaufnahme,
    fill_network,
    fill_planning,
    fill_team_in_district,
)
from tests.helpers import live_markup, mark_up_every_text

from .conftest import screenshot

pytestmark = pytest.mark.browser
TODAY = date(2027, 4, 1)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, str]:
    workbook = Arbeitsmappe(tmp_path_factory.mktemp("mappe") / "arbeitsmappe.sqlite3")
    fill_team_in_district(workbook)
    fill_bestandsaufnahme(workbook)
    fill_network(workbook, 30, 40)
    fill_planning(workbook, guests=5)
    fill_actions(workbook)
    report = start_draft(workbook, TODAY).record
    assert mark_up_every_text(workbook) > 100
    return {
        "regionalprofil": to_html(regional_profile(workbook, today=TODAY)),
        "regionalprofil-pseudonymisiert": to_html(regional_profile(workbook, pseudonymise=True, today=TODAY)),
        "zukunftsbild": to_html(vision_document(workbook, today=TODAY)),
        "programm": to_html(programme_document(workbook, today=TODAY)),
        "aufgaben": to_html(task_document(workbook, today=TODAY)),
        "statusbericht": to_html(report_document(workbook, report)),
    }


@pytest.mark.parametrize(
    "name",
    ["regionalprofil", "regionalprofil-pseudonymisiert", "zukunftsbild", "programm", "aufgaben", "statusbericht"],
)
def test_markup_in_every_text_runs_in_no_document(documents, name, page):
    html = documents[name]
    assert live_markup(html) == []
    assert "&lt;script&gt;window.rl_xss" in html or "&lt;img src=x onerror" in html  # it is there, as text
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.route("**/*", lambda route: route.abort())  # a document needs nothing from anywhere
    page.set_content(html)
    page.wait_for_timeout(500)  # an onerror or onload would have fired by now
    assert page.evaluate("window.rl_xss") is None
    assert page.locator("a[href^='javascript:' i], iframe, object, embed, script").count() == 0
    if name == "regionalprofil":
        screenshot(page, "regionalprofil-markup")
