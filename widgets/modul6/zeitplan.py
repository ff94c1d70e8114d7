"""Modul 6, tool „Zeitplan und Fortschritt“: the plan as a timeline, and progress per goal."""

from __future__ import annotations

from datetime import date
from html import escape

from regionallabor.core.messages import t
from regionallabor.core.model import Aktion, Wirkungslogik, Ziel
from regionallabor.dokumente.zeitplan import timeline_html
from regionallabor.modul5.wirkungslogik import logics
from regionallabor.modul6.aktionen import (
    actions,
    effect_indicators,
    overall_progress,
    progress_by_field,
    progress_by_goal,
    timeline_bars,
)
from regionallabor_widgets.base import WorkbookTool, heading, html


class ActionOverview(WorkbookTool):
    """Zeitplan und Fortschritt: the timeline of the dated actions and the progress per goal and field."""

    SHOWS = (Aktion.KIND, Ziel.KIND, Wirkungslogik.KIND)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, **kwargs)
        self.today = today
        self.rollup = html()
        self.timeline = html()
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
        stored_logics = logics(self.workbook)
        overall = overall_progress(action_list)
        self.rollup.value = (
            f"<div class='rl-rollup'><div class='rl-label'>{escape(t('overview.by_goal'))}</div>"
            + "".join(self._bar(r) + self._effect(r, stored_logics) for r in progress_by_goal(action_list, goal_list))
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
    def _effect(rollup, stored_logics) -> str:
        """Under a goal's bar: the indicators that tell its effect (Modul 5) – the bar itself is only output."""
        if rollup.goal_id is None:
            return ""
        logic = stored_logics.get(rollup.goal_id)
        shown = effect_indicators(logic.record if logic else None)
        text = t("overview.effect", indicators="; ".join(shown)) if shown else t("overview.no_effect_indicator")
        return f"<div class='rl-rollup-effect rl-help'>{escape(text)}</div>"

    @staticmethod
    def _bar(rollup) -> str:
        return (
            f"<div class='rl-rollup-row'><span class='rl-rollup-label'>{escape(rollup.label)}</span>"
            f"<div class='rl-progress'><span style='width:{rollup.percent}%'></span></div>"
            f"<span class='rl-progress-label'>{rollup.percent} %</span>"
            f"<span class='rl-rollup-count'>{escape(t('overview.done_of', done=rollup.done, count=rollup.actions))}"
            f"</span></div>"
        )
