"""Modul 2, tool „Schätze der Region“: initiatives, projects and places that already work."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.core.model import Schatz
from regionallabor.core.store import Stored
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul2.bestandsaufnahme import save_schatz
from regionallabor_widgets.base import (
    ConfirmsRemoval,
    EditsInForm,
    PagedRows,
    Pager,
    RowCache,
    WorkbookTool,
    css,
    field_options,
    html,
    labelled,
)

PAGE_SIZE = 20


class SchatzInventory(ConfirmsRemoval, EditsInForm, PagedRows, WorkbookTool):
    """Add, edit, find and remove the region's Schätze; a page shows 20 at a time, so 300 stay quick."""

    SHOWS = (Schatz.KIND,)

    MODEL = Schatz
    ADD_LABEL = "schatz.add"

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._all: list[Stored[Schatz]] = []
        self.pager = Pager(self, self.show_rows, PAGE_SIZE)
        self._rows = RowCache(self._row)

        self.name = ipw.Text(placeholder=t("schatz.name_placeholder"), layout=ipw.Layout(width="100%"))
        self.field = ipw.Dropdown(
            options=[(label, key) for key, label in ALL_FIELDS.items()],
            value="landwirtschaft",
            layout=ipw.Layout(width="100%"),
        )
        self.description = ipw.Textarea(
            placeholder=t("schatz.description_placeholder"), layout=ipw.Layout(width="100%", height="60px")
        )
        self.contact = ipw.Text(placeholder=t("schatz.contact_placeholder"), layout=ipw.Layout(width="100%"))
        self.link = ipw.Text(placeholder=t("schatz.link_placeholder"), layout=ipw.Layout(width="100%"))
        buttons = self.form_buttons()

        self.filter_field = ipw.Dropdown(
            options=field_options(t("schatz.filter_all")), value="", layout=ipw.Layout(width="280px")
        )
        self.search = ipw.Text(
            placeholder=t("schatz.search_placeholder"), continuous_update=True, layout=ipw.Layout(flex="1 1 200px")
        )
        self.on_value(self.filter_field, lambda _: self.pager.reset())
        self.on_value(self.search, lambda _: self.pager.reset())
        self.count = html()
        self.gaps = html()
        self.list = ipw.VBox()

        def field(text: str, widget: ipw.Widget) -> ipw.VBox:
            return labelled(text, widget, layout=ipw.Layout(flex="1 1 260px", min_width="220px"))

        form = css(
            ipw.VBox(
                [
                    self.form_title,
                    ipw.HBox(
                        [field(t("field.name"), self.name), field(t("field.handlungsfeld"), self.field)],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    labelled(t("field.description"), self.description),
                    ipw.HBox(
                        [field(t("field.contact"), self.contact), field(t("field.link"), self.link)],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    buttons,
                ]
            ),
            "rl-form",
        )
        self.children = [
            form,
            self.notice,
            ipw.HBox([self.filter_field, self.search], layout=ipw.Layout(flex_flow="row wrap", margin="14px 0 4px 0")),
            self.count,
            self.list,
            self.pager.more,
            self.gaps,
        ]
        self.start()

    # reading

    def refresh(self) -> None:
        self._all = self.workbook.list(Schatz)
        self.forget_removed_edit(self._all)
        self.show_rows()

    def matching(self) -> list[Stored[Schatz]]:
        needle = self.search.value.strip().casefold()
        return [
            s
            for s in self._all
            if (not self.filter_field.value or s.record.field == self.filter_field.value)
            and (not needle or needle in f"{s.record.name} {s.record.description} {s.record.contact}".casefold())
        ]

    def show_rows(self) -> None:
        self.show_page(
            len(self._all),
            self.matching(),
            lambda s: (s.record.id, s.version, self.confirming == s.record.id),
            empty=t("schatz.empty"),
            no_match=t("schatz.no_match"),
            count_key="schatz.count",
        )
        covered = {s.record.field for s in self._all}
        without = [label for key, label in ALL_FIELDS.items() if key not in covered]
        self.gaps.value = (
            f"<div class='rl-notice rl-notice-info'>{escape(t('schatz.fields_without', fields=', '.join(without)))}</div>"
            if self._all and without
            else ""
        )

    def _row(self, stored: Stored[Schatz]) -> ipw.HBox:
        schatz = stored.record
        details = []
        if schatz.description:
            details.append(f"<div class='rl-schatz-description'>{escape(schatz.description)}</div>")
        meta = []
        if schatz.contact:
            meta.append(escape(schatz.contact))
        if schatz.link:
            meta.append(f"<a href='{escape(schatz.link)}' target='_blank' rel='noopener'>{escape(schatz.link)}</a>")
        if meta:
            details.append(f"<div class='rl-member-meta'>{' · '.join(meta)}</div>")
        text = html(
            f"<div><span class='rl-member-name'>{escape(schatz.name)}</span>"
            f"<span class='rl-field-chip rl-field-{schatz.field}'>{escape(ALL_FIELDS[schatz.field])}</span>"
            f"{''.join(details)}</div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        actions = self.row_actions(
            schatz.id,
            t("schatz.confirm_delete", name=schatz.name),
            lambda: self.start_edit(stored),
            lambda: self.remove(stored),
        )
        return css(ipw.HBox([text, *actions]), "rl-member", "rl-schatz")

    # writing

    def form_fields(self) -> dict[str, ipw.ValueWidget]:
        return {
            "name": self.name,
            "field": self.field,
            "description": self.description,
            "contact": self.contact,
            "link": self.link,
        }

    def save_record(self, schatz: Schatz, version: int | None) -> Stored[Schatz]:
        return save_schatz(self.workbook, schatz, version)

    def saved_text(self, schatz: Schatz, edited: bool) -> str:
        return t("schatz.saved" if edited else "schatz.added", name=schatz.name)

    def editing_title(self, schatz: Schatz) -> str:
        return t("schatz.editing", name=schatz.name)

    def remove(self, stored: Stored[Schatz]) -> None:
        self.confirming = None
        self.remove_record(Schatz, stored, t("schatz.removed", name=stored.record.name))
