"""The course's pages as a team meets them through an afternoon: the course template (German loading
screen, the notebook's title, the stylesheet in the head, the page's code fetched while the cells run, nothing
from another host) and kernels that end with their page."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from tests.helpers import kernels_of, memory_mb

from .conftest import ARTIFACTS, screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

MODULES = Path(__file__).resolve().parents[2] / "modules"
PAGES = sorted(MODULES.glob("*.ipynb"))


def open_page(page, server, notebook: Path) -> None:
    page.goto(f"{server.url}/voila/render/modules/{notebook.name}")
    wait_for_page(page)


def host_of(url: str) -> str | None:
    """The host a request goes to; None for a data: URL, which is part of the page. A blob: URL (anywidget
    imports a widget's module from one) names the origin that made it."""
    scheme = urlsplit(url).scheme
    if scheme == "data":
        return None
    return urlsplit(url.removeprefix("blob:") if scheme == "blob" else url).netloc


def test_every_page_loads_in_german_with_its_title_and_asks_no_other_host(start_server, page):
    server = start_server()
    requested: dict[str | None, str] = {}
    page.on("request", lambda request: requested.setdefault(host_of(request.url), request.url))
    page.goto(f"{server.url}/voila/render/modules/03_beziehungsnetz.ipynb", wait_until="commit")
    loading = page.locator("#loading")
    loading.wait_for(state="visible")
    assert "Beziehungsnetz" in page.locator(".rl-loading-title").inner_text()
    page.wait_for_function("document.getElementById('loading_text').textContent.startsWith('Schritt')")
    page.screenshot(path=str(ARTIFACTS / "seite-laden.png"))
    wait_for_page(page)
    page_code_requested, last_cell_arrived = page.evaluate(
        """() => [performance.getEntriesByType('resource').find(r => r.name.endsWith('/voila/static/voila.js')).startTime,
                  performance.getEntriesByType('navigation')[0].responseEnd]"""
    )
    assert page_code_requested < last_cell_arrived  # the browser fetched the page's code while the cells ran
    for notebook in PAGES:
        open_page(page, server, notebook)
        assert page.title() == nbformat.read(notebook, as_version=4).metadata["title"]
        assert page.locator("head link[href*='course.css']").count() == 1
        body = page.inner_text("body")
        assert "Loading widget" not in body and "Running" not in body
    requested.pop(None, None)
    assert set(requested) == {urlsplit(server.url).netloc}, requested


def test_an_afternoon_of_page_visits_leaves_one_kernel_and_no_memory_behind(start_server, page):
    server = start_server()
    start_mb = memory_mb(server.process)
    for _ in range(3):
        for notebook in PAGES:
            open_page(page, server, notebook)
    screenshot(page, "seiten-nachmittag")
    deadline = time.monotonic() + 20
    while len(kernels_of(server.process)) > 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    # the open page's kernel, and the one of the server's start probe, which no page ever connected to
    assert len(kernels_of(server.process)) <= 2
    assert memory_mb(server.process) < start_mb + 300
    log = Path(server.log.name).read_text()
    assert "403 POST" not in log and log.count("Kernel shutdown") >= 3 * len(PAGES) - 1
