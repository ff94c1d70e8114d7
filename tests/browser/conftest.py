"""Browser tests: a real Voila server started by the test, driven by Playwright in a real Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ensure_browser import find_chromium
from tests.helpers import free_port, stop_process, wait_until_answering

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class VoilaServer:
    """``regionallabor serve`` as `make start` runs it – or, given ``python`` and ``cwd``, as another install does."""

    def __init__(
        self, home: Path, extra_env: dict[str, str] | None = None, python: str = sys.executable, cwd: Path = ROOT
    ):
        self.port = free_port()
        self.home = home
        self.url = f"http://localhost:{self.port}"
        env = {**os.environ, "REGIONALLABOR_HOME": str(home), **(extra_env or {})}
        self.log = open(home.parent / f"voila-{self.port}.log", "w")
        self.process = subprocess.Popen(
            [python, "-m", "regionallabor", "serve", f"--Voila.port={self.port}", "--no-browser"],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        if not wait_until_answering(self.url + "/voila/render/modules/00_start.ipynb", self.process, timeout=60):
            self.stop()
            raise RuntimeError(f"Voila did not start; see {self.log.name}")

    def stop(self) -> None:
        stop_process(self.process, timeout=15)
        self.log.close()


@pytest.fixture
def start_server(tmp_path):
    servers = []

    def start(extra_env=None, home=None, **options) -> VoilaServer:
        server = VoilaServer(home or tmp_path / "home", extra_env, **options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        pytest.fail("Kein Chromium gefunden: `make test` installiert ihn (tests/ensure_browser.py).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


STICKING_OUT = """([outer, inner]) => {
  const out = [];
  for (const box of document.querySelectorAll(outer)) {
    if (!box.offsetParent) continue;
    const edge = box.getBoundingClientRect();
    for (const control of box.querySelectorAll(inner)) {
      const r = control.getBoundingClientRect();
      if (!r.width) continue;
      if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5 || r.top < edge.top - 0.5 || r.bottom > edge.bottom + 0.5)
        out.push(`${control.tagName.toLowerCase()}.${control.className} (${control.textContent || control.value || ""})`.slice(0, 120));
    }
  }
  return out;
}"""


def assert_nothing_sticks_out(page, container: str, controls: str) -> None:
    """Every control (CSS selector) lies whole inside its container: nothing clipped off a card or a column."""
    outside = page.evaluate(STICKING_OUT, [container, controls])
    assert outside == [], f"outside their {container}: {outside}"


def eventually(check, timeout: float = 10.0):
    """Wait until ``check()`` is true – for what the kernel saves while the page does not change."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("never came true")
        time.sleep(0.1)


def downloaded(page, button) -> tuple[str, bytes]:
    """Click a download button once and return the file the browser saves: its name and its bytes."""
    with page.expect_download(timeout=60_000) as download:
        button.click()
    return download.value.suggested_filename, Path(download.value.path()).read_bytes()


def screenshot(page, name: str) -> Path:
    """Save the whole page (Voila scrolls inside #rendered_cells) under tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = page.evaluate("(document.querySelector('#rendered_cells') || document.body).scrollHeight")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height + 40)})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


@pytest.fixture(scope="session")
def course_environment():
    """One environment built from binder/ for the session (a few minutes); the Binder and hub tests share it."""
    from tests.binder_env import build_course_environment, load_course_environment

    reuse = os.environ.get("REGIONALLABOR_KURSUMGEBUNG")
    if reuse:
        yield load_course_environment(Path(reuse))
        return
    environment = build_course_environment()
    yield environment
    environment.remove()
