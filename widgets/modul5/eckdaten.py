"""Modul 5, „Konferenz-Planer: die Eckdaten“: format, date, place and size, and the presets to start from."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import CONFERENCE_FORMATS, t
from regionallabor.core.model import Konferenz
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul5.konferenz import PRESETS, apply_preset, conference, save_conference
from regionallabor_widgets.base import DateField, WorkbookTool, button, css, heading, html, labelled

DAY_OPTIONS = [("1 Tag", 1), ("2 Tage (z. B. anderthalb Tage)", 2), ("3 Tage", 3)]


class ConferenceSetup(WorkbookTool):
    """Title, format, date, place and size of the conference; each change is saved at once. A preset fills the rest."""

    SHOWS = (Konferenz.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._stored: Stored[Konferenz] | None = None
        wide = ipw.Layout(width="100%")
        self.title = ipw.Text(placeholder=t("conference.title_placeholder"), continuous_update=True, layout=wide)
        self.format = ipw.Dropdown(
            options=[(t("conference.format_open"), "")] + [(label, key) for key, label in CONFERENCE_FORMATS.items()],
            layout=wide,
        )
        self.starts_on = DateField(layout=ipw.Layout(width="180px"))
        self.days = ipw.Dropdown(options=DAY_OPTIONS, value=1, layout=ipw.Layout(width="260px"))
        self.venue = ipw.Text(placeholder=t("conference.venue_placeholder"), continuous_update=True, layout=wide)
        self.expected_people = ipw.IntText(value=0, layout=ipw.Layout(width="120px"))
        for name, widget in (
            ("title", self.title),
            ("format", self.format),
            ("starts_on", self.starts_on),
            ("days", self.days),
            ("venue", self.venue),
            ("expected_people", self.expected_people),
        ):
            self.on_value(widget, lambda new, name=name: self.save(**{name: new}))
        self.preset_info = html()
        self.apply = button(t("conference.apply_preset"), "primary")
        self.on_click(self.apply, self.take_preset)
        half = ipw.Layout(flex="1 1 300px", min_width="240px")
        self.children = [
            heading(t("conference.heading")),
            ipw.HBox(
                [
                    labelled(t("conference.title_label"), self.title, layout=half),
                    labelled(t("field.venue"), self.venue, layout=half),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            ipw.HBox(
                [
                    labelled(t("field.starts_on"), self.starts_on, t("conference.date_help")),
                    labelled(t("field.days"), self.days),
                    labelled(t("field.expected_people"), self.expected_people),
                ],
                layout=ipw.Layout(flex_flow="row wrap", grid_gap="16px"),
            ),
            css(
                ipw.VBox(
                    [
                        labelled(t("field.format"), self.format, t("conference.format_help")),
                        self.preset_info,
                        ipw.HBox([self.apply]),
                    ]
                ),
                "rl-form",
            ),
            self.notice,
        ]
        self.on_value(self.format, lambda _: self._show_preset())
        self.start()

    def refresh(self) -> None:
        self._stored = conference(self.workbook)
        record = self._stored.record if self._stored else Konferenz()
        with self.loading():
            for name in ("title", "format", "starts_on", "days", "venue"):
                widget = getattr(self, name)
                value = getattr(record, name) if name != "format" else record.format or ""
                if widget.value != value:
                    widget.value = value
            self.expected_people.value = record.expected_people or 0
        self._show_preset()

    def _show_preset(self) -> None:
        key = self.format.value
        self.apply.disabled = not key
        if not key:
            self.preset_info.value = f"<div class='rl-help'>{escape(t('conference.preset_choose'))}</div>"
            return
        preset = PRESETS[key]
        self.preset_info.value = f"<div class='rl-help'>{escape(t('conference.preset_contents', slots=len(preset.slots), tasks=len(preset.tasks), budget=len(preset.budget), people=preset.expected_people))}</div>"

    def save(self, **changes) -> Stored[Konferenz] | None:
        if self.is_loading:
            return None
        if changes.get("expected_people") == 0:
            changes["expected_people"] = None
        if changes.get("format") == "":
            changes["format"] = None
        current = self._stored.record if self._stored else Konferenz()
        try:
            updated = Konferenz.model_validate({**current.model_dump(), **changes})
            stored, moved = save_conference(self.workbook, updated, self._stored.version if self._stored else None)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self._stored = stored
        self.written(stored.version)
        if moved:
            self.notice.show("info", t("conference.tasks_moved", count=moved))
        else:
            self.notice.clear()
        return stored

    def take_preset(self) -> None:
        if not self.format.value:
            return
        try:
            result = apply_preset(self.workbook, self.format.value)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(result.revision)
        parts = []
        if result.slots:
            parts.append(t("conference.preset_slots", count=result.slots))
        if result.tasks:
            parts.append(t("conference.preset_tasks", count=result.tasks))
        if result.budget:
            parts.append(t("conference.preset_budget", count=result.budget))
        message = t("conference.preset_done", parts=", ".join(parts)) if parts else t("conference.preset_nothing")
        if result.kept:
            message += " " + t("conference.preset_kept", parts=", ".join(result.kept))
        stored = conference(self.workbook)
        if not result.tasks and t("conference.part.tasks") not in result.kept and stored.record.starts_on is None:
            message += " " + t("conference.preset_needs_date")
        self.notice.show("success", message)
        self.refresh()
