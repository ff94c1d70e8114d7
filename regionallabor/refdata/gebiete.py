"""The areas: districts and Gemeinden of DE, AT, CH and South Tyrol, read once per kernel, and the search over them.

Read with the csv module into slotted dataclasses – about 5 MB for all 16,000 areas; pandas would add 60 MB
to the kernel of every page (they check the region's population and search for places). Modul 2's
statistics look up a few hundred rows by code and sum them (``table_rows``): no pandas either.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA = resources.files("regionallabor") / "data" / "regions"


# Attribution shown wherever the data is shown (see SOURCES.md).
ATTRIBUTION = {
    "DE": {
        "boundaries": "© GeoBasis-DE / BKG (2023), dl-de/by-2-0",
        "figures": "© Statistisches Bundesamt (Destatis), dl-de/by-2-0",
    },
    "AT": {
        "boundaries": "Statistik Austria – data.statistik.gv.at; Flooh Perlot (CC BY 4.0)",
        "figures": "Statistik Austria (Bevölkerung 1.1.2019, veröffentlicht von der AGES)",
    },
    "CH": {"boundaries": "Bundesamt für Statistik (BFS), GEOSTAT", "figures": "© BFS, Regionalporträts 2021"},
    "BZ": {"boundaries": "© ISTAT (CC BY 4.0)", "figures": "© ISTAT (CC BY 4.0)"},
}


DISTRICT_COUNTRY = {"DE": "DE", "AT": "AT", "CH": "CH", "IT": "BZ"}


@dataclass(frozen=True, slots=True)
class Area:
    """A district or a Gemeinde a team can make part of its region."""

    id: str
    country: str
    level: str
    name: str
    parent_id: str | None
    population: int | None
    population_date: str | None
    area_km2: float | None
    lat: float | None = None
    lon: float | None = None

    @property
    def is_district(self) -> bool:
        return self.parent_id is None

    @property
    def label(self) -> str:
        parent = district_name(self.parent_id) if self.parent_id else None
        return f"{self.name} ({self.level}{', ' + parent if parent else ''})"


def _number(text: str) -> float | None:
    return float(text) if text else None


def _int(text: str) -> int | None:
    number = _number(text)
    return None if number is None else int(round(number))


def _folded(text: str) -> str:
    """Lower case without accents: 'Müllheim' -> 'mullheim'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _transliterated(text: str) -> str:
    """Lower case with German transliteration: 'Müllheim' -> 'muellheim'."""
    text = text.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    return _folded(text)


def table_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of a reference table as text, every value a string ("" where the table has none)."""
    with io.TextIOWrapper((DATA / name).open("rb"), encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _german_district_kinds() -> dict[str, tuple[str, str]]:
    """AGS -> (name, 'Landkreis' | 'kreisfreie Stadt' | 'Kreis'), so that e.g. the two Münchens differ."""
    kinds = {}
    for row in table_rows("de_kreise_indicators_2015-2020.csv"):
        ags, full_name = row["ags"], row["name"]
        name, _, kind = full_name.rpartition(", ")
        if kind in ("Landkreis", "kreisfreie Stadt"):
            kinds[ags] = (name.removesuffix(", Landeshauptstadt").removesuffix(", Wissenschaftsstadt"), kind)
        else:
            kinds[ags] = (full_name, "Kreis")
    return kinds


@cache
def _districts() -> list[Area]:
    german = _german_district_kinds()
    return [
        Area(
            id=row["region_id"],
            country=DISTRICT_COUNTRY[row["country"]],
            level=german.get(row["code"], ("", row["level"]))[1] if row["country"] == "DE" else row["level"],
            name=german.get(row["code"], (row["name"],))[0] if row["country"] == "DE" else row["name"],
            parent_id=None,
            population=_int(row["pop"]),
            population_date=row["pop_date"] or None,
            area_km2=_number(row["area_km2"]),
        )
        for row in table_rows("regions_districtlevel_DE_AT_CH_BZ.csv")
    ]


def _german_gemeinden() -> list[Area]:
    # Eisenach joined the Wartburgkreis in 2021; the district data is newer than the Gemeinde list.
    merged = {"16056": "16063"}
    return [
        Area(
            f"DE-G-{row['ags']}",
            "DE",
            "Gemeinde",
            row["name"],
            f"DE-{merged.get(row['kreis_ags'], row['kreis_ags'])}",
            _int(row["population"]),
            "2019-12-31",
            _number(row["area_km2"]),
            _number(row["lat"]),
            _number(row["lon"]),
        )
        for row in table_rows("de_gemeinden_destatis_gv.csv")
        if row["kreis_ags"] not in ("07000", "13000")  # waters and condominium, no Gemeinden
    ]


def _austrian_gemeinden() -> list[Area]:
    return [
        Area(
            f"AT-G-{row['gkz']}",
            "AT",
            "Gemeinde",
            row["name"],
            # Vienna's Gemeindebezirke (901-923) belong to the Bezirk Wien (900).
            f"AT-{'900' if row['bkz'].startswith('9') else row['bkz']}",
            None,
            None,
            _number(row["area_km2_geom"]),
            _number(row["lat"]),
            _number(row["lon"]),
        )
        for row in table_rows("at_gemeinden_2021_gkz_centroids.csv")
    ]


def _swiss_gemeinden() -> list[Area]:
    return [
        Area(
            f"CH-G-{_int(row['bfs_nr'])}",
            "CH",
            "Gemeinde",
            row["name"],
            f"CH-B{_int(row['district_id'])}",
            _int(row["pop_2019"]),
            "2019-12-31",
            _number(row["area_km2"]),
            _number(row["lat"]),
            _number(row["lon"]),
        )
        for row in table_rows("ch_gemeinden_bfs_regionalportraets_2021.csv")
        if not row["note"]  # rows noted as merged into another Gemeinde
    ]


def _south_tyrolean_gemeinden() -> list[Area]:
    return [
        Area(
            f"IT-G-{row['com_istat_code']}",
            "BZ",
            "Gemeinde",
            row["name"],
            "IT-021",
            _int(row["pop_2021_01_01"]),
            "2021-01-01",
            _number(row["area_km2_geom"]),
            _number(row["lat"]),
            _number(row["lon"]),
        )
        for row in table_rows("it_bz_gemeinden_pop2021.csv")
    ]


@cache
def all_areas() -> dict[str, Area]:
    areas = [
        *_districts(),
        *_german_gemeinden(),
        *_austrian_gemeinden(),
        *_swiss_gemeinden(),
        *_south_tyrolean_gemeinden(),
    ]
    return {area.id: area for area in areas}


@dataclass(frozen=True, slots=True)
class _Entry:
    area: Area
    folded: str
    spelled: str


@cache
def _search_index(country: str) -> tuple[_Entry, ...]:
    return tuple(
        _Entry(a, _folded(a.name), _transliterated(a.name)) for a in all_areas().values() if a.country == country
    )


def area(area_id: str) -> Area | None:
    return all_areas().get(area_id)


@cache
def _gemeinden_by_district() -> dict[str, tuple[Area, ...]]:
    grouped: dict[str, list[Area]] = {}
    for found in all_areas().values():
        if found.parent_id and found.level != "Bezirk" and found.lat is not None:
            grouped.setdefault(found.parent_id, []).append(found)
    return {district: tuple(members) for district, members in grouped.items()}


def gemeinden_in(district_id: str) -> tuple[Area, ...]:
    """The Gemeinden of a district that have a location – the neighbours a map of one of them names."""
    return _gemeinden_by_district().get(district_id, ())


def district_name(area_id: str) -> str | None:
    found = all_areas().get(area_id)
    return found.name if found else None


def _match_rank(name: str, needle: str) -> int:
    """0 exact, 1 prefix, 2 a word starts with it, 3 contained, 4 no match.

    South Tyrolean names are bilingual ("Bolzano/Bozen"): either half can match exactly.
    """
    if needle in (half.strip() for half in name.split("/")):
        return 0
    if name.startswith(needle):
        return 1
    if re.search(r"[\s/(\-]" + re.escape(needle), name):
        return 2
    return 3 if needle in name else 4


def search(country: str, query: str, limit: int = 20) -> list[Area]:
    """Areas of ``country`` whose name contains ``query``: exact and prefix matches first, then bigger places."""
    needle_folded, needle_spelled = _folded(query.strip()), _transliterated(query.strip())
    if not needle_folded:
        return []
    hits = [
        (min(_match_rank(entry.folded, needle_folded), _match_rank(entry.spelled, needle_spelled)), entry.area)
        for entry in _search_index(country)
        if needle_folded in entry.folded or needle_spelled in entry.spelled
    ]
    hits.sort(key=lambda hit: (hit[0], not hit[1].is_district, -(hit[1].population or 0)))
    return [area for _, area in hits[:limit]]
