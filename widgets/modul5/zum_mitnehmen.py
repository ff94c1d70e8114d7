"""Modul 5, „Zum Mitnehmen“: programme, tasks and budget as HTML and PDF, the date as a calendar file."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.modul5.konferenzdateien import (
    budget_document,
    conference_calendar,
    programme_document,
    task_document,
)
from regionallabor_widgets.base import DownloadButton, WorkbookTool, css, document_downloads, heading, html
from regionallabor_widgets.base.downloads import DownloadFile


class ConferenceFiles(WorkbookTool):
    """One click per file, each made from the workbook as it is when clicked."""

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.calendar = DownloadButton(t("files.calendar"), t("files.calendar_help"))
        self.on_download(self.calendar, self.calendar_file)
        self.children = [
            heading(t("files.heading")),
            html(f"<div class='rl-help'>{escape(t('files.help'))}</div>"),
            self._line(t("files.programme"), document_downloads(self, t("files.programme"), self.programme)),
            self._line(t("files.tasks"), document_downloads(self, t("files.tasks"), self.tasks)),
            self._line(t("files.budget"), document_downloads(self, t("files.budget"), self.budget)),
            self._line(t("files.date"), css(ipw.HBox([self.calendar]), "rl-downloads")),
            self.notice,
        ]
        self.start()

    @staticmethod
    def _line(title: str, downloads: ipw.Widget) -> ipw.HBox:
        return ipw.HBox(
            [html(f"<strong class='rl-files-title'>{escape(title)}</strong>"), downloads],
            layout=ipw.Layout(align_items="center", flex_flow="row wrap", grid_gap="12px"),
        )

    def refresh(self) -> None:
        """Nothing shown here follows the workbook: each file is made when it is clicked."""

    def programme(self):
        return programme_document(self.workbook), "programm"

    def tasks(self):
        return task_document(self.workbook), "aufgaben"

    def budget(self):
        return budget_document(self.workbook), "budget"

    def calendar_file(self) -> DownloadFile | None:
        try:
            raw = conference_calendar(self.workbook)
        except ValueError as error:  # no date yet
            self.notice.show("warning", str(error))
            return None
        self.notice.clear()
        return "konferenz.ics", raw
