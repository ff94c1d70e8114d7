"""Modul 1: the team's region – its key figures summed from its areas, the team's own figures taking precedence."""

from __future__ import annotations

from dataclasses import replace

from regionallabor import refdata
from regionallabor.core.messages import t
from regionallabor.core.model import Region
from regionallabor.dokumente.karte import region_map_svg
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


def region_map(areas: list[refdata.Area], title: str, shape: refdata.RegionShape | None = None) -> str | None:
    """The region as the page and every HTML document draw it (plain SVG); None before an area is chosen.

    The chosen areas, Gemeinden without a boundary as points within their whole district, the districts around.
    ``shape`` is the areas' shape when the caller has read it already.
    """
    shape = shape or refdata.region_shape(areas)
    if shape.bounds is None:
        return None
    countries = sorted({a.country for a in areas})
    drawn = shape.polygon_ids | {p["properties"]["id"] for p in shape.parents}
    context = [
        f
        for c in countries
        for f in refdata.neighbouring_districts(c, shape.bounds)
        if f["properties"]["id"] not in drawn
    ]
    (south, west), (north, east) = refdata.bounds_of(
        shape.polygons + shape.parents, [(a.lat, a.lon) for a in shape.points]
    )
    pad = 0.02
    return region_map_svg(
        shape.polygons,
        shape.parents,
        context,
        [(a.name, a.lat, a.lon) for a in shape.points],
        ((south - pad, west - pad), (north + pad, east + pad)),
        title,
    )
