"""The action plan as a timeline chart: one bar per action, coloured by status, with months and today."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import ACTION_STATUSES, t
from regionallabor.dokumente.charts import GREEN, GREEN_DARK, GREY, MUTED, OCHRE, Chart, draw_chart, shortened

if TYPE_CHECKING:  # the modules hand their figures in; documents never import a module's domain
    from regionallabor.modul6.aktionen import TimelineBar

GERMAN_MONTHS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


STATUS_COLOURS = {"idee": GREY, "geplant": "#8fbfa3", "laeuft": GREEN, "erledigt": GREEN_DARK, "pausiert": "#d8d2c4"}


OVERDUE = "#b8432f"

# The HTML timeline's look, sent with it: it is shown on pages, in snapshots and in standalone HTML files alike.
TIMELINE_STYLE = f"""<style>
.rl-gantt {{ position: relative; overflow: hidden; display: flex; flex-direction: column; gap: 3px;
            padding: 4px 10px 8px 0; }}
.rl-gantt-row {{ display: flex; align-items: center; min-height: 22px; }}
.rl-gantt-label {{ flex: 0 0 260px; max-width: 40%; padding-right: 10px; text-align: right; font-size: 13.5px;
                  color: {MUTED}; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }}
.rl-gantt-track {{ position: relative; flex: 1 1 auto; height: 22px; border-left: 1px solid #d9d4c7;
                  border-bottom: 1px solid #f1eee6; }}
.rl-gantt-head .rl-gantt-track {{ height: 34px; border-left: none; border-bottom: none; }}
.rl-gantt-tick {{ position: absolute; top: 0; font-size: 12px; color: {MUTED}; line-height: 1.15;
                 transform: translateX(-50%); text-align: center; }}
.rl-gantt-today {{ position: absolute; top: 0; height: 2000px; border-left: 2px dashed {OCHRE}; z-index: 1;
                  pointer-events: none; }}
.rl-gantt-today > span {{ position: absolute; top: 18px; left: 4px; font-size: 12px; color: {OCHRE}; }}
.rl-gantt-bar {{ position: absolute; top: 4px; height: 14px; border-radius: 4px; }}
.rl-gantt-due {{ position: absolute; top: 5px; width: 11px; height: 11px; transform: translateX(-50%) rotate(45deg);
                border: 1.5px solid {GREEN_DARK}; box-sizing: border-box; }}
{"".join(f".rl-gantt-{status} {{ background: {colour}; }}" + chr(10) for status, colour in STATUS_COLOURS.items())}
.rl-gantt-overdue {{ outline: 2px solid {OVERDUE}; outline-offset: 1px; }}
@media print {{ .rl-gantt {{ break-inside: avoid; }} }}
</style>"""


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


def timeline_html(bars, today: date) -> str:
    """The plan's timeline as HTML with its own style: one row per action, drawn by the browser in a few
    milliseconds – on Modul 6's page, in a worksheet's snapshot and in the Regionalprofil's HTML alike.

    matplotlib draws the same bars for the PDF only (``timeline_chart``): on the page a status click took half
    a second to redraw a hundred actions, and a worksheet's autograde spent most of its second importing it.
    """
    first, last = timeline_span(bars, today)
    days = (last - first).days or 1

    def at(day: date) -> float:
        return (day - first).days / days * 100

    ticks = "".join(
        f"<span class='rl-gantt-tick' style='left:{at(m):.2f}%'>{escape(label.split(chr(10))[0])}"
        f"{'<br>' + escape(label.split(chr(10))[1]) if chr(10) in label else ''}</span>"
        for m, label in month_ticks(first, last)
    )
    rows = []
    for bar in bars:
        state = f"rl-gantt-{bar.status}{' rl-gantt-overdue' if bar.overdue else ''}"
        span = f"{format_date(bar.start.isoformat())} – " if bar.start else t("actions.until", date="")
        tip = escape(f"{bar.label}: {span}{format_date(bar.end.isoformat())} · {ACTION_STATUSES[bar.status]}")
        if bar.start is None:
            mark = f"<span class='rl-gantt-due {state}' style='left:{at(bar.end):.2f}%' title='{tip}'></span>"
        else:
            width = max(at(bar.end) - at(bar.start), 0.6)
            mark = f"<span class='rl-gantt-bar {state}' style='left:{at(bar.start):.2f}%;width:{width:.2f}%' title='{tip}'></span>"
        rows.append(
            f"<div class='rl-gantt-row'><span class='rl-gantt-label' title='{escape(bar.label)}'>"
            f"{escape(bar.label)}</span><span class='rl-gantt-track'>{mark}</span></div>"
        )
    today_line = (
        f"<span class='rl-gantt-today' style='left:{at(today):.2f}%'><span>{escape(t('overview.today'))}</span></span>"
    )
    return (
        f"{TIMELINE_STYLE}<div class='rl-gantt'><div class='rl-gantt-row rl-gantt-head'><span class='rl-gantt-label'></span>"
        f"<span class='rl-gantt-track'>{ticks}{today_line}</span></div>{''.join(rows)}</div>"
    )
