"""Voila page benchmark: time from request to the first interactive widget, and kernel memory.

Pages: (a) a one-widget reference notebook, (b) the start page, (c)–(h) Modul 1 to 6, with a German
Landkreis as the region (so Modul 2 draws its comparisons, trend and pyramid; there the first chart
counts, elsewhere the first tool) and a network of 60 actors (Modul 3: the first tool, and separately the
drawn map) – each opened several times in Chromium, cold (a new kernel per
request) and with Voila's preheated kernels. Prints medians, the ratios to (a), and each page's kernel memory
(resident set size), and writes them to benchmarks/results/voila_render.json.

    make benchmark            # or: .venv/bin/python benchmarks/voila_render.py --runs 7

With --split-cores the server and its kernels run on one core and Chromium on the others, as on a hub or Binder
where the browser runs on the team's own laptop; on the project's two cores they otherwise compete.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
from tests.ensure_browser import find_chromium
from tests.helpers import free_port, kernels_of, wait_until_answering

PAGES = {
    "reference": ("reference.ipynb", ".jupyter-widgets.widget-button"),
    "start": ("00_start.ipynb", ".rl-modules"),
    "modul1": ("01_team_und_region.ipynb", ".rl-tool"),
    "modul2": ("02_region_unter_der_lupe.ipynb", "svg.rl-chart"),
    "modul3": ("03_beziehungsnetz.ipynb", ".rl-tool"),
    # the network map draws after the page has loaded (widgets/base/deferred.py): when it is there
    "modul3_map": ("03_beziehungsnetz.ipynb", ".rl-network-map .ipysigma-container canvas"),
    "modul4": ("04_vision.ipynb", ".rl-tool"),
    "modul5": ("05_strategie_und_konferenz.ipynb", ".rl-tool"),
    "modul6": ("06_aktionen_und_weg.ipynb", ".rl-tool"),
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def start_voila(folder: Path, home: Path, preheat: bool, cores: set[int] | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "voila",
        str(folder),
        f"--port={port}",
        "--no-browser",
        f"--Voila.config_file_paths={ROOT}",
    ]
    if preheat:
        args += ["--preheat_kernel=True", "--pool_size=1"]
    from regionallabor.serving import with_course_templates

    env = {**with_course_templates(dict(os.environ)), "REGIONALLABOR_HOME": str(home)}
    process = subprocess.Popen(
        args,
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=(lambda: os.sched_setaffinity(0, cores)) if cores else None,
    )
    url = f"http://localhost:{port}"
    if wait_until_answering(url + "/voila/render/reference.ipynb", process, timeout=60):
        return process, url
    process.kill()
    raise RuntimeError("Voila did not start")


def kernel_rss_mb(server: subprocess.Popen, known: set[int]) -> float | None:
    kernels = [p for p in kernels_of(server) if p.pid not in known]
    if not kernels:
        return None
    newest = max(kernels, key=lambda p: p.create_time())
    known.add(newest.pid)
    return newest.memory_info().rss / 1e6


def timed_visit(page, server: subprocess.Popen, url: str, ready, settle: float = 0.5) -> tuple[float, float | None]:
    """Seconds from opening ``url`` until ``ready(page)`` returns, and the RSS (MB) of the kernel the visit started."""
    known = {p.pid for p in psutil.Process(server.pid).children(recursive=True)}
    started = time.perf_counter()
    page.goto(url)
    ready(page)
    seconds = time.perf_counter() - started
    time.sleep(settle)
    return seconds, kernel_rss_mb(server, known)


def timed_click(page, action, condition: str, arg) -> float:
    """Milliseconds from the action until the page's own JavaScript sees ``condition`` hold."""
    page.evaluate("window.__clicked = performance.now()")
    action()
    page.wait_for_function(condition, arg=arg, polling="raf", timeout=30_000)
    return page.evaluate("performance.now() - window.__clicked")


@contextmanager
def served_page(home: Path):
    """A Voila server on the workbook in ``home`` and a Chromium page (1280×900) for it; both stopped afterwards."""
    from tests.browser.conftest import VoilaServer  # the browser tests' server fixture, as a plain class

    server = VoilaServer(home)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            yield server, browser.new_page(viewport={"width": 1280, "height": 900})
            browser.close()
    finally:
        server.stop()


def median_ms(action, runs: int) -> float:
    """Median milliseconds of ``action`` in this process, each run with a cold actor-map cache (as after a write)."""
    from regionallabor.modul3 import beziehungsnetz

    times = []
    for _ in range(runs):
        beziehungsnetz._read_at.clear()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def median_p90(values: list[float]) -> dict:
    """The median, the 90th percentile and every value, as the results files keep them."""
    ordered = sorted(values)
    return {"median": statistics.median(values), "p90": ordered[int(0.9 * (len(ordered) - 1))], "all": values}


def save_results(name: str, report: dict) -> None:
    """Write ``report`` to benchmarks/results/<name>.json."""
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(report, indent=2))


def measure(browser, server, url: str, runs: int, preheat: bool, pages: dict) -> dict:
    """Each page ``runs`` times, the pages taken in turn (round-robin), so that a slower minute of the machine
    falls on all of them alike and the ratios to the reference page stay fair."""
    times: dict[str, list[float]] = {name: [] for name in pages}
    memory: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(runs):
        for name, (notebook, selector) in pages.items():
            if preheat:
                time.sleep(4)  # let the pool refill, as between two real visitors
            page = browser.new_page()
            seconds, rss = timed_visit(
                page, server, f"{url}/voila/render/{notebook}", lambda p: p.wait_for_selector(selector, timeout=120_000)
            )
            times[name].append(seconds)
            if rss and not preheat:  # a preheated page runs in a pool kernel started earlier
                memory[name].append(rss)
            page.close()
    return {
        name: {
            "median_s": statistics.median(times[name]),
            "all_s": times[name],
            "kernel_rss_mb": statistics.median(memory[name]) if memory[name] else None,
        }
        for name in pages
    }


NETWORK = (60, 120)  # actors and relations: a team's map late in Modul 3


def seed_workbook(home: Path) -> None:
    """A workbook whose region is a German Landkreis (Modul 2 then draws all its charts) and whose actor map
    has ``NETWORK`` actors and relations (Modul 3 draws and analyses it)."""
    from regionallabor.core.model import Region
    from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
    from regionallabor.testing import fill_network

    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    workbook.save(Region(name="Breisgau-Hochschwarzwald", country="DE", area_ids=["DE-08315"]), None)
    fill_network(workbook, *NETWORK)
    workbook.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), help="only these pages (the reference always)")
    parser.add_argument("--modes", nargs="+", choices=["cold", "preheated"], default=["cold", "preheated"])
    parser.add_argument(
        "--split-cores",
        action="store_true",
        help="server and kernels on the first core, Chromium on the others – as when the browser is on its own machine",
    )
    args = parser.parse_args()
    server_cores = None
    if args.split_cores:
        cores = sorted(os.sched_getaffinity(0))
        server_cores = {cores[0]}
        os.sched_setaffinity(0, set(cores[1:]))  # Chromium, started below, inherits this
    chosen = {name: PAGES[name] for name in PAGES if not args.pages or name == "reference" or name in args.pages}
    folder = Path(tempfile.mkdtemp(prefix="rl-bench-"))
    home = folder / "home"
    shutil.copy(ROOT / "benchmarks" / "reference.ipynb", folder)
    for notebook, _ in list(PAGES.values())[1:]:
        shutil.copy(ROOT / "modules" / notebook, folder)  # modul3 twice: the same file
    seed_workbook(home)
    report = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for mode in args.modes:
            preheat = mode == "preheated"
            server, url = start_voila(folder, home, preheat, server_cores)
            try:
                report[mode] = measure(browser, server, url, args.runs, preheat, chosen)
            finally:
                server.terminate()
                server.wait(timeout=30)
        browser.close()
    print(f"{'Seite':<12}{'Modus':<11}{'Median':>9}{'× Referenz':>12}{'Kernel-RSS':>13}")
    for mode, pages in report.items():
        reference = pages["reference"]["median_s"]
        for name, result in pages.items():
            result["ratio_to_reference"] = result["median_s"] / reference
            rss = f"{result['kernel_rss_mb']:.0f} MB" if result["kernel_rss_mb"] else "–"
            print(f"{name:<12}{mode:<11}{result['median_s']:>8.2f}s{result['ratio_to_reference']:>11.2f}×{rss:>13}")
    if chosen == PAGES and args.modes == ["cold", "preheated"] and not args.split_cores:
        save_results("voila_render", report)  # a partial run is for looking, not for the README's figures
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
