"""Broken and hostile files, generated: what teams upload from Excel, LibreOffice, old Macs and worse.

Each case is (name, raw bytes, a German fragment the refusal must contain). The corpus is built in code,
so it needs no binary fixtures and documents every case where it is made.
"""

from __future__ import annotations

import json

WORKBOOK = {"format": "regionallabor-arbeitsmappe", "schema_version": 2, "records": {}}
ACTORS_HEADER = "name;art;sektor;handlungsfelder;einfluss;engagement;ort;privatperson;beziehung_zu_uns;notizen"
RELATIONS_HEADER = "von;nach;art;staerke;notiz"
FIGURES_HEADER = "kennzahl;wert;einheit;jahr;quelle"


def _workbook(**records) -> bytes:
    return json.dumps({**WORKBOOK, "records": records}, ensure_ascii=False).encode("utf-8")


def workbook_files() -> list[tuple[str, bytes, str]]:
    """Workbook JSON files the start page must refuse, each with a fragment of its German reason."""
    deep = b"[" * 100_000 + b"]" * 100_000
    return [
        ("leer", b"", "kein gültiges JSON"),
        ("kein-json", b"Das ist keine Arbeitsmappe", "kein gültiges JSON"),
        ("abgeschnitten", _workbook(team=[{"name": "Lautertal"}])[:-7], "kein gültiges JSON"),
        ("utf16-ohne-json", "{}".encode("utf-16"), "keine Regionallabor-Arbeitsmappe"),
        ("binaer", bytes(range(256)) * 4, "keine Regionallabor-Arbeitsmappe"),
        ("excel-datei", b"PK\x03\x04" + b"\x00" * 200, "kein gültiges JSON"),
        ("liste", b"[]", "keine Regionallabor-Arbeitsmappe"),
        ("zahl", b"42", "keine Regionallabor-Arbeitsmappe"),
        (
            "anderes-format",
            json.dumps({**WORKBOOK, "format": "miro-board"}).encode(),
            "keine Regionallabor-Arbeitsmappe",
        ),
        ("ohne-records", json.dumps({k: v for k, v in WORKBOOK.items() if k != "records"}).encode(), "keine"),
        ("records-liste", json.dumps({**WORKBOOK, "records": []}).encode(), "keine Regionallabor-Arbeitsmappe"),
        ("schema-true", json.dumps({**WORKBOOK, "schema_version": True}).encode(), "keine Regionallabor-Arbeitsmappe"),
        ("schema-text", json.dumps({**WORKBOOK, "schema_version": "2"}).encode(), "keine Regionallabor-Arbeitsmappe"),
        ("schema-null", json.dumps({**WORKBOOK, "schema_version": 0}).encode(), "keine Regionallabor-Arbeitsmappe"),
        ("schema-neuer", json.dumps({**WORKBOOK, "schema_version": 99}).encode(), "neueren Version"),
        ("tief-verschachtelt", deep, "zu tief verschachtelt"),
        ("tief-im-eintrag", _workbook(team=[{"name": [[[[[[[[[[[["x"]]]]]]]]]]]]}]), "zu tief verschachtelt"),
        (
            "riesenzahl",
            _workbook(member=[{"name": "A", "is_main_contact": False}])[:-4] + b', "x": 1' + b"9" * 5000 + b"}]}}",
            "mehr als 15 Stellen",
        ),
        ("nan", b'{"format": "regionallabor-arbeitsmappe", "schema_version": 2, "records": {"x": NaN}}', "NaN"),
        ("unbekannte-art", _workbook(geheimnis=[{"id": "1"}]), "geheimnis"),
        ("art-kein-array", _workbook(member={"name": "Anna"}), "keine Regionallabor-Arbeitsmappe"),
        ("zwei-teams", _workbook(team=[{"name": "A"}, {"name": "B"}]), "keine Regionallabor-Arbeitsmappe"),
        ("name-leer", _workbook(member=[{"name": ""}]), "Bitte gebt etwas ein"),
        ("name-zu-lang", _workbook(member=[{"name": "x" * 500}]), "zu lang"),
        ("name-liste", _workbook(member=[{"name": ["Anna"]}]), "etwas anderes als erwartet"),
        ("mail-kaputt", _workbook(member=[{"name": "Anna", "email": "anna(at)dorf"}]), "E-Mail-Adresse"),
        ("hauptperson-text", _workbook(member=[{"name": "Anna", "is_main_contact": "vielleicht"}]), "„ja“ oder „nein“"),
        (
            "unbekanntes-feld",
            _workbook(member=[{"name": "Anna", "passwort": "geheim"}]),
            "kennt das Regionallabor nicht",
        ),
        ("doppelte-id", _workbook(member=[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]), "doppelt"),
        (
            "jahr-text",
            _workbook(kennzahl=[{"name": "Vereine", "value": 12, "year": "letztes", "source": "Amt"}]),
            "Bitte gebt eine Zahl ein",
        ),
        (
            "jahr-1800",
            _workbook(kennzahl=[{"name": "Vereine", "value": 12, "year": 1800, "source": "Amt"}]),
            "zwischen",
        ),
        ("swot-quadrant", _workbook(swot=[{"quadrant": "irgendwo", "text": "x"}]), "angebotenen Werte"),
        (
            "swot-20000",
            _workbook(swot=[{"quadrant": "staerken", "text": f"Karte {i}"} for i in range(20_000)]),
            "höchstens 1000",
        ),
        (
            "beziehung-zu-sich",
            _workbook(beziehung=[{"source_id": "a", "target_id": "a", "kind": "kooperiert"}]),
            "zwei verschiedene",
        ),
        ("datum-kaputt", _workbook(aufgabe=[{"title": "Raum", "due": "morgen"}]), "Datum"),
        ("region-land", _workbook(region=[{"country": "FR"}]), "angebotenen Werte"),
    ]


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def figure_files() -> list[tuple[str, bytes, str]]:
    """CSV files of own key figures (Modul 2) that must be refused, with their German reason."""
    good_row = "Vereine;12;Anzahl;2024;Gemeinde"
    return [
        ("leer", b"", "leer"),
        ("nur-leerzeilen", b"\r\n\r\n  \n", "leer"),
        ("falsche-spalten", _csv("name;zahl\nVereine;12"), "fehlen die Spalten"),
        ("unbekannte-spalte", _csv(f"{FIGURES_HEADER};farbe\n{good_row};rot"), "Unbekannte Spalten"),
        ("zu-wenig-werte", _csv(f"{FIGURES_HEADER}\nVereine;12"), "Zeile 2: 2 Werte statt 5"),
        ("wert-text", _csv(f"{FIGURES_HEADER}\nVereine;viele;Anzahl;2024;Gemeinde"), "Zeile 2"),
        ("jahr-fehlt", _csv(f"{FIGURES_HEADER}\nVereine;12;Anzahl;;Gemeinde"), "Zeile 2"),
        ("doppelt", _csv(f"{FIGURES_HEADER}\n{good_row}\n{good_row}"), "steht schon in Zeile 2"),
        ("zu-gross", _csv(FIGURES_HEADER + "\n" + (good_row + "\n") * 20_000), "zu groß"),
        (
            "zu-viele-zeilen",
            _csv(FIGURES_HEADER + "\n" + "\n".join(f"K{i};1;x;2024;q" for i in range(600))),
            "höchstens 500",
        ),
        ("binaer", bytes(range(256)) * 4, "nicht als Text"),
        ("xlsx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(128, 256)) * 8, "nicht als Text"),
        ("riesenzelle", _csv(f'{FIGURES_HEADER}\n"Vereine{"x" * 140_000};12;Anzahl;2024;Gemeinde'), "CSV-Tabelle"),
        ("lange-zelle", _csv(f"{FIGURES_HEADER}\nVereine;12;Anzahl;2024;{'Quelle ' * 2000}"), "länger als"),
        ("utf16-falsche-spalten", _csv("name\tzahl\r\nVereine\t12", "utf-16"), "Tabulator"),
        ("nul-bytes", _csv(f"{FIGURES_HEADER}\nVer\x00eine;12;Anzahl;2024;Gemeinde"), "nicht als Text"),
    ]


def actor_files() -> list[tuple[str, bytes, str]]:
    """CSV files of actors (Modul 3) that must be refused, with their German reason."""
    row = "Sportverein;Organisation;Zivilgesellschaft;Energie;3;4;Musterdorf;nein;wir haben Kontakt;"
    return [
        ("leer", b"", "leer"),
        ("ohne-name", _csv("art;sektor\nPerson;Politik"), "fehlen die Spalten"),
        ("name-leer", _csv(f"{ACTORS_HEADER}\n;Organisation;Politik;;3;3;;nein;;"), "Zeile 2"),
        ("einfluss-9", _csv(f"{ACTORS_HEADER}\nVerein;Organisation;Politik;;9;3;;nein;;"), "Zeile 2"),
        ("art-unbekannt", _csv(f"{ACTORS_HEADER}\nVerein;Raumschiff;Politik;;3;3;;nein;;"), "Zeile 2"),
        ("privat-vielleicht", _csv(f"{ACTORS_HEADER}\nVerein;Person;Politik;;3;3;;vielleicht;;"), "Zeile 2"),
        (
            "handlungsfeld-unbekannt",
            _csv(f"{ACTORS_HEADER}\nVerein;Organisation;Politik;Raumfahrt;3;3;;nein;;"),
            "Zeile 2",
        ),
        ("doppelt", _csv(f"{ACTORS_HEADER}\n{row}\n{row}"), "Zeile 3"),
        ("zu-wenig-werte", _csv(f"{ACTORS_HEADER}\nVerein;Organisation"), "Werte statt"),
        ("binaer", bytes(range(256)) * 4, "nicht als Text"),
        ("komma-falsche-spalten", _csv("name,typ\nVerein,Organisation"), "Komma"),
    ]


def relation_files() -> list[tuple[str, bytes, str]]:
    """CSV files of relations (Modul 3, actors already on the map) that must be refused."""
    return [
        ("ohne-nach", _csv("von;art\nSportverein;kooperiert"), "fehlen die Spalten"),
        ("unbekannt", _csv(f"{RELATIONS_HEADER}\nSportverein;Mondbasis;kooperiert;2;"), "Zeile 2"),
        ("art-unbekannt", _csv(f"{RELATIONS_HEADER}\nSportverein;Bauamt;liebt;2;"), "Zeile 2"),
        ("staerke-7", _csv(f"{RELATIONS_HEADER}\nSportverein;Bauamt;kooperiert;7;"), "Zeile 2"),
        ("zu-sich", _csv(f"{RELATIONS_HEADER}\nSportverein;Sportverein;kooperiert;2;"), "Zeile 2"),
        ("zu-wenig-werte", _csv(f"{RELATIONS_HEADER}\nSportverein"), "Werte statt"),
    ]


def readable_variants() -> list[tuple[str, bytes]]:
    """One actor file as Excel, LibreOffice and old Macs save it: every variant must be read the same."""
    rows = [
        ACTORS_HEADER,
        "Sportverein Musterdorf;Organisation;Zivilgesellschaft;Energie;3;4;Musterdorf;nein;eng;Größter Verein",
    ]
    text = "\n".join(rows)
    return [
        ("utf8", text.encode("utf-8")),
        ("utf8-bom-crlf", text.replace("\n", "\r\n").encode("utf-8-sig")),
        ("mac-cr", text.replace("\n", "\r").encode("utf-8")),
        ("windows-1252", text.replace("\n", "\r\n").encode("cp1252")),
        ("excel-unicode-text", text.replace(";", "\t").replace("\n", "\r\n").encode("utf-16")),
        ("utf16-ohne-bom", text.replace(";", "\t").encode("utf-16-le")),
        ("komma", text.replace(";", ",").encode("utf-8")),
        ("leerzeilen-davor", ("\n\n" + text + "\n\n").encode("utf-8")),
    ]
