"""A team's afternoon: 50 page visits in three tabs against one `regionallabor serve`, kernels and memory over time.

Three tabs (say: the start page, the module being worked on, and the one looked up in between) visit the
course's pages in turn, as a team does through an afternoon; every visit waits until the page's tools are
drawn. After each visit the benchmark notes how many kernels run and how much memory server and kernels
hold (resident set). After the last visit the tabs stay open and it waits for the cull of kernels without
a page (5 idle minutes, voila.json). Writes benchmarks/results/nachmittag.json.

    .venv/bin/python -m benchmarks.nachmittag            # --visits 50 --tabs 3
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.voila_render import CHROMIUM_ARGS, save_results, seed_workbook
from tests.ensure_browser import find_chromium
from tests.helpers import PAGE_READY, kernels_of, memory_mb

PAGES = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "modules").glob("*.ipynb"))


def main() -> None:
    from tests.browser.conftest import VoilaServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=50)
    parser.add_argument("--tabs", type=int, default=3)
    parser.add_argument("--cull-wait", type=int, default=420, help="seconds to wait for the cull afterwards")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="rl-nachmittag-")) / "home"
    seed_workbook(home)
    server = VoilaServer(home)
    timeline, load_seconds = [], []
    started = time.monotonic()

    def note(label: str) -> None:
        timeline.append(
            {
                "s": round(time.monotonic() - started, 1),
                "after": label,
                "kernels": len(kernels_of(server.process)),
                "memory_mb": round(memory_mb(server.process)),
            }
        )

    try:
        note("Start des Servers")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tabs = [context.new_page() for _ in range(args.tabs)]
            pages = itertools.cycle(PAGES)
            for visit in range(args.visits):
                tab, notebook = tabs[visit % args.tabs], next(pages)
                begin = time.perf_counter()
                tab.goto(f"{server.url}/voila/render/modules/{notebook}")
                tab.wait_for_selector(PAGE_READY, timeout=120_000)
                load_seconds.append(time.perf_counter() - begin)
                note(f"Besuch {visit + 1}: {notebook}")
            deadline = time.monotonic() + args.cull_wait
            while len(kernels_of(server.process)) > args.tabs and time.monotonic() < deadline:
                time.sleep(10)
            note("nach dem Aufräumen")
            browser.close()
    finally:
        server.stop()
    peak = max(timeline, key=lambda point: point["memory_mb"])
    report = {
        "visits": args.visits,
        "tabs": args.tabs,
        "load_s_median": statistics.median(load_seconds),
        "peak_kernels": max(point["kernels"] for point in timeline),
        "peak_memory_mb": peak["memory_mb"],
        "start_memory_mb": timeline[0]["memory_mb"],
        "end": timeline[-1],
        "timeline": timeline,
    }
    print(f"{args.visits} Seitenbesuche in {args.tabs} Tabs, Median bis zur Seite {report['load_s_median']:.2f} s")
    print(f"Kernel höchstens {report['peak_kernels']}, Speicher {report['start_memory_mb']} MB beim Start,")
    print(
        f"höchstens {report['peak_memory_mb']} MB, am Ende {report['end']['memory_mb']} MB mit {report['end']['kernels']} Kerneln"
    )
    save_results("nachmittag", report)


if __name__ == "__main__":
    main()
