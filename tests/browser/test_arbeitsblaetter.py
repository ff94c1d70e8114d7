"""Worksheets in the browser: a team downloads its submission file from a module page; the Begleitteam's
Kohorten-Übersicht, served by Voila, lists the cohort's teams and shows a team's snapshot."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from regionallabor.core.store import Arbeitsmappe
from regionallabor.testing import fill_team_and_region
from tests.kurs import graded_course

from .conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_team_downloads_its_submission_file_from_the_module_page(start_server, page, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    fill_team_and_region(Arbeitsmappe(home / "arbeitsmappe.sqlite3"), "Mitmach-Team Lautertal")
    server = start_server(home=home)
    page.goto(server.url + "/voila/render/modules/01_team_und_region.ipynb")
    tool = page.locator(".rl-worksheet")
    expect(tool).to_contain_text("Selbstcheck: alles da.", timeout=90_000)
    answer = tool.locator("textarea").first
    answer.fill("Anja organisiert, Murat kennt die Vereine – uns fehlt jemand unter 30.")
    answer.blur()
    with page.expect_download(timeout=60_000) as download:  # one click: made and saved
        tool.get_by_role("button", name="⬇ Abgabedatei herunterladen").click()
    expect(tool.locator(".rl-notice-success")).to_contain_text("regionallabor_modul-1_mitmach-team-lautertal-")
    screenshot(page, "arbeitsblatt-abgabe")
    name = download.value.suggested_filename
    with zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes())) as archive:
        assert sorted(archive.namelist()) == ["arbeitsblatt.ipynb", "momentaufnahme.json"]
        notebook = archive.read("arbeitsblatt.ipynb").decode("utf-8")
        snapshot = json.loads(archive.read("momentaufnahme.json"))
    assert name.startswith("regionallabor_modul-1_mitmach-team-lautertal-") and name.endswith("Z.zip")
    assert "uns fehlt jemand unter 30" in notebook
    assert snapshot["team"] == "Mitmach-Team Lautertal" and snapshot["pseudonymisiert"] is True

    page.reload()
    expect(page.locator(".rl-worksheet textarea").first).to_have_value(
        "Anja organisiert, Murat kennt die Vereine – uns fehlt jemand unter 30.", timeout=90_000
    )


def test_the_cohort_overview_lists_the_teams_and_shows_a_snapshot(start_server, page, tmp_path):
    from regionallabor.arbeitsblaetter.abgabe import released_notebook, submission_zip
    from regionallabor.arbeitsblaetter.begleitung import Desk
    from regionallabor.arbeitsblaetter.snapshot import take_snapshot
    from regionallabor.core.store import Arbeitsmappe

    course, _, students = graded_course(tmp_path / "kurs")
    workbook = Arbeitsmappe(tmp_path / "kurs" / "teams" / "hochwald" / "arbeitsmappe.sqlite3")
    name, raw = submission_zip(take_snapshot(workbook, 1), released_notebook(1), {"reflexion-team": "Nachgereicht."})
    (course / "downloaded" / "modul-1" / "archive" / name).write_bytes(raw)  # Hochwald hands in a second time
    Desk(course).collect(1)
    server = start_server(extra_env={"REGIONALLABOR_KURS": str(course)})
    page.goto(server.url + "/voila/render/exercises/kohortenuebersicht.ipynb")
    overview = page.locator(".rl-cohort")
    expect(overview).to_contain_text("3 Regional-Teams", timeout=90_000)
    for team in ("Lautertal", "Hochwald", students["seeufer"]):
        expect(overview.get_by_role("button", name=team, exact=True)).to_be_visible()
    expect(overview).to_contain_text("Rückmeldung zurück am")
    expect(overview.locator(".rl-cohort-feedback", has_text="Rückmeldung zurück")).to_have_count(1)
    expect(overview.locator(".rl-cohort-history")).to_have_text(["2 Abgaben"])
    expect(overview).to_contain_text("Check offen")
    overview.get_by_role("button", name="Hochwald", exact=True).click()
    expect(overview.locator(".rl-cohort-verlauf")).to_contain_text("noch keine Rückmeldung")
    overview.get_by_role("button", name="Lautertal", exact=True).click()
    expect(overview.locator(".rl-cohort-detail")).to_contain_text("Lautertal Mitglied 1")
    expect(overview.locator(".rl-cohort-verlauf")).to_contain_text("Rückmeldung zurückgegeben am")
    screenshot(page, "kohortenuebersicht")


def test_a_teams_markup_runs_neither_in_the_cohort_overview_nor_in_its_feedback(start_server, page, tmp_path):
    from tests.kurs import autograded_zip_course, hostile_submission

    course, api, (student,) = autograded_zip_course(
        tmp_path / "kurs", [hostile_submission(tmp_path / "team", tmp_path / "ausgefuehrt.txt")]
    )
    assert api.generate_feedback("modul-1")["success"]
    server = start_server(extra_env={"REGIONALLABOR_KURS": str(course)})
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.goto(server.url + "/voila/render/exercises/kohortenuebersicht.ipynb")
    overview = page.locator(".rl-cohort")
    expect(overview).to_contain_text("1 Regional-Team", timeout=90_000)
    team = overview.get_by_role("button", name="Lautertal", exact=False)
    expect(team).to_contain_text("<img src=x onerror=")  # the team's name, shown as it wrote it
    team.click()
    detail = overview.locator(".rl-cohort-detail")
    expect(detail).to_contain_text("<script>window.rl_xss = 'script'</script>")  # a member's name
    page.wait_for_timeout(1000)  # an onerror or onload would have fired by now
    assert page.evaluate("window.rl_xss") is None
    assert detail.locator("img, svg, iframe, script").count() == detail.locator("figure svg").count()
    screenshot(page, "kohortenuebersicht-markup")

    feedback = course / "feedback" / student / "modul-1" / "arbeitsblatt.html"
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(feedback.as_uri())
    expect(page.get_by_text("Unsere Antwort.").first).to_be_visible()
    page.wait_for_timeout(1000)
    assert page.evaluate("window.rl_xss") is None
    assert page.locator("a[href^='javascript:' i], iframe, object, embed").count() == 0
    screenshot(page, "rueckmeldung-markup")


def test_the_hosting_team_answers_a_team_on_its_desk_and_gives_the_feedback_back(start_server, page, tmp_path):
    from regionallabor.arbeitsblaetter.begleitung import Desk
    from tests.kurs import make_course
    from tests.test_begleitung import hand_in_files

    course, _, _ = make_course(tmp_path / "kurs")
    hand_in_files(Desk(course), tmp_path / "teams", {"lautertal": 3, "hochwald": 2, "seeufer": 3})
    server = start_server(extra_env={"REGIONALLABOR_KURS": str(course)})
    page.goto(server.url + "/voila/render/exercises/begleitung.ipynb")
    desk = page.locator(".rl-desk")
    expect(desk).to_contain_text("Zu diesem Arbeitsblatt liegen noch keine Abgaben vor", timeout=90_000)
    assert page.title() == "Arbeitsplatz Begleitteam – Regionallabor"
    desk.get_by_role("button", name="Einsammeln und prüfen").click()
    expect(desk).to_contain_text("3 Abgaben eingesammelt und geprüft.", timeout=120_000)
    desk.get_by_role("button", name="Lautertal", exact=True).click()
    detail = desk.locator(".rl-desk-detail")
    expect(detail).to_contain_text("Selbstcheck erledigt")
    expect(detail).to_contain_text("Lautertal sucht Jugendliche.")
    expect(detail).to_contain_text("Fragt zurück")  # the hint for this question
    reply = detail.locator("textarea").first
    reply.fill("Fragt beim Jugendtreff nach – die suchen Projekte.")
    reply.blur()
    expect(desk).to_contain_text("Rückmeldung an Lautertal gespeichert.")
    second = detail.locator("textarea").nth(1)
    second.fill("Schön begründet.")
    second.blur()
    # every answer has its reply now: the team's button turns from open to done
    expect(desk.locator(".rl-desk-team.rl-desk-done")).to_have_count(1, timeout=30_000)
    screenshot(page, "begleitung-arbeitsplatz")

    desk.get_by_role("button", name="Hochwald", exact=True).click()
    expect(desk.locator(".rl-desk-detail")).to_contain_text("Selbstcheck noch offen")
    desk.get_by_role("button", name="Rückmeldungen zurückgeben").click()
    expect(desk).to_contain_text("3 Rückmeldungen erzeugt", timeout=120_000)

    sent = sorted((course / "rueckmeldungen").glob("rueckmeldung_modul-1_lautertal-*.html"))
    assert len(sent) == 1
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(sent[0].as_uri())
    expect(page.get_by_text("Fragt beim Jugendtreff nach – die suchen Projekte.")).to_be_visible()
    expect(page.locator(".state")).to_have_text("erledigt")
    body = page.locator("body").inner_text()
    for english_or_grading in ("Punkte", "No response", "Student", "score", "%xmode"):
        assert english_or_grading not in body
    screenshot(page, "begleitung-rueckmeldung")
