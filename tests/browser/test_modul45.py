"""Modul 4 and 5 in Chromium against a real Voila server: from critique to goals, from a goal to a planned conference."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from regionallabor.core.formatting import format_amount
from regionallabor.core.model import Akteur, Herausforderung, Idee, Team, Ziel
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor.modul5.konferenz import PRESETS
from tests.helpers import pdf_text

from .conftest import ARTIFACTS, assert_nothing_sticks_out, downloaded, screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

MODUL4 = "/voila/render/modules/04_vision.ipynb"
MODUL5 = "/voila/render/modules/05_strategie_und_konferenz.ipynb"


def seeded_home(tmp_path, *records):
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Team(name="Mitmach-Team Auenfeld"), None)
    for record in records:
        workbook.add(record)
    workbook.close()
    return home


def tool(page, title):
    return page.locator(".rl-tool").filter(has=page.locator("h3.rl-heading").get_by_text(title, exact=True))


def test_from_critique_to_a_goal_with_a_first_step_after_a_reload(start_server, page, tmp_path):
    server = start_server(
        home=seeded_home(
            tmp_path,
            Idee(text="Ein Wochenmarkt mit den Höfen der Region"),
            Herausforderung(field="zusammenhalt", text="Abends kommt niemand ohne Auto heim"),
        )
    )
    page.goto(server.url + MODUL4)
    wait_for_page(page)

    critique = tool(page, "Kritikphase: Was stört euch?")
    expect(critique.get_by_role("button", name="Eure Herausforderung aus Modul 2 übernehmen")).to_be_visible()
    mobility = critique.locator(".rl-cards-column-mobilitaet")
    mobility.get_by_placeholder("Was stört euch?").fill("Sonntags fährt kein Bus")
    mobility.get_by_role("button", name="Hinzufügen").click()
    expect(mobility.locator("textarea")).to_have_value("Sonntags fährt kein Bus")
    mobility.get_by_role("button", name="Einen Punkt von mir dazugeben").click()
    mobility.get_by_role("button", name="Einen Punkt von mir dazugeben").click()
    expect(mobility.locator(".rl-cards-dots")).to_have_text("● 2")
    expect(critique).to_contain_text("Das wiegt für euch am schwersten: Sonntags fährt kein Bus (2 Punkte)")
    critique.get_by_role("button", name="Eure Herausforderung aus Modul 2 übernehmen").click()
    together = critique.locator(".rl-cards-column-zusammenhalt")
    expect(together.locator("textarea")).to_have_value("Abends kommt niemand ohne Auto heim")
    together.locator(".rl-cards-grip").drag_to(mobility.locator(".rl-cards-card").first)  # onto its middle: bundled
    expect(mobility.locator(".rl-cards-bundle .rl-cards-card")).to_have_count(2)
    expect(mobility.locator(".rl-cards-bundle-head")).to_contain_text("Bündel aus 2 Karten")
    expect(together.locator(".rl-cards-card")).to_have_count(0)
    critique.scroll_into_view_if_needed()
    critique.screenshot(path=str(ARTIFACTS / "modul4-kritik-board.png"))
    for width in (1280, 1024):
        page.set_viewport_size({"width": width, "height": 900})
        assert_nothing_sticks_out(page, ".rl-cards-card", ".rl-cards-button, textarea, .rl-cards-grip, .rl-cards-dots")
        assert_nothing_sticks_out(page, ".rl-cards-column", ".rl-cards-card, .rl-cards-add input, .rl-cards-add button")
    page.set_viewport_size({"width": 1280, "height": 900})

    fantasy = tool(page, "Fantasiephase: Was wäre, wenn alles möglich wäre?")
    expect(fantasy).to_contain_text("… statt „Sonntags fährt kein Bus“?")
    ideas_for_mobility = fantasy.locator(".rl-cards-column-mobilitaet")
    ideas_for_mobility.get_by_placeholder("Eure Idee …").fill("Ein Bürgerbus, der auch sonntags fährt")
    ideas_for_mobility.get_by_placeholder("Eure Idee …").press("Enter")
    idea = ideas_for_mobility.locator(".rl-cards-card")
    expect(idea.locator("textarea")).to_have_value("Ein Bürgerbus, der auch sonntags fährt")
    expect(ideas_for_mobility.get_by_placeholder("Eure Idee …")).to_have_value("")
    idea.get_by_role("button", name="Zur Lieblingsidee machen").click()
    expect(fantasy.locator(".rl-cards-starred")).to_have_count(1)
    fantasy.screenshot(path=str(ARTIFACTS / "modul4-ideen-board.png"))

    vision = tool(page, "Euer Zukunftsbild")
    vision.locator(".rl-vision-field", has_text="Mobilität").locator("textarea").fill(
        "Bus und Bürgerbus bringen alle in die Kreisstadt – auch sonntags."
    )
    vision.get_by_placeholder("2035 ist unsere Region …").first.fill(
        "2035 ist unsere Region ein Ort, an dem alle mitmachen."
    )
    expect(vision.locator(".rl-board")).to_contain_text("auch sonntags")
    expect(vision.locator(".rl-board-overall")).to_have_text("2035 ist unsere Region ein Ort, an dem alle mitmachen.")

    goals = tool(page, "Verwirklichungsphase: Aus Ideen werden Ziele")
    goals.locator(".rl-member", has_text="Bürgerbus").get_by_role("button", name="Daraus ein Ziel machen").click()
    form = goals.locator(".rl-goal-form")
    expect(form.get_by_placeholder("z. B. Ein Dorfauto, das sich zehn Familien teilen")).to_have_value(
        "Ein Bürgerbus, der auch sonntags fährt"
    )
    form.get_by_placeholder("Name aus eurem Team").fill("Aylin")
    form.get_by_placeholder("z. B. Gespräch mit dem Bürgermeister").fill("Gespräch mit dem Landratsamt")
    due = form.get_by_placeholder("TT.MM.JJJJ")
    due.fill("15.1.27")
    due.press("Enter")  # Enter in the date field adds the goal, with the date
    expect(goals.locator(".rl-notice-success")).to_be_visible()
    expect(goals.locator(".rl-goal")).to_contain_text(
        "kümmert sich: Aylin · Gespräch mit dem Landratsamt – bis 15.01.2027"
    )
    page.wait_for_timeout(500)
    screenshot(page, "modul4-filled")

    page.reload()
    wait_for_page(page)
    critique = tool(page, "Kritikphase: Was stört euch?")
    expect(critique.locator(".rl-cards-column-mobilitaet .rl-cards-bundle .rl-cards-dots").first).to_have_text("● 2")
    expect(tool(page, "Fantasiephase: Was wäre, wenn alles möglich wäre?").locator(".rl-cards-starred")).to_have_count(
        1
    )
    expect(tool(page, "Euer Zukunftsbild").locator(".rl-board")).to_contain_text("auch sonntags")
    expect(tool(page, "Verwirklichungsphase: Aus Ideen werden Ziele").locator(".rl-goal")).to_have_count(1)

    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator("[data-module='4']")).to_contain_text("in Arbeit")


def test_a_goal_gets_its_impact_logic_and_the_conference_is_planned_and_exported(start_server, page, tmp_path):
    actors = [
        Akteur(name=name, sector=sector, handlungsfelder=[field])
        for name, sector, field in [
            ("Bürgerenergie Auenfeld eG", "wirtschaft", "energie"),
            ("Bauamt Auenfeld", "verwaltung", "bauen"),
            ("Jugendrat", "zivilgesellschaft", "zusammenhalt"),
        ]
    ]
    home = seeded_home(
        tmp_path,
        Ziel(title="Dorfauto für zehn Familien", handlungsfelder=["mobilitaet"]),
        Herausforderung(field="mobilitaet", text="Busse fahren selten"),
        *actors,
    )
    server = start_server(home=home)
    page.goto(server.url + MODUL5)
    wait_for_page(page)

    logic = tool(page, "Wirkungslogik eurer Ziele")
    logic.locator(".rl-level-input textarea").fill("Drei Ehrenamtliche, 15.000 € Anschub")
    logic.locator(".rl-level-output textarea").fill("Ein E-Auto mit Buchungssystem")
    logic.locator(".rl-level-outcome textarea").fill("Wir veranstalten Infoabende")
    expect(logic.locator(".rl-level-outcome.rl-level-warning")).to_have_count(1)
    expect(logic).to_contain_text("„veranstalten“ klingt nach einer Aktivität")
    logic.locator(".rl-level-outcome textarea").fill("Zehn Familien lassen das Zweitauto stehen")
    logic.locator(".rl-level-impact textarea").fill("Weniger Verkehr im Ort")
    logic.get_by_placeholder("z. B. Anteil der selbst reparierten Geräte").fill("Buchende Familien")
    logic.get_by_placeholder("z. B. Strichliste am Ausgang, einmal im Quartal auswerten").fill("Buchungssystem")
    logic.get_by_role("button", name="Indikator hinzufügen").click()
    expect(logic).to_contain_text("Die Kette ist vollständig")

    setup = tool(page, "Eure Konferenz: die Eckdaten")
    setup.get_by_placeholder("z. B. Bürgerhaus Auenfeld, Hauptstraße 12").fill("Bürgerhaus Auenfeld")
    setup.get_by_placeholder("TT.MM.JJJJ").fill("8.5.2027")
    setup.get_by_placeholder("TT.MM.JJJJ").press("Tab")
    expect(setup.get_by_placeholder("TT.MM.JJJJ")).to_have_value("08.05.2027")
    setup.locator("select").last.select_option(label="Mitmach-Werkstatt: ein halber Tag, 20–30 Menschen")
    setup.get_by_role("button", name="Vorlage übernehmen").click()
    werkstatt = PRESETS["werkstatt"]
    expect(setup.locator(".rl-notice-success")).to_contain_text(
        f"Übernommen: {len(werkstatt.slots)} Programmpunkte, {len(werkstatt.tasks)} Aufgaben, "
        f"{len(werkstatt.budget)} Budgetposten"
    )
    programme = tool(page, "Programm")
    expect(programme.locator(".rl-record-row")).to_have_count(7)
    expect(programme).to_contain_text("Tag 1 · Sa 08.05.2027")

    tables = tool(page, "Thementische")
    tables.locator("select").first.select_option(label="Mobilität: Busse fahren selten")
    expect(tables.get_by_placeholder("z. B. Mobil ohne eigenes Auto")).to_have_value("Busse fahren selten")
    tables.get_by_placeholder("Wer moderiert den Tisch?").fill("Jonas")
    tables.get_by_role("button", name="Thementisch hinzufügen").click()
    expect(tables.locator(".rl-record-row")).to_contain_text("Gastgeber:in: Jonas")

    guests = tool(page, "Einladungen")
    guests.get_by_placeholder("Namen eingeben oder wählen …").fill("Jugendrat")
    guests.get_by_role("button", name="Auf die Einladungsliste").click()
    expect(guests.locator(".rl-guest")).to_have_count(1)
    expect(guests).to_contain_text("Ihr ladet bisher niemanden aus den Sektoren Wirtschaft, Verwaltung, Politik")
    guests.get_by_role("button", name="+ Bauamt Auenfeld (Verwaltung)").click()
    expect(guests.locator(".rl-guest")).to_have_count(2)
    guests.locator(".rl-guest", has_text="Jugendrat").locator("select").select_option(label="zugesagt")
    expect(guests.locator(".rl-invite-summary")).to_contain_text("zugesagt: 1")

    budget = tool(page, "Budget")
    costs = sum(amount for _, amount in werkstatt.budget)
    budget.get_by_role("button", name="Einnahme", exact=True).click()
    budget.get_by_placeholder("z. B. Verpflegung – oder LEADER-Förderung").fill("LEADER-Förderung")
    budget.get_by_placeholder("0", exact=True).fill("100")
    budget.get_by_placeholder("0", exact=True).press("Enter")  # Enter saves, as the button does
    expect(budget.locator(".rl-record-row", has_text="LEADER-Förderung")).to_contain_text("Einnahme")
    expect(budget.locator(".rl-notice-warning")).to_contain_text(f"Es fehlen noch {format_amount(costs - 100)}")

    files = tool(page, "Programm, Aufgaben, Budget und Kalender zum Mitnehmen")
    name, raw = downloaded(page, files.get_by_role("button", name="⬇ Programm als PDF"))  # one click
    assert name == "programm.pdf"
    text = pdf_text(raw)
    assert "Ankommen bei Kaffee und Kuchen" in text and "Bürgerhaus Auenfeld" in text
    name, raw = downloaded(page, files.get_by_role("button", name="⬇ Budget als HTML"))
    assert name == "budget.html" and "LEADER-Förderung" in raw.decode("utf-8")
    name, raw = downloaded(page, files.get_by_role("button", name="⬇ Termin für den Kalender (.ics)"))
    assert name == "konferenz.ics" and "DTSTART;TZID=Europe/Berlin:20270508T140000" in raw.decode("utf-8")
    page.wait_for_timeout(500)
    screenshot(page, "modul5-planned")

    page.reload()
    wait_for_page(page)
    expect(tool(page, "Wirkungslogik eurer Ziele").locator(".rl-level-outcome textarea")).to_have_value(
        "Zehn Familien lassen das Zweitauto stehen"
    )
    expect(tool(page, "Programm").locator(".rl-record-row")).to_have_count(7)
    expect(tool(page, "Einladungen").locator(".rl-guest")).to_have_count(2)
    expect(tool(page, "Aufgaben bis zur Konferenz").locator(".rl-record-row")).to_have_count(8)
