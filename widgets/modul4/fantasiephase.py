"""Modul 4, Zukunftswerkstatt „2. Fantasiephase“: ideas without limits, the favourites starred."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Kritikpunkt
from regionallabor.core.store import Stored
from regionallabor.modul4.vision import heaviest_critique, ideas
from widgets.base import Pager, RowCache, button, css, field_chip, field_options, heading, html, labelled
from widgets.modul4.karten import TextCards


class FantasyPhase(TextCards):
    """Fantasiephase: ideas without limits; the team stars its favourites."""

    SHOWS = (Idee.KIND, Kritikpunkt.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.prompt = html()
        self.text = ipw.Text(placeholder=t("idea.placeholder"), layout=ipw.Layout(flex="1 1 360px"))
        self.field = ipw.Dropdown(options=field_options(t("idea.no_field")), value="", layout=ipw.Layout(width="290px"))
        self.add_button = button(t("idea.add"), "primary")
        self.on_click(self.add_button, self.add)
        self.count = html()
        self.cards = ipw.GridBox(
            layout=ipw.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="8px")
        )
        self._rows = RowCache(self._card)
        self.pager = Pager(self, self.refresh, page_size=24)
        self.children = [
            heading(t("idea.heading")),
            self.prompt,
            ipw.HBox(
                [
                    labelled(t("idea.field_label"), self.field),
                    labelled(
                        t("idea.add_label"), ipw.HBox([self.text, self.add_button]), layout=ipw.Layout(flex="1 1 420px")
                    ),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            self.notice,
            self.count,
            self.cards,
            self.pager.more,
        ]
        self.start()

    def refresh(self) -> None:
        stored = ideas(self.workbook)
        self._stored = {s.record.id: s for s in stored}
        visible = self.pager.page(stored)
        rows = self._rows.rows([((s.record.id, s.record.favourite, s.record.field), (s,)) for s in visible])
        for row, s in zip(rows, visible):
            self.sync_text(row, s)
        self.cards.children = rows
        favourites = sum(s.record.favourite for s in stored)
        self.count.value = (
            f"<div class='rl-muted'>{escape(t('idea.empty'))}</div>"
            if not stored
            else f"<div class='rl-help'>{escape(t('idea.count', count=len(stored), favourites=favourites))}</div>"
        )
        heaviest = heaviest_critique(self.workbook, 3)
        prompts = "".join(f"<li>{escape(t('idea.prompt_item', text=c.text))}</li>" for c in heaviest)
        self.prompt.value = (
            f"<div class='rl-notice rl-notice-info'>{escape(t('idea.prompt'))}<ul>{prompts}</ul></div>"
            if heaviest
            else ""
        )

    def _card(self, stored: Stored[Idee]) -> ipw.VBox:
        record = stored.record
        star = button(
            "★" if record.favourite else "☆",
            "primary" if record.favourite else "quiet",
            tooltip=t("idea.unstar" if record.favourite else "idea.star"),
        )
        self.on_click(star, lambda: self.star(record.id))
        remove = button("✕", "quiet", tooltip=t("delete"))
        self.on_click(remove, lambda: self.remove(record.id))
        chip = html(field_chip(record.field) if record.field else "")
        row = ipw.HBox([star, self.editable_text(stored), remove])
        card = css(ipw.VBox([css(row, "rl-card-row"), chip]), "rl-idea")
        if record.favourite:
            card.add_class("rl-idea-favourite")
        return card

    def sync_text(self, row: ipw.Box, stored: Stored) -> None:
        super().sync_text(row.children[0], stored)

    def add(self) -> Stored[Idee] | None:
        try:
            stored = self.workbook.add(Idee(text=self.text.value, field=self.field.value or None))
        except ValidationError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.text.value = ""
        self.notice.show("success", t("idea.added"))
        self.refresh()
        return stored

    def star(self, record_id: str) -> None:
        stored = self._stored[record_id]
        if self.change(stored, favourite=not stored.record.favourite) is not None:
            self.notice.clear()
            self.refresh()
