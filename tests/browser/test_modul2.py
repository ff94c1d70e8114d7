"""Modul 2 in Chromium against a real Voila server: rate, collect, fill the SWOT, reload, find everything."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from regionallabor import refdata
from regionallabor.core.messages import t
from regionallabor.core.model import Region, Schatz, Team
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor.modul2.bestandsaufnahme import add_swot, swot_board

from .conftest import ARTIFACTS, assert_nothing_sticks_out, eventually, screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

MODUL2 = "/voila/render/modules/02_region_unter_der_lupe.ipynb"
FIELDS = (
    "Landwirtschaft & Ernährung",
    "Energie",
    "Bauen & Wohnen",
    "Mobilität",
    "Wirtschaft",
    "Sozialer Zusammenhalt & Beteiligung",
)


def seeded_home(tmp_path, region: Region, schaetze: int = 0):
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Team(name="Mitmach-Team Hochschwarzwald"), None)
    workbook.save(region, None)
    fields = ["landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"]
    with workbook.transaction() as tx:
        for number in range(schaetze):
            tx.add(Schatz(name=f"Initiative Nr. {number}", field=fields[number % 6], description="Läuft seit Jahren."))
    workbook.close()
    return home


def field_row(page, label):
    name = page.locator(
        ".rl-field-name", has_text=re.compile("^" + re.escape(label))
    )  # not "Landwirtschaft" for "Wirtschaft"
    return page.locator(".rl-field-row").filter(has=name)


def rate(page, label, value):
    button = field_row(page, label).locator(".widget-toggle-button", has_text=str(value))
    button.click()
    expect(button).to_contain_class("mod-active")


def add_schatz(page, name, field, description):
    form = page.locator(".rl-form").filter(has=page.get_by_placeholder("z. B. Repair-Café im Gemeindehaus"))
    form.get_by_placeholder("z. B. Repair-Café im Gemeindehaus").fill(name)
    form.locator("select").select_option(label=field)
    form.get_by_placeholder("Was ist das, und was macht es besonders?").fill(description)
    form.get_by_role("button", name="Schatz hinzufügen").click()
    expect(page.locator(".rl-notice-success", has_text=f"„{name}“ ist jetzt bei euren Schätzen")).to_be_visible()


def test_rate_collect_and_swot_survive_a_reload(start_server, page, tmp_path):
    home = seeded_home(tmp_path, Region(name="Breisgau-Hochschwarzwald", country="DE", area_ids=["DE-08315"]))
    server = start_server(home=home)
    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator("[data-module='2']")).to_contain_text("nicht begonnen")
    page.locator("[data-module='2']").get_by_role("link", name="Modul öffnen →").click()
    wait_for_page(page)
    expect(page.locator("h1", has_text="Modul 2 · Region unter der Lupe")).to_be_visible()
    expect(page.get_by_text("ist stärker gewachsen als 8 von 10 Landkreisen")).to_be_visible()
    expect(page.locator(".rl-source", has_text="Quelle: © Statistisches Bundesamt (Destatis)").first).to_be_visible()
    expect(page.locator("svg.rl-chart")).to_have_count(3)  # comparison, trend, pyramid: drawn offline
    screenshot(page, "10-modul2-kennzahlen")

    for value, label in zip((2, 3, 4, 1, 3, 5), FIELDS):
        rate(page, label, value)
    field_row(page, "Mobilität").locator("textarea").fill("Der letzte Bus fährt um 18 Uhr.")
    expect(page.get_by_text("6 von 6 Feldern eingeschätzt.")).to_be_visible()
    expect(page.locator(".rl-chart-box svg[aria-label='Profil der Handlungsfelder']")).to_be_visible()

    add_schatz(page, "Bürgerenergie Hochschwarzwald eG", "Energie", "Drei Solardächer auf Schulen, 240 Mitglieder.")
    add_schatz(page, "<i>Dorfladen</i> Hinterzarten", "Wirtschaft", "Von 60 Familien getragen.")
    page.get_by_placeholder("z. B. Der letzte Bus fährt um 18 Uhr").fill("Kaum bezahlbare Wohnungen für junge Familien")
    page.locator(".rl-tool").filter(has=page.get_by_text("Herausforderung hinzufügen", exact=True)).locator(
        "select"
    ).select_option(label="Bauen & Wohnen")
    page.get_by_role("button", name="Herausforderung hinzufügen").click()
    expect(page.get_by_text("Herausforderung gespeichert.")).to_be_visible()
    strengths = page.locator(".rl-cards-column-staerken")
    strengths.get_by_placeholder("Neuer Punkt …").fill("Viele aktive Vereine")
    strengths.get_by_role("button", name="Hinzufügen").click()
    expect(strengths.locator("textarea").first).to_have_value("Viele aktive Vereine")
    page.wait_for_timeout(500)
    screenshot(page, "11-modul2-ausgefuellt")

    page.reload()
    wait_for_page(page)
    for value, label in zip((2, 3, 4, 1, 3, 5), FIELDS):
        expect(field_row(page, label).locator(".widget-toggle-button.mod-active")).to_have_text(str(value))
    expect(field_row(page, "Mobilität").locator("textarea")).to_have_value("Der letzte Bus fährt um 18 Uhr.")
    expect(page.locator(".rl-schatz .rl-member-name", has_text="Bürgerenergie Hochschwarzwald eG")).to_be_visible()
    expect(
        page.locator(".rl-schatz .rl-member-name", has_text="<i>Dorfladen</i> Hinterzarten")
    ).to_be_visible()  # escaped
    expect(page.locator(".rl-group", has_text="Bauen & Wohnen").locator("input")).to_have_value(
        "Kaum bezahlbare Wohnungen für junge Familien"
    )
    expect(page.locator(".rl-cards-column-staerken textarea").first).to_have_value("Viele aktive Vereine")
    screenshot(page, "12-modul2-nach-neuladen")

    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    card = page.locator("[data-module='2']")
    expect(card).to_contain_text("in Arbeit")
    expect(card).to_contain_text("Einträge in der SWOT unter Schwächen, Chancen, Risiken")
    screenshot(page, "13-startseite-modul2-in-arbeit")


def swot_texts(workbook_path, quadrant):
    workbook = Arbeitsmappe(workbook_path)
    try:
        return [s.record.text for s in swot_board(workbook)[quadrant]]
    finally:
        workbook.close()


def test_swot_cards_are_dragged_edited_and_removed_on_the_board(start_server, page, tmp_path):
    home = seeded_home(tmp_path, Region(name="Lautertal (Vogelsberg)", country="DE", area_ids=["DE-G-06535012"]))
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    for text in ("Starkes Vereinsleben in allen sieben Ortsteilen", "Schöne Landschaft", "Viele Pendler:innen"):
        add_swot(workbook, "staerken", text)
    workbook.close()
    server = start_server(home=home)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server.url + MODUL2)
    wait_for_page(page)
    # the region's figures above the board draw after the page has loaded and push it down: drag once it stands
    expect(page.get_by_text(t("figures.drawing"))).to_have_count(0)
    board = page.locator(".rl-cards")
    strengths, weaknesses = board.locator(".rl-cards-column-staerken"), board.locator(".rl-cards-column-schwaechen")
    expect(strengths.locator(".rl-cards-card")).to_have_count(3)
    assert_nothing_sticks_out(page, ".rl-cards-card", ".rl-cards-button, textarea, .rl-cards-grip")
    assert_nothing_sticks_out(page, ".rl-cards-column", ".rl-cards-card, .rl-cards-add input, .rl-cards-add button")

    commuters = strengths.locator(".rl-cards-card").nth(2)
    expect(commuters.locator("textarea")).to_have_value("Viele Pendler:innen")
    commuters.locator(".rl-cards-grip").drag_to(weaknesses.locator(".rl-cards-cards"))
    expect(weaknesses.locator("textarea")).to_have_value("Viele Pendler:innen")
    assert swot_texts(home / WORKBOOK_FILENAME, "schwaechen") == ["Viele Pendler:innen"]

    landscape = strengths.locator(".rl-cards-card").nth(1)
    landscape.locator(".rl-cards-grip").drag_to(
        strengths.locator(".rl-cards-card").first, target_position={"x": 20, "y": 3}
    )
    expect(strengths.locator("textarea").first).to_have_value("Schöne Landschaft")
    assert swot_texts(home / WORKBOOK_FILENAME, "staerken")[0] == "Schöne Landschaft"

    first = strengths.locator(".rl-cards-card").first  # by keyboard: down one place, then over to Schwächen
    first.focus()
    page.keyboard.press("ArrowDown")
    expect(strengths.locator("textarea").nth(1)).to_have_value("Schöne Landschaft")
    expect(strengths.locator(".rl-cards-card").nth(1)).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(weaknesses.locator("textarea")).to_have_count(2)
    assert swot_texts(home / WORKBOOK_FILENAME, "schwaechen") == ["Viele Pendler:innen", "Schöne Landschaft"]

    text = strengths.locator("textarea").first
    text.fill("Starkes Vereinsleben in allen sieben Ortsteilen – <b>80 Vereine</b>")
    page.keyboard.press("Escape")
    expect(strengths.locator(".rl-cards-card").first).to_be_focused()
    eventually(
        lambda: (
            swot_texts(home / WORKBOOK_FILENAME, "staerken")
            == ["Starkes Vereinsleben in allen sieben Ortsteilen – <b>80 Vereine</b>"]
        )
    )
    screenshot(page, "14-modul2-swot-board")
    board.screenshot(path=str(ARTIFACTS / "14-modul2-swot-board-nah.png"))
    page.set_viewport_size({"width": 1024, "height": 900})
    assert_nothing_sticks_out(page, ".rl-cards-card", ".rl-cards-button, textarea, .rl-cards-grip")
    assert_nothing_sticks_out(page, ".rl-cards-column", ".rl-cards-card, .rl-cards-add input, .rl-cards-add button")
    board.screenshot(path=str(ARTIFACTS / "15-modul2-swot-board-1024.png"))

    weaknesses.locator(".rl-cards-card").first.get_by_role("button", name="Karte entfernen").click()
    expect(page.get_by_text("„Viele Pendler:innen“ entfernt.")).to_be_visible()
    page.reload()
    wait_for_page(page)
    expect(page.locator(".rl-cards-column-staerken textarea").first).to_have_value(
        "Starkes Vereinsleben in allen sieben Ortsteilen – <b>80 Vereine</b>"
    )
    expect(page.locator(".rl-cards-column-schwaechen textarea")).to_have_count(1)
    expect(page.locator(".rl-cards b")).to_have_count(0)  # the team's markup stays text


def test_a_big_region_and_300_schaetze_stay_usable(start_server, page, tmp_path):
    # 150 of the 234 Gemeinden of the Eifelkreis Bitburg-Prüm, the German Kreis with the most
    gemeinden = [a.id for a in refdata.all_areas().values() if a.parent_id == "DE-07232"][:150]
    assert len(gemeinden) == 150
    home = seeded_home(tmp_path, Region(name="Westeifel", country="DE", area_ids=gemeinden), schaetze=300)
    server = start_server(home=home)
    page.goto(server.url + MODUL2)
    wait_for_page(page)
    # the figures of 150 Gemeinden are drawn after the page has loaded, on a worker thread
    expect(page.locator(".rl-chip, .rl-figure-value").first).to_be_visible(timeout=30_000)
    # a region of Gemeinden is compared with Gemeinden of its size, not with Landkreise
    comparison = page.locator("table.rl-comparison")
    expect(comparison).to_contain_text("mittlere Gemeinde dieser Größe (Median)")
    expect(comparison).to_contain_text("Einwohner:innen in Deutschland")
    expect(comparison).not_to_contain_text("Landkreise")
    expect(page.get_by_text("20 von 300 Schätzen")).to_be_visible()
    rate(page, "Energie", 4)
    add_schatz(page, "Repair-Café Prüm", "Wirtschaft", "Jeden ersten Samstag im Pfarrheim.")
    expect(page.get_by_text("20 von 301 Schätzen")).to_be_visible()
    page.get_by_placeholder("In euren Schätzen suchen …").fill("Prüm")
    expect(page.locator(".rl-schatz")).to_have_count(1)
    screenshot(page, "14-modul2-grosse-region")
