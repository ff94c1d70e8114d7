"""Modul 4 and 5 with a big workbook: 500 actors on the map, 300 of them invited, 40 goals with Wirkungslogiken.

Measured in the kernel (this process, median of ``--runs``): building all tools of each page, and making the
programme, the task list and the vision board as PDF. In Chromium against a real Voila server: each page
from navigation until its last tool is shown, and the response to a click – a status change on the guest
list (summary and diversity check recomputed) and a point in the Kritikphase (median and p90).
Writes benchmarks/results/modul45_planning.json.

    .venv/bin/python benchmarks/modul45_planning.py --runs 5
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.voila_render import median_ms, median_p90, save_results, served_page, timed_click, timed_visit
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor.dokumente.dokument import to_pdf
from regionallabor.modul4.zukunftsbild import vision_document
from regionallabor.modul5.konferenzdateien import programme_document, task_document
from regionallabor.testing import fill_network, fill_planning

ACTORS, RELATIONS, GUESTS, GOALS = 500, 2000, 300, 40
MODUL4_TOOLS = ("CritiquePhase", "FantasyPhase", "VisionBoard", "GoalPlanner")
MODUL5_TOOLS = (
    "ImpactLogic",
    "ConferenceSetup",
    "ProgramPlanner",
    "TopicTables",
    "InvitationList",
    "ConferenceBudget",
    "TaskPlan",
    "ConferenceFiles",
)


def kernel_side(workbook: Arbeitsmappe, runs: int) -> dict:
    from regionallabor_widgets import modul4, modul5

    return {
        "modul4_tools_ms": median_ms(lambda: [getattr(modul4, name)(workbook) for name in MODUL4_TOOLS], runs),
        "modul5_tools_ms": median_ms(lambda: [getattr(modul5, name)(workbook) for name in MODUL5_TOOLS], runs),
        "programme_pdf_ms": median_ms(lambda: to_pdf(programme_document(workbook)), runs),
        "tasks_pdf_ms": median_ms(lambda: to_pdf(task_document(workbook)), runs),
        "vision_pdf_ms": median_ms(lambda: to_pdf(vision_document(workbook)), runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="rl-m45-")) / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    fill_network(workbook, ACTORS, RELATIONS)
    fill_planning(workbook, guests=GUESTS, extra_goals=GOALS)
    report: dict = {"actors": ACTORS, "guests": GUESTS, "goals": GOALS + 2, "kernel": kernel_side(workbook, args.runs)}
    with served_page(home) as (server, page):
        report["modul4_page_s"], report["modul4_kernel_rss_mb"] = timed_visit(
            page,
            server.process,
            server.url + "/voila/render/modules/04_vision.ipynb",
            lambda p: p.wait_for_selector(".rl-goal", timeout=120_000),
            settle=1,
        )
        points = []
        for run in range(args.runs * 2):
            box = page.locator(".rl-phase-mobilitaet .rl-card-row").first
            before = box.locator(".rl-points").inner_text()
            step = "+" if run % 2 == 0 else "−"
            expected = str(int(before) + (1 if step == "+" else -1))
            points.append(
                timed_click(
                    page,
                    lambda: box.get_by_role("button", name=step).click(),
                    "([n]) => [...document.querySelectorAll('.rl-phase-mobilitaet .rl-points')]"
                    ".some(e => e.textContent === n)",
                    [expected],
                )
            )
        report["critique_point_ms"] = median_p90(points)

        report["modul5_page_s"], report["modul5_kernel_rss_mb"] = timed_visit(
            page,
            server.process,
            server.url + "/voila/render/modules/05_strategie_und_konferenz.ipynb",
            lambda p: p.wait_for_selector(".rl-guest", timeout=120_000),
            settle=1,
        )
        statuses = []
        for run in range(args.runs * 2):
            row = page.locator(".rl-guest").first
            status = ("zugesagt", "abgesagt")[run % 2]
            statuses.append(
                timed_click(
                    page,
                    lambda: row.locator("select").select_option(label=status),
                    "([s]) => document.querySelector('.rl-guest').classList.contains('rl-guest-' + s)",
                    [status],
                )
            )
        report["invitation_status_ms"] = median_p90(statuses)
    kernel = report["kernel"]
    print(f"{ACTORS} Akteur:innen, {GUESTS} eingeladen, {GOALS + 2} Ziele")
    print("im Kernel: " + ", ".join(f"{k} {v:.0f} ms" for k, v in kernel.items()))
    print(
        f"Modul 4: Seite {report['modul4_page_s']:.2f} s, Kernel {report['modul4_kernel_rss_mb']:.0f} MB; "
        f"Punkt vergeben Median {report['critique_point_ms']['median']:.0f} ms, p90 {report['critique_point_ms']['p90']:.0f} ms"
    )
    print(
        f"Modul 5: Seite {report['modul5_page_s']:.2f} s, Kernel {report['modul5_kernel_rss_mb']:.0f} MB; "
        f"Einladungsstatus Median {report['invitation_status_ms']['median']:.0f} ms, "
        f"p90 {report['invitation_status_ms']['p90']:.0f} ms"
    )
    save_results("modul45_planning", report)


if __name__ == "__main__":
    main()
