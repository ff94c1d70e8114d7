"""Modul 4: short texts the team collects and edits in place – the cards of the critique and the fantasy phase."""

from __future__ import annotations

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.core.store import Stored
from widgets.base import WorkbookTool


class TextCards(WorkbookTool):
    """Short texts the team collects and edits in place (critique points, ideas)."""

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._stored: dict[str, Stored] = {}

    def editable_text(self, stored: Stored) -> ipw.Textarea:
        """A card's text, saved as it is typed."""
        record_id = stored.record.id
        text = ipw.Textarea(
            value=stored.record.text, continuous_update=True, rows=2, layout=ipw.Layout(flex="1 1 auto", width="auto")
        )
        self.on_value(text, lambda new: self.edit_text(record_id, new))
        return text

    def edit_text(self, record_id: str, text: str) -> None:
        if self.is_loading or record_id not in self._stored:
            return
        saved = self.change(self._stored[record_id], text=text)
        if saved is not None:
            self._stored[record_id] = saved
            self.notice.clear()

    def sync_text(self, row: ipw.Box, stored: Stored) -> None:
        """Show a text another page changed in a kept row, without saving it back."""
        text = next(child for child in row.children if isinstance(child, ipw.Textarea))
        if text.value != stored.record.text:
            with self.loading():
                text.value = stored.record.text

    def remove(self, record_id: str) -> None:
        stored = self._stored[record_id]
        self.remove_record(type(stored.record), stored, t("workshop.removed", text=stored.record.text))
