"""Modul 5, „Programm“: the conference timetable with its checks."""

from __future__ import annotations

from datetime import time
from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import SLOT_FORMATS, t
from regionallabor.core.model import Konferenz, Member, Programmpunkt
from regionallabor.core.store import Stored
from regionallabor.modul5.konferenz import agenda, agenda_issues, clock, conference, day_label, days_of
from regionallabor_widgets.base import (
    RecordListTool,
    TimeField,
    css,
    findings_html,
    heading,
    html,
    labelled,
    muted,
    offer,
    offer_members,
    person_field,
)


class ProgramPlanner(RecordListTool):
    """The programme as a timetable: slots by day and time; overlaps, gaps and long stretches are flagged."""

    MODEL = Programmpunkt
    SHOWS = (Programmpunkt.KIND, Konferenz.KIND, Member.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("agenda.add"), **kwargs)
        self.day = ipw.Dropdown(
            options=[(t("agenda.day", day=d), d) for d in (1, 2, 3)], value=1, layout=ipw.Layout(width="110px")
        )
        self.start_time = TimeField(layout=ipw.Layout(width="130px"))
        self.end_time = TimeField(layout=ipw.Layout(width="130px"))
        self.title = ipw.Text(placeholder=t("agenda.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.slot_format = ipw.Dropdown(
            options=[(label, key) for key, label in SLOT_FORMATS.items()],
            value="thementische",
            layout=ipw.Layout(width="170px"),
        )
        self.place = ipw.Text(placeholder=t("agenda.place_placeholder"), layout=ipw.Layout(width="100%"))
        self.responsible = person_field(t("agenda.responsible_placeholder"))
        self.issues = html()
        grow = ipw.Layout(flex="1 1 220px", min_width="200px")
        self.children = [
            heading(t("agenda.heading")),
            self.form_area(
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
                )
            ),
            self.notice,
            self.issues,
            self.list,
            self.pager.more,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Programmpunkt]]:
        return agenda(self.workbook)

    def empty_text(self) -> str:
        return t("agenda.empty")

    def refresh(self) -> None:
        offer_members(self.responsible, self.workbook)
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
        for slot in self.pager.page(records):
            if slot.record.day != current_day:
                current_day = slot.record.day
                rows.append(
                    html(
                        f"<div class='rl-group-title rl-day-title'>"
                        f"{escape(day_label(self._conference, current_day))}</div>"
                    )
                )
            rows.append(self._row(slot))
        self.show_list(rows or [muted(self.empty_text())])
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
