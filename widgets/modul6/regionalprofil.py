"""Modul 6, tool „Euer Regionalprofil“: everything the team worked out, as one document to print or pass on."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.core.model import Aktion, Statusbericht
from regionallabor.course import MODULES, Status
from regionallabor.dokumente.dokument import Document
from regionallabor.modul6.regionalprofil import regional_profile
from regionallabor_widgets.base import WorkbookTool, document_downloads, heading, help_line, html


class RegionalProfile(WorkbookTool):
    """The Regionalprofil from all modules as HTML and PDF; private persons pseudonymised unless the team unticks it."""

    SHOWS = (Aktion.KIND, Statusbericht.KIND)  # what this page writes: the hint on empty modules follows it

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, **kwargs)
        self.today = today
        self.pseudonymise = ipw.Checkbox(
            value=True, description=t("profile.pseudonymise"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.gaps = html()
        self.downloads = document_downloads(self, t("profile.what"), self.document)
        self.children = [
            heading(t("profile.heading")),
            html(f"<div class='rl-help'>{escape(t('profile.help'))}</div>"),
            self.pseudonymise,
            help_line(t("privacy.what_is_replaced")),
            self.gaps,
            self.downloads,
            self.notice,
        ]
        self.start()

    def refresh(self) -> None:
        empty = [f"Modul {m.number} · {m.title}" for m in MODULES if m.status(self.workbook) is Status.NOT_STARTED]
        self.gaps.value = (
            f"<div class='rl-help'>{escape(t('profile.gaps_hint', modules=', '.join(empty)))}</div>" if empty else ""
        )

    def document(self) -> tuple[Document, str]:
        """The profile as the workbook stands now, and its file name."""
        document = regional_profile(self.workbook, self.pseudonymise.value, self.today)
        return document, "regionalprofil" + ("-pseudonymisiert" if self.pseudonymise.value else "")
