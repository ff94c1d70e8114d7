"""The Vernetzungslandkarte: a team appears only when it agreed, with only what it chose; the facilitators build
the map from the Modul 1 snapshots, and every team reads it on its start page."""

from __future__ import annotations

import json

import pytest

from regionallabor.arbeitsblaetter.vernetzung import publish_map
from regionallabor.core.model import Region, Team, Vernetzung
from regionallabor.kursrahmen import ENVIRONMENT
from regionallabor.modul1.vernetzung import MAP_FILE, MapFileError, parse_map, shown_entry
from tests.kurs import networking_course


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vernetzung")
    course, workbooks = networking_course(folder)
    hub = folder / "hub"
    handed_in, shown, files = publish_map(course, "Frühjahr 2027", hub)
    return course, workbooks, hub, (handed_in, shown, files)


def test_nothing_of_a_team_appears_until_it_agrees(workbook):
    from regionallabor_widgets.modul1 import NetworkingChoice

    workbook.add(Team(name="Lautertal"))
    tool = NetworkingChoice(workbook)
    assert shown_entry(workbook) is None and tool.details.layout.display == "none"
    assert "Ihr erscheint nicht" in tool.preview.value
    tool.share.value = True
    assert workbook.get(Vernetzung).record.share and tool.details.layout.display == ""
    tool.fields["mobilitaet"].value = True
    tool.contact.value = "team@lautertal.example"
    stored = workbook.get(Vernetzung).record
    assert (stored.handlungsfelder, stored.contact) == (["mobilitaet"], "team@lautertal.example")
    assert "So sehen euch die anderen Teams: Lautertal · Mobilität · Kontakt: team@lautertal.example" in (
        tool.preview.value
    )
    tool.contact.value = "x" * 201
    assert "höchstens 200" in tool.notice.text and workbook.get(Vernetzung).record.contact.startswith("team@")


def test_the_map_holds_the_three_that_agreed_with_only_what_each_chose(cohort):
    course, _, hub, (handed_in, shown, files) = cohort
    assert (handed_in, shown) == (4, 3)
    assert files == [course / "rueckmeldungen" / MAP_FILE, hub / MAP_FILE]
    assert files[0].read_bytes() == files[1].read_bytes()
    raw = files[1].read_bytes()
    teams = {entry.team: entry for entry in parse_map(raw).teams}
    assert set(teams) == {"Lautertal", "Hochwald", "Seeufer"}
    assert "Talaue" not in raw.decode("utf-8") and "geheim@talaue.example" not in raw.decode("utf-8")
    assert "Mitglied" not in raw.decode("utf-8")  # no member of any team
    lautertal, hochwald, seeufer = teams["Lautertal"], teams["Hochwald"], teams["Seeufer"]
    assert (lautertal.region, lautertal.gebiete, lautertal.kontakt) == (
        "Region Lautertal",
        ("DE-07335",),
        "team@lautertal.example",
    )
    assert lautertal.handlungsfelder == ("mobilitaet", "energie")
    assert (hochwald.region, hochwald.gebiete) == ("", ())  # it did not show its region
    assert seeufer.kontakt == "" and seeufer.weggemeinschaft == "Bodensee"
    assert oct(files[1].stat().st_mode & 0o777) == "0o644"  # every team reads it on the hub


def test_a_file_that_is_no_map_is_refused_in_german():
    for raw in (b"{kaputt", json.dumps({"format": "etwas anderes", "version": 1}).encode(), "\xff".encode("latin-1")):
        with pytest.raises(MapFileError, match="keine Vernetzungslandkarte"):
            parse_map(raw)


def test_the_start_page_shows_the_cohort_nearest_first_and_filters(cohort, workbook, monkeypatch):
    from regionallabor_widgets.vernetzung import CohortMapView

    _, _, hub, _ = cohort
    monkeypatch.setenv(ENVIRONMENT, str(hub / "kurs.toml"))  # the map lies next to the course file
    workbook.add(Team(name="Nachbarn"))
    workbook.save(Region(name="Kaiserslautern", country="DE", area_ids=["DE-07312"]), None)
    view = CohortMapView(workbook)
    names = [row.split("</strong>")[0].split("<strong>")[1] for row in view.list.value.split("<li")[1:]]
    assert names == ["Lautertal", "Seeufer", "Hochwald"]  # Lautertal around Kaiserslautern first, no region last
    assert "km von euch" in view.list.value and "Region nicht gezeigt" in view.list.value
    assert "Kontakt: team@lautertal.example" in view.list.value
    assert "<svg" in view.map.value and "Talaue" not in view.map.value + view.list.value
    assert "3 Teams der Kohorte Frühjahr 2027" in view.summary.value
    view.field.value = "mobilitaet"
    assert view.list.value.count("<li") == 2 and "Seeufer" not in view.list.value
    view.field.value, view.weggemeinschaft.value = "", "Bodensee"
    assert view.list.value.count("<li") == 1 and "Seeufer" in view.list.value


def test_without_a_hub_the_team_imports_the_file_it_was_sent(cohort, workbook, monkeypatch):
    from regionallabor_widgets.vernetzung import CohortMapView

    course, _, _, _ = cohort
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    view = CohortMapView(workbook)
    assert "noch keine Vernetzungslandkarte" in view.summary.value
    view.receive("notizen.json", b"{}")
    assert view.notice.kind == "error" and "keine Vernetzungslandkarte" in view.notice.text
    view.receive(MAP_FILE, (course / "rueckmeldungen" / MAP_FILE).read_bytes())
    assert "eingelesen: 3 Teams" in view.notice.text and view.list.value.count("<li") == 3
    assert CohortMapView(workbook).list.value.count("<li") == 3  # kept beside the workbook


def test_a_teams_markup_on_the_map_stays_text(workbook, tmp_path, monkeypatch):
    from regionallabor.modul1.vernetzung import MapTeam, map_file
    from regionallabor_widgets.vernetzung import CohortMapView
    from tests.helpers import HOSTILE_MARKUP

    hostile = MapTeam(
        team=HOSTILE_MARKUP[0], region=HOSTILE_MARKUP[1], gebiete=("DE-07335",), kontakt=HOSTILE_MARKUP[0]
    )
    (tmp_path / MAP_FILE).write_bytes(map_file([hostile], "Kohorte"))
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "kurs.toml"))
    view = CohortMapView(workbook)
    shown = view.list.value + view.map.value
    assert view.list.value.count("<li") == 1
    for markup in HOSTILE_MARKUP[:2]:
        assert markup not in shown and markup.replace("<", "&lt;").replace(">", "&gt;")[:12] in shown
