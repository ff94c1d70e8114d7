"""The Kohorten-Übersicht for the Begleitteam: every team × every worksheet, a team's latest snapshot on a click."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import ipywidgets as ipw

from regionallabor.arbeitsblaetter.kohorte import TeamRow, WorksheetState, cohort, latest_snapshot
from regionallabor.arbeitsblaetter.snapshot import SnapshotError, snapshot_html
from regionallabor.arbeitsblaetter.vernetzung import publish_map
from regionallabor.core.formatting import format_timestamp
from regionallabor.core.messages import t
from regionallabor.core.paths import EXERCISES_DIR
from regionallabor.course import MODULES
from regionallabor.kursrahmen import FrameError, frame_path, load_frame
from regionallabor_widgets.base import GuardedActions, Notice, button, css, heading, html

ALL = ""


def course_folder() -> Path:
    """The nbgrader course: $REGIONALLABOR_KURS, else the course's own exercises/ folder."""

    return Path(os.environ.get("REGIONALLABOR_KURS") or EXERCISES_DIR)


class CohortOverview(GuardedActions, ipw.VBox):
    def __init__(self, course: Path | str | None = None, **kwargs):
        super().__init__(**kwargs)
        css(self, "rl-card", "rl-tool", "rl-cohort")
        self.course = Path(course) if course else course_folder()
        self.notice = Notice()
        self.region = ipw.Dropdown(description=t("cohort.filter"), style={"description_width": "initial"})
        self.on_value(self.region, lambda _: self.draw())
        self.reload = button(t("cohort.reload"), "quiet")
        self.on_click(self.reload, self.refresh)
        self.publish = button(t("network.publish"), "quiet", tooltip=t("network.publish_help"))
        self.on_click(self.publish, self.publish_map)
        self.summary = html()
        self.grid = ipw.GridBox(
            layout=ipw.Layout(
                grid_template_columns="minmax(150px, 1.3fr) minmax(140px, 1fr) repeat(6, minmax(96px, 1fr))",
                grid_gap="4px 6px",
                align_items="center",
            )
        )
        css(self.grid, "rl-cohort-grid")
        self.detail = html()
        self.rows: list[TeamRow] = []
        self.children = [
            heading(t("cohort.heading")),
            ipw.HBox([self.region, self.reload, self.publish]),
            self.summary,
            self.notice,
            self.grid,
            self.detail,
        ]
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = cohort(self.course)
        except Exception as error:  # a missing or broken gradebook must not take the page down
            self.rows = []
            self.notice.show("error", t("cohort.unreadable", course=str(self.course), detail=str(error)))
        regions = sorted({row.weggemeinschaft for row in self.rows if row.weggemeinschaft})
        options = [(t("cohort.all_regions"), ALL), *((region, region) for region in regions)]
        if list(self.region.options) != options:
            current = self.region.value
            self.region.options = options
            self.region.value = current if current in dict(options).values() else ALL
        self.draw()

    def publish_map(self) -> None:
        """The Vernetzungslandkarte from the teams' Modul 1 snapshots: for sending, and on a hub for every team."""
        frame_file = frame_path()
        try:
            frame = load_frame()
        except FrameError:
            frame = None
        cohort = frame.kohorte.name if frame is not None and frame.kohorte is not None else ""
        handed_in, shown, files = publish_map(self.course, cohort, frame_file.parent if frame_file else None)
        self.notice.show(
            "success", t("network.published", shown=shown, handed_in=handed_in, files=", ".join(str(f) for f in files))
        )

    def shown(self) -> list[TeamRow]:
        return [row for row in self.rows if self.region.value in (ALL, row.weggemeinschaft)]

    def draw(self) -> None:
        rows = self.shown()
        header = [
            html(f"<div class='rl-cohort-head'>{escape(text)}</div>")
            for text in (t("cohort.team"), t("cohort.weggemeinschaft"), *(f"Modul {m.number}" for m in MODULES))
        ]
        cells: list[ipw.Widget] = header
        for row in rows:
            open_team = button(row.team, "quiet", tooltip=t("cohort.show", team=row.team))
            self.on_click(open_team, lambda row=row: self.show(row))
            cells += [open_team, html(escape(row.weggemeinschaft or "–"))]
            cells += [html(_state_html(row.worksheets.get(m.number))) for m in MODULES]
        self.grid.children = cells
        submitted = sum(len(row.worksheets) for row in rows)
        self.summary.value = (
            f"<div class='rl-help'>{escape(t('cohort.summary', teams=len(rows), worksheets=submitted))}</div>"
            if rows
            else f"<div class='rl-empty'>{escape(t('cohort.empty'))}</div>"
        )

    def show(self, row: TeamRow) -> None:
        try:
            snapshot = latest_snapshot(self.course, row)
        except SnapshotError as error:
            self.detail.value = f"<div class='rl-notice rl-notice-warning'>{escape(str(error))}</div>"
            return
        if snapshot is None:
            self.detail.value = (
                f"<div class='rl-notice rl-notice-warning'>{escape(t('cohort.no_snapshot', team=row.team))}</div>"
            )
            return
        self.detail.value = (
            f"<div class='rl-cohort-detail'>{_history_html(row)}"
            f"<h3>{escape(t('cohort.detail', team=row.team, module=snapshot.module))}</h3>"
            f"{snapshot_html(snapshot)}</div>"
        )


def _state_html(state: WorksheetState | None) -> str:
    if state is None or not state.submitted:
        return f"<span class='rl-cohort-none' title='{escape(t('cohort.not_submitted'))}'>–</span>"
    check = {
        True: ("ok", t("cohort.check_ok")),
        False: ("open", t("cohort.check_open")),
        None: ("wait", t("cohort.check_wait")),
    }[state.selbstcheck]
    feedback = _feedback_text(state, "cohort.returned", "cohort.written", "cohort.no_feedback", _day)
    count = len(state.history)
    times = ", ".join(_short(when) for when in state.history)
    history = (
        f"<div class='rl-cohort-history' title='{escape(times)}'>{escape(t('cohort.submissions', count=count))}</div>"
        if count > 1
        else ""
    )
    return (
        f"<div class='rl-cohort-cell'><div>{escape(_short(state.submitted_at))}</div>{history}"
        f"<span class='rl-cohort-check rl-cohort-{check[0]}'>{escape(check[1])}</span>"
        f"<div class='rl-cohort-feedback'>{escape(feedback)}</div></div>"
    )


def _history_html(row: TeamRow) -> str:
    """Every worksheet the team handed in: each submission's time and what came back."""
    items = []
    for module in MODULES:
        state = row.worksheets.get(module.number)
        if state is None or not state.submitted:
            continue
        feedback = _feedback_text(
            state, "cohort.history_returned", "cohort.history_written", "cohort.history_no_feedback", _short
        )
        times = ", ".join(_short(when) for when in state.history or (state.submitted_at,))
        items.append(
            f"<li><strong>{escape(t('cohort.history_module', number=module.number, title=module.title))}</strong>"
            f" – {escape(t('cohort.history_submitted', times=times))}; {escape(feedback)}</li>"
        )
    return f"<h3>{escape(t('cohort.history'))}</h3><ul class='rl-cohort-verlauf'>{''.join(items)}</ul>"


def _feedback_text(state: WorksheetState, returned: str, written: str, none: str, moment) -> str:
    if state.feedback == "returned":
        return t(returned, when=moment(state.feedback_returned_at))
    return t(written if state.feedback == "written" else none)


def _short(iso: str) -> str:
    when = format_timestamp(_aware(iso))  # "23.11.2026, 21:24" -> "23.11., 21:24"
    return when[:6] + when[10:]


def _day(iso: str) -> str:
    return format_timestamp(_aware(iso))[:6]  # "23.11."


def _aware(iso: str) -> str:
    return iso if "+" in iso or iso.endswith("Z") else iso + "+00:00"  # nbgrader keeps UTC without an offset
