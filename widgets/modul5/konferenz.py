"""Modul 5, the Konferenz-Planer: the conference's details and format presets, its programme, its Thementische."""

from __future__ import annotations

from datetime import time
from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import CONFERENCE_FORMATS, SLOT_FORMATS, t
from regionallabor.core.model import Aufgabe, Budgetposten, Herausforderung, Konferenz, Programmpunkt, Thementisch
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul5.konferenz import (
    PRESETS,
    agenda,
    agenda_issues,
    apply_preset,
    clock,
    conference,
    day_label,
    days_of,
    open_challenges,
    save_conference,
    table_issues,
    topic_tables,
)
from widgets.base import (
    RecordListTool,
    WorkbookTool,
    button,
    css,
    field_chip,
    field_options,
    findings_html,
    heading,
    labelled,
    offer,
)

DAY_OPTIONS = [("1 Tag", 1), ("2 Tage (z. B. anderthalb Tage)", 2), ("3 Tage", 3)]


class ConferenceSetup(WorkbookTool):
    """Title, format, date, place and size of the conference; each change is saved at once. A preset fills the rest."""

    SHOWS = (Konferenz.KIND,)
    WRITES = (Konferenz.KIND, Programmpunkt.KIND, Aufgabe.KIND, Budgetposten.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._stored: Stored[Konferenz] | None = None
        wide = ipw.Layout(width="100%")
        self.title = ipw.Text(placeholder=t("conference.title_placeholder"), continuous_update=True, layout=wide)
        self.format = ipw.Dropdown(
            options=[(t("conference.format_open"), "")] + [(label, key) for key, label in CONFERENCE_FORMATS.items()],
            layout=wide,
        )
        self.starts_on = ipw.DatePicker(layout=ipw.Layout(width="180px"))
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
            widget.observe(lambda change, name=name: self.save(**{name: change["new"]}), "value")
        self.preset_info = ipw.HTML()
        self.apply = button(t("conference.apply_preset"), "primary")
        self.apply.on_click(lambda _: self.take_preset())
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
        self.format.observe(lambda _: self._show_preset(), "value")
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


class ProgramPlanner(RecordListTool):
    """The programme as a timetable: slots by day and time; overlaps, gaps and long stretches are flagged."""

    MODEL = Programmpunkt
    SHOWS = (Programmpunkt.KIND, Konferenz.KIND)
    WRITES = (Programmpunkt.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("agenda.add"), **kwargs)
        self.day = ipw.Dropdown(
            options=[(t("agenda.day", day=d), d) for d in (1, 2, 3)], value=1, layout=ipw.Layout(width="110px")
        )
        self.start_time = ipw.TimePicker(layout=ipw.Layout(width="130px"))
        self.end_time = ipw.TimePicker(layout=ipw.Layout(width="130px"))
        self.title = ipw.Text(placeholder=t("agenda.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.slot_format = ipw.Dropdown(
            options=[(label, key) for key, label in SLOT_FORMATS.items()],
            value="thementische",
            layout=ipw.Layout(width="170px"),
        )
        self.place = ipw.Text(placeholder=t("agenda.place_placeholder"), layout=ipw.Layout(width="100%"))
        self.responsible = ipw.Text(placeholder=t("agenda.responsible_placeholder"), layout=ipw.Layout(width="100%"))
        self.issues = ipw.HTML()
        grow = ipw.Layout(flex="1 1 220px", min_width="200px")
        self.children = [
            heading(t("agenda.heading")),
            css(
                ipw.VBox(
                    [
                        self.form_title,
                        ipw.HBox(
                            [
                                labelled(t("field.day"), self.day),
                                labelled(t("field.start"), self.start_time),
                                labelled(t("field.end"), self.end_time),
                                labelled(t("field.format"), self.slot_format),
                                labelled(t("field.title"), self.title, layout=ipw.Layout(flex="2 1 260px")),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                        ),
                        ipw.HBox(
                            [
                                labelled(t("agenda.place_label"), self.place, layout=grow),
                                labelled(t("field.responsible"), self.responsible, layout=grow),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                        ),
                        self.buttons,
                    ]
                ),
                "rl-form",
            ),
            self.notice,
            self.issues,
            self.list,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Programmpunkt]]:
        return agenda(self.workbook)

    def empty_text(self) -> str:
        return t("agenda.empty")

    def refresh(self) -> None:
        stored = conference(self.workbook)
        self._conference = stored.record if stored else None
        records = self.records()
        days = days_of(self._conference, [s.record for s in records])
        offer(self.day, [(t("agenda.day", day=d), d) for d in range(1, max(days, self.day.value or 1) + 1)])
        self._issues = agenda_issues([s.record for s in records], days)
        self._flagged = {
            slot_id: issue.severity for issue in self._issues for slot_id in issue.slot_ids if issue.severity == "error"
        }
        rows, current_day = [], None
        for slot in records:
            if slot.record.day != current_day:
                current_day = slot.record.day
                rows.append(
                    ipw.HTML(
                        f"<div class='rl-group-title rl-day-title'>"
                        f"{escape(day_label(self._conference, current_day))}</div>"
                    )
                )
            rows.append(self._row(slot))
        self.list.children = rows or [ipw.HTML(f"<div class='rl-muted'>{escape(self.empty_text())}</div>")]
        self.issues.value = findings_html([(i.severity, i.message) for i in self._issues])
        if self.editing is None and not self.title.value and records:
            self.start_time.value, self.day.value = records[-1].record.end, records[-1].record.day

    def row_classes(self, stored: Stored[Programmpunkt]) -> tuple[str, ...]:
        classes = (f"rl-slot-{stored.record.format}",)
        return classes + (("rl-slot-flagged",) if stored.record.id in self._flagged else ())

    def row_html(self, stored: Stored[Programmpunkt]) -> str:
        slot = stored.record
        meta = " · ".join(filter(None, [slot.place, slot.responsible and t("agenda.by", name=slot.responsible)]))
        return (
            f"<div class='rl-slot'><span class='rl-slot-time'>{clock(slot.start)}–{clock(slot.end)}</span>"
            f"<span class='rl-slot-body'><span class='rl-member-name'>{escape(slot.title)}</span>"
            f"<span class='rl-tag'>{escape(SLOT_FORMATS[slot.format])}</span>"
            f"<span class='rl-tag rl-tag-quiet'>{slot.minutes} min</span>"
            f"<div class='rl-member-meta'>{escape(meta)}</div></span></div>"
        )

    def form_values(self) -> dict:
        return {
            "day": self.day.value,
            "start": self.start_time.value,
            "end": self.end_time.value,
            "title": self.title.value,
            "format": self.slot_format.value,
            "place": self.place.value,
            "responsible": self.responsible.value,
        }

    def load_form(self, slot: Programmpunkt) -> None:
        if slot.day not in [value for _, value in self.day.options]:
            offer(self.day, [(t("agenda.day", day=d), d) for d in range(1, slot.day + 1)])
        self.day.value, self.start_time.value, self.end_time.value = slot.day, slot.start, slot.end
        self.title.value, self.slot_format.value = slot.title, slot.format
        self.place.value, self.responsible.value = slot.place, slot.responsible

    def clear_form(self) -> None:
        """An empty form starts where the programme ends, so a team can add slot after slot."""
        records = self.records() if hasattr(self, "_conference") else []
        last = records[-1].record if records else None
        self.start_time.value = last.end if last else time(9, 0)
        self.end_time.value = None
        self.title.value = self.place.value = self.responsible.value = ""
        self.slot_format.value = "thementische"
        if last:
            self.day.value = last.day

    def saved_message(self, slot: Programmpunkt) -> str:
        return t("agenda.saved", title=slot.title, start=clock(slot.start), end=clock(slot.end))


class TopicTables(RecordListTool):
    """One Thementisch per challenge the team wants worked on, with a Handlungsfeld, a host and its seats."""

    MODEL = Thementisch
    SHOWS = (Thementisch.KIND, Herausforderung.KIND, Konferenz.KIND)
    WRITES = (Thementisch.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("tables.add"), **kwargs)
        self.challenge = ipw.Dropdown(layout=ipw.Layout(width="100%"))
        self.challenge.observe(lambda change: self._take_challenge(change["new"]), "value")
        self.title = ipw.Text(placeholder=t("tables.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.field = ipw.Dropdown(options=field_options(), value="landwirtschaft", layout=ipw.Layout(width="290px"))
        self.host = ipw.Text(placeholder=t("tables.host_placeholder"), layout=ipw.Layout(width="100%"))
        self.people = ipw.IntText(value=8, layout=ipw.Layout(width="110px"))
        self.issues = ipw.HTML()
        self.summary = ipw.HTML()
        grow = ipw.Layout(flex="1 1 260px", min_width="220px")
        self.children = [
            heading(t("tables.heading")),
            css(
                ipw.VBox(
                    [
                        self.form_title,
                        labelled(t("tables.challenge_label"), self.challenge, t("tables.challenge_help")),
                        ipw.HBox(
                            [
                                labelled(t("field.title"), self.title, layout=ipw.Layout(flex="2 1 300px")),
                                labelled(t("field.handlungsfeld"), self.field),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                        ),
                        ipw.HBox(
                            [
                                labelled(t("field.host"), self.host, layout=grow),
                                labelled(t("field.people"), self.people),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                        ),
                        self.buttons,
                    ]
                ),
                "rl-form",
            ),
            self.notice,
            self.summary,
            self.issues,
            self.list,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Thementisch]]:
        self._challenges = {s.record.id: s.record for s in self.workbook.list(Herausforderung)}
        return topic_tables(self.workbook)

    def empty_text(self) -> str:
        return t("tables.empty")

    def show_extra(self, records: list[Stored[Thementisch]]) -> None:
        challenges = open_challenges(list(self._challenges.values()), records)
        editing_challenge = self.editing.record.challenge_id if self.editing else None
        options = [(t("tables.own_topic"), "")] + [(f"{ALL_FIELDS[c.field]}: {c.text}", c.id) for c in challenges]
        taken = self._challenges.get(editing_challenge) if editing_challenge else None
        if taken is not None and editing_challenge not in {o[1] for o in options}:
            options.append((f"{ALL_FIELDS[taken.field]}: {taken.text}", editing_challenge))
        with self.loading():
            current = self.challenge.value
            self.challenge.options = options
            self.challenge.value = current if current in {o[1] for o in options} else ""
        stored = conference(self.workbook)
        expected = stored.record.expected_people if stored else None
        tables = [s.record for s in records]
        self.issues.value = findings_html([("warning", text) for text in table_issues(tables, expected)])
        seats = sum(table.people for table in tables)
        self.summary.value = (
            ""
            if not tables
            else (
                f"<div class='rl-help'>{escape(t('tables.summary', count=len(tables), seats=seats))}"
                + (f" {escape(t('tables.expected', expected=expected))}" if expected else "")
                + "</div>"
            )
        )

    def _take_challenge(self, challenge_id: str | None) -> None:
        if self.is_loading or not challenge_id:
            return
        challenge = self._challenges.get(challenge_id)
        if challenge is not None:
            self.title.value = challenge.text[:150]
            self.field.value = challenge.field

    def row_html(self, stored: Stored[Thementisch]) -> str:
        table = stored.record
        host = t("tables.hosted_by", name=table.host) if table.host else t("tables.no_host_short")
        meta = f"{host} · {t('tables.seats', count=table.people)}"
        source = ""
        challenge = self._challenges.get(table.challenge_id) if table.challenge_id else None
        if challenge is not None:
            source = (
                f"<div class='rl-schatz-description'>{escape(t('tables.from_challenge', text=challenge.text))}</div>"
            )
        return (
            f"<div><span class='rl-member-name'>{escape(table.title)}</span>{field_chip(table.field)}{source}"
            f"<div class='rl-member-meta'>{escape(meta)}</div></div>"
        )

    def form_values(self) -> dict:
        return {
            "title": self.title.value,
            "field": self.field.value,
            "host": self.host.value,
            "people": self.people.value,
            "challenge_id": self.challenge.value or None,
        }

    def load_form(self, table: Thementisch) -> None:
        self.show_extra(self.records())
        with self.loading():
            options = {o[1] for o in self.challenge.options}
            self.challenge.value = table.challenge_id if table.challenge_id in options else ""
        self.title.value, self.field.value, self.host.value, self.people.value = (
            table.title,
            table.field,
            table.host,
            table.people,
        )

    def clear_form(self) -> None:
        with self.loading():
            if self.challenge.options:
                self.challenge.value = ""
        self.title.value = self.host.value = ""
        self.people.value = 8

    def saved_message(self, table: Thementisch) -> str:
        return t("tables.saved", title=table.title)
