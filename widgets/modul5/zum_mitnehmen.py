"""Modul 5, „Zum Mitnehmen“: programme and tasks as HTML and PDF, the date as a calendar file."""

from __future__ import annotations

from html import escape

from regionallabor.core.messages import t
from regionallabor.core.model import Aufgabe, Budgetposten, Konferenz, Programmpunkt
from regionallabor.modul5.konferenzdateien import (
    budget_document,
    conference_calendar,
    programme_document,
    task_document,
)
from widgets.base import WorkbookTool, button, document_links, download_link, downloads_html, heading, html


class ConferenceFiles(WorkbookTool):
    """The programme, the task list and the budget as HTML and PDF, and the conference as a calendar entry."""

    SHOWS = (Konferenz.KIND, Programmpunkt.KIND, Aufgabe.KIND, Budgetposten.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.make = button(t("files.make"), "primary")
        self.on_click(self.make, self.offer)
        self.links = html()
        self.children = [
            heading(t("files.heading")),
            html(f"<div class='rl-help'>{escape(t('files.help'))}</div>"),
            self.make,
            self.notice,
            self.links,
        ]
        self.start()

    def refresh(self) -> None:
        self.links.value = ""  # files made before a change would be out of date

    def offer(self) -> None:
        programme, task_list = programme_document(self.workbook), task_document(self.workbook)
        links = [
            *document_links(programme, "programm"),
            *document_links(task_list, "aufgaben"),
            *document_links(budget_document(self.workbook), "budget"),
        ]
        try:
            links.append(download_link("konferenz.ics", "text/calendar", conference_calendar(self.workbook)))
            self.notice.clear()
        except ValueError as error:
            self.notice.show("warning", str(error))
        self.links.value = downloads_html(links)
