"""The Aktionspool file: every entry complete and valid, no duplicates, every Handlungsfeld well covered."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
from pydantic import ValidationError

from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul6.aktionspool import POOL_FILE, filter_pool, load_pool, parse_pool

MIN_PER_FIELD = 8


def pool_file() -> bytes:
    return (resources.files("regionallabor") / "data" / "aktionspool" / POOL_FILE).read_bytes()


def test_the_pool_has_at_least_sixty_valid_entries():
    pool = load_pool()
    assert len(pool) >= 60
    assert all(entry.beteiligte and len(entry.erste_schritte) >= 2 and entry.format for entry in pool)


def test_no_entry_appears_twice_by_id_or_title():
    pool = load_pool()
    assert not [i for i, n in Counter(e.id for e in pool).items() if n > 1]
    assert not [t for t, n in Counter(e.titel.casefold() for e in pool).items() if n > 1]
    assert not [d for d, n in Counter(e.beschreibung for e in pool).items() if n > 1]


def test_every_handlungsfeld_has_at_least_eight_actions():
    counts = Counter(entry.handlungsfeld for entry in load_pool())
    assert {field: counts[field] for field in ALL_FIELDS if counts[field] < MIN_PER_FIELD} == {}


def test_every_entry_says_what_it_costs_who_pays_how_long_it_takes_and_where_it_was_done():
    for entry in load_pool():
        assert 0 <= entry.kosten_euro[0] <= entry.kosten_euro[1] and 0 < entry.stunden[0] <= entry.stunden[1], entry.id
        assert entry.wer_zahlt and entry.vorbild, entry.id
    classes = {e.id: (e.kosten, e.aufwand) for e in load_pool()}
    assert classes["mitfahrbank"] == ("gering", "klein") and classes["dorfladen"] == ("hoch", "gross")
    assert next(e for e in load_pool() if e.id == "repair-cafe").cost_range == "100–500 €"
    assert next(e for e in load_pool() if e.id == "laufbus").cost_range == "bis 200 €"


def test_the_pool_covers_what_regions_asked_for():
    titles = " ".join(e.titel for e in load_pool())
    for topic in (
        "Gemeindeschwester",
        "pflegende Angehörige",
        "Kultur",
        "Spendenparlament",
        "Dritter Ort",
        "Kommunalpolitik",
        "Neuzugezogene",
    ):
        assert topic in titles, topic


def test_efforts_and_costs_are_spread_not_all_the_same():
    pool = load_pool()
    assert set(Counter(e.aufwand for e in pool)) == {"klein", "mittel", "gross"}
    assert set(Counter(e.kosten for e in pool)) == {"gering", "mittel", "hoch"}


def test_the_actions_the_issue_names_are_in_the_pool():
    titles = " ".join(e.titel for e in load_pool())
    for name in (
        "Repair-Café",
        "Energiegenossenschaft",
        "Solidarische Landwirtschaft",
        "Mitfahrbank",
        "Dorfladen",
        "Co-Working-Space",
        "Mikroförderung für Jugendprojekte",
        "Leerstandsbörse",
    ):
        assert name in titles


def test_a_broken_entry_is_refused_with_its_field_named():
    broken = pool_file().decode("utf-8").replace("stunden = [150, 300]", "stunden = [300, 150]", 1)
    with pytest.raises(ValidationError, match="stunden"):
        parse_pool(broken.encode("utf-8"))
    unknown = pool_file().decode("utf-8").replace("stunden = [150, 300]", 'stunden = [150, 300]\naufwand = "riesig"', 1)
    with pytest.raises(ValidationError, match="aufwand"):  # the class follows from the hours, it is not written
        parse_pool(unknown.encode("utf-8"))
    missing = pool_file().decode("utf-8").replace('format = "Thementisch mit einer Landwirtin', 'formt = "x', 1)
    with pytest.raises(ValidationError, match="format"):
        parse_pool(missing.encode("utf-8"))


def test_search_finds_words_in_any_order_and_spelling_and_filters_combine():
    assert [e.id for e in filter_pool("mitfahrbank")] == ["mitfahrbank"]
    assert "repair-cafe" in [e.id for e in filter_pool("repair cafe")]
    assert "repair-cafe" in [e.id for e in filter_pool("CAFÉ repair")]
    assert "buergerbus" in [e.id for e in filter_pool("buergerbus")]
    small_energy = filter_pool(field="energie", effort="klein")
    assert small_energy and all(e.handlungsfeld == "energie" and e.aufwand == "klein" for e in small_energy)
    cheap = filter_pool(cost="gering")
    assert cheap and all(e.kosten == "gering" for e in cheap)
    assert filter_pool("Raumstation") == []
