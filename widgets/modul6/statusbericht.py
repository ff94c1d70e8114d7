"""Modul 6, tool „Statusbericht“: a report to the hosting team, prefilled from the workbook, with its history."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Statusbericht
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul6.statusbericht import (
    draft,
    history,
    prefilled,
    report_document,
    report_stem,
    send,
    start_draft,
)
from regionallabor_widgets.base import WorkbookTool, button, css, document_downloads, heading, html, labelled, muted


class StatusReport(WorkbookTool):
    """The regular short report: a draft prefilled from the workbook, edited and saved per keystroke, then sent."""

    SHOWS = (Statusbericht.KIND,)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, **kwargs)
        self.today = today
        self.stored: Stored[Statusbericht] | None = None
        self.begin = button(t("report.begin"), "primary")
        self.on_click(self.begin, self.start_report)
        self.fields = {
            "phase": ipw.Text(layout=ipw.Layout(width="100%")),
            "achievements": ipw.Textarea(layout=ipw.Layout(width="100%", height="130px")),
            "next_steps": ipw.Textarea(layout=ipw.Layout(width="100%", height="110px")),
            "support": ipw.Textarea(
                placeholder=t("report.support_placeholder"), layout=ipw.Layout(width="100%", height="80px")
            ),
        }
        for key, widget in self.fields.items():
            self.on_value(widget, lambda new, key=key: self.edit(key, new))
        self.refill = button(t("report.refill"), "quiet")
        self.on_click(self.refill, self.fill_from_workbook)
        self.send_button = button(t("report.send"), "primary")
        self.on_click(self.send_button, self.send)
        self.saved_line = html()
        self.editor = css(
            ipw.VBox(
                [
                    *(
                        labelled(t(f"field.{key}"), widget, t(f"report.help.{key}"))
                        for key, widget in self.fields.items()
                    ),
                    self.saved_line,
                    ipw.HBox([self.send_button, self.refill], layout=ipw.Layout(grid_gap="8px")),
                ]
            ),
            "rl-form",
            "rl-report-form",
        )
        self.history = ipw.VBox()
        self.children = [
            heading(t("report.heading")),
            ipw.HBox([self.begin]),
            self.editor,
            self.notice,
            heading(t("report.history"), 4),
            self.history,
        ]
        self.start()

    def _today(self) -> date:
        return self.today or date.today()

    def refresh(self) -> None:
        self.stored = draft(self.workbook)
        self.begin.layout.display = "none" if self.stored else ""
        self.editor.layout.display = "" if self.stored else "none"
        if self.stored is not None:
            self._show(self.stored.record)
        self._show_history()

    def _show(self, report: Statusbericht) -> None:
        with self.loading():
            for key, widget in self.fields.items():
                if widget.value != getattr(report, key):
                    widget.value = getattr(report, key)

    def _show_history(self) -> None:
        rows = []
        for stored in history(self.workbook):
            report = stored.record
            files = document_downloads(
                self, t("report.what"), lambda r=report: (report_document(self.workbook, r), report_stem(r))
            )
            text = html(
                f"<div><span class='rl-member-name'>{escape(format_date(report.sent_on.isoformat()))}</span>"
                f"<div class='rl-member-meta'>{escape(report.phase)}</div></div>",
                layout=ipw.Layout(flex="1 1 auto"),
            )
            rows.append(css(ipw.HBox([text, files]), "rl-member", "rl-report-row"))
        self.history.children = rows or [muted(t("report.history_empty"))]

    def start_report(self) -> None:
        try:
            stored = start_draft(self.workbook, self._today())
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(stored.version)
        self.notice.show("info", t("report.started"))
        self.refresh()

    def edit(self, key: str, value: str) -> None:
        if self.is_loading or self.stored is None or getattr(self.stored.record, key) == value:
            return
        saved = self.change(self.stored, **{key: value})
        if saved is not None:
            self.stored = saved
            self.saved_line.value = f"<div class='rl-help'>{escape(t('saved'))} ✓</div>"

    def fill_from_workbook(self) -> None:
        if self.stored is None:
            return
        fresh = prefilled(self.workbook, self._today())
        saved = self.change(
            self.stored, phase=fresh.phase, achievements=fresh.achievements, next_steps=fresh.next_steps
        )
        if saved is not None:
            self.stored = saved
            self._show(saved.record)
            self.notice.show("info", t("report.refilled"))

    def send(self) -> Stored[Statusbericht] | None:
        if self.stored is None:
            return None
        try:
            sent = send(self.workbook, self.stored, self._today())
        except WorkbookError as error:
            self.refused(error)
            return None
        self.written(sent.version)
        self.notice.show("success", t("report.sent", date=format_date(sent.record.sent_on.isoformat())))
        self.refresh()
        return sent
