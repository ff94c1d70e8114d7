"""Modul 1: the team's region – its key figures summed from its areas, the team's own figures taking precedence."""

from __future__ import annotations

from dataclasses import replace

from regionallabor.core.messages import t
from regionallabor.core.model import Region
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
