"""Modul 2, tool „Handlungsfelder-Check“: rate each field from 1 to 5, note what you see, see the profile."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import FieldRating
from regionallabor.core.store import WorkbookError
from regionallabor.dokumente import statistik
from regionallabor.handlungsfelder import ALL_FIELDS, CROSS_CUTTING
from regionallabor.modul2.bestandsaufnahme import rating_values, ratings, save_rating
from regionallabor_widgets.base import WorkbookTool, css, html

SCALE_TOOLTIPS = [
    "hier passiert kaum etwas",
    "wenig",
    "es gibt Ansätze",
    "einiges läuft",
    "hier ist die Region richtig stark",
]


class FieldRow(ipw.HBox):
    """One Handlungsfeld: its name, a 1–5 choice and what the team sees."""

    def __init__(self, key: str, label: str):
        self.key = key
        self.rating = ipw.ToggleButtons(
            options=[(str(n), n) for n in range(1, 6)],
            value=None,
            tooltips=SCALE_TOOLTIPS,
            style={"button_width": "38px"},
        )
        self.notes = ipw.Textarea(
            placeholder=t("rating.notes_placeholder"),
            continuous_update=True,
            layout=ipw.Layout(width="100%", height="64px"),
        )
        self.rated_on = html()
        cross = " <span class='rl-badge'>quer zu allen</span>" if key in CROSS_CUTTING else ""
        title = html(f"<div class='rl-field-name'>{escape(label)}{cross}</div>")
        left = ipw.VBox([title, self.rating, self.rated_on], layout=ipw.Layout(flex="0 0 235px"))
        super().__init__([left, ipw.VBox([self.notes], layout=ipw.Layout(flex="1 1 auto"))])
        css(self, "rl-field-row")


class FieldCheck(WorkbookTool):
    """The Handlungsfelder-Check: two rounds of ratings, shown together as a radar chart."""

    SHOWS = (FieldRating.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._versions: dict[str, int | None] = {}
        self.round = ipw.ToggleButtons(
            options=[(t("rating.round_1"), 1), (t("rating.round_2"), 2)], value=1, style={"button_width": "190px"}
        )
        self.round_help = html()
        self.rows = {key: FieldRow(key, label) for key, label in ALL_FIELDS.items()}
        self.progress = html()
        self.chart = css(html(), "rl-chart-box")
        for key, row in self.rows.items():
            self.on_value(row.rating, lambda new, key=key: self._on_rating(key, new))
            self.on_value(row.notes, lambda new, key=key: self._on_notes(key, new))
        self.on_value(self.round, lambda _: self.refresh())
        self.children = [
            html(f"<div class='rl-help'>{escape(t('rating.scale'))}</div>"),
            self.round,
            self.round_help,
            ipw.HBox(
                [
                    ipw.VBox(list(self.rows.values()), layout=ipw.Layout(flex="1 1 560px")),
                    ipw.VBox([self.chart, self.progress], layout=ipw.Layout(flex="0 1 400px", min_width="300px")),
                ],
                layout=ipw.Layout(flex_flow="row wrap", align_items="flex-start"),
            ),
            self.notice,
        ]
        self.start()

    def refresh(self) -> None:
        by_round = ratings(self.workbook)
        current = by_round[self.round.value]
        with self.loading():
            for key, row in self.rows.items():
                stored = current.get(key)
                self._versions[key] = stored.version if stored else None
                rating = stored.record.rating if stored else None
                notes = stored.record.notes if stored else ""
                if row.rating.value != rating:
                    row.rating.value = rating
                if row.notes.value != notes:
                    row.notes.value = notes
                row.rated_on.value = _rated_on_html(stored.record if stored else None)
        self.round_help.value = (
            f"<div class='rl-help'>{escape(t('rating.round_2_help'))}</div>" if self.round.value == 2 else ""
        )
        self.show_profile(by_round)

    def show_profile(self, by_round: dict | None = None) -> None:
        by_round = by_round or ratings(self.workbook)
        both = rating_values(by_round)
        done = sum(1 for value in both[self.round.value].values() if value)
        self.progress.value = (
            f"<div class='rl-muted'>{escape(t('rating.progress', done=done, total=len(ALL_FIELDS)))}</div>"
        )
        if not any(value for round_ in both.values() for value in round_.values()):
            self.chart.value = f"<div class='rl-chart-empty'>{escape(t('rating.chart_empty'))}</div>"
        else:
            self.chart.value = statistik.radar_svg(both)

    def _save(self, key: str, **changes) -> bool:
        try:
            stored = save_rating(self.workbook, key, self.round.value, self._versions.get(key), **changes)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return False
        self._versions[key] = stored.version
        self.written(stored.version)
        self.rows[key].rated_on.value = _rated_on_html(stored.record)
        self.notice.clear()
        return True

    def _on_rating(self, key: str, value: int | None) -> None:
        if self.is_loading or value is None:
            return
        if self._save(key, rating=value):
            self.show_profile()

    def _on_notes(self, key: str, text: str) -> None:
        if not self.is_loading:
            self._save(key, notes=text)

    def rate(self, key: str, value: int) -> None:
        """What a click on a rating button does (for tests and scripts)."""
        self.rows[key].rating.value = value


def _rated_on_html(rating: FieldRating | None) -> str:
    if rating is None or not rating.rated_on:
        return ""
    day = format_date(rating.rated_on) if len(rating.rated_on) == 10 else rating.rated_on
    return f"<div class='rl-muted rl-small'>{escape(t('rating.rated_on', date=day))}</div>"
