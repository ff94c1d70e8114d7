"""The course as a Python user gets it: a wheel built from the project, installed into a fresh venv outside the
checkout (`pip install regionallabor`, `pipx run regionallabor`), serving everything from an empty folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from regionallabor.handbuch.build import chapters
from tests.binder_env import pip_cache_dir
from tests.helpers import PAGE_READY, pdf_text

from .conftest import ROOT, screenshot
from .test_journeys import add_member

pytestmark = pytest.mark.browser

WHAT_THE_INSTALL_HOLDS = """
import importlib.util, json
import regionallabor, regionallabor_widgets
from regionallabor.core import paths
print(json.dumps({
    "package": regionallabor.__file__,
    "widgets": regionallabor_widgets.__file__,
    "course_folder": str(paths.PROJECT_ROOT),
    "generic_widgets_name": importlib.util.find_spec("widgets") is not None,
    "sphinx": importlib.util.find_spec("sphinx") is not None,
}))
"""


def run(command: list[str], **options) -> str:
    result = subprocess.run(command, capture_output=True, text=True, **options)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def fetched(page, href: str):
    """A link of the page, fetched as the browser would follow it."""
    response = page.request.get(urljoin(page.url, href))
    assert response.ok, f"{href}: {response.status}"
    return response


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """The wheel built as a release would be (build isolation, the handbook built into it), in a fresh venv."""
    folder = tmp_path_factory.mktemp("wheel")
    environment = {**os.environ, "PIP_CACHE_DIR": pip_cache_dir()}
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder / "dist"), str(ROOT)],
        env=environment,
    )
    (wheel,) = (folder / "dist").glob("regionallabor-*.whl")
    venv = folder / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], env=environment, cwd=folder)
    return venv


def test_the_wheel_holds_the_course_and_only_what_serving_needs(installed_wheel, tmp_path):
    python = installed_wheel / "bin" / "python"
    facts = json.loads(run([str(python), "-c", WHAT_THE_INSTALL_HOLDS], cwd=tmp_path))
    for installed in (facts["package"], facts["widgets"], facts["course_folder"]):
        assert Path(installed).is_relative_to(installed_wheel), installed
    assert not facts["generic_widgets_name"]
    assert not facts["sphinx"]  # the handbook comes built; Sphinx is the `handbook` extra
    course = Path(facts["course_folder"])
    assert sorted(path.name for path in (course / "modules").glob("*.ipynb"))[:2] == [
        "00_start.ipynb",
        "01_team_und_region.ipynb",
    ]
    assert (course / "handbook" / "_build" / "html" / "index.html").is_file()
    # the PDF rinohtype built into the wheel (warnings as errors): every chapter, and the presets it prints
    pdf = (course / "handbook" / "_build" / "pdf" / "handbuch-mitmach-konferenz.pdf").read_bytes()
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", pdf_text(pdf)))
    for chapter in chapters():
        assert chapter.title in text, chapter.title
    assert "Ankommen bei Kaffee und Kuchen" in text
    assert len(list((course / "exercises" / "source").glob("modul-*/arbeitsblatt.ipynb"))) == 6
    assert (course / "share" / "jupyter" / "voila" / "templates" / "regionallabor" / "index.html.j2").is_file()


def test_the_installed_course_serves_from_an_empty_folder(installed_wheel, tmp_path, start_server, page):
    empty = tmp_path / "leer"
    empty.mkdir()
    environment = {"PATH": f"{installed_wheel / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    server = start_server(environment, python=str(installed_wheel / "bin" / "python"), cwd=empty)
    page.goto(server.url)
    page.wait_for_selector(PAGE_READY, timeout=90_000)
    expect(page).to_have_title("Start – Regionallabor")
    expect(page.locator(".rl-modules")).to_contain_text("Team & Region")
    # the handbook as PDF, built into the wheel
    pdf = page.locator("a[href$='handbuch-mitmach-konferenz.pdf']").get_attribute("href")
    assert fetched(page, pdf).body().startswith(b"%PDF")

    page.locator("[data-module='1']").get_by_role("link", name="Modul öffnen →").click()
    page.wait_for_selector(PAGE_READY, timeout=90_000)
    expect(page.locator("h1", has_text="Modul 1 · Team & Region")).to_be_visible()
    add_member(page, "Anna Berger", "Moderation")
    page.reload()
    page.wait_for_selector(PAGE_READY, timeout=90_000)
    expect(page.locator(".rl-member-name", has_text="Anna Berger")).to_be_visible()
    assert (tmp_path / "home" / "arbeitsmappe.sqlite3").is_file()
    screenshot(page, "wheel-modul1")

    chapter = page.locator("a[data-chapter]").first.get_attribute("href")
    assert "Handbuch Mitmach-Konferenz" in fetched(page, chapter).text()
    server.stop()
    assert empty.exists() and not any(empty.iterdir())  # nothing written where the course was started
