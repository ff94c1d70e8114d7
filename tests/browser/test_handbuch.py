"""The handbook from the course: Voila serves the built site beside the pages, links open it in a new tab."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from regionallabor.handbuch.build import chapters

from .conftest import screenshot

pytestmark = pytest.mark.browser

MODUL5 = "/voila/render/modules/05_strategie_und_konferenz.ipynb"


def test_module_and_start_page_open_the_handbooks_chapters(start_server, page):
    server = start_server()
    page.goto(server.url + MODUL5)
    box = page.locator(".rl-handbook-box")
    templates = next(c for c in chapters() if c.slug == "vorlagen")
    expect(box).to_contain_text(f"Kapitel {templates.number} Checklisten und Vorlagen", timeout=90_000)
    with page.expect_popup() as popup:
        box.get_by_role("link", name="Checklisten und Vorlagen").click()
    handbook = popup.value
    handbook.wait_for_load_state()
    assert "/voila/files/handbook/_build/html/vorlagen.html" in handbook.url
    expect(handbook.locator("h1")).to_contain_text("Checklisten und Vorlagen")
    # the agenda templates are the planner's presets
    expect(handbook.locator("table.rl-agenda").first).to_contain_text("Ankommen bei Kaffee und Kuchen")
    handbook.get_by_role("link", name="Das Programm").first.click()
    expect(handbook.locator("h1")).to_contain_text("Das Programm: Formate und Moderation")
    expect(handbook.get_by_text("Das Gesetz der zwei Füße")).to_be_visible()
    screenshot(handbook, "handbuch-programm")
    handbook.close()

    page.get_by_role("link", name="← Zur Startseite").click()
    whole = page.locator(".rl-handbook-box")
    expect(whole.locator("li")).to_have_count(len(chapters()), timeout=90_000)
    screenshot(page, "handbuch-startseite")
    with page.expect_popup() as popup:
        whole.get_by_role("link", name="Das ganze Handbuch →").click()
    front = popup.value
    front.wait_for_load_state()
    expect(front.locator("h1")).to_contain_text("Handbuch Mitmach-Konferenz")
    expect(front.locator(".sidebar-tree")).to_contain_text("Nach der Konferenz")
