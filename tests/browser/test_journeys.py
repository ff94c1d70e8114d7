"""User journeys through the course in Chromium against a real Voila server."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from tests.helpers import PAGE_READY, kernels_of

from .conftest import downloaded, screenshot

pytestmark = pytest.mark.browser

MODULE1 = "/voila/render/modules/01_team_und_region.ipynb"


def wait_for_page(page):
    page.wait_for_selector(PAGE_READY, timeout=90_000)


def add_member(page, name, role="", main_contact=False, press_enter=False):
    page.get_by_placeholder("Vor- und Nachname").fill(name)
    if role:
        page.get_by_placeholder("z. B. Moderation, Organisation, Netzwerk").fill(role)
    if main_contact:
        page.locator(".rl-form").get_by_text("Haupt-Ansprechperson", exact=True).click()
    if press_enter:  # Enter in a form's field saves the form, as its button does
        page.get_by_placeholder("z. B. Moderation, Organisation, Netzwerk").press("Enter")
    else:
        page.get_by_role("button", name="Person hinzufügen").click()
    expect(page.locator(".rl-member-name", has_text=name)).to_be_visible()


def upload(page, path):
    # ipywidgets' FileUpload keeps its <input type=file> out of the DOM and opens it from the button.
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Arbeitsmappe hochladen").click()
    chooser.value.set_files(str(path))


def test_team_and_region_survive_a_reload_and_show_on_the_start_page(start_server, page):
    server = start_server()
    page.goto(server.url)  # the bare address leads to the start page
    wait_for_page(page)
    assert page.url.endswith("/voila/render/modules/00_start.ipynb")
    expect(page.locator("[data-module='1']")).to_contain_text("nicht begonnen")
    expect(page.locator("[data-module='3']")).to_contain_text("nicht begonnen")
    expect(page.locator("[data-module='5']")).to_contain_text("nicht begonnen")
    expect(page.locator("[data-module='6']")).to_contain_text("nicht begonnen")
    expect(page.locator("text=Achtung, ihr arbeitet auf Binder")).to_have_count(0)
    expect(page.locator(".rl-greeting")).to_have_count(0)  # nothing to greet before Modul 1
    screenshot(page, "01-startseite-leer")

    page.locator("[data-module='1']").get_by_role("link", name="Modul öffnen →").click()
    wait_for_page(page)
    expect(page.locator("h1", has_text="Modul 1 · Team & Region")).to_be_visible()
    expect(page.locator(".rl-notice", has_text="bisher 0")).to_be_visible()
    page.get_by_placeholder("z. B. Mitmach-Team Oberes Kinzigtal").fill("Mitmach-Team Hochschwarzwald")
    add_member(page, "Anna Berger", "Moderation", main_contact=True)
    add_member(page, "Ben Çelik", "Netzwerk", press_enter=True)
    add_member(page, "<b>Clara</b>", "Organisation")
    expect(page.get_by_text("3 Menschen im Team – gut so!")).to_be_visible()

    page.get_by_placeholder("z. B. Oberes Kinzigtal").fill("Hochschwarzwald")
    search = page.get_by_placeholder("Gemeinde, Landkreis oder Bezirk …")
    search.fill("Entenhausen")
    search.press("Enter")
    expect(page.get_by_text("Zu „Entenhausen“ haben wir in Deutschland nichts gefunden")).to_be_visible()
    search.fill("Titisee")
    search.press("Enter")
    page.locator(".rl-result", has_text="Titisee-Neustadt").first.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".rl-chip", has_text="Titisee-Neustadt")).to_be_visible()
    search.fill("Feldberg")
    search.press("Enter")
    page.locator(".rl-result", has_text="Feldberg (Schwarzwald)").get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".rl-chip")).to_have_count(2)
    expect(page.locator(".rl-figures")).to_contain_text("Einwohner:innen")
    expect(page.locator(".rl-source", has_text="Quelle: © Statistisches Bundesamt (Destatis)")).to_be_visible()
    # The two chosen Gemeinden are drawn as points on the page's own SVG map, inside their Kreis with its
    # other Gemeinden as small dots, with the districts around; the points and the larger Gemeinden are named.
    points = page.locator(".rl-map svg circle[r='7']")
    expect(points).to_have_count(2)
    for index in range(2):
        expect(points.nth(index)).to_be_visible()
    expect(page.locator(".rl-map svg circle title", has_text="Feldberg (Schwarzwald)")).to_have_count(1)
    expect(page.locator(".rl-map svg text", has_text="Feldberg (Schwarzwald)")).to_have_count(1)
    assert page.locator(".rl-map svg circle[r='3']").count() > 10
    assert page.locator(".rl-map svg path").count() > 3
    page.get_by_role("button", name="Deutschland").last.click()  # Weggemeinschaft
    page.get_by_placeholder("Was verbindet die Menschen hier?").fill("Zwei Gemeinden am Feldberg.")
    page.wait_for_timeout(500)
    screenshot(page, "02-modul1-ausgefuellt")

    page.reload()
    wait_for_page(page)
    for name in ("Anna Berger", "Ben Çelik", "<b>Clara</b>"):  # escaped: shown as typed
        expect(page.locator(".rl-member-name", has_text=name)).to_be_visible()
    expect(page.locator(".rl-member-main")).to_contain_text("Anna Berger")
    expect(page.locator(".rl-chip")).to_have_count(2)
    expect(page.get_by_placeholder("z. B. Oberes Kinzigtal")).to_have_value("Hochschwarzwald")
    expect(page.get_by_placeholder("Was verbindet die Menschen hier?")).to_have_value("Zwei Gemeinden am Feldberg.")
    screenshot(page, "03-modul1-nach-neuladen")

    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator("[data-module='1']")).to_contain_text("erledigt")
    expect(page.locator(".rl-greeting")).to_have_text("Mitmach-Team Hochschwarzwald · Region Hochschwarzwald")
    screenshot(page, "04-startseite-modul1-erledigt")


LEAVING = """() => {
    const event = new Event("beforeunload", {cancelable: true});
    window.dispatchEvent(event);
    return event.defaultPrevented;  // true: Chromium asks „Seite verlassen?“ before a reload or leaving
}"""


def test_unsaved_text_in_a_form_asks_before_the_page_is_left_and_keeps_the_kernel(start_server, page):
    server = start_server()
    page.goto(server.url + MODULE1)
    wait_for_page(page)
    unsaved = "() => window.regionallabor.unsavedText()"
    assert page.evaluate(unsaved) is False
    # the team's name saves itself on every keystroke: nothing to warn about
    page.get_by_placeholder("z. B. Mitmach-Team Oberes Kinzigtal").fill("Mitmach-Team Lautertal")
    assert page.evaluate(unsaved) is False
    page.get_by_placeholder("Vor- und Nachname").fill("Halb eingetragen")
    assert page.evaluate(unsaved) is True
    kernels = len(kernels_of(server.process))
    # the browser asks; the team stays – and its kernel must too (Voila's own handler would shut it down)
    assert page.evaluate(LEAVING) is True
    page.get_by_role("button", name="Person hinzufügen").click()
    expect(page.locator(".rl-member-name", has_text="Halb eingetragen")).to_be_visible()
    expect(page.get_by_placeholder("Vor- und Nachname")).to_have_value("")  # saved: the form is empty again
    assert page.evaluate(unsaved) is False and len(kernels_of(server.process)) == kernels
    # when the page then really goes, its kernel is shut down as Voila would have done
    page.evaluate("() => window.dispatchEvent(new Event('pagehide'))")
    deadline = time.monotonic() + 20
    while len(kernels_of(server.process)) == kernels and time.monotonic() < deadline:
        time.sleep(0.3)
    assert len(kernels_of(server.process)) == kernels - 1


def test_second_tab_shows_changes_from_the_first(start_server, browser):
    server = start_server()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.set_default_timeout(60_000)
        tab.goto(server.url + MODULE1)
        wait_for_page(tab)
    add_member(first, "Dana aus Tab eins")
    # the second tab's kernel notices the write and reloads its tools by itself
    expect(second.locator(".rl-member-name", has_text="Dana aus Tab eins")).to_be_visible(timeout=15_000)
    screenshot(second, "05-zweiter-tab")
    context.close()


def test_export_and_refused_import_on_the_start_page(start_server, page, tmp_path):
    server = start_server()
    page.goto(server.url + MODULE1)
    wait_for_page(page)
    add_member(page, "Emil")
    page.goto(server.url + "/voila/render/modules/00_start.ipynb")
    wait_for_page(page)
    expect(page.locator(".rl-path")).to_contain_text("arbeitsmappe.sqlite3")
    name, raw = downloaded(page, page.get_by_role("button", name="⬇ Arbeitsmappe herunterladen"))  # one click
    assert name.startswith("arbeitsmappe-")
    exported = json.loads(raw)
    assert [m["name"] for m in exported["records"]["member"]] == ["Emil"]

    bad = tmp_path / "urlaubsfoto.json"
    bad.write_text("das ist keine Arbeitsmappe")
    upload(page, bad)
    expect(page.locator(".rl-notice-error")).to_contain_text("kein gültiges JSON")
    screenshot(page, "06-startseite-import-abgelehnt")

    # a colleague's file: she added Frieda on her own laptop – merged, Emil stays
    exported["records"]["member"].append({"id": "neu1", "name": "Frieda"})
    good = tmp_path / "arbeitsmappe-neu.json"
    good.write_text(json.dumps(exported))
    upload(page, good)
    expect(page.locator(".rl-notice-info")).to_contain_text("2 Teammitglieder")
    screenshot(page, "06-startseite-zusammenfuehren-oder-ersetzen")
    page.get_by_role("button", name="Zusammenführen").click()
    expect(page.locator(".rl-notice-success")).to_contain_text("1 neuer Eintrag")

    # Emil's role changed here (another page) and in the colleague's file: the team chooses
    from regionallabor.core.model import Member
    from regionallabor.core.store import Arbeitsmappe

    here = Arbeitsmappe(server.home / "arbeitsmappe.sqlite3", person="Anna")
    emil = next(s for s in here.list(Member) if s.record.name == "Emil")
    here.update(emil.record.model_copy(update={"role": "Moderation"}), emil.version)
    for member in exported["records"]["member"]:
        if member["name"] == "Emil":
            member["role"] = "Kasse"
    good.write_text(json.dumps(exported))
    upload(page, good)
    page.get_by_role("button", name="Zusammenführen").click()
    conflict = page.locator(".rl-merge-conflict")
    expect(conflict).to_contain_text("bei euch „Moderation“, in der Datei „Kasse“")
    screenshot(page, "06-startseite-zusammenfuehren-konflikt")
    conflict.get_by_text("Fassung aus der Datei nehmen").click()
    page.get_by_role("button", name="Jetzt zusammenführen").click()
    expect(page.locator(".rl-notice-success")).to_contain_text("zusammengeführt")
    assert {s.record.name: s.record.role for s in here.list(Member)}["Emil"] == "Kasse"
    page.goto(server.url + MODULE1)
    wait_for_page(page)
    expect(page.locator(".rl-member-name", has_text="Frieda")).to_be_visible()
    expect(page.locator(".rl-member-name", has_text="Emil")).to_be_visible()


def test_binder_warning(start_server, page):
    server = start_server({"BINDER_SERVICE_HOST": "10.0.0.1"})
    page.goto(server.url)
    wait_for_page(page)
    expect(page.get_by_text("Achtung, ihr arbeitet auf Binder.")).to_be_visible()
    screenshot(page, "07-startseite-binder")


def test_work_survives_a_restart_of_voila(start_server, page, tmp_path):
    home = tmp_path / "home"
    server = start_server(home=home)
    page.goto(server.url + MODULE1)
    wait_for_page(page)
    add_member(page, "Greta vor dem Neustart")
    server.stop()
    restarted = start_server(home=home)
    page.goto(restarted.url + MODULE1)
    wait_for_page(page)
    expect(page.locator(".rl-member-name", has_text="Greta vor dem Neustart")).to_be_visible()


def test_the_name_chosen_on_the_start_page_signs_changes_and_the_papierkorb_gives_them_back(start_server, page):
    """On a laptop: „Wer arbeitet gerade?“ sets a cookie, the next page's kernel signs its changes with it;
    a member removed in Modul 1 comes back from the start page's Papierkorb."""
    from regionallabor.core.model import Member
    from regionallabor.core.store import Arbeitsmappe

    server = start_server()
    page.goto(server.url + MODULE1)
    wait_for_page(page)
    add_member(page, "Anna Becker")
    page.goto(server.url)
    wait_for_page(page)
    page.locator(".rl-person-choice select").select_option(label="Anna Becker")
    page.wait_for_function("document.cookie.includes('regionallabor-person=Anna%20Becker')")

    page.goto(server.url + MODULE1)  # a new kernel, started with the cookie's name
    wait_for_page(page)
    add_member(page, "Ben Yilmaz")
    workbook = Arbeitsmappe(server.home / "arbeitsmappe.sqlite3", person="Test")
    assert {s.record.name: s.updated_by for s in workbook.list(Member)} == {
        "Anna Becker": None,
        "Ben Yilmaz": "Anna Becker",
    }
    ben = page.locator(".rl-member", has_text="Ben Yilmaz")
    ben.get_by_role("button", name="Entfernen").click()
    # the row asks first; its own „Entfernen“ confirms (waiting, so the click does not hit the first button again)
    expect(ben.get_by_text("wirklich aus dem Team entfernen?")).to_be_visible()
    ben.get_by_role("button", name="Entfernen").click()
    expect(page.locator(".rl-notice", has_text="Im Papierkorb auf der Startseite")).to_be_visible()

    page.goto(server.url)
    wait_for_page(page)
    trash = page.locator(".rl-trash-row", has_text="Teammitglied „Ben Yilmaz“")
    expect(trash).to_contain_text("entfernt gerade eben von Anna Becker")
    expect(page.locator(".rl-history")).to_contain_text("Teammitglied „Anna Becker“")
    screenshot(page, "07-startseite-verlauf")
    trash.get_by_role("button", name="Zurückholen").click()
    expect(page.locator(".rl-history")).to_contain_text("Teammitglied „Ben Yilmaz“ ist wieder da.")
    assert [s.record.name for s in workbook.list(Member)] == ["Anna Becker", "Ben Yilmaz"]
