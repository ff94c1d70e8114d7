"""Load on one machine: the one-machine hub of deploy/ein-server with ten team servers, driven at once.

Every team logs in (its server spawns as its own system user), waits for the start page, then walks
start page → Modul 1 (adds a team member) → Modul 2 → Modul 3, ``--rounds`` times, all teams at the
same time in one Chromium (a browser context per team). Reports p50 and p95 of the time to a usable page
(tools drawn), the spawn time, and per team the peak memory (resident set of its user's processes) and
the mean CPU share, sampled every two seconds. Writes benchmarks/results/hub_last.json.

    .venv/bin/python -m benchmarks.hub_last --teams 10 --rounds 2
    REGIONALLABOR_KURSUMGEBUNG=<folder> … reuses a built course environment (tests/binder_env.py).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pwd
import statistics
import tempfile
import threading
import time
from pathlib import Path

import psutil
from playwright.async_api import async_playwright

from benchmarks.voila_render import CHROMIUM_ARGS, save_results
from tests.ensure_browser import find_chromium
from tests.helpers import PAGE_READY

PAGES = ("00_start.ipynb", "01_team_und_region.ipynb", "02_region_unter_der_lupe.ipynb", "03_beziehungsnetz.ipynb")


class Sampler(threading.Thread):
    """Every two seconds: each team's memory (RSS of its system user's processes) and CPU share."""

    def __init__(self, users: list[str]):
        super().__init__(daemon=True)
        self.uids = {user: pwd.getpwnam(user).pw_uid for user in users}
        self.memory_mb = {user: [] for user in users}
        self.cpu_seconds = {user: {} for user in users}
        self.stopped = threading.Event()
        self.started = time.monotonic()
        self.started_at = time.time()  # as psutil's create_time()
        self.cpu_before: dict[int, float] = {}

    def run(self) -> None:
        users = {uid: user for user, uid in self.uids.items()}
        while not self.stopped.wait(2):
            totals = dict.fromkeys(self.uids, 0.0)
            for process in psutil.process_iter(["uids", "memory_info", "cpu_times"]):
                user = users.get(process.info["uids"].real) if process.info["uids"] else None
                if user is None or process.info["memory_info"] is None:
                    continue
                times = process.info["cpu_times"]
                used = times.user + times.system
                if process.pid not in self.cpu_before and process.create_time() < self.started_at:
                    self.cpu_before[process.pid] = used  # a process older than the run: count only its share in it
                self.cpu_seconds[user][process.pid] = used - self.cpu_before.get(process.pid, 0.0)
                totals[user] += process.info["memory_info"].rss / 2**20
            for user, total in totals.items():
                self.memory_mb[user].append(total)

    def report(self) -> dict:
        seconds = time.monotonic() - self.started
        return {
            user: {
                "peak_memory_mb": round(max(self.memory_mb[user], default=0)),
                "mean_cpu_percent": round(100 * sum(self.cpu_seconds[user].values()) / seconds, 1),
            }
            for user in self.uids
        }


async def drive_team(browser, hub, user: str, rounds: int, times: list[float], spawns: list[float]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = await context.new_page()
    page.set_default_timeout(300_000)
    begin = time.perf_counter()
    await page.goto(f"{hub.url}/hub/login")
    await page.locator("#username_input").fill(f"{user}-a")  # the team's first member
    await page.locator("#password_input").fill(hub.password)
    await page.locator("#login_submit").click()
    await page.wait_for_url(f"**/user/{user}/voila/render/modules/00_start.ipynb", timeout=300_000)
    await page.wait_for_selector(PAGE_READY)
    spawns.append(time.perf_counter() - begin)
    for number in range(rounds):
        for notebook in PAGES:
            begin = time.perf_counter()
            await page.goto(f"{hub.url}/user/{user}/voila/render/modules/{notebook}")
            await page.wait_for_selector(PAGE_READY)
            times.append(time.perf_counter() - begin)
            if notebook.startswith("01_"):
                name = f"Person {number + 1} aus {user}"
                await page.get_by_placeholder("Vor- und Nachname").fill(name)
                await page.get_by_role("button", name="Person hinzufügen").click()
                await page.locator(".rl-member-name", has_text=name).wait_for()
    await context.close()


async def drive(hub, users: list[str], rounds: int) -> tuple[list[float], list[float]]:
    times: list[float] = []
    spawns: list[float] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        await asyncio.gather(*(drive_team(browser, hub, user, rounds, times, spawns) for user in users))
        await browser.close()
    return times, spawns


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    from tests.binder_env import build_course_environment, load_course_environment
    from tests.hub_env import Hub

    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    reuse = os.environ.get("REGIONALLABOR_KURSUMGEBUNG")
    environment = load_course_environment(Path(reuse)) if reuse else build_course_environment()
    users = [f"rl-last{number:02d}" for number in range(1, args.teams + 1)]
    teams = {user: {f"{user}-a": "Anna"} for user in users}
    hub = Hub(environment, Path(tempfile.mkdtemp(prefix="rl-hub-last-")), teams=teams, facilitators=[])
    machine_start = psutil.virtual_memory().used / 2**20
    try:
        sampler = None
        started = time.monotonic()

        async def run() -> tuple[list[float], list[float]]:
            nonlocal sampler
            task = asyncio.ensure_future(drive(hub, users, args.rounds))
            while not all(_has_user(user) for user in users) and not task.done():
                await asyncio.sleep(1)  # the spawn hook creates the system users on first login
            sampler = Sampler(users)
            sampler.start()
            return await task

        times, spawns = asyncio.run(run())
        wall = time.monotonic() - started
        sampler.stopped.set()
        per_team = sampler.report()
    finally:
        hub.stop()
        if not reuse:
            environment.remove()
    report = {
        "teams": args.teams,
        "rounds": args.rounds,
        "page_visits": len(times),
        "page_s_p50": statistics.median(times),
        "page_s_p95": percentile(times, 0.95),
        "spawn_s_p50": statistics.median(spawns),
        "spawn_s_max": max(spawns),
        "wall_s": round(wall),
        "machine_memory_start_mb": round(machine_start),
        "per_team": per_team,
        "team_peak_memory_mb_median": statistics.median(t["peak_memory_mb"] for t in per_team.values()),
        "team_cpu_percent_median": statistics.median(t["mean_cpu_percent"] for t in per_team.values()),
    }
    print(f"{args.teams} Teams gleichzeitig, {len(times)} Seitenaufrufe in {wall:.0f} s")
    print(f"Seite bis bedienbar: p50 {report['page_s_p50']:.1f} s, p95 {report['page_s_p95']:.1f} s")
    print(
        f"Server-Start nach der Anmeldung: p50 {report['spawn_s_p50']:.1f} s, höchstens {report['spawn_s_max']:.1f} s"
    )
    print(
        f"je Team: Speicher höchstens {report['team_peak_memory_mb_median']:.0f} MB (Median), "
        f"CPU {report['team_cpu_percent_median']:.0f} % eines Kerns im Mittel"
    )
    save_results("hub_last", report)


def _has_user(user: str) -> bool:
    try:
        pwd.getpwnam(user)
    except KeyError:
        return False
    return True


if __name__ == "__main__":
    main()
