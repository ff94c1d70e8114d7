"""Modul 1, tool „Vernetzungslandkarte“: whether and what the team shows the other teams of its cohort."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Region, Team, Vernetzung
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul1.vernetzung import shown_entry
from regionallabor_widgets.base import WorkbookTool, field_checkboxes, heading, help_line, html, label


class NetworkingChoice(WorkbookTool):
    """Nothing of the team appears before it ticks the first box; every change is saved at once."""

    SHOWS = (Vernetzung.KIND, Team.KIND, Region.KIND)

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(workbook, **kwargs)
        self._version: int | None = None
        self.share = ipw.Checkbox(description=t("network.share"), indent=False, layout=ipw.Layout(width="auto"))
        self.share_region = ipw.Checkbox(
            description=t("network.share_region"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.fields = field_checkboxes()
        self.contact = ipw.Text(
            placeholder=t("network.contact_placeholder"), continuous_update=False, layout=ipw.Layout(width="100%")
        )
        for widget in (self.share, self.share_region, self.contact, *self.fields.values()):
            self.on_value(widget, lambda _: self.save())
        self.preview = html()
        self.details = ipw.VBox(
            [
                self.share_region,
                label(t("network.fields")),
                ipw.HBox(list(self.fields.values()), layout=ipw.Layout(flex_flow="row wrap")),
                label(t("network.contact")),
                self.contact,
            ]
        )
        self.children = [
            heading(t("network.choice_heading")),
            help_line(t("network.share_help")),
            self.share,
            self.details,
            self.preview,
            self.notice,
        ]
        self.start()

    def refresh(self) -> None:
        stored = self.workbook.get(Vernetzung)
        choice = stored.record if stored else Vernetzung()
        self._version = stored.version if stored else None
        with self.loading():
            self.share.value = choice.share
            self.share_region.value = choice.share_region
            for key, box in self.fields.items():
                box.value = key in choice.handlungsfelder
            if self.contact.value.strip() != choice.contact:
                self.contact.value = choice.contact
        self._show(choice.share)

    def save(self) -> None:
        if self.is_loading:
            return
        try:
            choice = Vernetzung(
                share=self.share.value,
                share_region=self.share_region.value,
                handlungsfelder=[key for key, box in self.fields.items() if box.value],
                contact=self.contact.value,
            )
            stored = self.workbook.save(choice, self._version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self._version = stored.version
        self.written(stored.version)
        self.notice.clear()
        self._show(choice.share)

    def _show(self, shared: bool) -> None:
        self.details.layout.display = "" if shared else "none"
        entry = shown_entry(self.workbook)
        if entry is None:
            self.preview.value = f"<div class='rl-help'>{escape(t('network.not_shared'))}</div>"
            return
        parts = [entry.team]
        if entry.weggemeinschaft:
            parts.append(t("network.wegg", name=entry.weggemeinschaft))
        if entry.region:
            parts.append(entry.region)
        if entry.handlungsfelder:
            parts.append(", ".join(ALL_FIELDS[key] for key in entry.handlungsfelder))
        if entry.kontakt:
            parts.append(t("network.contact_shown", contact=entry.kontakt))
        self.preview.value = (
            f"<div class='rl-notice rl-notice-info'>{escape(t('network.preview', text=' · '.join(parts)))}</div>"
        )
