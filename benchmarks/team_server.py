"""A team's server with three members at once: each has the start page and two modules open.

One `regionallabor serve` stands for the team's server on the hub (one server, one workbook, every member's
pages in it). Three browser contexts sign as Anna, Ben and Cem (the laptop's name cookie; on the hub the
login does it). The benchmark notes memory (server and kernels, resident set) with all nine pages open, then
lets each member in turn add a person in Modul 1 and times until the other two members' Modul 1 pages show
it. Writes benchmarks/results/team_server.json.

    .venv/bin/python -m benchmarks.team_server            # --rounds 12
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.voila_render import CHROMIUM_ARGS, save_results, seed_workbook
from tests.ensure_browser import find_chromium
from tests.helpers import PAGE_READY, kernels_of, memory_mb

MEMBERS = ("Anna", "Ben", "Cem")
PAGES = ("00_start.ipynb", "01_team_und_region.ipynb", "04_vision.ipynb")
MODULE1 = 1  # index in PAGES


def main() -> None:
    from tests.browser.conftest import VoilaServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="rl-teamserver-")) / "home"
    seed_workbook(home)
    server = VoilaServer(home)
    latencies: list[float] = []
    try:
        start_memory = memory_mb(server.process)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            tabs: dict[str, list] = {}
            for member in MEMBERS:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_cookies([{"name": "regionallabor-person", "value": member, "url": server.url}])
                tabs[member] = []
                for notebook in PAGES:
                    tab = context.new_page()
                    tab.goto(f"{server.url}/voila/render/modules/{notebook}")
                    tab.wait_for_selector(PAGE_READY, timeout=120_000)
                    tabs[member].append(tab)
            kernels = len(kernels_of(server.process))
            open_memory = memory_mb(server.process)
            for round_number in range(args.rounds):
                writer = MEMBERS[round_number % len(MEMBERS)]
                name = f"Probe {round_number + 1} von {writer}"
                page = tabs[writer][MODULE1]
                page.get_by_placeholder("Vor- und Nachname").fill(name)
                page.get_by_role("button", name="Person hinzufügen").click()
                page.locator(".rl-member-name", has_text=name).wait_for(timeout=30_000)
                saved = time.perf_counter()
                for other in MEMBERS:
                    if other != writer:
                        tabs[other][MODULE1].locator(".rl-member-name", has_text=name).wait_for(timeout=30_000)
                        latencies.append(time.perf_counter() - saved)
            end_memory = memory_mb(server.process)
            browser.close()
    finally:
        server.stop()
    ordered = sorted(latencies)
    report = {
        "members": len(MEMBERS),
        "pages_per_member": len(PAGES),
        "kernels": kernels,
        "start_memory_mb": round(start_memory),
        "open_memory_mb": round(open_memory),
        "end_memory_mb": round(end_memory),
        "per_member_mb": round((open_memory - start_memory) / len(MEMBERS)),
        "change_seen_s_median": round(statistics.median(ordered), 2),
        "change_seen_s_p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "change_seen_s_max": round(ordered[-1], 2),
    }
    print(
        f"{len(MEMBERS)} Mitglieder mit je {len(PAGES)} Seiten: {kernels} Kernel, {report['open_memory_mb']} MB "
        f"({report['per_member_mb']} MB je Mitglied, Server allein {report['start_memory_mb']} MB)"
    )
    print(
        f"eine Änderung bei den anderen: Median {report['change_seen_s_median']} s, "
        f"p95 {report['change_seen_s_p95']} s, höchstens {report['change_seen_s_max']} s"
    )
    save_results("team_server", report)


if __name__ == "__main__":
    main()
