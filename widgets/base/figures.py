"""Key figures as boxes, and the source line under every figure, chart and table."""

from __future__ import annotations

from html import escape

from regionallabor.core.formatting import format_decimal, format_int
from regionallabor.core.messages import t
from regionallabor.refdata import Figures


def figures_html(figures: Figures) -> str:
    """Population, area and density as three boxes, with date and source, and what the data lacks."""
    population, area_km2, density = figures.population, figures.area_km2, figures.density
    if population is None and area_km2 is None:
        return f"<div class='rl-muted'>{escape(t('region.figures_none'))}</div>"
    cells = [
        (format_int(population) if population is not None else "–", t("region.population")),
        (f"{format_decimal(area_km2)} km²" if area_km2 is not None else "–", t("region.area")),
        (format_int(density) if density is not None else "–", t("region.density")),
    ]
    boxes = "".join(
        f"<div class='rl-figure'><div class='rl-figure-value'>{escape(v)}</div>"
        f"<div class='rl-figure-label'>{escape(caption)}</div></div>"
        for v, caption in cells
    )
    notes_html = ""
    if figures.missing_population:
        missing = t("region.population_missing", names=", ".join(figures.missing_population))
        notes_html = f"<div class='rl-notice rl-notice-warning'>{escape(missing)}</div>"
    return f"<div class='rl-figures'>{boxes}</div>{source_line(figures.stand, figures.sources)}{notes_html}"


def source_line(stand: str | None, sources) -> str:
    """'Stand 31.12.2020 · Quelle: …' under every figure, chart and table."""
    text = f"Stand {escape(stand)} · " if stand else ""
    return f"<div class='rl-source'>{text}Quelle: {escape('; '.join(sources))}</div>"
