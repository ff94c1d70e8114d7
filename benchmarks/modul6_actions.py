"""Modul 6 with a full workbook: 500 actors, 300 invited, 42 goals with Wirkungslogiken, 100 actions.

Measured in the kernel (this process, median of ``--runs``): building the page's tools, the status report's
prefill, and the Regionalprofil – the document, its HTML and its PDF, plain and pseudonymised (target: under
10 s offline). In Chromium against a real Voila server: the page from navigation until its last tool is shown,
and two clicks – an action's status (row, summary and timeline recomputed) and a pool filter (median and p90).
Writes benchmarks/results/modul6_actions.json.

    .venv/bin/python benchmarks/modul6_actions.py --runs 5
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.voila_render import median_ms, median_p90, save_results, served_page, timed_click, timed_visit
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor.dokumente.dokument import to_html, to_pdf
from regionallabor.modul6.regionalprofil import regional_profile
from regionallabor.modul6.statusbericht import prefilled
from regionallabor.testing import fill_actions, fill_network, fill_planning, fill_team_in_district

ACTORS, RELATIONS, GUESTS, GOALS, ACTIONS = 500, 2000, 300, 40, 100
TOOLS = ("ActionPool", "ActionPlan", "ActionOverview", "StatusReport", "RegionalProfile")


def full_workbook(home: Path) -> Arbeitsmappe:
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    fill_team_in_district(workbook)
    fill_network(workbook, ACTORS, RELATIONS)
    fill_planning(workbook, guests=GUESTS, extra_goals=GOALS)
    fill_actions(workbook, ACTIONS)
    return workbook


def kernel_side(workbook: Arbeitsmappe, runs: int) -> dict:
    from regionallabor_widgets import modul6 as tools_module

    def profile(pseudonymise: bool) -> None:
        document = regional_profile(workbook, pseudonymise=pseudonymise)
        to_html(document)
        to_pdf(document)

    return {
        "modul6_tools_ms": median_ms(lambda: [getattr(tools_module, name)(workbook) for name in TOOLS], runs),
        "report_prefill_ms": median_ms(lambda: prefilled(workbook, date.today()), runs),
        "profile_html_pdf_ms": median_ms(lambda: profile(False), runs),
        "profile_pseudonymised_html_pdf_ms": median_ms(lambda: profile(True), runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="rl-m6-")) / "home"
    workbook = full_workbook(home)
    report: dict = {
        "actors": ACTORS,
        "guests": GUESTS,
        "goals": GOALS + 2,
        "actions": ACTIONS,
        "kernel": kernel_side(workbook, args.runs),
    }
    with served_page(home) as (server, page):
        report["modul6_page_s"], report["modul6_kernel_rss_mb"] = timed_visit(
            page,
            server.process,
            server.url + "/voila/render/modules/06_aktionen_und_weg.ipynb",
            lambda p: p.wait_for_selector(".rl-gantt-bar", timeout=120_000),
            settle=1,
        )
        statuses = []
        row = page.locator(".rl-record-row").first
        for _run in range(args.runs * 2):
            # ipywidgets' <option> values are the labels; the row's class carries the status key
            label, key = (
                ("läuft", "laeuft") if row.locator("select").input_value() == "erledigt" else ("erledigt", "erledigt")
            )
            statuses.append(
                timed_click(
                    page,
                    lambda: row.locator("select").select_option(label=label),
                    "([s]) => document.querySelector('.rl-record-row').classList.contains('rl-action-row-' + s)",
                    [key],
                )
            )
        report["action_status_ms"] = median_p90(statuses)
        filters = []
        search = page.get_by_placeholder("z. B. Bus, Laden, Jugend, Genossenschaft")
        for run in range(args.runs * 2):
            word, expected = ("mitfahrbank", "1 von 60 Aktionen") if run % 2 == 0 else ("", "60 von 60 Aktionen")
            filters.append(
                timed_click(
                    page,
                    lambda: search.fill(word),
                    "([text]) => [...document.querySelectorAll('.rl-help')].some(e => e.textContent === text)",
                    [expected],
                )
            )
        report["pool_filter_ms"] = median_p90(filters)
    kernel = report["kernel"]
    print(f"{ACTORS} Akteur:innen, {GUESTS} eingeladen, {GOALS + 2} Ziele, {ACTIONS} Aktionen")
    print("im Kernel: " + ", ".join(f"{k} {v:.0f} ms" for k, v in kernel.items()))
    print(
        f"Modul 6: Seite {report['modul6_page_s']:.2f} s, Kernel {report['modul6_kernel_rss_mb']:.0f} MB; "
        f"Aktionsstatus Median {report['action_status_ms']['median']:.0f} ms, p90 {report['action_status_ms']['p90']:.0f} ms; "
        f"Pool-Filter Median {report['pool_filter_ms']['median']:.0f} ms, p90 {report['pool_filter_ms']['p90']:.0f} ms"
    )
    save_results("modul6_actions", report)


if __name__ == "__main__":
    main()
