"""Boundaries: a region's shape for the map, and the districts around it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from regionallabor.refdata.gebiete import DATA, Area, area

if TYPE_CHECKING:
    pass


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
