"""A cohort on one machine: a real JupyterHub configured by deploy/ein-server/, two teams and a facilitator.

Each team is a hub user owning one server; its members log in with their own accounts and open it.

Release → fetch → submit → collect → autograde → feedback, all through the hub: the facilitator
drives nbgrader's formgrader API, the teams its assignment list, each with its own token from the
hub's REST API. The teams' servers run as their own system users, so the exchange's file
permissions are tested as they work on a real hub – and then tried by one team against the other
and against the facilitator, as that team's system user. The teams answer with markup in their text;
in Chromium, none of it runs in the formgrader or the feedback.
"""

from __future__ import annotations

import pwd
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import HOSTILE_TEXT, live_markup
from tests.hub_env import Hub, roster_toml, team_name

from .conftest import ARTIFACTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

COURSE = "regionallabor"
ASSIGNMENT = "modul-1"
WORKSHEET = f"{COURSE}/{ASSIGNMENT}/arbeitsblatt.ipynb"
FACILITATOR = "rl-begleitung"
# Lautertal has enough members for Modul 1's Selbstcheck (three), Hochwald not yet.
MEMBERS = {
    "rl-lautertal": {"rl-lt-anna": "Anna", "rl-lt-ben": "Ben", "rl-lt-cem": "Cem"},
    "rl-hochwald": {"rl-hw-dana": "Dana", "rl-hw-emil": "Emil"},
}
TEAMS = {team: len(members) for team, members in MEMBERS.items()}
FILL_WORKBOOK = """\
from regionallabor.core.store import Arbeitsmappe
from regionallabor.testing import fill_team_and_region
workbook = Arbeitsmappe.open_default()
fill_team_and_region(workbook, "{team}", members={members})
workbook.close()
"""


def ok(response) -> dict | list:
    assert response.ok, f"{response.status_code} {response.url}: {response.text[:500]}"
    result = response.json()
    if isinstance(result, dict) and "success" in result:
        assert result["success"], result.get("error") or result.get("log") or result
    return result


def hand_in(hub: Hub, user: str, token: str, members: int) -> None:
    """A team fetches the worksheet, runs it (its snapshot and Selbstcheck), answers and submits."""
    team = hub.server(user, token)
    released = ok(team.get("assignments", params={"course_id": COURSE}))["value"]
    assert [a["assignment_id"] for a in released if a["status"] == "released"] == [ASSIGNMENT]
    ok(team.post("assignments/fetch", data={"course_id": COURSE, "assignment_id": ASSIGNMENT}))

    hub.run_as(
        user, [str(hub.environment.bin / "python"), "-c", FILL_WORKBOOK.format(team=team_name(user), members=members)]
    )
    # What "Run All" in the team's JupyterLab does: a kernel as the team, reading its workbook. An open
    # Selbstcheck is an error cell, and the team hands in all the same.
    hub.run_as(
        user,
        [
            str(hub.environment.bin / "jupyter"),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--inplace",
            "--allow-errors",
            "--ExecutePreprocessor.timeout=120",
            WORKSHEET,
        ],
    )

    notebook = ok(team.get(f"api/contents/{WORKSHEET}"))["content"]
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "reflexion-team":
            cell["source"] = f"{team_name(user)}: Wir suchen noch jemanden aus der Landwirtschaft."
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "reflexion-region":
            cell["source"] = HOSTILE_TEXT
    ok(team.put(f"api/contents/{WORKSHEET}", json={"type": "notebook", "format": "json", "content": notebook}))
    ok(team.post("assignments/submit", data={"course_id": COURSE, "assignment_id": ASSIGNMENT}))


def feedback_html(hub: Hub, user: str, token: str) -> str:
    team = hub.server(user, token)
    ok(team.post("assignments/fetch_feedback", data={"course_id": COURSE, "assignment_id": ASSIGNMENT}))
    folders = ok(team.get(f"api/contents/{COURSE}/{ASSIGNMENT}/feedback"))["content"]
    assert len(folders) == 1, folders
    return ok(team.get(f"api/contents/{folders[0]['path']}/arbeitsblatt.html"))["content"]


def test_a_cohort_hands_in_and_gets_feedback_through_the_hub(course_environment, browser, tmp_path):
    hub = Hub(course_environment, tmp_path, teams=MEMBERS, facilitators=[FACILITATOR])
    try:
        tokens = {user: hub.login(user) for user in [FACILITATOR, *TEAMS]}
        for user, token in tokens.items():
            hub.start_server(user, token)
        groups = ok(hub.api("get", f"/users/{FACILITATOR}"))["groups"]
        assert groups == ["formgrade-regionallabor"]

        facilitator = hub.server(FACILITATOR, tokens[FACILITATOR])
        ok(facilitator.post(f"formgrader/api/assignment/{ASSIGNMENT}/assign"))
        ok(facilitator.post(f"formgrader/api/assignment/{ASSIGNMENT}/release"))
        # Teams have no formgrader: their servers leave nbgrader's facilitator tools off.
        lautertal = hub.server("rl-lautertal", tokens["rl-lautertal"])
        assert lautertal.get("formgrader/api/assignments").status_code == 404

        for user, members in TEAMS.items():
            hand_in(hub, user, tokens[user], members)

        # Hochwald cannot read Lautertal's work: not through the hub …
        as_hochwald = hub.server("rl-lautertal", tokens["rl-hochwald"])
        assert as_hochwald.get(f"api/contents/{WORKSHEET}").status_code == 403
        # … nor find it in the exchange: nbgrader's inbound folder is write-only for teams, and each
        # submission's folder name ends in a random part, so its path cannot be guessed.
        inbound = hub.exchange / COURSE / "inbound"
        assert hub.run_as("rl-hochwald", ["ls", str(inbound)], check=False).returncode != 0
        submitted = next(inbound.glob(f"rl-lautertal+{ASSIGNMENT}+*"))
        guessed = inbound / submitted.name.rsplit("+", 1)[0]
        assert hub.run_as("rl-hochwald", ["cat", str(guessed / "arbeitsblatt.ipynb")], check=False).returncode != 0

        ok(facilitator.post(f"formgrader/api/assignment/{ASSIGNMENT}/collect"))
        for user in TEAMS:
            ok(facilitator.post(f"formgrader/api/submission/{ASSIGNMENT}/{user}/autograde"))
        submissions = ok(facilitator.get(f"formgrader/api/submitted_notebooks/{ASSIGNMENT}/arbeitsblatt"))
        assert {s["student"]: s["score"] for s in submissions} == {"rl-lautertal": 1, "rl-hochwald": 0}
        for submission in submissions:
            comments = ok(facilitator.get("formgrader/api/comments", params={"submission_id": submission["id"]}))
            comment = next(c for c in comments if c["name"] == "reflexion-team")
            text = f"Danke, {team_name(submission['student'])}! Fragt doch beim Bauernmarkt nach."
            ok(facilitator.put(f"formgrader/api/comment/{comment['id']}", json={"manual_comment": text}))
        ok(facilitator.post(f"formgrader/api/assignment/{ASSIGNMENT}/generate_feedback"))
        ok(facilitator.post(f"formgrader/api/assignment/{ASSIGNMENT}/release_feedback"))

        for user in TEAMS:
            html = feedback_html(hub, user, tokens[user])
            assert live_markup(html) == []
            assert "Rückmeldung des Begleitteams" in html
            assert f"Danke, {team_name(user)}!" in html
            others = [team_name(other) for other in TEAMS if other != user]
            assert not any(f"Danke, {other}!" in html for other in others)
        assert "Selbstcheck Modul 1: alles da." in feedback_html(hub, "rl-lautertal", tokens["rl-lautertal"])
        assert as_hochwald.get(f"api/contents/{COURSE}/{ASSIGNMENT}/feedback").status_code == 403
        assert hub.server(FACILITATOR, tokens["rl-hochwald"]).get("formgrader/api/assignments").status_code == 403

        attempts = attempts_against("rl-lautertal", hub.exchange, "rl-hochwald")
        succeeded = [
            what
            for what, command in attempts.items()
            if hub.run_as("rl-hochwald", command, check=False).returncode == 0
        ]
        assert succeeded == [], f"Hochwald could: {succeeded}"
        own = hub.run_as("rl-hochwald", ["stat", "-c", "%a", f"{WORKBOOK}"]).stdout.strip()
        assert own == "600"

        check_pages_in_the_browser(hub, browser, submissions[0]["id"])
        answer_on_the_desk(hub, browser)
        html = feedback_html(hub, "rl-hochwald", tokens["rl-hochwald"])
        assert "Holt euch noch eine dritte Person dazu." in html and "Danke, Hochwald!" in html
        assert "Holt euch noch eine dritte Person" not in feedback_html(hub, "rl-lautertal", tokens["rl-lautertal"])
    finally:
        hub.stop()


WORKBOOK = ".local/share/regionallabor/arbeitsmappe.sqlite3"  # a team's workbook on the hub, in its home


def attempts_against(other: str, exchange, attacker: str) -> dict[str, list[str]]:
    """What one team might try, as its system user, on the other team's and the facilitator's files."""
    home = pwd.getpwnam(other).pw_dir
    course = pwd.getpwnam(FACILITATOR).pw_dir + "/regionallabor"
    exchanged = exchange / COURSE
    submission = next((exchanged / "inbound").glob(f"{other}+{ASSIGNMENT}+*"))
    return {
        "read the other team's workbook": ["cat", f"{home}/{WORKBOOK}"],
        "copy it": ["cp", f"{home}/{WORKBOOK}", "/tmp/kopie.sqlite3"],
        "list the other team's home": ["ls", home],
        "read its worksheet": ["cat", f"{home}/{WORKSHEET}"],
        "list its fetched feedback": ["ls", f"{home}/{COURSE}/{ASSIGNMENT}/feedback"],
        "list the submissions in the exchange": ["ls", str(exchanged / "inbound")],
        "delete its submission": ["rm", "-rf", str(submission)],
        "rename its submission": ["mv", str(submission), str(exchanged / "inbound" / f"{attacker}+{ASSIGNMENT}+x")],
        "list the feedback in the exchange": ["ls", str(exchanged / "feedback")],
        "rename the course's exchange folder": ["mv", str(exchanged), str(exchange / "weg")],
        "delete the released worksheets": ["rm", "-rf", str(exchanged / "outbound")],
        "delete the released feedback": ["rm", "-rf", str(exchanged / "feedback")],
        "overwrite the released worksheet": [
            "sh",
            "-c",
            f"echo x > {exchanged}/outbound/{ASSIGNMENT}/arbeitsblatt.ipynb",
        ],
        "publish a worksheet of its own": ["mkdir", str(exchanged / "outbound" / "modul-9")],
        "read the gradebook": ["cat", f"{course}/gradebook.db"],
        "list the collected submissions": ["ls", f"{course}/submitted"],
        "read the other team's collected worksheet": [
            "cat",
            f"{course}/submitted/{other}/{ASSIGNMENT}/arbeitsblatt.ipynb",
        ],
        "read the other team's feedback in the course": ["ls", f"{course}/feedback/{other}/{ASSIGNMENT}"],
    }


def logged_in(hub: Hub, browser, user: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(hub.password)
    page.locator("#login_submit").click()
    page.wait_for_load_state()
    return context, page


def answer_on_the_desk(hub: Hub, browser) -> None:
    """The facilitator's desk on the hub: collect from the exchange, reply to Hochwald, release the feedback."""
    context, page = logged_in(hub, browser, FACILITATOR)
    page.goto(f"{hub.url}/user/{FACILITATOR}/voila/render/{COURSE}/begleitung.ipynb")
    desk = page.locator(".rl-desk")
    expect(desk).to_contain_text("2 Teams haben abgegeben", timeout=120_000)  # collected through the formgrader
    desk.get_by_role("button", name="Einsammeln und prüfen").click()
    expect(desk).to_contain_text("2 Abgaben eingesammelt und geprüft.", timeout=120_000)
    desk.get_by_role("button", name="Hochwald", exact=True).click()
    reply = desk.locator(".rl-desk-detail textarea").nth(1)  # the region question; the first has its reply
    reply.fill("Holt euch noch eine dritte Person dazu.")
    reply.blur()
    expect(desk).to_contain_text("Rückmeldung an Hochwald gespeichert.")
    desk.get_by_role("button", name="Rückmeldungen zurückgeben").click()
    expect(desk).to_contain_text("im Hub freigegeben", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "hub-arbeitsplatz.png"), full_page=True)
    context.close()


def check_pages_in_the_browser(hub: Hub, browser, submission_id: str) -> None:
    """A team lands on the course's start page; the facilitator's formgrader shows in its own tab, with the
    teams' markup as text."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # the facilitator puts the cohort's course file where install.sh's folder is; every team's page reads it
    example = hub.environment.course / "deploy" / "kurs.beispiel.toml"
    hub.run_as(FACILITATOR, ["cp", str(example), str(hub.course_frame / "kurs.toml")])
    for user in ["rl-lt-anna", FACILITATOR]:
        context, page = logged_in(hub, browser, user)
        if user == FACILITATOR:
            # JupyterHub ≥ 4.1 forbids framing a user's server, which leaves the formgrader's tab inside
            # JupyterLab blank; opened on its own, at /user/<name>/formgrader, it shows.
            response = page.goto(f"{hub.url}/user/{user}/formgrader")
            policy = response.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "img-src 'self'" in policy
            expect(page.get_by_text("Manage Assignments").first).to_be_visible()
            expect(page.locator("#main-table").get_by_text(ASSIGNMENT)).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "hub-formgrader.png"))
            page.goto(f"{hub.url}/user/{user}/formgrader/submissions/{submission_id}")
            expect(page.get_by_text("Unsere Antwort.").first).to_be_visible()
            page.wait_for_timeout(1000)  # an onerror or onload would have fired by now
            assert page.evaluate("window.rl_xss") is None
            page.screenshot(path=str(ARTIFACTS / "hub-formgrader-abgabe.png"), full_page=True)
            # JupyterLab works under the facilitators' stricter policy
            page.goto(f"{hub.url}/user/{user}/lab")
            expect(page.locator(".jp-Launcher").first).to_be_visible(timeout=90_000)
        else:
            user = "rl-lautertal"  # Anna lands on her team's start page
            page.wait_for_url(f"**/user/{user}/voila/render/modules/00_start.ipynb")
            page.wait_for_selector(".rl-modules", timeout=90_000)
            expect(page.locator(".rl-module[data-module='1']")).to_have_attribute("data-status", "done")
            expect(page.get_by_role("link", name="JupyterLab öffnen")).to_be_visible()
            frame = page.locator(".rl-course-frame")
            expect(frame).to_contain_text("Regionallabor 2027 · Frühjahrskohorte")
            expect(frame).to_contain_text("Euer Begleitteam: Begleitteam der Mitmach-Regionen Initiative")
            page.screenshot(path=str(ARTIFACTS / "hub-startseite-team.png"))
            home = Path(pwd.getpwnam(user).pw_dir)
            feedback = next((home / COURSE / ASSIGNMENT / "feedback").glob("*/arbeitsblatt.html"))
            page.goto(f"{hub.url}/user/{user}/files/{feedback.relative_to(home)}")
            expect(page.get_by_text("Unsere Antwort.").first).to_be_visible()
            page.wait_for_timeout(1000)
            assert page.evaluate("window.rl_xss") is None
        context.close()


def test_only_the_rosters_accounts_log_in_and_only_with_the_password_they_were_given(
    course_environment, browser, tmp_path
):
    """The deploy's own login: zugaenge.py gives each name on the roster a system user and a password."""
    import subprocess
    from urllib.parse import urlparse

    teams = {"rl-lautertal": {"rl-lt-anna": "Anna", "rl-lt-ben": "Ben"}}
    # The facilitators' order (deploy/README.md): the roster, then zugaenge.py, then the hub (PAM's hub
    # refuses to start while an account it knows has no system user).
    (tmp_path / "teams.toml").write_text(roster_toml(teams), encoding="utf-8")
    roster_environment = course_environment.environ(
        REGIONALLABOR_TEAMS=str(tmp_path / "teams.toml"), REGIONALLABOR_BEGLEITTEAM=FACILITATOR
    )

    def give_accounts(*renew: str) -> dict[str, str]:
        script = course_environment.course / "deploy" / "ein-server" / "zugaenge.py"
        command = [str(course_environment.bin / "python"), str(script), *(["--neu", *renew] if renew else [])]
        printed = subprocess.run(command, env=roster_environment, capture_output=True, text=True, check=True)
        return dict(line.split("\t") for line in printed.stdout.splitlines() if "\t" in line)

    passwords = give_accounts()
    hub = Hub(course_environment, tmp_path, teams=teams, facilitators=[FACILITATOR], deploy_login=True)
    hub.users.append("rl-fremd")
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(60_000)

    def logs_in(name: str, password: str) -> bool:
        context.clear_cookies()
        page.goto(f"{hub.url}/hub/login?next=/hub/home")
        page.locator("#username_input").fill(name)
        page.locator("#password_input").fill(password)
        page.locator("#login_submit").click()
        page.wait_for_load_state()
        return urlparse(page.url).path == "/hub/home"

    try:
        assert set(passwords) == {"rl-lt-anna", "rl-lt-ben", FACILITATOR}  # the team's own account has none
        assert give_accounts() == {}  # run again: nobody's password changes
        assert pwd.getpwnam("rl-lt-anna").pw_shell == "/usr/sbin/nologin"
        assert not Path(pwd.getpwnam("rl-lt-anna").pw_dir).exists()
        assert oct(Path(pwd.getpwnam(FACILITATOR).pw_dir).stat().st_mode & 0o777) == "0o700"

        assert not logs_in("rl-lautertal", "lautertal2026")  # a guess
        # A system user with a password, but not on the roster: no way in.
        subprocess.run(["useradd", "--create-home", "rl-fremd"], check=True)
        subprocess.run(["chpasswd"], input="rl-fremd:bekannt-2026\n", text=True, check=True)
        assert not logs_in("rl-fremd", "bekannt-2026")
        assert logs_in("rl-lt-anna", passwords["rl-lt-anna"])
        assert logs_in(FACILITATOR, passwords[FACILITATOR])

        # Anna lost her password: a new one, and the old one no longer opens her account; Ben's still works.
        renewed = give_accounts("rl-lt-anna")
        assert set(renewed) == {"rl-lt-anna"} and renewed["rl-lt-anna"] != passwords["rl-lt-anna"]
        assert not logs_in("rl-lt-anna", passwords["rl-lt-anna"])
        assert logs_in("rl-lt-anna", renewed["rl-lt-anna"])
        assert logs_in("rl-lt-ben", passwords["rl-lt-ben"])
    finally:
        context.close()
        hub.stop()


MODULE1 = "voila/render/modules/01_team_und_region.ipynb"
READ_SIGNATURES = """\
import json
from regionallabor.core.model import Member
from regionallabor.core.store import Arbeitsmappe
workbook = Arbeitsmappe.open_default()
print(json.dumps({s.record.name: s.updated_by for s in workbook.list(Member)}))
workbook.close()
"""


def test_a_teams_members_log_in_on_their_own_and_work_in_one_workbook(course_environment, browser, tmp_path):
    """Three members of Lautertal and one of Hochwald, each with an own login: Lautertal's members land on
    their team's one server, see each other's changes within seconds, and each change carries its author's
    name; Hochwald's member cannot open Lautertal's server, and nobody logs in as a team."""
    from urllib.parse import urlparse

    teams = {"rl-lautertal": MEMBERS["rl-lautertal"], "rl-hochwald": {"rl-hw-dana": "Dana"}}
    hub = Hub(course_environment, tmp_path, teams=teams, facilitators=[FACILITATOR])
    contexts = []
    try:
        pages = {}
        for member, name in MEMBERS["rl-lautertal"].items():
            context, page = logged_in(hub, browser, member)
            contexts.append(context)
            page.wait_for_url("**/user/rl-lautertal/voila/render/modules/00_start.ipynb", timeout=180_000)
            expect(page.locator(".rl-person-choice")).to_contain_text(f"Angemeldet als {name} –", timeout=90_000)
            pages[name] = page
        screenshot(pages["Cem"], "hub-startseite-mitglied")
        servers = ok(hub.api("get", "/users/rl-lautertal"))["servers"]
        assert list(servers) == [""]  # one server for the team, started by the first member to arrive
        for member in MEMBERS["rl-lautertal"]:
            assert ok(hub.api("get", f"/users/{member}"))["servers"] == {}

        for page in pages.values():
            page.goto(f"{hub.url}/user/rl-lautertal/{MODULE1}")
            page.wait_for_selector(".rl-tool", timeout=90_000)
        anna, ben, cem = pages["Anna"], pages["Ben"], pages["Cem"]
        anna.get_by_placeholder("Vor- und Nachname").fill("Anna Becker")
        anna.get_by_role("button", name="Person hinzufügen").click()
        expect(anna.locator(".rl-member-name", has_text="Anna Becker")).to_be_visible()
        for other in (ben, cem):  # the other pages poll the workbook every two seconds
            expect(other.locator(".rl-member-name", has_text="Anna Becker")).to_be_visible(timeout=3_000)
        ben.get_by_placeholder("Vor- und Nachname").fill("Ben Yilmaz")
        ben.get_by_role("button", name="Person hinzufügen").click()
        expect(ben.locator(".rl-member-name", has_text="Ben Yilmaz")).to_be_visible()
        expect(anna.locator(".rl-member-name", has_text="Ben Yilmaz")).to_be_visible(timeout=3_000)
        screenshot(cem, "hub-modul1-drei-mitglieder")
        signed = hub.run_as("rl-lautertal", [str(hub.environment.bin / "python"), "-c", READ_SIGNATURES])
        assert signed.stdout.strip() == '{"Anna Becker": "Anna", "Ben Yilmaz": "Ben"}'
        cem.goto(f"{hub.url}/user/rl-lautertal/voila/render/modules/00_start.ipynb")
        expect(cem.locator(".rl-presence")).to_contain_text(
            "Gerade dabei: Anna in Modul 1 (Team & Region), Ben in Modul 1 (Team & Region).", timeout=90_000
        )
        screenshot(cem, "hub-startseite-gerade-dabei")

        # Dana lands on Hochwald's page, and Lautertal's server is closed to her – in the browser and by token.
        context, dana = logged_in(hub, browser, "rl-hw-dana")
        contexts.append(context)
        dana.wait_for_url("**/user/rl-hochwald/voila/render/modules/00_start.ipynb", timeout=180_000)
        assert dana.goto(f"{hub.url}/user/rl-lautertal/{MODULE1}").status == 403
        dana_token = hub.login("rl-hw-dana")
        assert hub.server("rl-lautertal", dana_token).get("api/contents").status_code == 403
        # JupyterHub answers 404 for a user the token may not see, 403 for one it may see but not start
        assert hub.api("post", "/users/rl-lautertal/server", token=dana_token).status_code in (403, 404)
        # A member has no server of their own; a team's account is nobody's login.
        anna_token = hub.login("rl-lt-anna")
        assert hub.api("post", "/users/rl-lt-anna/server", token=anna_token).status_code in (403, 404)
        assert hub.server("rl-lautertal", anna_token).get("api/contents").status_code == 200
        context, page = logged_in(hub, browser, "rl-lautertal")
        contexts.append(context)
        assert urlparse(page.url).path == "/hub/login"
    finally:
        for context in contexts:
            context.close()
        hub.stop()
