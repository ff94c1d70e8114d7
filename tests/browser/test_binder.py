"""Binder: the environment built from binder/ alone, served by ``jupyter server`` the way Binder serves it.

The Binder variables are set as mybinder.org sets them in a session; the server, the course and
its packages are the ones binder/ installs.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from regionallabor.core.model import Member
from regionallabor.core.store import Arbeitsmappe
from tests.binder_env import JupyterServer

from .conftest import ARTIFACTS, screenshot
from .test_journeys import add_member, wait_for_page

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]  # the first test builds the environment

START = "voila/render/modules/00_start.ipynb"  # the badge's urlpath
MODULE1 = "voila/render/modules/01_team_und_region.ipynb"
BINDER_SESSION = {
    "BINDER_LAUNCH_HOST": "https://mybinder.org/",
    "BINDER_REPO_URL": "https://github.com/mitmach-regionen/regionallabor",
}


def record_environment(environment) -> dict:
    figures = {
        "install_seconds": round(environment.install_seconds, 1),
        "postbuild_seconds": round(environment.postbuild_seconds, 1),
        "env_size_mb": round(environment.size_bytes / 2**20),
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "binder-umgebung.json").write_text(json.dumps(figures, indent=2))
    print(f"\nBinder-Umgebung: {figures}")
    return figures


def test_binder_opens_the_start_page_with_jupyterlab_one_click_away(course_environment, page):
    figures = record_environment(course_environment)
    assert figures["env_size_mb"] > 0 and figures["install_seconds"] > 0
    server = JupyterServer(course_environment, **BINDER_SESSION)
    try:
        page.goto(server.address(START))
        wait_for_page(page)
        expect(page.get_by_role("heading", name="Willkommen im Regionallabor")).to_be_visible()
        warning = page.locator(".rl-notice-warning")
        expect(warning).to_contain_text("Achtung, ihr arbeitet auf Binder.")
        expect(warning).to_contain_text("Arbeitsblatt abgeben")
        screenshot(page, "binder-startseite")

        # postBuild built the handbook; its PDF is served beside the pages.
        pdf = page.get_by_role("link", name="Als PDF herunterladen")
        expect(pdf).to_be_visible()
        assert page.request.get(pdf.evaluate("a => a.href")).headers["content-type"] == "application/pdf"

        with page.context.expect_page() as opened:
            page.get_by_role("link", name="In JupyterLab öffnen").click()
        lab = opened.value
        listing = lab.locator(".jp-DirListing-itemText")
        expect(listing.filter(has_text="modul-1")).to_be_visible(timeout=90_000)
        expect(listing.filter(has_text="modul-6")).to_be_visible()
        # JupyterLab in German: the language pack, made the default by binder/lab-settings/overrides.json
        expect(lab.get_by_role("menuitem", name="Datei", exact=True)).to_be_visible()
        lab.screenshot(path=str(ARTIFACTS / "binder-jupyterlab.png"))
        # Teams get no facilitator tools: nbgrader's formgrader is switched off by binder/jupyter/.
        assert page.request.get(server.address("formgrader")).status == 404
    finally:
        server.stop()


def test_on_binder_the_workbook_lives_in_the_session_folder(course_environment, page):
    server = JupyterServer(course_environment, **BINDER_SESSION)
    try:
        page.goto(server.address(MODULE1))
        wait_for_page(page)
        assert page.title() == "Modul 1 · Team & Region – Regionallabor"  # the course template, from shared-data
        add_member(page, "Bea aus der Binder-Sitzung")
        page.goto(server.address(START))
        wait_for_page(page)
        # leaving Modul 1 shut its kernel down (binder/jupyter's prelaunch hook set the _xsrf cookie)
        kernels = lambda: page.request.get(server.address("api/kernels")).json()
        deadline = time.monotonic() + 20
        while len(kernels()) > 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert len(kernels()) == 1
    finally:
        server.stop()
    workbook = Arbeitsmappe(course_environment.course / "arbeitsmappe" / "arbeitsmappe.sqlite3")
    try:
        assert [m.record.name for m in workbook.list(Member)] == ["Bea aus der Binder-Sitzung"]
    finally:
        workbook.close()
