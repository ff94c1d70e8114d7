"""A region's key figures summed from its areas: population, area, density, with date and sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from regionallabor.core.formatting import format_date
from regionallabor.refdata.gebiete import ATTRIBUTION, Area, area

if TYPE_CHECKING:
    pass


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
