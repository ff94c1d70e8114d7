"""Charts as SVG text, drawn with matplotlib: the same picture on the course page, in a worksheet and in a PDF.

No pyplot: each chart is its own ``Figure`` on an SVG canvas, so kernels keep no global plotting state.
Text stays text in the SVG (``svg.fonttype = none``): it is crisp, small, searchable and extractable.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from regionallabor.core.formatting import format_decimal, format_int
from regionallabor.handlungsfelder import ALL_FIELDS, SHORT_LABELS

if TYPE_CHECKING:  # the modules hand their figures in; documents never import a module's domain
    from regionallabor.modul2.kennzahlen import AgeStructure, Comparison, Trend
    from regionallabor.modul6.aktionen import TimelineBar

GREEN = "#2f6f4e"
GREEN_DARK = "#1f4d36"
OCHRE = "#d9922e"
GREY = "#b9c4bd"
INK = "#1f2a24"
MUTED = "#5d6b63"
MEN = "#4a7fa8"
WOMEN = "#c0674a"

STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial"],
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": GREY,
    "axes.labelcolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _figure(width: float, height: float, margins: dict | None, **subplot):
    from matplotlib.figure import Figure  # imported on first chart: pages without charts load faster

    # Fixed margins where the layout is known: constrained layout costs a second drawing pass.
    figure = Figure(figsize=(width, height), layout=None if margins else "constrained")
    if margins:
        figure.subplots_adjust(**margins)
    return figure, figure.add_subplot(**subplot)


def _svg(figure, title: str) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    # Responsive: the page decides the width; the viewBox keeps the proportions.
    svg = re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"',
        rf'<svg\1 class="rl-chart" role="img" aria-label="{escape(title)}"',
        svg,
        count=1,
    )
    return svg


def _german_ticks(axis, digits: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: format_int(v) if digits == 0 else format_decimal(v, digits)))


@dataclass(frozen=True)
class Chart:
    """A chart for every medium: SVG for pages and HTML, PNG (if asked for) for the PDF, and its proportions."""

    svg: str
    png: bytes | None
    aspect: float  # height / width


def _png(figure) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="png", dpi=150, facecolor="white")
    return buffer.getvalue()


def _chart(
    draw, width: float, height: float, title: str, margins: dict | None = None, png: bool = False, **subplot
) -> Chart:
    import matplotlib

    with matplotlib.rc_context(STYLE):
        figure, axes = _figure(width, height, margins, **subplot)
        draw(figure, axes)
    return Chart(_svg(figure, title), _png(figure) if png else None, height / width)


def _render(draw, width: float, height: float, title: str, margins: dict | None = None, **subplot) -> str:
    return _chart(draw, width, height, title, margins, **subplot).svg


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
        _german_ticks(ax.yaxis)
        ax.set_ylabel(trend.label)
        ax.grid(axis="y", color="#ebe7de")

    return _render(
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

    return _render(
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

    return _render(
        draw, 7.0, 1.9, f"Altersgruppen {age.year}", margins={"left": 0.22, "right": 0.97, "top": 0.95, "bottom": 0.25}
    )


def comparison_svg(comparisons: tuple[Comparison, ...]) -> str:
    """One strip per figure: every peer district as a tick, the median as a line, the region as a dot."""

    height = 1.0 * len(comparisons) + 0.2
    spacing = {"left": 0.02, "right": 0.98, "top": 1 - 0.32 / height, "bottom": 0.38 / height, "hspace": 1.6}

    def draw(figure, axes_unused):
        figure.clear()  # one row per figure instead of the single axes _render made
        rows = figure.subplots(len(comparisons), 1, squeeze=False, gridspec_kw=spacing)[:, 0]
        for ax, comparison in zip(rows, comparisons):
            values = sorted(comparison.peer_values)
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
            digits = 0 if comparison.indicator.key == "density" else 1
            _german_ticks(ax.xaxis, digits)
            if comparison.indicator.key == "density":
                from matplotlib.ticker import LogLocator

                ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))
            ax.minorticks_off()

    return _render(draw, 9.0, height, "Vergleich mit den anderen Kreisen", margins=spacing)


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

    return _chart(
        draw,
        5.6,
        4.4,
        "Profil der Handlungsfelder",
        margins={"left": 0.0, "right": 1.0, "top": 1.0, "bottom": 0.09},
        png=png,
    )


GERMAN_MONTHS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")
STATUS_COLOURS = {"idee": GREY, "geplant": "#8fbfa3", "laeuft": GREEN, "erledigt": GREEN_DARK, "pausiert": "#d8d2c4"}
OVERDUE = "#b8432f"


def _month_starts(first: date, last: date) -> list[date]:
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def timeline_span(bars: list[TimelineBar], today: date) -> tuple[date, date]:
    """The dates a timeline shows: every bar and today, with a week's margin."""
    return (
        min([b.start or b.end for b in bars] + [today]) - timedelta(days=7),
        max([b.end for b in bars] + [today]) + timedelta(days=7),
    )


def month_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """At most about twelve month starts between two dates, labelled „Mär“ (with the year at January and the first)."""
    months = _month_starts(first, last)
    shown = months[:: max(1, len(months) // 12)]
    return [
        (m, f"{GERMAN_MONTHS[m.month - 1]}{chr(10) + str(m.year) if m.month == 1 or m == shown[0] else ''}")
        for m in shown
    ]


def timeline_chart(bars: list[TimelineBar], today: date, png: bool = False) -> Chart:
    """A Gantt-like plan: one row per action from start to due date, coloured by status, overdue ones in red."""
    first, last = timeline_span(bars, today)
    height = 0.7 + 0.32 * len(bars)

    def draw(figure, ax):
        origin = first.toordinal()
        rows = [len(bars) - 1 - row for row in range(len(bars))]
        spans = [(y, bar) for y, bar in zip(rows, bars) if bar.start is not None]
        # One call per kind of mark: a hundred single barh calls cost ten times as much.
        ax.barh(
            [y for y, _ in spans],
            [max((b.end - b.start).days, 1) for _, b in spans],
            left=[b.start.toordinal() - origin for _, b in spans],
            height=0.56,
            color=[STATUS_COLOURS[b.status] for _, b in spans],
            edgecolor=[OVERDUE if b.overdue else "none" for _, b in spans],
            linewidth=[1.8 if b.overdue else 0 for _, b in spans],
        )
        due_only = [(y, bar) for y, bar in zip(rows, bars) if bar.start is None]
        if due_only:
            ax.scatter(
                [b.end.toordinal() - origin for _, b in due_only],
                [y for y, _ in due_only],
                marker="D",
                s=52,
                c=[STATUS_COLOURS[b.status] for _, b in due_only],
                edgecolors=[OVERDUE if b.overdue else GREEN_DARK for _, b in due_only],
                linewidths=1.6,
                zorder=3,
            )
        ticks = month_ticks(first, last)
        ax.set_xticks([m.toordinal() - origin for m, _ in ticks], [label for _, label in ticks])
        ax.set_xlim(0, (last - first).days)
        ax.axvline(today.toordinal() - origin, color=OCHRE, linewidth=1.6, linestyle="--")
        ax.text(today.toordinal() - origin, len(bars) - 0.35, " heute", color=OCHRE, fontsize=9, va="bottom")
        # Labels as plain text left of the axes: a y tick per action would build a hundred Tick objects.
        ax.set_yticks([])
        for y, bar in zip(rows, bars):
            ax.text(
                -0.01,
                y,
                _short(bar.label),
                transform=ax.get_yaxis_transform(),
                ha="right",
                va="center",
                fontsize=10,
                color=MUTED,
            )
        ax.set_ylim(-0.7, len(bars) - 0.3)
        ax.grid(axis="x", color="#ebe7de")
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)

    return _chart(
        draw,
        9.0,
        height,
        "Zeitplan der Aktionen",
        margins={"left": 0.3, "right": 0.98, "top": 1 - 0.3 / height, "bottom": 0.45 / height},
        png=png,
    )


def _short(text: str, limit: int = 36) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(x, y) for x, y, *_ in polygon[0]] for polygon in polygons]


def region_map_chart(
    features: list[dict], context: list[dict], points: list[tuple[str, float, float]], title: str, png: bool = False
) -> Chart:
    """The region's areas (filled), the districts around them (outlines) and Gemeinden without a boundary (dots)."""
    from matplotlib.collections import PolyCollection

    lons = [x for f in features for ring in _rings(f["geometry"]) for x, _ in ring] + [lon for _, _, lon in points]
    lats = [y for f in features for ring in _rings(f["geometry"]) for _, y in ring] + [lat for _, lat, _ in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad = max(east - west, north - south) * 0.12 + 0.03
    ratio = math.cos(math.radians((south + north) / 2))  # degrees of longitude are shorter than of latitude
    aspect = min(max((north - south + 2 * pad) / ((east - west + 2 * pad) * ratio), 0.45), 1.4)

    def draw(figure, ax):
        ax.add_collection(
            PolyCollection(
                [r for f in context for r in _rings(f["geometry"])], facecolor="#f3f1ea", edgecolor=GREY, linewidth=0.6
            )
        )
        ax.add_collection(
            PolyCollection(
                [r for f in features for r in _rings(f["geometry"])],
                facecolor="#cfe3d6",
                edgecolor=GREEN,
                linewidth=1.6,
            )
        )
        for _name, lat, lon in points:
            ax.plot([lon], [lat], "o", color=OCHRE, markeredgecolor=GREEN_DARK, markersize=7)
        for feature in features:
            ring = max(_rings(feature["geometry"]), key=len)
            xs, ys = zip(*ring)
            ax.text(
                sum(xs) / len(xs),
                sum(ys) / len(ys),
                feature["properties"]["name"],
                fontsize=9,
                color=GREEN_DARK,
                ha="center",
                va="center",
            )
        ax.set_xlim(west - pad, east + pad)
        ax.set_ylim(south - pad, north + pad)
        ax.set_aspect(1 / ratio)
        ax.axis("off")

    return _chart(
        draw, 6.0, 6.0 * aspect, title, margins={"left": 0.01, "right": 0.99, "top": 0.99, "bottom": 0.01}, png=png
    )
