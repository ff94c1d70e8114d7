"""Modul 2's domain: statistics against values computed by hand from the shipped files, own figures, rules."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from regionallabor.core.formatting import parse_number
from regionallabor.core.model import FieldRating, Herausforderung, Kennzahl, Region, Schatz, explain
from regionallabor.core.store import StaleRecordError
from regionallabor.course import MODULES, Status
from regionallabor.modul2.bestandsaufnahme import (
    DuplicateSchatzError,
    add_swot,
    place_swot,
    save_rating,
    save_schatz,
    swot_board,
)
from regionallabor.modul2.eigene_kennzahlen import CsvError, parse_csv, save_figures
from regionallabor.modul2.kennzahlen import below_share, comparison_sentence, region_profile
from regionallabor.modul2.selbstcheck import missing as module2_missing

BREISGAU = "DE-08315"  # Landkreis Breisgau-Hochschwarzwald
TITISEE, FELDBERG = "DE-G-08315113", "DE-G-08315037"


def by_key(profile):
    return {c.indicator.key: c for c in profile.comparisons}


# statistics


def test_a_german_kreis_has_trend_pyramid_and_shares_as_destatis_publishes_them():
    profile = region_profile(Region(area_ids=[BREISGAU]))
    assert profile.trend.years == (2015, 2016, 2017, 2018, 2019, 2020)
    assert profile.trend.values[0] == 257_343 and profile.trend.values[-1] == 264_867
    assert profile.trend.context_note == ""
    # the 34 age bands of 2020 sum to the population; 65+ = 59,472 and under 18 = 46,125 of 264,867
    assert sum(profile.age.men) + sum(profile.age.women) == 264_867
    compared = by_key(profile)
    assert compared["share_65plus"].indicator.value == pytest.approx(100 * 59_472 / 264_867)
    assert round(compared["share_65plus"].indicator.value, 2) == 22.45  # Destatis: share_65plus_2020_pct
    assert round(compared["share_young"].indicator.value, 2) == 17.41
    assert round(compared["change"].indicator.value, 2) == 2.92  # 264,867 / 257,343 − 1
    assert compared["density"].indicator.value == pytest.approx(264_867 / 1378.32)


def test_comparison_uses_the_median_of_the_400_german_districts():
    compared = by_key(region_profile(Region(area_ids=[BREISGAU])))
    density = compared["density"]
    assert len(density.peer_values) == 400
    assert density.median == pytest.approx((200.87 + 200.95) / 2)  # the 200th and 201st of the sorted densities
    assert compared["share_65plus"].median == pytest.approx(22.335)
    assert (
        compared["change"].sentence
        == "Eure Region ist stärker gewachsen als 8 von 10 Landkreisen und kreisfreien Städten in Deutschland."
    )


def test_gemeinden_are_summed_and_their_kreis_gives_context_only():
    profile = region_profile(Region(area_ids=[TITISEE, FELDBERG]))
    assert profile.figures.population == 12_197 + 1_862
    assert profile.figures.area_km2 == pytest.approx(89.64 + 24.97)
    # no age or trend data for single Gemeinden: density and size, among German Gemeinden of 10,000–20,000
    compared = by_key(profile)
    assert set(compared) == {"density", "population"}
    assert compared["density"].indicator.value == pytest.approx(14_059 / 114.61)
    assert compared["density"].sentence.endswith("Gemeinden mit 10.000 bis 20.000 Einwohner:innen in Deutschland.")
    assert "Landkreis" not in compared["density"].sentence
    peers = compared["population"].peer_values
    assert peers and all(10_000 <= p < 20_000 for p in peers) and len(peers) == len(compared["density"].peer_values)
    assert compared["population"].sentence.startswith("Eure Region hat mehr Einwohner:innen als")
    assert "Breisgau-Hochschwarzwald" in profile.trend.context_note
    assert profile.trend.values[-1] == 264_867
    assert "Breisgau-Hochschwarzwald" in profile.age.context_note


@pytest.mark.parametrize(
    ("population", "label"),
    [(800, "unter 2.000"), (2_000, "2.000 bis 5.000"), (99_999, "50.000 bis 100.000"), (250_000, "100.000 und mehr")],
)
def test_the_size_classes_are_destatis_gemeindegroessenklassen(population, label):
    from regionallabor.modul2.kennzahlen import size_class, size_class_label

    assert size_class_label(*size_class(population)) == f"{label} Einwohner:innen"


def test_a_small_gemeinde_draws_its_thousands_of_peers_as_quantiles():
    from regionallabor.dokumente.statistik import comparison_svg

    profile = region_profile(Region(area_ids=[FELDBERG]))  # 1,862 people: some 5,000 German Gemeinden below 2,000
    density = by_key(profile)["density"]
    assert len(density.peer_values) > 4_000
    svg = comparison_svg(profile.comparisons)
    assert len(svg) < 120_000  # all ~5,000 ticks would be ≈ 470 KB of SVG
    assert "1.000,0" not in svg and ">1.000<" in svg.replace(" ", "")  # people are counted in whole numbers


def test_swiss_bezirk_matches_the_bfs_aggregate():
    compared = by_key(region_profile(Region(area_ids=["CH-B101"])))  # Bezirk Affoltern: 14.9 %, 17.64 %, 22.21 %
    assert round(compared["change"].indicator.value, 1) == 14.9
    assert round(compared["share_65plus"].indicator.value, 2) == 17.64
    assert round(compared["share_young"].indicator.value, 2) == 22.21
    assert compared["share_young"].indicator.label == "Anteil unter 20 Jahren"
    assert len(compared["density"].peer_values) == 143


def test_austria_has_density_only_and_says_what_is_missing():
    profile = region_profile(Region(area_ids=["AT-506"]))  # Zell am See, 33.1 per km²: 11 of 94 Bezirke are thinner
    assert set(by_key(profile)) == {"density"}
    assert by_key(profile)["density"].below_share == pytest.approx(11 / 94)
    assert (
        by_key(profile)["density"].sentence == "Eure Region ist dünner besiedelt als 9 von 10 Bezirken in Österreich."
    )
    assert profile.trend is None and profile.age is None
    assert any("keinen Altersaufbau" in note for note in profile.notes)


def test_a_region_across_borders_is_not_compared_with_one_country():
    profile = region_profile(Region(area_ids=[BREISGAU, "CH-B101"]))
    assert profile.comparisons == ()
    assert profile.figures.population == 264_867 + 55_262
    assert any("mehreren Ländern" in note for note in profile.notes)


def test_below_share_counts_ties_half():
    assert below_share(3, (1, 2, 3, 4)) == pytest.approx(2.5 / 4)
    assert below_share(0, (1, 2)) == 0


@pytest.mark.parametrize(
    "key, value, share, expected",
    [
        (
            "share_65plus",
            25.0,
            0.81,
            "Eure Region ist älter als 8 von 10 Landkreisen und kreisfreien Städten in Deutschland.",
        ),
        (
            "share_65plus",
            18.0,
            0.12,
            "Eure Region ist jünger als 9 von 10 Landkreisen und kreisfreien Städten in Deutschland.",
        ),
        (
            "density",
            40.0,
            0.5,
            "Eure Region liegt bei der Besiedlung etwa in der Mitte der Landkreise und kreisfreien Städte in Deutschland.",
        ),
        (
            "change",
            -3.0,
            0.2,
            "Eure Region hat mehr Einwohner:innen verloren als 8 von 10 Landkreisen und kreisfreien Städten in Deutschland.",
        ),
        (
            "change",
            9.0,
            0.99,
            "Eure Region ist stärker gewachsen als fast alle Landkreise und kreisfreien Städte in Deutschland.",
        ),
    ],
)
def test_comparison_in_plain_words(key, value, share, expected):
    assert comparison_sentence(key, value, share, "DE") == expected


# own figures


@pytest.mark.parametrize(
    "text, number",
    [
        ("4250", 4250),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("4 250", 4250),
        ("1.234", 1234),
        ("-0,8", -0.8),
        ("", None),
    ],
)
def test_numbers_as_germans_and_spreadsheets_write_them(text, number):
    assert parse_number(text) == number


def test_csv_with_semicolons_and_decimal_commas_is_taken_whole(workbook):
    raw = (
        "kennzahl;wert;einheit;jahr;quelle\n"
        "Vereine;42;Anzahl;2024;Vereinsregister\n"
        "Leerstand Ortskern;3,5;%;2024;eigene Zählung\n"
    ).encode()
    figures = parse_csv(raw)
    assert [(f.name, f.value, f.unit, f.year) for f in figures] == [
        ("Vereine", 42, "Anzahl", 2024),
        ("Leerstand Ortskern", 3.5, "%", 2024),
    ]
    assert save_figures(workbook, figures)[:2] == (2, 0)
    again = parse_csv(b"kennzahl,wert,jahr,quelle\nVereine,45,2024,Vereinsregister\nVereine,40,2023,Vereinsregister\n")
    assert save_figures(workbook, again)[:2] == (1, 1)  # same name and year replaces, another year adds
    stored = {(s.record.name, s.record.year): s.record.value for s in workbook.list(Kennzahl)}
    assert stored == {("Vereine", 2024): 45, ("Leerstand Ortskern", 2024): 3.5, ("Vereine", 2023): 40}


def test_excel_csv_in_windows_encoding_is_read():
    figures = parse_csv("kennzahl;wert;jahr;quelle\nÄrzt:innen;3;2025;Kassenärztliche Vereinigung\n".encode("cp1252"))
    assert figures[0].name == "Ärzt:innen"


@pytest.mark.parametrize(
    "raw, message",
    [
        (
            b"kennzahl;wert;jahr;quelle\nVereine;42;2024;Amt\nPendler;viele;2024;Amt\n",
            "Zeile 3: Wert: Bitte gebt eine Zahl ein.",
        ),
        (
            b"kennzahl;wert;jahr;quelle\nVereine;42;1800;Amt\n",
            "Zeile 2: Jahr: Bitte gebt einen Wert zwischen 1950 und 2100 an.",
        ),
        (b"kennzahl;wert;jahr;quelle\nVereine;42;2024;\n", "Zeile 2: Quelle: Bitte gebt etwas ein"),
        (b"kennzahl;wert;jahr\nVereine;42;2024\n", "fehlen die Spalten „quelle“"),
        (b"kennzahl;wert;jahr;quelle;farbe\n", "Unbekannte Spalten in der ersten Zeile: „farbe“"),
        (b"kennzahl;wert;jahr;quelle\nVereine;42;2024\n", "Zeile 2: 3 Werte statt 4."),
        (
            b"kennzahl;wert;jahr;quelle\nVereine;42;2024;A\nvereine;43;2024;B\n",
            "Zeile 3: „vereine“ für 2024 steht schon in Zeile 2.",
        ),
        (b"", "Die Datei ist leer."),
        (b"kennzahl;wert;jahr;quelle\n" + b"x;1;2024;A\n" * 30_000, "Die Datei ist zu groß"),
    ],
)
def test_a_bad_csv_is_refused_with_line_and_reason(workbook, raw, message):
    with pytest.raises(CsvError) as refused:
        parse_csv(raw)
    assert message in str(refused.value)
    assert workbook.count_kind("kennzahl") == 0


# rules across records


def test_a_rating_outside_one_to_five_is_refused_in_german(workbook):
    with pytest.raises(ValidationError) as refused:
        save_rating(workbook, "energie", 1, None, rating=7)
    assert explain(refused.value) == "Einschätzung: Bitte gebt einen Wert zwischen 1 und 5 an."
    assert workbook.count_kind(FieldRating.KIND) == 0


def test_rating_and_notes_are_one_record_per_field_and_round(workbook):
    first = save_rating(workbook, "energie", 1, None, rating=3)
    noted = save_rating(workbook, "energie", 1, first.version, notes="Zwei Bürgersolaranlagen")
    assert noted.record.rating == 3 and noted.record.notes == "Zwei Bürgersolaranlagen"
    save_rating(workbook, "energie", 2, None, rating=4)
    assert workbook.count_kind(FieldRating.KIND) == 2
    with pytest.raises(StaleRecordError):  # a second page that still holds the first version
        save_rating(workbook, "energie", 1, first.version, rating=5)


def test_schatz_names_are_unique_within_a_handlungsfeld(workbook):
    save_schatz(workbook, Schatz(name="Repair-Café", field="wirtschaft"), None)
    with pytest.raises(DuplicateSchatzError, match="„repair-café“ gibt es im Handlungsfeld Wirtschaft schon"):
        save_schatz(workbook, Schatz(name="repair-café", field="wirtschaft"), None)
    save_schatz(workbook, Schatz(name="Repair-Café", field="zusammenhalt"), None)  # another field is fine
    assert workbook.count_kind("schatz") == 2


def test_schatz_links_get_a_scheme_and_nonsense_is_refused():
    assert (
        Schatz(name="Hofladen", field="landwirtschaft", link="www.hofladen-beispiel.de").link
        == "https://www.hofladen-beispiel.de"
    )
    with pytest.raises(ValidationError) as refused:
        Schatz(name="Hofladen", field="landwirtschaft", link="ruf mich an")
    assert "sieht nicht wie eine Web-Adresse aus" in explain(refused.value)


def test_swot_cards_keep_their_order_when_placed_within_and_across(workbook):
    for text in ("Viele Vereine", "Starke Landwirtschaft", "Engagierte Jugend"):
        add_swot(workbook, "staerken", text)
    board = swot_board(workbook)
    place_swot(workbook, board["staerken"][2], "staerken", 1)
    assert [s.record.text for s in swot_board(workbook)["staerken"]] == [
        "Viele Vereine",
        "Engagierte Jugend",
        "Starke Landwirtschaft",
    ]
    place_swot(workbook, swot_board(workbook)["staerken"][0], "staerken", -3)  # before the top: stays on top
    assert swot_board(workbook)["staerken"][0].record.text == "Viele Vereine"
    place_swot(workbook, swot_board(workbook)["staerken"][0], "chancen", 0)
    board = swot_board(workbook)
    assert [s.record.text for s in board["chancen"]] == ["Viele Vereine"]
    assert [(s.record.text, s.record.position) for s in board["staerken"]] == [
        ("Engagierte Jugend", 0),
        ("Starke Landwirtschaft", 1),
    ]
    held_by_a_second_page = board["staerken"][1]
    place_swot(workbook, board["staerken"][0], "staerken", 1)  # renumbers the card the second page holds
    with pytest.raises(StaleRecordError):
        place_swot(workbook, held_by_a_second_page, "risiken", 0)
    assert swot_board(workbook)["risiken"] == []


def test_module2_status_follows_the_work(workbook):
    module2 = MODULES[1]
    assert module2.status(workbook) is Status.NOT_STARTED
    save_rating(workbook, "energie", 1, None, rating=2)
    assert module2.status(workbook) is Status.IN_PROGRESS
    assert "eine Einschätzung für 5 Handlungsfelder" in module2_missing(workbook)[0]
    for field in ("landwirtschaft", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"):
        save_rating(workbook, field, 1, None, rating=3)
    save_schatz(workbook, Schatz(name="Bürgerbus", field="mobilitaet"), None)
    workbook.add(Herausforderung(field="bauen", text="Leerstand"))
    for quadrant in ("staerken", "schwaechen", "chancen"):
        add_swot(workbook, quadrant, "Punkt")
    assert module2_missing(workbook) == ["Einträge in der SWOT unter Risiken"]
    add_swot(workbook, "risiken", "Punkt")
    assert module2.status(workbook) is Status.DONE
