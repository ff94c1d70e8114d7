"""Modul 6, tool „Zeitplan und Fortschritt“: the plan as a timeline, and progress per goal."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import ACTION_STATUSES, t
from regionallabor.core.model import Aktion, Ziel
from regionallabor.dokumente.zeitplan import month_ticks, timeline_span
from regionallabor.modul6.aktionen import actions, overall_progress, progress_by_field, progress_by_goal, timeline_bars
from widgets.base import WorkbookTool, heading


class ActionOverview(WorkbookTool):
    """Zeitplan und Fortschritt: the timeline of the dated actions and the progress per goal and field."""

    SHOWS = (Aktion.KIND, Ziel.KIND)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, **kwargs)
        self.today = today
        self.rollup = ipw.HTML()
        self.timeline = ipw.HTML()
        self._drawn: tuple | None = None
        self.children = [heading(t("overview.heading")), self.rollup, heading(t("overview.timeline"), 4), self.timeline]
        self.start()

    def refresh(self) -> None:
        today = self.today or date.today()
        action_list = [s.record for s in actions(self.workbook)]
        if not action_list:
            self.rollup.value = f"<div class='rl-muted'>{escape(t('overview.empty'))}</div>"
            self.timeline.value, self._drawn = "", None
            return
        goal_list = [s.record for s in self.workbook.list(Ziel)]
        overall = overall_progress(action_list)
        self.rollup.value = (
            f"<div class='rl-rollup'><div class='rl-label'>{escape(t('overview.by_goal'))}</div>"
            + "".join(self._bar(r) for r in progress_by_goal(action_list, goal_list))
            + f"<div class='rl-label'>{escape(t('overview.by_field'))}</div>"
            + "".join(self._bar(r) for r in progress_by_field(action_list))
            + f"<div class='rl-rollup-total'>{self._bar(overall)}</div></div>"
        )
        bars = timeline_bars(action_list, today)
        key = (tuple(bars), today)
        if key == self._drawn:
            return  # a change that moves no bar (a note, a partner) leaves the timeline as it is
        self._drawn = key
        undated = len(action_list) - len(bars)
        note = f"<div class='rl-help'>{escape(t('overview.undated', count=undated))}</div>" if undated else ""
        self.timeline.value = (
            f"<div class='rl-timeline'>{timeline_html(bars, today)}</div>{note}"
            if bars
            else f"<div class='rl-muted'>{escape(t('overview.no_dates'))}</div>"
        )

    @staticmethod
    def _bar(rollup) -> str:
        return (
            f"<div class='rl-rollup-row'><span class='rl-rollup-label'>{escape(rollup.label)}</span>"
            f"<div class='rl-progress'><span style='width:{rollup.percent}%'></span></div>"
            f"<span class='rl-progress-label'>{rollup.percent} %</span>"
            f"<span class='rl-rollup-count'>{escape(t('overview.done_of', done=rollup.done, count=rollup.actions))}"
            f"</span></div>"
        )


def timeline_html(bars, today: date) -> str:
    """The plan's timeline for the page, as HTML: one row per action, drawn by the browser in a few milliseconds.

    The same bars as the Regionalprofil's chart (``charts.timeline_chart``), which a status click would take
    half a second to redraw with a hundred actions.
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
        f"<div class='rl-gantt'><div class='rl-gantt-row rl-gantt-head'><span class='rl-gantt-label'></span>"
        f"<span class='rl-gantt-track'>{ticks}{today_line}</span></div>{''.join(rows)}</div>"
    )
