"""Modul 4, Zukunftswerkstatt „1. Kritikphase“: what bothers you, per Handlungsfeld, weighted with points."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Kritikpunkt
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import critique_by_field, give_points, heaviest_critique
from widgets.base import Pager, RowCache, button, css, field_options, heading, html, labelled, muted
from widgets.modul4.karten import TextCards


class CritiquePhase(TextCards):
    """Kritikphase: what bothers the team, per Handlungsfeld, weighted with points."""

    SHOWS = (Kritikpunkt.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.field = ipw.Dropdown(options=field_options(), value="landwirtschaft", layout=ipw.Layout(width="290px"))
        self.text = ipw.Text(placeholder=t("critique.placeholder"), layout=ipw.Layout(flex="1 1 320px"))
        self.add_button = button(t("critique.add"), "primary")
        self.on_click(self.add_button, self.add)
        self.columns = {key: ipw.VBox() for key in ALL_FIELDS}
        self.counts = {key: html() for key in ALL_FIELDS}
        self.pagers = {key: Pager(self, self.refresh, page_size=10) for key in ALL_FIELDS}
        self._rows = RowCache(self._row)
        self.summary = html()
        boxes = [
            css(
                ipw.VBox([self.counts[key], self.columns[key], self.pagers[key].more]),
                "rl-phase-box",
                f"rl-phase-{key}",
            )
            for key in ALL_FIELDS
        ]
        self.children = [
            heading(t("critique.heading")),
            ipw.HBox(
                [
                    labelled(t("field.handlungsfeld"), self.field),
                    labelled(
                        t("critique.add_label"),
                        ipw.HBox([self.text, self.add_button]),
                        layout=ipw.Layout(flex="1 1 420px"),
                    ),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            self.notice,
            ipw.GridBox(
                boxes, layout=ipw.Layout(grid_template_columns="repeat(auto-fit, minmax(330px, 1fr))", grid_gap="10px")
            ),
            self.summary,
        ]
        self.start()

    def refresh(self) -> None:
        grouped = critique_by_field(self.workbook)
        self._stored = {s.record.id: s for points in grouped.values() for s in points}
        shown = {key: self.pagers[key].page(points) for key, points in grouped.items()}
        ordered = [s for points in shown.values() for s in points]
        rows = dict(
            zip(
                (s.record.id for s in ordered),
                self._rows.rows([((s.record.id, s.record.field), (s,)) for s in ordered]),
            )
        )
        for stored in ordered:
            row = rows[stored.record.id]
            self.sync_text(row, stored)
            row.children[0].value = self._points_html(stored.record.points)
            row.children[2].disabled = stored.record.points == 0
        for key, points in grouped.items():
            self.columns[key].children = [rows[s.record.id] for s in shown[key]] or [muted(t("critique.empty_field"))]
            self.counts[
                key
            ].value = (
                f"<div class='rl-group-title'>{escape(ALL_FIELDS[key])}<span class='rl-tag'>{len(points)}</span></div>"
            )
        heaviest = heaviest_critique(self.workbook, 3)
        self.summary.value = (
            ""
            if not heaviest
            else (
                f"<div class='rl-notice rl-notice-info'><strong>{escape(t('critique.heaviest'))}</strong> "
                + escape(" · ".join(f"{c.text} ({t('critique.points', count=c.points)})" for c in heaviest))
                + "</div>"
            )
        )

    @staticmethod
    def _points_html(points: int) -> str:
        return f"<span class='rl-points' title='{escape(t('critique.points', count=points))}'>{points}</span>"

    def _row(self, stored: Stored[Kritikpunkt]) -> ipw.HBox:
        record_id = stored.record.id
        plus = button("+", "quiet", tooltip=t("critique.plus"))
        self.on_click(plus, lambda: self.vote(record_id, +1))
        minus = button("−", "quiet", tooltip=t("critique.minus"))
        self.on_click(minus, lambda: self.vote(record_id, -1))
        remove = button("✕", "quiet", tooltip=t("delete"))
        self.on_click(remove, lambda: self.remove(record_id))
        points = html(self._points_html(stored.record.points))
        return css(ipw.HBox([points, plus, minus, self.editable_text(stored), remove]), "rl-card-row")

    def add(self) -> Stored[Kritikpunkt] | None:
        try:
            stored = self.workbook.add(Kritikpunkt(field=self.field.value, text=self.text.value))
        except ValidationError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.text.value = ""
        self.notice.show("success", t("critique.added"))
        self.refresh()
        return stored

    def vote(self, record_id: str, step: int) -> None:
        try:
            saved = give_points(self.workbook, self._stored[record_id], step)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(saved.version)
        self.notice.clear()
        self.refresh()
