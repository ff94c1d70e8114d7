"""Modul 2, tool „Herausforderungen & SWOT“: what is hard, per Handlungsfeld, and the four-field board."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import SWOT_QUADRANTS, t
from regionallabor.core.model import Herausforderung, SwotEntry, explain
from regionallabor.core.store import StaleRecordError, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul2.bestandsaufnahme import add_swot, place_swot, swot_board
from regionallabor_widgets.base import Pager, RowCache, WorkbookTool, button, css, heading, html, labelled
from regionallabor_widgets.base.board import Card, CardBoard, Column


class ChallengeList(WorkbookTool):
    """Challenges grouped by Handlungsfeld; each can be edited in place or removed."""

    SHOWS = (Herausforderung.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.field = ipw.Dropdown(
            options=[(label, key) for key, label in ALL_FIELDS.items()],
            value="landwirtschaft",
            layout=ipw.Layout(width="300px"),
        )
        self.text = ipw.Text(placeholder=t("challenge.placeholder"), layout=ipw.Layout(flex="1 1 300px"))
        self.add = button(t("challenge.add"), "primary")
        self.on_click(self.add, self.add_challenge)
        self.groups = ipw.VBox()
        self._versions: dict[str, int] = {}
        self._rows = RowCache(self._row)
        self.pager = Pager(self, self.refresh, page_size=30)
        self.children = [
            heading("Herausforderungen"),
            ipw.HBox(
                [
                    labelled(t("field.handlungsfeld"), self.field),
                    labelled(t("challenge.add"), ipw.HBox([self.text, self.add]), layout=ipw.Layout(flex="1 1 400px")),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            self.notice,
            self.groups,
            self.pager.more,
        ]
        self.start()

    def refresh(self) -> None:
        stored = self.workbook.list(Herausforderung)
        self._versions = {s.record.id: s.version for s in stored}
        ordered = self.pager.page([s for key in ALL_FIELDS for s in stored if s.record.field == key])
        rows = dict(
            zip(
                (s.record.id for s in ordered),
                self._rows.rows([((s.record.id, s.record.field), (s,)) for s in ordered]),
            )
        )
        with self.loading():
            for s in ordered:  # a text changed on another page shows in the kept row
                if rows[s.record.id].children[0].value != s.record.text:
                    rows[s.record.id].children[0].value = s.record.text
        groups = []
        for key, label in ALL_FIELDS.items():
            items = [rows[s.record.id] for s in ordered if s.record.field == key]
            if items:
                groups.append(
                    css(ipw.VBox([html(f"<div class='rl-group-title'>{escape(label)}</div>"), *items]), "rl-group")
                )
        self.groups.children = groups or [html(f"<div class='rl-muted'>{escape(t('challenge.empty'))}</div>")]

    def _row(self, stored: Stored[Herausforderung]) -> ipw.HBox:
        challenge_id = stored.record.id
        text = ipw.Text(value=stored.record.text, continuous_update=True, layout=ipw.Layout(flex="1 1 auto"))
        self.on_value(text, lambda new: self.edit(challenge_id, new))
        remove = button("✕", "quiet", tooltip=t("delete"))
        self.on_click(remove, lambda: self.remove(challenge_id))
        return css(ipw.HBox([text, remove]), "rl-card-row")

    def add_challenge(self) -> Stored[Herausforderung] | None:
        try:
            stored = self.workbook.add(Herausforderung(field=self.field.value, text=self.text.value))
        except ValidationError as error:
            self.notice.show("error", explain(error))
            return None
        self.written(stored.version)
        self.text.value = ""
        self.notice.show("success", t("challenge.added"))
        self.refresh()
        return stored

    def edit(self, challenge_id: str, text: str) -> None:
        if self.is_loading:
            return
        stored = self.workbook.get(Herausforderung, challenge_id)
        if stored is None:
            self.reload_after(StaleRecordError(Herausforderung.KIND, challenge_id))
            return
        try:
            updated = Herausforderung.model_validate({**stored.record.model_dump(), "text": text})
            stored = self.workbook.update(updated, self._versions[challenge_id])
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self._versions[challenge_id] = stored.version
        self.written(stored.version)
        self.notice.clear()

    def remove(self, challenge_id: str) -> None:
        try:
            revision = self.workbook.delete(Herausforderung, challenge_id, self._versions[challenge_id])
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(revision)
        self.notice.show("success", t("challenge.removed"))
        self.refresh()


class SwotBoard(WorkbookTool):
    """Stärken, Schwächen, Chancen, Risiken as four boxes of cards: dragged within and between them, edited in
    place, removed to the Papierkorb – with the mouse or the keyboard."""

    SHOWS = (SwotEntry.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.board = CardBoard(
            [Column(q, title, t(f"swot.{q}.help")) for q, title in SWOT_QUADRANTS.items()],
            {"add", "reorder"},
            labels={"placeholder": t("swot.placeholder")},
            max_length=SwotEntry.max_length("text"),
            column_width=320,
        )
        self._cards: dict[str, Stored[SwotEntry]] = {}
        self.on_actions(self.board, {"add": self.add, "edit": self.edit, "place": self.place, "remove": self.remove})
        self.children = [heading("SWOT: Stärken, Schwächen, Chancen, Risiken"), self.notice, self.board]
        self.start()

    def refresh(self) -> None:
        board = swot_board(self.workbook)
        self._cards = {s.record.id: s for cards in board.values() for s in cards}
        self.board.show(
            [Card(s.record.id, s.record.quadrant, s.record.text) for cards in board.values() for s in cards]
        )

    def add(self, column: str, text: str) -> Stored[SwotEntry] | None:
        try:
            stored = add_swot(self.workbook, column, text)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.clear()
        self.refresh()
        self.board.added(column)
        return stored

    def _known(self, id: str) -> Stored[SwotEntry] | None:
        """The card the page shows; None (and the current state shown) for one another page removed."""
        stored = self._cards.get(id)
        if stored is None:
            self.reload_after(StaleRecordError(SwotEntry.KIND, id))
        return stored

    def edit(self, id: str, text: str) -> None:
        if (stored := self._known(id)) is None:
            return
        saved = self.change(stored, text=text)
        if saved is not None:
            self._cards[id] = saved
            self.notice.clear()
            self.refresh()

    def place(self, id: str, column: str, index: int) -> None:
        if (stored := self._known(id)) is None:
            return
        try:
            revision = place_swot(self.workbook, stored, column, index)
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(revision)
        self.notice.clear()
        self.refresh()

    def remove(self, id: str) -> None:
        if (stored := self._known(id)) is not None:
            self.remove_record(SwotEntry, stored, t("swot.removed", text=stored.record.text))
