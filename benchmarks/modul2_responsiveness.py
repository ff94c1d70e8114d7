"""Modul 2 under load: a region of 150 Gemeinden and 300 Schätze. How long from a click until the page shows it?

Measured in Chromium against a real Voila server (the issue's target: within 200 ms):
- rating: click a rating button → the progress line and the radar chart show the new rating,
- Schatz: click "Schatz hinzufügen" → the new entry is in the list,
- SWOT: click "Hinzufügen" → the new card is on the board.
Also the page's load time and its kernel's memory. Writes benchmarks/results/modul2_responsiveness.json.

    .venv/bin/python benchmarks/modul2_responsiveness.py --runs 10
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.voila_render import CHROMIUM_ARGS, median_p90, save_results, timed_click, timed_visit
from regionallabor import refdata
from regionallabor.core.model import Region, Schatz
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from tests.ensure_browser import find_chromium

FIELDS = ["landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"]
LABELS = [
    "Landwirtschaft & Ernährung",
    "Energie",
    "Bauen & Wohnen",
    "Mobilität",
    "Wirtschaft",
    "Sozialer Zusammenhalt & Beteiligung",
]


def seed(home: Path) -> None:
    gemeinden = [a.id for a in refdata.all_areas().values() if a.parent_id == "DE-07232"][:150]
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Region(name="Westeifel", country="DE", area_ids=gemeinden), None)
    with workbook.transaction() as tx:
        for number in range(300):
            tx.add(Schatz(name=f"Initiative Nr. {number}", field=FIELDS[number % 6], description="Läuft seit Jahren."))
    workbook.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    from tests.browser.conftest import VoilaServer  # the browser tests' server fixture, as a plain class

    folder = Path(tempfile.mkdtemp(prefix="rl-m2-"))
    home = folder / "home"
    seed(home)
    server = VoilaServer(home)
    report: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            report["page_load_s"], report["kernel_rss_mb"] = timed_visit(
                page,
                server.process,
                server.url + "/voila/render/modules/02_region_unter_der_lupe.ipynb",
                lambda p: p.wait_for_selector(".rl-schatz", timeout=120_000),
                settle=1,
            )

            ratings, schaetze, cards = [], [], []
            for run in range(args.runs):
                label = LABELS[run % 6]
                value = 1 + run % 5
                row = page.locator(".rl-field-row").filter(has=page.locator(".rl-field-name", has_text=label)).first
                button = row.locator(".widget-toggle-button", has_text=str(value))
                before = (
                    page.locator("svg[aria-label='Profil der Handlungsfelder']").count()
                    and page.locator("svg[aria-label='Profil der Handlungsfelder']").inner_html()
                )
                ratings.append(
                    timed_click(
                        page,
                        button.click,
                        "([before]) => { const s = document.querySelector(\"svg[aria-label='Profil der Handlungsfelder']\");"
                        " return s && s.innerHTML !== before; }",
                        [before or ""],
                    )
                )

                name = f"Neuer Schatz {run}"
                form = page.locator(".rl-form").filter(has=page.get_by_placeholder("z. B. Repair-Café im Gemeindehaus"))
                form.get_by_placeholder("z. B. Repair-Café im Gemeindehaus").fill(name)
                schaetze.append(
                    timed_click(
                        page,
                        form.get_by_role("button", name="Schatz hinzufügen").click,
                        "([name]) => [...document.querySelectorAll('.rl-notice-success')].some(n => n.textContent.includes(name))",
                        [name],
                    )
                )

                card = f"Stärke {run}"
                quadrant = page.locator(".rl-swot-staerken")
                quadrant.get_by_placeholder("Neuer Punkt …").fill(card)
                cards.append(
                    timed_click(
                        page,
                        quadrant.get_by_role("button", name="Hinzufügen").click,
                        "([text]) => [...document.querySelectorAll('.rl-swot-staerken input')].some(i => i.value === text)",
                        [card],
                    )
                )
            browser.close()
    finally:
        server.stop()
    for name, values in (("rating_ms", ratings), ("schatz_ms", schaetze), ("swot_card_ms", cards)):
        report[name] = median_p90(values)
    print(f"Seite laden: {report['page_load_s']:.2f} s, Kernel {report['kernel_rss_mb']:.0f} MB")
    for name in ("rating_ms", "schatz_ms", "swot_card_ms"):
        print(f"{name:<14} Median {report[name]['median']:6.0f} ms   p90 {report[name]['p90']:6.0f} ms")
    save_results("modul2_responsiveness", report)


if __name__ == "__main__":
    main()
