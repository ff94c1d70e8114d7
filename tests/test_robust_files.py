"""Every broken or hostile file gets a German answer and changes nothing (tests/fuzz.py makes the corpus)."""

from __future__ import annotations

import errno
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from regionallabor.core.csvfiles import read_rows, write_rows
from regionallabor.core.model import Akteur, Beziehung, Herausforderung, Member, Team
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.core.transfer import export_json, parse_workbook_file
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul3.netzdateien import export_actors, export_relations, parse_actors
from regionallabor.testing import fill_team_and_region
from regionallabor_widgets.modul2.kennzahlen import OwnFigures
from regionallabor_widgets.modul3.tabellen import NetworkFiles
from regionallabor_widgets.start import WorkbookTransfer
from tests import fuzz
from tests.helpers import html_of

NOW = datetime.now(UTC)
ENGLISH = ("Input should", "Traceback", "Error", "error", "valid ", "Field required", "codec", "line contains")


def dump(workbook: Arbeitsmappe) -> str:
    data = workbook.export_data()
    data.pop("exported_at")
    return json.dumps(data, sort_keys=True) + str(workbook.revision())


@pytest.fixture
def team_workbook(workbook):
    fill_team_and_region(workbook, "Lautertal")
    workbook.add(Akteur(name="Sportverein", sector="zivilgesellschaft"))
    workbook.add(Akteur(name="Bauamt", sector="verwaltung"))
    return workbook


def assert_refused_in_german(notice, fragment: str) -> None:
    assert notice.kind == "error", notice.text
    assert fragment in notice.text, notice.text
    assert not any(word in notice.text for word in ENGLISH), notice.text


def test_the_corpus_is_big_enough_and_every_case_is_distinct():
    groups = [fuzz.workbook_files(), fuzz.figure_files(), fuzz.actor_files(), fuzz.relation_files()]
    assert sum(len(group) for group in groups) >= 60
    for group in groups:
        assert len({raw for _, raw, _ in group}) == len({name for name, _, _ in group}) == len(group)


@pytest.mark.parametrize(("name", "raw", "fragment"), fuzz.workbook_files(), ids=[c[0] for c in fuzz.workbook_files()])
def test_a_bad_workbook_file_is_refused_on_the_start_page_and_changes_nothing(team_workbook, name, raw, fragment):
    before = dump(team_workbook)
    tool = WorkbookTransfer(team_workbook)
    tool.receive(f"{name}.json", raw)
    assert_refused_in_german(tool.notice, fragment)
    assert tool.confirm_box.layout.display == "none"
    assert dump(team_workbook) == before


@pytest.mark.parametrize(("name", "raw", "fragment"), fuzz.figure_files(), ids=[c[0] for c in fuzz.figure_files()])
def test_a_bad_figures_file_is_refused_in_modul2_and_changes_nothing(team_workbook, name, raw, fragment):
    before = dump(team_workbook)
    tool = OwnFigures(team_workbook)
    tool.upload.value = (
        {"name": f"{name}.csv", "type": "text/csv", "size": len(raw), "content": raw, "last_modified": NOW},
    )
    assert_refused_in_german(tool.notice, fragment)
    assert tool.upload.value == ()  # the uploader is empty again, not stuck at „(1)“
    assert dump(team_workbook) == before


@pytest.mark.parametrize(
    ("name", "raw", "fragment"),
    fuzz.actor_files() + fuzz.relation_files(),
    ids=[c[0] for c in fuzz.actor_files() + fuzz.relation_files()],
)
def test_a_bad_network_file_is_refused_in_modul3_and_changes_nothing(team_workbook, name, raw, fragment):
    before = dump(team_workbook)
    tool = NetworkFiles(team_workbook)
    tool.upload.value = (
        {"name": f"{name}.csv", "type": "text/csv", "size": len(raw), "content": raw, "last_modified": NOW},
    )
    assert_refused_in_german(tool.notice, fragment)
    assert tool.upload.value == ()
    assert dump(team_workbook) == before


@pytest.mark.parametrize(("name", "raw"), fuzz.readable_variants(), ids=[c[0] for c in fuzz.readable_variants()])
def test_excel_libreoffice_and_old_mac_files_read_the_same(name, raw):
    [(line, actor)] = parse_actors(raw, f"{name}.csv")
    assert (actor.name, actor.sector, actor.handlungsfelder, actor.notes) == (
        "Sportverein Musterdorf",
        "zivilgesellschaft",
        ["energie"],
        "Größter Verein",
    )


def test_an_unexpected_error_in_an_upload_is_a_german_notice_and_resets_the_uploader(team_workbook, monkeypatch):
    tool = OwnFigures(team_workbook)

    def broken(raw):
        raise KeyError("surprise")

    monkeypatch.setattr("regionallabor_widgets.modul2.kennzahlen.parse_csv", broken)
    tool.upload.value = ({"name": "k.csv", "type": "text/csv", "size": 3, "content": b"a;b", "last_modified": NOW},)
    assert tool.notice.kind == "error" and "nicht geklappt" in tool.notice.text
    assert tool.upload.value == ()


def test_exported_cells_never_run_as_formulas_and_read_back_as_typed(workbook):
    hostile = ['=IMPORTXML("http://x";"//a")', "+49 171 5550", "-1+1", "@SUM(A1)", "\tTab"]
    for number, text in enumerate(hostile):
        workbook.add(Akteur(name=f"{text} {number}".strip(), sector="politik", notes=text))
    first, second = (s.record.id for s in workbook.list(Akteur)[:2])
    workbook.add(Beziehung(source_id=first, target_id=second, kind="kooperiert", note='=HYPERLINK("x")'))
    network = load_network(workbook)
    for raw in (export_actors(network, False), export_relations(network, False)):
        text = raw.decode("utf-8-sig")
        cells = [cell for line in text.split("\r\n")[1:] if line for cell in line.split(";")]
        assert cells and not any(cell.lstrip('"').startswith(("=", "+", "-", "@", "\t")) for cell in cells), cells
    parsed = [actor for _, actor in parse_actors(export_actors(network, False))]
    # the apostrophe goes again on the way back: the notes read back as stored
    assert [actor.notes for actor in parsed] == [s.record.notes for s in workbook.list(Akteur)]
    assert "ein Apostroph davor" in html_of(NetworkFiles(workbook))  # and the page says so beside the export


def test_write_rows_neutralises_every_formula_start():
    raw = write_rows(("a",), [{"a": value} for value in ("=1", "+1", "-1", "@1", "\r1", "ok")])
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[1:7] == ["'=1", "'+1", "'-1", "'@1", '"\'\r1"', "ok"]
    assert [cells["a"] for _, cells in read_rows(raw, ("a",), ("a",), max_rows=10, max_bytes=1000)][:4] == [
        "=1",
        "+1",
        "-1",
        "@1",
    ]


def test_two_imports_in_one_second_keep_two_backups_and_the_first_state(team_workbook):
    one = parse_workbook_file(export_json(team_workbook))
    team_workbook.add(Member(name="Neu dazu"))
    first = team_workbook.replace_all(one.records)
    second = team_workbook.replace_all(one.records)
    assert first != second and first.exists() and second.exists()
    backup = Arbeitsmappe(first)
    assert any(s.record.name == "Neu dazu" for s in backup.list(Member))  # the state right before the first import
    assert not list(team_workbook.backup_dir.glob("*.teil"))
    assert not any(s.record.name == "Neu dazu" for s in team_workbook.list(Member))  # the import replaced it


def test_a_failing_backup_leaves_no_half_file_and_changes_nothing(team_workbook, monkeypatch):
    before = dump(team_workbook)
    parsed = parse_workbook_file(export_json(team_workbook))

    def full_disk(source, target):
        assert Path(source).exists()  # the copy was written beside its final name
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("regionallabor.core.store.os.replace", full_disk)
    with pytest.raises(WorkbookError, match="Speicherplatz ist voll"):
        team_workbook.replace_all(parsed.records)
    monkeypatch.undo()
    assert dump(team_workbook) == before
    assert not any(team_workbook.backup_dir.glob("*"))
    assert Team.KIND in team_workbook.export_data()["records"]


def test_the_relations_file_is_told_apart_by_its_first_line_whatever_the_line_ends():
    from regionallabor.core.csvfiles import header_of

    for raw in (
        b"von;nach;art\rA;B;kooperiert",
        "von\tnach\tart\r\nA\tB\tkennt sich".encode("utf-16"),
        b"\n\nvon,nach,art\n",
    ):
        assert header_of(raw) == ["von", "nach", "art"], raw


def test_an_unexpected_error_in_a_click_or_an_edit_is_a_german_notice_and_the_tool_goes_on(
    team_workbook, monkeypatch, caplog
):
    from regionallabor_widgets.modul2 import ChallengeList

    tool = ChallengeList(team_workbook)
    tool.text.value = "Kein Bus nach 19 Uhr"

    def broken(record, version=None):
        raise RuntimeError("surprise")

    monkeypatch.setattr(team_workbook, "add", broken)
    tool.add.click()
    assert tool.notice.kind == "error" and "nicht geklappt" in tool.notice.text
    assert "ChallengeList: unerwarteter Fehler" in caplog.text and "surprise" in caplog.text
    monkeypatch.undo()
    tool.add.click()
    assert [s.record.text for s in team_workbook.list(Herausforderung)] == ["Kein Bus nach 19 Uhr"]

    monkeypatch.setattr(team_workbook, "update", broken)
    row_text = tool.groups.children[0].children[1].children[0]
    row_text.value = "Kein Bus nach 20 Uhr"
    assert tool.notice.kind == "error"
    monkeypatch.undo()
    row_text.value = "Kein Bus nach 21 Uhr"
    assert tool.notice.kind == ""  # a saved edit clears the notice
    assert team_workbook.list(Herausforderung)[0].record.text == "Kein Bus nach 21 Uhr"
