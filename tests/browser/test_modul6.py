"""Modul 6 in Chromium against a real Voila server: from the Aktionspool to a planned action, a status report
and the Regionalprofil – and everything still there after a reload."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from regionallabor.core.model import Akteur, Member, Ziel
from regionallabor.modul6.aktionspool import load_pool
from tests.helpers import pdf_text

from .conftest import downloaded, screenshot
from .test_journeys import wait_for_page
from .test_modul45 import seeded_home, tool

pytestmark = pytest.mark.browser

MODUL6 = "/voila/render/modules/06_aktionen_und_weg.ipynb"


def test_an_action_from_the_pool_gets_an_owner_a_partner_and_a_date_and_survives_a_reload(start_server, page, tmp_path):
    home = seeded_home(
        tmp_path,
        Member(name="Aylin Demir", role="Koordination", is_main_contact=True),
        Ziel(title="Mobil ohne eigenes Auto", handlungsfelder=["mobilitaet"]),
        Akteur(name="Landratsamt Auenfeld", type="organisation", sector="verwaltung", handlungsfelder=["mobilitaet"]),
        Akteur(name="Erika Musterfrau", type="person", sector="zivilgesellschaft", private_person=True),
    )
    server = start_server(home=home)
    page.goto(server.url + MODUL6)
    wait_for_page(page)

    pool = tool(page, "Aktionspool: Was andere Regionen schon erprobt haben")
    total = len(load_pool())
    expect(pool).to_contain_text(f"{total} von {total} Aktionen")
    pool.locator("select").first.select_option(label="Mobilität")
    pool.get_by_placeholder("z. B. Bus, Laden, Jugend, Genossenschaft").fill("mitfahrbank")
    expect(pool).to_contain_text(f"1 von {total} Aktionen")
    card = pool.locator(".rl-pool-card", has_text="Mitfahrbank")
    expect(card).to_contain_text("Aufwand klein")
    card.get_by_role("button", name="In den Aktionsplan").click()
    expect(card).to_contain_text("im Aktionsplan")
    expect(pool.locator(".rl-notice-success")).to_contain_text("„Mitfahrbank“ steht jetzt in eurem Aktionsplan")

    plan = tool(page, "Aktionsplan")
    row = plan.locator(".rl-record-row", has_text="Mitfahrbank")
    expect(row).to_contain_text("noch niemand zuständig")
    row.get_by_role("button", name="Bearbeiten").click()
    form = plan.locator(".rl-action-form")
    expect(form.get_by_placeholder("z. B. Mitfahrbank am Ortsausgang Richtung Kreisstadt")).to_have_value("Mitfahrbank")
    expect(row.locator("xpath=following-sibling::*[1]")).to_have_class(re.compile("rl-action-form"))  # under its row
    expect(plan).to_contain_text("Ihr bearbeitet gerade „Mitfahrbank“")
    screenshot(page, "modul6-editing-in-the-list")
    form.get_by_placeholder("Name aus dem Team oder von außen").fill("Aylin Demir")
    partner = form.locator("input.jupyter-widget-taginput")
    partner.fill("Landratsamt Auenfeld")
    partner.press("Enter")
    expect(form.locator(".jupyter-widget-tag", has_text="Landratsamt Auenfeld")).to_have_count(1)
    form.locator("select").nth(1).select_option(label="Mobil ohne eigenes Auto")
    dates = form.get_by_placeholder("TT.MM.JJJJ")  # German, whatever language this Chromium speaks
    dates.nth(0).fill("1.5.2027")
    dates.nth(1).fill("1. April")
    dates.nth(1).press("Tab")
    expect(dates.nth(0)).to_have_value("01.05.2027")
    expect(form.locator(".rl-datefield-problem").nth(1)).to_contain_text("„1. April“ ist kein Datum")
    form.get_by_role("button", name="Speichern").click()
    expect(plan.locator(".rl-notice-error")).to_contain_text("„1. April“ ist kein Datum")
    screenshot(page, "modul6-date-unreadable")
    dates.nth(1).fill("01.04.2027")
    form.locator("select").nth(3).select_option(label="geplant")
    form.get_by_role("button", name="Speichern").click()
    expect(plan.locator(".rl-notice-error")).to_contain_text("Das Zieldatum liegt vor dem Start")
    expect(row).to_contain_text("noch niemand zuständig")  # refused: nothing changed

    # the calendar behind 📅 hands its ISO date over, as the browser's picker does when a day is clicked
    form.locator(".rl-datefield-picker").nth(1).evaluate(
        "(picker) => { picker.value = '2027-06-30'; picker.dispatchEvent(new Event('change')); }"
    )
    expect(dates.nth(1)).to_have_value("30.06.2027")
    form.get_by_role("button", name="Speichern").click()
    expect(plan.locator(".rl-notice-success")).to_contain_text("Aktion „Mitfahrbank“ gespeichert")
    expect(row).to_contain_text("macht: Aylin Demir · mit Landratsamt Auenfeld · 01.05.2027 – 30.06.2027")
    expect(row).to_contain_text("Ziel: Mobil ohne eigenes Auto")
    expect(row.locator("select")).to_have_value("geplant")

    overview = tool(page, "Zeitplan und Fortschritt")
    expect(overview.locator(".rl-rollup")).to_contain_text("Mobil ohne eigenes Auto")
    expect(overview.locator(".rl-gantt-bar")).to_have_count(1)

    report = tool(page, "Statusbericht an das Begleitteam")
    report.get_by_role("button", name="Neuen Statusbericht beginnen").click()
    expect(report.locator("textarea").nth(1)).to_have_value(
        re.compile(r"^– bis 30\.06\.2027: Mitfahrbank \(Aylin Demir\)\n– Modul 1: mindestens 3 Teammitglieder")
    )
    report.get_by_placeholder("z. B. Wir suchen eine Moderation für unsere Konferenz im Mai.").fill(
        "Wir suchen Kontakt zum Verkehrsverbund."
    )
    report.get_by_role("button", name="Bericht abschließen").click()
    today = date.today()
    expect(report.locator(".rl-report-row")).to_have_count(1)
    name, raw = downloaded(page, report.locator(".rl-report-row").get_by_role("button", name="⬇ Bericht als PDF"))
    assert name == f"statusbericht-{today.isoformat()}.pdf"
    assert "Wir suchen Kontakt zum Verkehrsverbund." in pdf_text(raw)

    profile = tool(page, "Euer Regionalprofil")
    name, raw = downloaded(page, profile.get_by_role("button", name="⬇ Regionalprofil als PDF"))
    assert name == "regionalprofil-pseudonymisiert.pdf"
    text = pdf_text(raw)
    assert "Mitfahrbank" in text and "Aylin Demir" in text and "Landratsamt Auenfeld" in text
    assert "Erika Musterfrau" not in text
    page.wait_for_timeout(500)
    screenshot(page, "modul6-planned")

    page.reload()
    wait_for_page(page)
    pool = tool(page, "Aktionspool: Was andere Regionen schon erprobt haben")
    pool.get_by_placeholder("z. B. Bus, Laden, Jugend, Genossenschaft").fill("mitfahrbank")
    expect(pool.locator(".rl-pool-card", has_text="Mitfahrbank")).to_contain_text("im Aktionsplan")
    row = tool(page, "Aktionsplan").locator(".rl-record-row", has_text="Mitfahrbank")
    expect(row).to_contain_text("macht: Aylin Demir · mit Landratsamt Auenfeld · 01.05.2027 – 30.06.2027")
    expect(tool(page, "Statusbericht an das Begleitteam").locator(".rl-report-row")).to_have_count(1)

    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator("[data-module='6']")).to_contain_text("in Arbeit")
