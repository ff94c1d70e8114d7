"""Modul 2, tool „Herausforderungen & SWOT“: what is hard, per Handlungsfeld, and the four-field board."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import SWOT_QUADRANTS, t
from regionallabor.core.model import Herausforderung, SwotEntry, explain
from regionallabor.core.store import StaleRecordError, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul2.bestandsaufnahme import add_swot, move_swot, relocate_swot, swot_board
from widgets.base import Pager, RowCache, WorkbookTool, button, css, heading, html, labelled


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
    """Stärken, Schwächen, Chancen, Risiken as four boxes; cards are edited in place, moved up, down or across."""

    SHOWS = (SwotEntry.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.inputs = {
            q: ipw.Text(placeholder=t("swot.placeholder"), layout=ipw.Layout(flex="1 1 auto")) for q in SWOT_QUADRANTS
        }
        self.lists = {q: ipw.VBox() for q in SWOT_QUADRANTS}
        self._cards: dict[str, Stored[SwotEntry]] = {}
        self._rows = {q: RowCache(self._card) for q in SWOT_QUADRANTS}
        self.pagers = {q: Pager(self, self.refresh, page_size=12) for q in SWOT_QUADRANTS}
        quadrants = []
        for quadrant, title in SWOT_QUADRANTS.items():
            add = button(t("swot.add"), "quiet")
            self.on_click(add, lambda q=quadrant: self.add(q))
            box = ipw.VBox(
                [
                    html(
                        f"<div class='rl-swot-title'>{escape(title)}</div>"
                        f"<div class='rl-help'>{escape(t(f'swot.{quadrant}.help'))}</div>"
                    ),
                    self.lists[quadrant],
                    self.pagers[quadrant].more,
                    ipw.HBox([self.inputs[quadrant], add]),
                ]
            )
            quadrants.append(css(box, "rl-swot-quadrant", f"rl-swot-{quadrant}"))
        grid = ipw.GridBox(
            quadrants, layout=ipw.Layout(grid_template_columns="repeat(auto-fit, minmax(360px, 1fr))", grid_gap="12px")
        )
        self.children = [heading("SWOT: Stärken, Schwächen, Chancen, Risiken"), grid, self.notice]
        self.start()

    def refresh(self) -> None:
        board = swot_board(self.workbook)
        self._cards = {s.record.id: s for cards in board.values() for s in cards}
        with self.loading():
            for quadrant, cards in board.items():
                visible = self.pagers[quadrant].page(cards)
                rows = self._rows[quadrant].rows([(s.record.id, (s,)) for s in visible])
                for index, (row, stored) in enumerate(zip(rows, visible)):
                    text, up, down = row.children[:3]
                    if text.value != stored.record.text:
                        text.value = stored.record.text
                    up.disabled, down.disabled = index == 0, index == len(cards) - 1
                self.lists[quadrant].children = rows or [
                    html(f"<div class='rl-muted rl-small'>{escape(t('swot.empty'))}</div>")
                ]

    def _card(self, stored: Stored[SwotEntry]) -> ipw.HBox:
        card_id = stored.record.id
        text = ipw.Text(value=stored.record.text, continuous_update=True, layout=ipw.Layout(flex="1 1 auto"))
        self.on_value(text, lambda new: self.edit(card_id, new))
        up = button("↑", "quiet", tooltip=t("swot.up"))
        self.on_click(up, lambda: self.move(card_id, -1))
        down = button("↓", "quiet", tooltip=t("swot.down"))
        self.on_click(down, lambda: self.move(card_id, +1))
        others = [(f"→ {title}", q) for q, title in SWOT_QUADRANTS.items() if q != stored.record.quadrant]
        across = ipw.Dropdown(options=[(t("swot.move_to"), "")] + others, value="", layout=ipw.Layout(width="140px"))
        self.on_value(across, lambda new: new and self.relocate(card_id, new))
        remove = button("✕", "quiet", tooltip=t("delete"))
        self.on_click(remove, lambda: self.remove(card_id))
        return css(ipw.HBox([text, up, down, across, remove]), "rl-card-row")

    def add(self, quadrant: str) -> Stored[SwotEntry] | None:
        try:
            stored = add_swot(self.workbook, quadrant, self.inputs[quadrant].value)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.inputs[quadrant].value = ""
        self.notice.clear()
        self.refresh()
        return stored

    def edit(self, card_id: str, text: str) -> None:
        if self.is_loading:
            return
        stored = self._cards[card_id]
        try:
            updated = SwotEntry.model_validate({**stored.record.model_dump(), "text": text})
            self._cards[card_id] = saved = self.workbook.update(updated, stored.version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self.written(saved.version)
        self.notice.clear()

    def move(self, card_id: str, step: int) -> None:
        try:
            revision = move_swot(self.workbook, self._cards[card_id], step)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(revision)
        self.refresh()

    def relocate(self, card_id: str, quadrant: str) -> None:
        try:
            stored = relocate_swot(self.workbook, self._cards[card_id], quadrant)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(stored.version)
        self.refresh()

    def remove(self, card_id: str) -> None:
        stored = self._cards[card_id]
        self.remove_record(SwotEntry, stored, t("swot.removed", text=stored.record.text))
