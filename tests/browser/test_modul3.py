"""Modul 3 in Chromium against a real Voila server: actors, relations, the network map, the gap matrix, a reload."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from regionallabor import testing
from regionallabor.core.model import Schatz, Team
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor_widgets.modul3.netzwerkkarte import SECTOR_COLOURS

from .conftest import ARTIFACTS, screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

MODUL3 = "/voila/render/modules/03_beziehungsnetz.ipynb"


def seeded_home(tmp_path):
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Team(name="Mitmach-Team Auenfeld"), None)
    workbook.add(Schatz(name="Bürgerenergie Musterdorf eG", field="energie"))
    workbook.close()
    return home


def actor_form(page):
    return page.locator(".rl-actor-form").first


def add_actor(page, name, sector, field):
    form = actor_form(page)
    form.get_by_placeholder("z. B. Bürgerenergie Musterdorf eG oder Maria Huber").fill(name)
    form.get_by_placeholder("z. B. Verwaltung").fill(sector)
    form.get_by_text(field, exact=True).click()
    form.get_by_role("button", name="Akteur:in hinzufügen").click()
    expect(
        page.locator(".rl-notice-success", has_text=f"„{name}“ ist jetzt auf eurer Akteurslandkarte")
    ).to_be_visible()


def add_relation(page, source, kind, target):
    form = page.locator(".rl-form").filter(has=page.get_by_role("button", name="Beziehung hinzufügen"))
    pickers = form.get_by_placeholder("Akteur:in wählen …")
    pickers.nth(0).fill(source)
    pickers.nth(0).press("Tab")
    form.locator("select").select_option(label=kind)
    pickers.nth(1).fill(target)
    pickers.nth(1).press("Tab")
    form.get_by_role("button", name="Beziehung hinzufügen").click()
    expect(page.locator(".rl-notice-success", has_text=f"Beziehung „{source} – {target}“ gespeichert")).to_be_visible()


def gap_cell(page, sector, field):
    return page.locator(f".rl-gap-table td[title='{sector} · {field}']")


def click_node_of_colour(page, colour: str) -> None:
    """Click the map where a node of this colour is drawn (sigma.js draws on a canvas)."""
    canvas = page.locator(".rl-network-map .ipysigma-container").first
    canvas.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    box = canvas.bounding_box()
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    hits = [
        (x, y)
        for x in range(0, image.width, 2)
        for y in range(0, image.height, 2)
        if all(abs(a - b) <= 6 for a, b in zip(image.getpixel((x, y)), target))
    ]
    assert hits, f"no node of colour {colour} on the map"
    x = sum(h[0] for h in hits) / len(hits)
    y = sum(h[1] for h in hits) / len(hits)
    page.mouse.click(box["x"] + x * box["width"] / image.width, box["y"] + y * box["height"] / image.height)


def test_three_actors_two_relations_on_the_map_and_in_the_gap_matrix_after_a_reload(start_server, page, tmp_path):
    server = start_server(home=seeded_home(tmp_path))
    page.goto(server.url + MODUL3)
    wait_for_page(page)
    expect(page.locator(".rl-actor .rl-member-name", has_text="Bürgerenergie Musterdorf eG")).to_be_visible()
    expect(gap_cell(page, "Wirtschaft", "Landwirtschaft & Ernährung")).to_have_text("–")

    add_actor(page, "Hofladen Auenfeld", "Wirtschaft", "Landwirtschaft & Ernährung")
    add_actor(page, "Klimaschutzmanagerin", "Verwaltung", "Energie")
    add_actor(page, "Jugendtreff Bergheim", "Zivilgesellschaft", "Sozialer Zusammenhalt & Beteiligung")
    expect(gap_cell(page, "Wirtschaft", "Landwirtschaft & Ernährung")).to_have_text("1")
    expect(gap_cell(page, "Zivilgesellschaft", "Energie")).to_have_text("1")  # the Schatz counts

    add_relation(page, "Hofladen Auenfeld", "kooperiert", "Klimaschutzmanagerin")
    add_relation(page, "Jugendtreff Bergheim", "kennt sich", "Bürgerenergie Musterdorf eG")
    network_map = page.locator(".rl-network-map")
    expect(network_map.get_by_text("4 Akteur:innen und 2 Beziehungen sichtbar.")).to_be_visible()
    expect(network_map.locator("canvas").first).to_be_visible()
    page.wait_for_timeout(1500)  # sigma.js draws on the next animation frames
    screenshot(page, "modul3-filled")

    click_node_of_colour(page, SECTOR_COLOURS["verwaltung"])
    panel = page.locator(".rl-map-panel")
    expect(panel.locator(".rl-map-selected")).to_contain_text("Klimaschutzmanagerin")
    expect(panel.locator(".rl-map-selected")).to_contain_text("Hofladen Auenfeld")
    expect(panel.get_by_placeholder("z. B. Bürgerenergie Musterdorf eG oder Maria Huber")).to_have_value(
        "Klimaschutzmanagerin"
    )
    panel.locator(".widget-toggle-button", has_text="5").first.click()
    panel.get_by_role("button", name="Speichern").click()
    expect(page.locator(".rl-actor", has_text="Klimaschutzmanagerin")).to_contain_text("Einfluss 5")

    network_map.locator("select").first.select_option(label="Energie")
    expect(network_map.get_by_text("2 Akteur:innen und 0 Beziehungen sichtbar.")).to_be_visible()
    page.wait_for_timeout(1000)
    screenshot(page, "modul3-filter-energie")

    page.reload()
    wait_for_page(page)
    expect(page.locator(".rl-actor")).to_have_count(4)
    expect(page.locator(".rl-relation")).to_have_count(2)
    expect(network_map.get_by_text("4 Akteur:innen und 2 Beziehungen sichtbar.")).to_be_visible()
    expect(gap_cell(page, "Verwaltung", "Energie")).to_have_text("1")
    expect(page.locator(".rl-grid")).to_contain_text("Klimaschutzmanagerin")
    page.wait_for_timeout(1500)
    screenshot(page, "modul3-after-reload")


def test_a_team_sized_map_names_every_actor_and_cuts_no_name_at_its_edge(start_server, page, tmp_path):
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Team(name="Mitmach-Team Auenfeld"), None)
    testing.fill_network(workbook, 24, 40)
    workbook.close()
    server = start_server(home=home)
    page.goto(server.url + MODUL3)
    wait_for_page(page)
    network_map = page.locator(".rl-network-map")
    expect(network_map.get_by_text("24 Akteur:innen")).to_be_visible()
    canvas = network_map.locator(".ipysigma-container").first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(2000)  # sigma.js draws on the next animation frames
    screenshot(page, "modul3-map-24-actors")
    image = Image.open(io.BytesIO(canvas.screenshot(path=ARTIFACTS / "modul3-map-24-actors-nah.png"))).convert("L")
    dark = lambda x0, x1: sum(
        1 for x in range(x0, x1) for y in range(0, image.height, 2) if image.getpixel((x, y)) < 90
    )
    assert dark(image.width - 6, image.width) == 0  # no name runs into the right edge
    assert dark(0, 6) == 0
    # every actor named: the names' ink grows with each of them (about 24 names of 10–30 letters)
    assert dark(0, image.width) > 24 * 60
