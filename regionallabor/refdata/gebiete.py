"""The areas: districts and Gemeinden of DE, AT, CH and South Tyrol, read once per kernel, and the search over them."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

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


def read_table(name: str, **kwargs) -> pd.DataFrame:
    import pandas as pd  # imported on first use: pages without region data load faster

    with (DATA / name).open("rb") as handle:
        return pd.read_csv(handle, **kwargs)


def _german_district_kinds() -> dict[str, tuple[str, str]]:
    """AGS -> (name, 'Landkreis' | 'kreisfreie Stadt' | 'Kreis'), so that e.g. the two Münchens differ."""
    frame = read_table("de_kreise_indicators_2015-2020.csv", dtype={"ags": str})
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
    frame = read_table("regions_districtlevel_DE_AT_CH_BZ.csv", dtype={"code": str})
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
    frame = read_table("de_gemeinden_destatis_gv.csv", dtype={"ags": str, "kreis_ags": str})
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
    frame = read_table("at_gemeinden_2021_gkz_centroids.csv", dtype={"gkz": str, "bkz": str})
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
    frame = read_table("ch_gemeinden_bfs_regionalportraets_2021.csv")
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
    frame = read_table("it_bz_gemeinden_pop2021.csv", dtype={"com_istat_code": str})
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
def all_areas() -> dict[str, Area]:
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

    areas = [area for area in all_areas().values() if area.country == country]
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
    return all_areas().get(area_id)


def district_name(area_id: str) -> str | None:
    found = all_areas().get(area_id)
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
    areas = all_areas()
    return [areas[area_id] for area_id in hits.id.head(limit)]
