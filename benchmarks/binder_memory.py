"""Binder benchmark: install time, environment size and memory while a team has three module pages open.

Builds the environment from binder/ alone (as tests/binder_env.py does for the Binder test), starts
`jupyter server` as Binder does, opens the start page and Modul 1, 2 and 3 in Chromium tabs and
sums the memory of the server and its kernels: resident set size (RSS, what a container's limit
sees at worst) and proportional set size (PSS, shared libraries counted once). mybinder.org gives a
session 2 GB. Writes benchmarks/results/binder.json.

    .venv/bin/python benchmarks/binder_memory.py
    REGIONALLABOR_KURSUMGEBUNG=/tmp/regionallabor-binder-… .venv/bin/python benchmarks/binder_memory.py
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.voila_render import CHROMIUM_ARGS
from tests.binder_env import JupyterServer, build_course_environment, load_course_environment
from tests.ensure_browser import find_chromium
from tests.helpers import PAGE_READY

PAGES = ["00_start.ipynb", "01_team_und_region.ipynb", "02_region_unter_der_lupe.ipynb", "03_beziehungsnetz.ipynb"]
BINDER_LIMIT_MB = 2048


def memory_mb(process: psutil.Process) -> dict:
    processes = [process, *process.children(recursive=True)]
    rss = pss = 0
    kinds = []
    for p in processes:
        try:
            info = p.memory_full_info()
            kinds.append("kernel" if "ipykernel" in " ".join(p.cmdline()) else p.name())
        except psutil.NoSuchProcess:
            continue
        rss += info.rss
        pss += info.pss
    return {"processes": kinds, "rss_mb": round(rss / 2**20), "pss_mb": round(pss / 2**20)}


def main() -> None:
    reuse = os.environ.get("REGIONALLABOR_KURSUMGEBUNG")
    environment = load_course_environment(Path(reuse)) if reuse else build_course_environment()
    server = JupyterServer(environment, BINDER_LAUNCH_HOST="https://mybinder.org/")
    try:
        server_process = psutil.Process(server.process.pid)
        figures = {
            "install_seconds": round(environment.install_seconds),
            "postbuild_seconds": round(environment.postbuild_seconds),
            "env_size_mb": round(environment.size_bytes / 2**20),
            "server_alone": memory_mb(server_process),
        }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for name in PAGES:
                page = context.new_page()
                page.set_default_timeout(120_000)
                page.goto(server.address(f"voila/render/modules/{name}"))
                page.wait_for_selector(PAGE_READY)
            time.sleep(3)
            figures["pages_open"] = PAGES
            figures["with_pages_open"] = memory_mb(server_process)
            browser.close()
    finally:
        server.stop()
        if not reuse:
            environment.remove()
    figures["binder_limit_mb"] = BINDER_LIMIT_MB
    figures["within_limit"] = figures["with_pages_open"]["rss_mb"] < BINDER_LIMIT_MB
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "binder.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
