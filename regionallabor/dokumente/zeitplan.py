"""The action plan as a timeline chart: one bar per action, coloured by status, with months and today."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from regionallabor.dokumente.charts import GREEN, GREEN_DARK, GREY, MUTED, OCHRE, Chart, draw_chart, shortened

if TYPE_CHECKING:  # the modules hand their figures in; documents never import a module's domain
    from regionallabor.modul6.aktionen import TimelineBar

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
                shortened(bar.label),
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

    return draw_chart(
        draw,
        9.0,
        height,
        "Zeitplan der Aktionen",
        margins={"left": 0.3, "right": 0.98, "top": 1 - 0.3 / height, "bottom": 0.45 / height},
        png=png,
    )
