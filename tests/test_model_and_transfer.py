"""Validation with German messages, and export/import of the whole workbook."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from regionallabor.core.model import Member, OwnFigures, Region, Team, explain
from regionallabor.core.store import SCHEMA_VERSION, NewerSchemaError
from regionallabor.core.transfer import InvalidWorkbookFile, export_filename, export_json, parse_workbook_file


def german_error(factory) -> str:
    with pytest.raises(ValidationError) as error:
        factory()
    return explain(error.value)


def test_empty_name_gets_a_german_message():
    assert german_error(lambda: Member(name="   ")) == "Name: Bitte gebt etwas ein – das Feld darf nicht leer sein."


def test_bad_email_and_numbers_get_german_messages():
    assert "sieht nicht wie eine E-Mail-Adresse aus" in german_error(lambda: Member(name="A", email="anna(at)dorf"))
    assert "Bitte gebt eine Zahl ein" in german_error(lambda: OwnFigures(population="viele", year=2024, source="Amt"))
    assert "Wert zwischen 1950 und 2100" in german_error(lambda: OwnFigures(population=5, year=1800, source="Amt"))
    assert "größer als 0" in german_error(lambda: OwnFigures(area_km2=0, year=2024, source="Amt"))


def full_workbook(workbook):
    workbook.save(Team(name="Mitmach-Team Kinzigtal"), None)
    for name in ("Anna Berger", "Ben Çelik", "Clara <script>alert(1)</script>"):
        workbook.add(Member(name=name, role="Moderation", email="a@b.de", is_main_contact=name.startswith("Anna")))
    workbook.save(
        Region(
            country="DE",
            area_type="gemeinden",
            name="Oberes Kinzigtal",
            area_ids=["DE-G-08317053", "DE-G-08317141"],
            own_figures=OwnFigures(population=9000, year=2024, source="Einwohnermeldeamt"),
            weggemeinschaft="Deutschland",
            why="Weil wir hier leben.",
        ),
        None,
    )


def test_export_import_round_trips_exactly(workbook, tmp_path):
    from regionallabor.core.store import Arbeitsmappe

    full_workbook(workbook)
    exported = export_json(workbook)
    parsed = parse_workbook_file(exported)
    other = Arbeitsmappe(tmp_path / "other.sqlite3")
    other.replace_all(parsed.records)
    first, second = json.loads(exported), json.loads(export_json(other))
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    assert parsed.summary() == "1 Teamname, 3 Teammitglieder, 1 Region"


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\x89PNG\r\n", "keine Regionallabor-Arbeitsmappe"),
        (b"{not json", "kein gültiges JSON"),
        (json.dumps({"hello": "world"}).encode(), "keine Regionallabor-Arbeitsmappe"),
        (
            json.dumps(
                {"format": "regionallabor-arbeitsmappe", "schema_version": 1, "records": {"member": [{"name": ""}]}}
            ).encode(),
            "Teammitglied Nr. 1",
        ),
        (
            json.dumps(
                {"format": "regionallabor-arbeitsmappe", "schema_version": 1, "records": {"einhorn": []}}
            ).encode(),
            "unbekannte Einträge",
        ),
        (
            json.dumps(
                {
                    "format": "regionallabor-arbeitsmappe",
                    "schema_version": 1,
                    "records": {"member": [{"id": "x", "name": "A"}, {"id": "x", "name": "B"}]},
                }
            ).encode(),
            "doppelt",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason(raw, message):
    with pytest.raises(InvalidWorkbookFile) as refused:
        parse_workbook_file(raw)
    assert message in str(refused.value)


def test_file_from_newer_schema_is_refused():
    raw = json.dumps(
        {"format": "regionallabor-arbeitsmappe", "schema_version": SCHEMA_VERSION + 1, "records": {}}
    ).encode()
    with pytest.raises(NewerSchemaError):
        parse_workbook_file(raw)


def test_too_big_file_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr("regionallabor.core.transfer.MAX_IMPORT_BYTES", 100)
    with pytest.raises(InvalidWorkbookFile) as refused:
        parse_workbook_file(b" " * 101)
    assert "zu groß" in str(refused.value)


def test_export_filename_names_team_and_date():
    from datetime import date

    assert (
        export_filename("Mitmach-Team Öhringen!", date(2026, 11, 23))
        == "arbeitsmappe-mitmach-team-öhringen-2026-11-23.json"
    )
    assert export_filename("", date(2026, 1, 2)) == "arbeitsmappe-2026-01-02.json"
