"""The course frame in the browser: the start page names the next date and the hosting team, a module page its
session and videos – from the cohort's file, with links that open elsewhere and a calendar to take away."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from regionallabor.kursrahmen import TIMEZONE, when
from tests.helpers import data_link_bytes

from .conftest import screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "kurs.beispiel.toml"


def cohort_file(folder: Path) -> tuple[Path, datetime]:
    """The example file with its dates moved so that Modul 3's session is three days from now."""
    text = EXAMPLE.read_text(encoding="utf-8")
    module3 = datetime(2027, 4, 8, 18, 0)
    now = datetime.now(TIMEZONE).replace(tzinfo=None, second=0, microsecond=0)
    shift = (now + timedelta(days=3)).replace(hour=18, minute=0) - module3
    lines = []
    for line in text.splitlines():
        if line.startswith("beginn = ") and "T" in line:
            moment = datetime.fromisoformat(line.split("= ")[1]) + shift
            line = f"beginn = {moment:%Y-%m-%dT%H:%M:%S}"
        elif line.startswith(("beginn = ", "ende = ")):
            key, value = line.split(" = ")
            line = f"{key} = {(datetime.fromisoformat(value) + shift).date().isoformat()}"
        lines.append(line)
    path = folder / "kurs.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, (module3 + shift).replace(tzinfo=TIMEZONE)


def test_start_page_and_module_show_the_cohorts_dates_contact_and_videos(start_server, page, tmp_path):
    path, module3 = cohort_file(tmp_path)
    server = start_server(extra_env={"REGIONALLABOR_KURSRAHMEN": str(path)})
    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    frame = page.locator(".rl-course-frame")
    expect(frame).to_contain_text(f"Nächster Termin: Modul 3 – Beziehungsnetz: Begleitete Sitzung, {when(module3)}")
    session = frame.get_by_role("link", name="Zur Online-Sitzung")
    expect(session).to_have_attribute("href", "https://example.org/regionallabor/modul-3")
    expect(session).to_have_attribute("target", "_blank")
    expect(frame).to_contain_text("Euer Begleitteam: Begleitteam der Mitmach-Regionen Initiative")
    expect(frame).to_contain_text("Jana Krüger")
    screenshot(page, "kursrahmen-startseite")
    link = frame.get_by_role("link", name="regionallabor-termine.ics")
    expect(link).to_have_attribute("download", "regionallabor-termine.ics")
    calendar = Calendar.from_ical(data_link_bytes(link.get_attribute("href")))
    assert len(list(calendar.walk("VEVENT"))) == 11

    page.goto(server.url + "/voila/render/modules/03_beziehungsnetz.ipynb")
    wait_for_page(page)
    support = page.locator(".rl-module-support")
    expect(support).to_contain_text(f"Online-Sitzung: {when(module3)}")
    video = support.get_by_role("link", name="Die Akteurslandkarte in zehn Minuten · 10 Min.")
    expect(video).to_have_attribute("target", "_blank")
    expect(support).to_contain_text("brauchen eine Internetverbindung")
    screenshot(page, "kursrahmen-modul3")


def test_without_a_cohort_the_start_page_says_the_team_learns_on_its_own(start_server, page):
    server = start_server()
    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator(".rl-course-frame")).to_contain_text("Ihr lernt ohne Kohorte")
    page.goto(server.url + "/voila/render/modules/03_beziehungsnetz.ipynb")
    wait_for_page(page)
    expect(page.locator(".rl-module-support")).to_have_text("")
