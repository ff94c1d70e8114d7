"""The Vernetzungslandkarte in the browser: a cohort of four teams, three of which agreed – the published map on a
team's start page shows those three with only what each chose, and the fourth not at all."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from regionallabor.arbeitsblaetter.vernetzung import publish_map
from regionallabor.core.model import Region, Team
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from tests.kurs import networking_course

from .conftest import screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser


def test_the_published_map_shows_the_three_that_agreed_and_only_what_they_chose(start_server, page, tmp_path):
    course, _ = networking_course(tmp_path / "kohorte")
    hub = tmp_path / "hub"
    publish_map(course, "Frühjahr 2027", hub)
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.add(Team(name="Nachbarn"))
    workbook.save(Region(name="Kaiserslautern", country="DE", area_ids=["DE-07312"]), None)
    workbook.close()
    server = start_server(extra_env={"REGIONALLABOR_KURSRAHMEN": str(hub / "kurs.toml")}, home=home)
    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    view = page.locator(".rl-cohort-map")
    expect(view.locator(".rl-map-team")).to_have_count(3)
    expect(view.locator(".rl-map-team").first).to_contain_text("Lautertal")
    expect(view.locator(".rl-map-team").first).to_contain_text("Kontakt: team@lautertal.example")
    expect(view).not_to_contain_text("Talaue")
    expect(view).not_to_contain_text("geheim@talaue.example")
    expect(view.locator(".rl-map-team", has_text="Hochwald")).to_contain_text("Region nicht gezeigt")
    expect(view.locator("svg.rl-region-map")).to_be_visible()
    screenshot(page, "vernetzungslandkarte")
    view.locator("select").last.select_option(label="Landwirtschaft & Ernährung")
    expect(view.locator(".rl-map-team")).to_have_count(1)
    expect(view.locator(".rl-map-team")).to_contain_text("Seeufer")
