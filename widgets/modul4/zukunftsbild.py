"""Modul 4, tool „Zukunftsbild“: a vision statement per Handlungsfeld and one for the whole region, as a printable board."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Vision, Ziel, Zukunftsbild
from regionallabor.core.store import WorkbookError
from regionallabor.dokumente.dokument import Document
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import save_statement, statement_opening, vision_statements
from regionallabor.modul4.zukunftsbild import vision_document
from regionallabor_widgets.base import WorkbookTool, css, document_downloads, heading, html, labelled


class VisionBoard(WorkbookTool):
    """Seven texts, saved as they are typed, and the board that shows them side by side."""

    SHOWS = (Vision.KIND, Zukunftsbild.KIND, Ziel.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.horizon = ipw.BoundedIntText(min=2026, max=2100, layout=ipw.Layout(width="120px"))
        self.on_value(self.horizon, self.set_horizon)
        self.overall = ipw.Textarea(layout=ipw.Layout(width="100%", height="110px"), continuous_update=True)
        self.on_value(self.overall, lambda new: self.write(Zukunftsbild.OVERALL, new))
        self.texts: dict[str, ipw.Textarea] = {}
        boxes = []
        for key, label in ALL_FIELDS.items():
            area = ipw.Textarea(layout=ipw.Layout(width="100%", height="90px"), continuous_update=True)
            self.on_value(area, lambda new, key=key: self.write(key, new))
            self.texts[key] = area
            boxes.append(css(labelled(label, area), "rl-vision-field", f"rl-phase-{key}"))
        self.board = html()
        self.downloads = document_downloads(self, t("vision.what"), self.document)
        self.children = [
            heading(t("vision.heading")),
            ipw.HBox([labelled(t("field.horizon_year"), self.horizon, t("vision.horizon_help"))]),
            labelled(t("vision.overall_label"), self.overall, t("vision.overall_help")),
            ipw.GridBox(
                boxes, layout=ipw.Layout(grid_template_columns="repeat(auto-fit, minmax(330px, 1fr))", grid_gap="10px")
            ),
            self.notice,
            heading(t("vision.board_heading"), 4),
            self.board,
            self.downloads,
        ]
        self.start()

    def refresh(self) -> None:
        self._statements = statements = vision_statements(self.workbook)
        opening = statement_opening(statements.horizon_year)
        with self.loading():
            self.horizon.value = statements.horizon_year
            for key, area in [(Zukunftsbild.OVERALL, self.overall), *self.texts.items()]:
                area.placeholder = opening
                if area.value != statements.text(key):
                    area.value = statements.text(key)
        self._show_board()

    def _show_board(self) -> None:
        statements = self._statements
        overall = statements.text(Zukunftsbild.OVERALL)
        lead = (
            f"<div class='rl-board-overall'>{escape(overall)}</div>"
            if overall
            else f"<div class='rl-board-overall rl-muted'>{escape(t('vision.board_empty_overall'))}</div>"
        )
        cells = "".join(
            f"<div class='rl-board-cell rl-phase-{key}'><div class='rl-board-field'>{escape(label)}</div>"
            f"<div class='rl-board-text'>{escape(statements.text(key)) or '–'}</div></div>"
            for key, label in ALL_FIELDS.items()
        )
        self.board.value = (
            f"<div class='rl-board'><div class='rl-board-title'>"
            f"{escape(t('vision.board_title', year=statements.horizon_year))}</div>"
            f"{lead}<div class='rl-board-grid'>{cells}</div></div>"
        )

    def write(self, statement_id: str, text: str) -> None:
        if self.is_loading:
            return
        try:
            stored = save_statement(self.workbook, statement_id, text, self._statements.version(statement_id))
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self._statements.statements[statement_id] = stored
        self.written(stored.version)
        self.notice.clear()
        self._show_board()

    def set_horizon(self, year: int) -> None:
        if self.is_loading:
            return
        stored = self._statements.horizon
        try:
            saved = self.workbook.save(Vision(horizon_year=year), stored.version if stored else None)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self.written(saved.version)
        self.notice.clear()
        self.refresh()

    def document(self) -> tuple[Document, str]:
        return vision_document(self.workbook), f"zukunftsbild-{vision_statements(self.workbook).horizon_year}"
