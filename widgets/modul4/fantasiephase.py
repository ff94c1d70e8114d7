"""Modul 4, Zukunftswerkstatt „2. Fantasiephase“: ideas without limits, the favourites starred."""

from __future__ import annotations

from html import escape

from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Kritikpunkt
from regionallabor.core.store import StaleRecordError, Stored
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import heaviest_critique, ideas
from regionallabor_widgets.base import WorkbookTool, heading, html
from regionallabor_widgets.base.board import Card, CardBoard, Column

ANYWHERE = "ueberall"  # the column of ideas no single Handlungsfeld holds (stored as field None)


class FantasyPhase(WorkbookTool):
    """Fantasiephase: a board of ideas, a column per Handlungsfeld and one for ideas that fit everywhere;
    cards are written, dragged to a field, edited in place, removed, and the favourites starred."""

    SHOWS = (Idee.KIND, Kritikpunkt.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.prompt = html()
        self.board = CardBoard(
            [Column(ANYWHERE, t("idea.anywhere"))] + [Column(key, label) for key, label in ALL_FIELDS.items()],
            {"add", "star"},
            labels={"placeholder": t("idea.placeholder_short"), "keys": t("board.keys_star")},
            max_length=Idee.max_length("text"),
            column_width=250,
        )
        self.count = html()
        self._stored: dict[str, Stored[Idee]] = {}
        self.on_actions(
            self.board,
            {"add": self.add, "edit": self.edit, "place": self.place, "remove": self.remove, "star": self.star},
        )
        self.children = [heading(t("idea.heading")), self.prompt, self.notice, self.count, self.board]
        self.start()

    def refresh(self) -> None:
        stored = ideas(self.workbook)
        self._stored = {s.record.id: s for s in stored}
        self.board.show(
            [
                Card(s.record.id, s.record.field or ANYWHERE, s.record.text, star=s.record.favourite)
                for column in [ANYWHERE, *ALL_FIELDS]
                for s in stored
                if (s.record.field or ANYWHERE) == column
            ]
        )
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

    def _known(self, id: str) -> Stored[Idee] | None:
        stored = self._stored.get(id)
        if stored is None:
            self.reload_after(StaleRecordError(Idee.KIND, id))
        return stored

    def _changed(self, id: str, **changes) -> None:
        if (stored := self._known(id)) is not None and self.change(stored, **changes) is not None:
            self.notice.clear()
            self.refresh()

    def add(self, column: str, text: str) -> Stored[Idee] | None:
        try:
            stored = self.workbook.add(Idee(text=text, field=None if column == ANYWHERE else column))
        except ValidationError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", t("idea.added"))
        self.refresh()
        self.board.added(column)
        return stored

    def edit(self, id: str, text: str) -> None:
        self._changed(id, text=text)

    def place(self, id: str, column: str, index: int) -> None:
        field = None if column == ANYWHERE else column
        if (stored := self._stored.get(id)) is None or stored.record.field != field:
            self._changed(id, field=field)

    def star(self, id: str) -> None:
        if (stored := self._known(id)) is not None:
            self._changed(id, favourite=not stored.record.favourite)

    def remove(self, id: str) -> None:
        if (stored := self._known(id)) is not None:
            self.remove_record(Idee, stored, t("workshop.removed", text=stored.record.text))
