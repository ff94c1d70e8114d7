"""Modul 1: the team's region – its key figures summed from its areas, the team's own figures taking precedence."""

from __future__ import annotations

from dataclasses import replace

from regionallabor import refdata
from regionallabor.core.messages import t
from regionallabor.core.model import Region
from regionallabor.dokumente.karte import Place, RegionMap, map_aspect
from regionallabor.refdata import Figures, summarize


def region_figures(region: Region) -> Figures:
    """The region's key figures: summed from its areas, with the team's own figures taking precedence."""
    figures = summarize(region.area_ids)
    own = region.own_figures
    if own is None:
        return figures
    return replace(
        figures,
        population=own.population if own.population is not None else figures.population,
        area_km2=own.area_km2 if own.area_km2 is not None else figures.area_km2,
        stand=str(own.year),
        sources=(t("region.own_source", source=own.source), *figures.sources),
        missing_population=() if own.population is not None else figures.missing_population,
    )


def region_map_content(areas: list[refdata.Area], shape: refdata.RegionShape | None = None) -> RegionMap | None:
    """The region and its surroundings; None before an area is chosen. A Gemeinde is shown within its whole
    district, with the district's other Gemeinden as named dots – the shipped data has no Gemeinde boundaries."""
    shape = shape or refdata.region_shape(areas)
    if shape.bounds is None:
        return None
    chosen = {a.id for a in areas}
    places = [
        Place(g.name, g.lat, g.lon, g.population or 0)
        for parent in shape.parents
        for g in refdata.gemeinden_in(parent["properties"]["id"])
        if g.id not in chosen
    ]
    (south, west), (north, east) = refdata.bounds_of(
        shape.polygons + shape.parents, [(a.lat, a.lon) for a in shape.points]
    )
    pad = max(north - south, east - west) * 0.06 + 0.01
    bounds = ((south - pad, west - pad), (north + pad, east + pad))
    drawn = shape.polygon_ids | {p["properties"]["id"] for p in shape.parents}
    context = [
        f
        for c in sorted({a.country for a in areas})
        for f in refdata.neighbouring_districts(c, bounds, 0.3)
        if f["properties"]["id"] not in drawn
    ]
    points = [(a.name, a.lat, a.lon) for a in shape.points]
    return RegionMap(shape.polygons, shape.parents, context, points, places, bounds)


def region_map(areas: list[refdata.Area], title: str, shape: refdata.RegionShape | None = None) -> str | None:
    """The region as the page and every HTML document draw it (plain SVG); None before an area is chosen."""
    content = region_map_content(areas, shape)
    if content is None:
        return None
    height = round(720 * map_aspect(content.bounds, 0.5, 0.6))
    return content.svg(title, height=height)
