"""Modul 3 with a generated network of 500 actors and 2,000 relations (the issue's targets: load < 2 s, filter < 500 ms).

Measured twice:
- in the kernel (this process): reading the network, the analysis, the layout, and building all seven tools,
  each the median of ``--runs`` cold runs;
- in Chromium against a real Voila server: from navigation until the map is drawn, and from choosing a
  Handlungsfeld in the map's filter until the new map and its count are on the page (median and p90).
Writes benchmarks/results/modul3_network.json.

    .venv/bin/python benchmarks/modul3_network.py --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.voila_render import CHROMIUM_ARGS, median_p90, save_results, timed_visit
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor.modul3 import beziehungsnetz, netzanalyse
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.testing import fill_network
from tests.ensure_browser import find_chromium

ACTORS, RELATIONS = 500, 2000
FILTERS = [
    ("Energie", "energie"),
    ("alle Handlungsfelder", ""),
    ("Mobilität", "mobilitaet"),
    ("Wirtschaft", "wirtschaft"),
]


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        netzanalyse._cache.clear()  # every run cold: no analysis or network read kept from the last one
        beziehungsnetz._read_at.clear()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def kernel_side(workbook: Arbeitsmappe, runs: int) -> dict:
    from regionallabor_widgets import modul3 as tools_module

    network = load_network(workbook)
    tools = (
        "ActorList",
        "RelationEditor",
        "NetworkMap",
        "NetworkInsights",
        "InfluenceGrid",
        "ConversationLog",
        "NetworkFiles",
    )
    return {
        "load_network_ms": median_ms(lambda: load_network(workbook), runs),
        "analysis_ms": median_ms(lambda: netzanalyse.analyse(network), runs),
        "layout_ms": median_ms(lambda: netzanalyse.spring_positions(network), runs),
        "all_tools_ms": median_ms(lambda: [getattr(tools_module, name)(workbook) for name in tools], runs),
    }


def map_drawn(page) -> None:
    page.wait_for_selector(".rl-network-map .ipysigma-container canvas", timeout=120_000)
    page.get_by_text(f"{ACTORS} Akteur:innen und {RELATIONS} Beziehungen sichtbar.").wait_for(timeout=60_000)


def expected_count(network, field: str) -> int:
    return sum(1 for a in network.actors if not field or field in a.record.handlungsfelder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from tests.browser.conftest import VoilaServer  # the browser tests' server fixture, as a plain class

    home = Path(tempfile.mkdtemp(prefix="rl-m3-")) / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    fill_network(workbook, ACTORS, RELATIONS)
    network = load_network(workbook)
    report: dict = {"actors": ACTORS, "relations": RELATIONS, "kernel": kernel_side(workbook, args.runs)}
    server = VoilaServer(home)
    filters = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            report["page_load_s"], report["kernel_rss_mb"] = timed_visit(
                page, server.process, server.url + "/voila/render/modules/03_beziehungsnetz.ipynb", map_drawn, settle=1
            )
            select = page.locator(".rl-network-map select").first
            select.scroll_into_view_if_needed()
            for run in range(args.runs * len(FILTERS)):
                label, key = FILTERS[run % len(FILTERS)]
                text = f"{expected_count(network, key)} Akteur:innen und "
                page.evaluate("window.__clicked = performance.now()")
                select.select_option(label=label)
                page.wait_for_function(
                    "([text]) => { const map = document.querySelector('.rl-network-map');"
                    " return map.textContent.includes(text) && map.querySelector('.ipysigma-container canvas'); }",
                    arg=[text],
                    polling="raf",
                    timeout=30_000,
                )
                filters.append(page.evaluate("performance.now() - window.__clicked"))
            browser.close()
    finally:
        server.stop()
    report["filter_ms"] = median_p90(filters)
    kernel = report["kernel"]
    print(f"{ACTORS} Akteur:innen, {RELATIONS} Beziehungen")
    print("im Kernel: " + ", ".join(f"{k} {v:.0f} ms" for k, v in kernel.items()))
    print(f"Seite bis Karte: {report['page_load_s']:.2f} s, Kernel {report['kernel_rss_mb']:.0f} MB")
    print(
        f"Filter → neue Karte: Median {report['filter_ms']['median']:.0f} ms, p90 {report['filter_ms']['p90']:.0f} ms"
    )
    save_results("modul3_network", report)


if __name__ == "__main__":
    main()
