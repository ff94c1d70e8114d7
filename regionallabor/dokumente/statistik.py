"""Charts of a region's figures: population trend, age pyramid and shares, the comparison strips, the Handlungsfelder radar."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from regionallabor.core.formatting import format_decimal, format_int
from regionallabor.dokumente.charts import (
    GREEN,
    GREEN_DARK,
    GREY,
    INK,
    MEN,
    MUTED,
    OCHRE,
    WOMEN,
    Chart,
    draw_chart,
    draw_svg,
    german_ticks,
)
from regionallabor.handlungsfelder import ALL_FIELDS, SHORT_LABELS

if TYPE_CHECKING:  # the modules hand their figures in; documents never import a module's domain
    from regionallabor.modul2.kennzahlen import AgeStructure, Comparison, Trend


def trend_svg(trend: Trend) -> str:
    """The population over the years as a line with its values."""

    def draw(figure, ax):
        ax.plot(trend.years, trend.values, color=GREEN, linewidth=2.5, marker="o", markersize=6)
        for year, value in zip(trend.years, trend.values):
            ax.annotate(
                format_int(value),
                (year, value),
                textcoords="offset points",
                xytext=(0, 9),
                ha="center",
                fontsize=9,
                color=INK,
            )
        low, high = min(trend.values), max(trend.values)
        pad = max((high - low) * 0.35, high * 0.01)
        ax.set_ylim(low - pad, high + pad)
        ax.set_xticks(trend.years)
        ax.set_xlim(trend.years[0] - 0.4, trend.years[-1] + 0.4)
        german_ticks(ax.yaxis)
        ax.set_ylabel(trend.label)
        ax.grid(axis="y", color="#ebe7de")

    return draw_svg(
        draw,
        9.0,
        3.0,
        f"Einwohner:innen {trend.years[0]}–{trend.years[-1]}",
        margins={"left": 0.11, "right": 0.98, "top": 0.95, "bottom": 0.1},
    )


def pyramid_svg(age: AgeStructure) -> str:
    """A population pyramid: bar length is people per year of age, so bands of different width compare fairly."""

    def draw(figure, ax):
        for (start, end), men, women in zip(age.bands, age.men, age.women):
            width = end - start
            ax.barh(start, -men / width, height=width, align="edge", color=MEN, edgecolor="white", linewidth=0.6)
            ax.barh(start, women / width, height=width, align="edge", color=WOMEN, edgecolor="white", linewidth=0.6)
        limit = max(max(m / (e - s), w / (e - s)) for (s, e), m, w in zip(age.bands, age.men, age.women)) * 1.15
        ax.set_xlim(-limit, limit)
        ax.set_ylim(0, age.bands[-1][1])
        ax.set_yticks([0, 10, 20, 30, 40, 50, 60, 70, 80])
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_int(abs(v))))
        ax.set_xlabel("Menschen je Altersjahr")
        ax.set_ylabel("Alter")
        ax.axvline(0, color="white", linewidth=1)
        ax.text(-limit * 0.95, age.bands[-1][1] * 0.93, "Männer", color=MEN, fontweight="bold")
        ax.text(limit * 0.95, age.bands[-1][1] * 0.93, "Frauen", color=WOMEN, fontweight="bold", ha="right")
        ax.grid(axis="x", color="#ebe7de")
        ax.set_axisbelow(True)

    return draw_svg(
        draw, 6.4, 4.2, f"Altersaufbau {age.year}", margins={"left": 0.1, "right": 0.97, "top": 0.97, "bottom": 0.13}
    )


def age_shares_svg(age: AgeStructure) -> str:
    """Age groups as one bar each, with their share in percent."""

    def draw(figure, ax):
        labels = [label for label, _ in age.shares]
        values = [value for _, value in age.shares]
        positions = list(range(len(labels)))[::-1]
        ax.barh(positions, values, color=[GREEN, GREY, OCHRE][: len(values)], height=0.6)
        for position, value in zip(positions, values):
            ax.text(value + 1, position, f"{format_decimal(value)} %", va="center")
        ax.set_yticks(positions, labels)
        ax.set_xlim(0, max(values) * 1.25)
        ax.set_xlabel("Anteil an allen Einwohner:innen in %")

    return draw_svg(
        draw, 7.0, 1.9, f"Altersgruppen {age.year}", margins={"left": 0.22, "right": 0.97, "top": 0.95, "bottom": 0.25}
    )


CHART_TICKS = 400  # the most peer ticks a comparison strip draws


def comparison_svg(comparisons: tuple[Comparison, ...]) -> str:
    """One strip per figure: every peer district as a tick, the median as a line, the region as a dot."""

    height = 1.0 * len(comparisons) + 0.2
    spacing = {"left": 0.02, "right": 0.98, "top": 1 - 0.32 / height, "bottom": 0.38 / height, "hspace": 1.6}

    def draw(figure, axes_unused):
        figure.clear()  # one row per figure instead of the single axes _render made
        rows = figure.subplots(len(comparisons), 1, squeeze=False, gridspec_kw=spacing)[:, 0]
        for ax, comparison in zip(rows, comparisons):
            values = sorted(comparison.peer_values)
            if len(values) > CHART_TICKS:  # thousands of Gemeinden: their quantiles draw the same spread
                values = [values[round(i * (len(values) - 1) / (CHART_TICKS - 1))] for i in range(CHART_TICKS)]
            # Density spans orders of magnitude: a log scale keeps villages and cities apart.
            if comparison.indicator.key == "density":
                ax.set_xscale("log")
            # All ticks as one path (NaN breaks the line): a few KB of SVG instead of one element per district.
            xs = [x for v in values for x in (v, v, math.nan)]
            ys = [y for _ in values for y in (-0.4, 0.4, math.nan)]
            ax.plot(xs, ys, color=GREY, linewidth=1)
            ax.set_ylim(-1, 1)
            ax.axvline(comparison.median, color=MUTED, linewidth=1.2, linestyle="--")
            ax.scatter(
                [comparison.indicator.value], [0], s=110, color=OCHRE, edgecolors=GREEN_DARK, linewidths=1.5, zorder=3
            )
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            ax.set_title(comparison.indicator.label, loc="left", fontsize=10, color=INK, fontweight="bold")
            digits = 0 if comparison.indicator.key in ("density", "population") else 1
            german_ticks(ax.xaxis, digits)
            if comparison.indicator.key == "density":
                from matplotlib.ticker import LogLocator

                ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))
            ax.minorticks_off()

    return draw_svg(draw, 9.0, height, "Vergleich mit den anderen Kreisen", margins=spacing)


def radar_svg(rounds: dict[int, dict[str, int | None]]) -> str:
    return radar_chart(rounds).svg


def radar_chart(rounds: dict[int, dict[str, int | None]], png: bool = False) -> Chart:
    """The Handlungsfelder profile: one polygon per round of ratings on a 1–5 web, clockwise from the top.

    Drawn on plain axes rather than matplotlib's polar projection, which costs more than twice as much
    per redraw – and this chart is redrawn on every click.
    """
    keys = list(ALL_FIELDS)
    angles = [math.pi / 2 - 2 * math.pi * i / len(keys) for i in range(len(keys))]
    styles = {1: (GREEN, "Erste Einschätzung", "-"), 2: (OCHRE, "Zweite Einschätzung", "--")}
    drawn = [number for number, ratings in sorted(rounds.items()) if any(ratings.get(key) for key in keys)]

    def at(radius: float, angle: float) -> tuple[float, float]:
        return radius * math.cos(angle), radius * math.sin(angle)

    def draw(figure, ax):
        ax.set_aspect("equal")
        ax.axis("off")
        for ring in range(1, 6):
            xs, ys = zip(*(at(ring, a) for a in angles + angles[:1]))
            ax.plot(xs, ys, color="#dedad0" if ring < 5 else GREY, linewidth=0.9)
            x, y = at(ring, math.pi / 2 - math.pi / len(keys))
            ax.text(x + 0.08, y, str(ring), fontsize=9, color=MUTED, va="center")
        for angle, key in zip(angles, keys):
            ax.plot(*zip((0, 0), at(5, angle)), color="#dedad0", linewidth=0.9)
            x, y = at(5.75, angle)
            ha = "center" if abs(x) < 0.5 else ("left" if x > 0 else "right")
            va = "bottom" if y > 4 else ("top" if y < -4 else "center")
            ax.text(x, y, SHORT_LABELS[key], fontsize=11.5, color=MUTED, ha=ha, va=va, multialignment="center")
        for number in drawn:
            ratings = rounds[number]
            color, label, line = styles[number]
            # An unrated field is a gap in the line, not a zero: a half-done round must not look like bad news.
            points = [at(ratings[key], a) if ratings.get(key) else (math.nan, math.nan) for key, a in zip(keys, angles)]
            xs, ys = zip(*(points + points[:1]))
            ax.plot(xs, ys, color=color, linewidth=2.2, linestyle=line, label=label)
            if not any(math.isnan(x) for x in xs):
                ax.fill(xs, ys, color=color, alpha=0.15)
            ax.plot(xs[:-1], ys[:-1], "o", color=color, markersize=5)
        ax.set_xlim(-10.4, 10.4)
        ax.set_ylim(-6.9, 6.9)
        if len(drawn) > 1:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False)

    return draw_chart(
        draw,
        5.6,
        4.4,
        "Profil der Handlungsfelder",
        margins={"left": 0.0, "right": 1.0, "top": 1.0, "bottom": 0.09},
        png=png,
    )
