"""Boundaries: a region's shape for the map, and the districts around it.

The boundaries (638 districts, 116 South Tyrolean Gemeinden) come from ``grenzen.sqlite3``, shipped beside
the GeoJSON files it is built from (``grenzen.rebuild()`` builds it again; a test checks it is current).
A page reads only the features it draws: parsing both GeoJSON files cost every Modul 1 kernel ≈ 0.5 s
and ≈ 11 MB.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regionallabor.refdata.gebiete import DATA, DISTRICT_COUNTRY, Area

SOURCES = ("regions_districtlevel_DE_AT_CH_BZ.geojson", "it_bz_gemeinden_2023.geojson")
BOUNDARIES = "grenzen.sqlite3"
SCHEMA = """
CREATE TABLE boundary (
    id TEXT PRIMARY KEY, country TEXT NOT NULL, is_district INTEGER NOT NULL, name TEXT NOT NULL,
    west REAL NOT NULL, south REAL NOT NULL, east REAL NOT NULL, north REAL NOT NULL, geometry TEXT NOT NULL
)
"""


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    xs, ys = [], []

    def walk(coords):
        if isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for part in coords:
                walk(part)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def source_rows() -> Iterator[tuple]:
    """The table's rows, read from the GeoJSON files: (id, country, is_district, name, bbox…, geometry)."""
    districts, gemeinden = (json.loads((DATA / name).read_bytes())["features"] for name in SOURCES)
    keyed = [
        *((f["properties"]["region_id"], DISTRICT_COUNTRY[f["properties"]["country"]], 1, f) for f in districts),
        *((f"IT-G-{f['properties']['com_istat_code']}", "BZ", 0, f) for f in gemeinden),
    ]
    for area_id, country, is_district, feature in keyed:
        geometry = feature["geometry"]
        yield (
            area_id,
            country,
            is_district,
            feature["properties"]["name"],
            *_bbox(geometry),
            json.dumps(geometry, separators=(",", ":")),
        )


def rebuild() -> Path:
    """Build the shipped ``grenzen.sqlite3`` again after the GeoJSON files changed."""
    target = Path(str(DATA / BOUNDARIES))
    build_boundaries(target)
    return target


def build_boundaries(target: Path) -> None:
    """Write the boundaries table to ``target`` (replaced only when complete)."""
    partial = target.with_name(target.name + ".teil")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as conn:
        conn.execute(SCHEMA)
        conn.executemany("INSERT INTO boundary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", source_rows())
    conn.close()
    partial.replace(target)


@cache
def _boundaries() -> sqlite3.Connection:
    path = Path(str(DATA / BOUNDARIES))
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _feature(row: tuple) -> dict:
    area_id, name, west, south, east, north, geometry = row
    return {
        "type": "Feature",
        "properties": {"id": area_id, "name": name},
        "geometry": json.loads(geometry),
        "bbox": [west, south, east, north],
    }


COLUMNS = "id, name, west, south, east, north, geometry"


def polygon(area_id: str) -> dict | None:
    """The boundary of a district (or a South Tyrolean Gemeinde) as a GeoJSON feature, if shipped."""
    row = _boundaries().execute(f"SELECT {COLUMNS} FROM boundary WHERE id = ?", (area_id,)).fetchone()
    return _feature(row) if row else None


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

    @property
    def center(self) -> tuple[float, float] | None:
        """(lat, lon) in the middle of the bounds; None without any area drawn."""
        if self.bounds is None:
            return None
        (south, west), (north, east) = self.bounds
        return (south + north) / 2, (west + east) / 2


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
    rows = _boundaries().execute(
        f"SELECT {COLUMNS} FROM boundary WHERE is_district AND country = ?"
        " AND west <= ? AND east >= ? AND south <= ? AND north >= ? ORDER BY rowid",
        (country, east + margin, west - margin, north + margin, south - margin),
    )
    return [_feature(row) for row in rows]
