"""Shipped reference data: districts and Gemeinden of DE, AT, CH and South Tyrol.

The files under ``data/regions/`` are copies of the course's reference data;
``data/regions/SOURCES.md`` says where each comes from and under which licence.
Everything loads lazily and once per kernel.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from regionallabor.core.formatting import format_date

if TYPE_CHECKING:
    import pandas as pd


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


@dataclass(frozen=True)
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


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _int(value) -> int | None:
    number = _number(value)
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


def _read_csv(name: str, **kwargs) -> pd.DataFrame:
    import pandas as pd  # imported on first use: pages without region data load faster

    with (DATA / name).open("rb") as handle:
        return pd.read_csv(handle, **kwargs)


def _german_district_kinds() -> dict[str, tuple[str, str]]:
    """AGS -> (name, 'Landkreis' | 'kreisfreie Stadt' | 'Kreis'), so that e.g. the two Münchens differ."""
    frame = _read_csv("de_kreise_indicators_2015-2020.csv", dtype={"ags": str})
    kinds = {}
    for ags, full_name in zip(frame.ags, frame.name):
        name, _, kind = full_name.rpartition(", ")
        if kind in ("Landkreis", "kreisfreie Stadt"):
            kinds[ags] = (name.removesuffix(", Landeshauptstadt").removesuffix(", Wissenschaftsstadt"), kind)
        else:
            kinds[ags] = (full_name, "Kreis")
    return kinds


@cache
def _districts() -> list[Area]:
    frame = _read_csv("regions_districtlevel_DE_AT_CH_BZ.csv", dtype={"code": str})
    german = _german_district_kinds()
    return [
        Area(
            id=row.region_id,
            country=DISTRICT_COUNTRY[row.country],
            level=german.get(row.code, (row.name, row.level))[1] if row.country == "DE" else row.level,
            name=german.get(row.code, (row.name,))[0] if row.country == "DE" else row.name,
            parent_id=None,
            population=_int(row.pop),
            population_date=row.pop_date,
            area_km2=_number(row.area_km2),
        )
        for row in frame.itertuples(index=False)
    ]


def _german_gemeinden() -> list[Area]:
    frame = _read_csv("de_gemeinden_destatis_gv.csv", dtype={"ags": str, "kreis_ags": str})
    frame = frame[~frame.kreis_ags.isin(["07000", "13000"])]  # waters and condominium, no Gemeinden
    # Eisenach joined the Wartburgkreis in 2021; the district data is newer than the Gemeinde list.
    parents = frame.kreis_ags.replace({"16056": "16063"})
    return [
        Area(
            f"DE-G-{row.ags}",
            "DE",
            "Gemeinde",
            row.name,
            f"DE-{parent}",
            _int(row.population),
            "2019-12-31",
            _number(row.area_km2),
            _number(row.lat),
            _number(row.lon),
        )
        for row, parent in zip(frame.itertuples(index=False), parents)
    ]


def _austrian_gemeinden() -> list[Area]:
    frame = _read_csv("at_gemeinden_2021_gkz_centroids.csv", dtype={"gkz": str, "bkz": str})
    # Vienna's Gemeindebezirke (901-923) belong to the Bezirk Wien (900).
    parents = frame.bkz.where(~frame.bkz.str.startswith("9"), "900")
    return [
        Area(
            f"AT-G-{row.gkz}",
            "AT",
            "Gemeinde",
            row.name,
            f"AT-{parent}",
            None,
            None,
            _number(row.area_km2_geom),
            _number(row.lat),
            _number(row.lon),
        )
        for row, parent in zip(frame.itertuples(index=False), parents)
    ]


def _swiss_gemeinden() -> list[Area]:
    frame = _read_csv("ch_gemeinden_bfs_regionalportraets_2021.csv")
    frame = frame[frame.note.isna()]  # rows noted as merged into another Gemeinde
    return [
        Area(
            f"CH-G-{int(row.bfs_nr)}",
            "CH",
            "Gemeinde",
            row.name,
            f"CH-B{int(row.district_id)}",
            _int(row.pop_2019),
            "2019-12-31",
            _number(row.area_km2),
            _number(row.lat),
            _number(row.lon),
        )
        for row in frame.itertuples(index=False)
    ]


def _south_tyrolean_gemeinden() -> list[Area]:
    frame = _read_csv("it_bz_gemeinden_pop2021.csv", dtype={"com_istat_code": str})
    return [
        Area(
            f"IT-G-{row.com_istat_code}",
            "BZ",
            "Gemeinde",
            row.name,
            "IT-021",
            _int(row.pop_2021_01_01),
            "2021-01-01",
            _number(row.area_km2_geom),
            _number(row.lat),
            _number(row.lon),
        )
        for row in frame.itertuples(index=False)
    ]


@cache
def _all_areas() -> dict[str, Area]:
    areas = [
        *_districts(),
        *_german_gemeinden(),
        *_austrian_gemeinden(),
        *_swiss_gemeinden(),
        *_south_tyrolean_gemeinden(),
    ]
    return {area.id: area for area in areas}


@cache
def _search_index(country: str) -> pd.DataFrame:
    import pandas as pd

    areas = [area for area in _all_areas().values() if area.country == country]
    return pd.DataFrame(
        {
            "id": [a.id for a in areas],
            "folded": [_folded(a.name) for a in areas],
            "spelled": [_transliterated(a.name) for a in areas],
            "is_district": [a.is_district for a in areas],
            "population": [a.population or 0 for a in areas],
        }
    )


def area(area_id: str) -> Area | None:
    return _all_areas().get(area_id)


def district_name(area_id: str) -> str | None:
    found = _all_areas().get(area_id)
    return found.name if found else None


def _match_rank(names: pd.Series, needle: str) -> list[int]:
    """0 exact, 1 prefix, 2 a word starts with it, 3 contained, 4 no match – per name.

    South Tyrolean names are bilingual ("Bolzano/Bozen"): either half can match exactly.
    """
    word_start = re.compile(r"[\s/(\-]" + re.escape(needle))
    ranks = []
    for name in names:
        if needle in (half.strip() for half in name.split("/")):
            ranks.append(0)
        elif name.startswith(needle):
            ranks.append(1)
        elif word_start.search(name):
            ranks.append(2)
        else:
            ranks.append(3 if needle in name else 4)
    return ranks


def search(country: str, query: str, limit: int = 20) -> list[Area]:
    """Areas of ``country`` whose name contains ``query``: exact and prefix matches first, then bigger places."""
    needle_folded, needle_spelled = _folded(query.strip()), _transliterated(query.strip())
    if not needle_folded:
        return []
    index = _search_index(country)
    folded_hit = index.folded.str.contains(needle_folded, regex=False)
    spelled_hit = index.spelled.str.contains(needle_spelled, regex=False)
    hits = index[folded_hit | spelled_hit].copy()
    if hits.empty:
        return []
    hits["rank"] = [
        min(pair) for pair in zip(_match_rank(hits.folded, needle_folded), _match_rank(hits.spelled, needle_spelled))
    ]
    hits = hits.sort_values(["rank", "is_district", "population"], ascending=[True, False, False])
    areas = _all_areas()
    return [areas[area_id] for area_id in hits.id.head(limit)]


@dataclass(frozen=True)
class Figures:
    """Key figures of a region, with where they come from."""

    population: int | None
    area_km2: float | None
    stand: str | None  # the date or year of the figures, as shown to the team
    sources: tuple[str, ...]
    missing_population: tuple[str, ...] = ()
    double_counted: tuple[str, ...] = ()

    @property
    def density(self) -> float | None:
        if self.population is None or not self.area_km2:
            return None
        return self.population / self.area_km2


def _stand(dates: set[str]) -> str | None:
    if not dates:
        return None
    formatted = sorted(format_date(d) for d in dates)
    return formatted[0] if len(formatted) == 1 else " bzw. ".join(formatted)


def counted_areas(area_ids: list[str]) -> tuple[list[Area], tuple[str, ...]]:
    """The chosen areas that count, and the names of those left out: a Gemeinde inside a chosen district."""
    chosen = [a for a in (area(i) for i in area_ids) if a is not None]
    chosen_ids = {a.id for a in chosen}
    counted = [a for a in chosen if not (a.parent_id and a.parent_id in chosen_ids)]
    return counted, tuple(a.name for a in chosen if a not in counted)


def summarize(area_ids: list[str]) -> Figures:
    """Summed figures of the chosen areas; a Gemeinde inside a chosen district is not counted twice."""
    counted, double = counted_areas(area_ids)
    if not counted:
        return Figures(None, None, None, (), (), double)
    missing = tuple(a.name for a in counted if a.population is None)
    with_population = [a for a in counted if a.population is not None]
    population = sum(a.population for a in with_population) if with_population else None
    areas = [a.area_km2 for a in counted if a.area_km2 is not None]
    sources = tuple(dict.fromkeys(ATTRIBUTION[a.country]["figures"] for a in counted))
    return Figures(
        population=population,
        area_km2=sum(areas) if areas else None,
        stand=_stand({a.population_date for a in with_population if a.population_date}),
        sources=sources,
        missing_population=missing,
        double_counted=double,
    )


@cache
def _district_features() -> dict[str, dict]:
    with (DATA / "regions_districtlevel_DE_AT_CH_BZ.geojson").open("rb") as handle:
        collection = json.load(handle)
    return {
        feature["properties"]["region_id"]: _slim(feature, feature["properties"]["region_id"])
        for feature in collection["features"]
    }


@cache
def _south_tyrol_features() -> dict[str, dict]:
    with (DATA / "it_bz_gemeinden_2023.geojson").open("rb") as handle:
        collection = json.load(handle)
    return {
        f"IT-G-{feature['properties']['com_istat_code']}": _slim(
            feature, f"IT-G-{feature['properties']['com_istat_code']}"
        )
        for feature in collection["features"]
    }


def _slim(feature: dict, area_id: str) -> dict:
    """A feature with only the properties the map needs, and its bounding box."""
    xs, ys = [], []

    def walk(coords):
        if isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for part in coords:
                walk(part)

    walk(feature["geometry"]["coordinates"])
    return {
        "type": "Feature",
        "properties": {"id": area_id, "name": feature["properties"]["name"]},
        "geometry": feature["geometry"],
        "bbox": [min(xs), min(ys), max(xs), max(ys)],
    }


def polygon(area_id: str) -> dict | None:
    """The boundary of a district (or a South Tyrolean Gemeinde) as a GeoJSON feature, if shipped."""
    if area_id.startswith("IT-G-"):
        return _south_tyrol_features().get(area_id)
    return _district_features().get(area_id)


def bounds_of(
    features: list[dict], points: list[tuple[float, float]]
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((south, west), (north, east)) around features and (lat, lon) points."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    for feature in features:
        west, south, east, north = feature["bbox"]
        lats += [south, north]
        lons += [west, east]
    if not lats:
        return None
    return (min(lats), min(lons)), (max(lats), max(lons))


@dataclass(frozen=True)
class RegionShape:
    """What a map of chosen areas draws: boundaries where shipped, else points inside their district."""

    polygons: list[dict]  # the areas with a shipped boundary
    points: list[Area]  # Gemeinden without one
    parents: list[dict]  # the districts those Gemeinden lie in (unless chosen themselves)
    bounds: tuple[tuple[float, float], tuple[float, float]] | None  # around polygons and points

    @property
    def polygon_ids(self) -> set[str]:
        return {p["properties"]["id"] for p in self.polygons}


def region_shape(areas: list[Area]) -> RegionShape:
    polygons = [p for p in (polygon(a.id) for a in areas) if p]
    with_polygon = {p["properties"]["id"] for p in polygons}
    points = [a for a in areas if a.id not in with_polygon and a.lat is not None]
    parent_ids = {a.parent_id for a in points if a.parent_id and a.parent_id not in with_polygon}
    parents = [p for p in (polygon(i) for i in sorted(parent_ids)) if p]
    return RegionShape(polygons, points, parents, bounds_of(polygons, [(a.lat, a.lon) for a in points]))


def neighbouring_districts(country: str, bounds, margin: float = 0.6) -> list[dict]:
    """District polygons of ``country`` that touch the (widened) bounds: context for an offline map."""
    (south, west), (north, east) = bounds
    south, west, north, east = south - margin, west - margin, north + margin, east + margin
    result = []
    for feature in _district_features().values():
        area_ = area(feature["properties"]["id"])
        if area_ is None or area_.country != country:
            continue
        f_west, f_south, f_east, f_north = feature["bbox"]
        if f_west <= east and f_east >= west and f_south <= north and f_north >= south:
            result.append(feature)
    return result
