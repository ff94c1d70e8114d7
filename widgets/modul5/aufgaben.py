"""Modul 5, „Aufgaben bis zur Konferenz“: tasks planned backwards from the conference day."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Aufgabe, Konferenz, Member
from regionallabor.core.store import Stored
from regionallabor.modul5.konferenz import conference, tasks, weeks_before
from regionallabor_widgets.base import (
    DateField,
    RecordListTool,
    css,
    heading,
    html,
    labelled,
    offer_members,
    person_field,
)


class TaskPlan(RecordListTool):
    """Tasks up to the conference and after it: who, by when, done; overdue ones are marked."""

    MODEL = Aufgabe
    SHOWS = (Aufgabe.KIND, Konferenz.KIND, Member.KIND)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, t("tasks.add"), **kwargs)
        self.today = today
        self._conference_date: date | None = None
        self.title = ipw.Text(placeholder=t("tasks.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.responsible = person_field(t("tasks.responsible_placeholder"))
        self.due = DateField(layout=ipw.Layout(width="180px"))
        self.weeks = ipw.BoundedIntText(value=0, min=-12, max=52, layout=ipw.Layout(width="90px"))
        self.on_value(self.weeks, self._due_from_weeks)
        self.weeks_box = labelled(t("tasks.weeks_label"), self.weeks)
        self.summary = html()
        self.children = [
            heading(t("tasks.heading")),
            self.form_area(
                css(
                    ipw.VBox(
                        [
                            self.form_title,
                            ipw.HBox(
                                [
                                    labelled(t("tasks.task_label"), self.title, layout=ipw.Layout(flex="2 1 320px")),
                                    labelled(
                                        t("field.responsible"), self.responsible, layout=ipw.Layout(flex="1 1 200px")
                                    ),
                                ],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                            ),
                            ipw.HBox(
                                [labelled(t("tasks.due_label"), self.due), self.weeks_box],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="16px"),
                            ),
                            self.buttons,
                        ]
                    ),
                    "rl-form",
                )
            ),
            self.notice,
            self.summary,
            self.list,
            self.pager.more,
        ]
        self.clear()
        self.start()

    def _today(self) -> date:
        return self.today or date.today()

    def records(self) -> list[Stored[Aufgabe]]:
        stored = conference(self.workbook)
        self._conference_date = stored.record.starts_on if stored else None
        self.weeks_box.layout.display = "" if self._conference_date else "none"
        return tasks(self.workbook)

    def empty_text(self) -> str:
        return t("tasks.empty")

    def _due_from_weeks(self, weeks: int) -> None:
        if self._conference_date is not None:
            self.due.value = self._conference_date - timedelta(weeks=weeks)

    def show_extra(self, records: list[Stored[Aufgabe]]) -> None:
        offer_members(self.responsible, self.workbook)
        open_tasks = [s.record for s in records if not s.record.done]
        overdue = [task for task in open_tasks if task.due < self._today()]
        if not records:
            self.summary.value = ""
            return
        text = t("tasks.summary", open=len(open_tasks), done=len(records) - len(open_tasks))
        if overdue:
            text += " " + t("tasks.overdue_count", count=len(overdue))
        self.summary.value = f"<div class='rl-help'>{escape(text)}</div>"

    def row_controls(self, stored: Stored[Aufgabe]) -> list[ipw.Widget]:
        done = ipw.Checkbox(
            value=stored.record.done,
            indent=False,
            description="",
            layout=ipw.Layout(width="28px"),
            tooltip=t("tasks.done"),
        )
        self.on_value(done, lambda new: self.set_done(stored, new))
        return [done]

    def row_classes(self, stored: Stored[Aufgabe]) -> tuple[str, ...]:
        if stored.record.done:
            return ("rl-task-done",)
        return ("rl-task-overdue",) if stored.record.due < self._today() else ()

    def row_html(self, stored: Stored[Aufgabe]) -> str:
        task = stored.record
        distance = weeks_before(task.due, self._conference_date)
        when = format_date(task.due.isoformat()) + (f" · {distance}" if distance else "")
        badge = ""
        if task.done:
            badge = f"<span class='rl-tag'>{escape(t('export.done'))}</span>"
        elif task.due < self._today():
            badge = f"<span class='rl-tag rl-tag-overdue'>{escape(t('tasks.overdue'))}</span>"
        who = t("tasks.by", name=task.responsible) if task.responsible else t("tasks.nobody")
        return (
            f"<div><span class='rl-member-name'>{escape(task.title)}</span>{badge}"
            f"<div class='rl-member-meta'>{escape(when)} · {escape(who)}</div></div>"
        )

    def set_done(self, stored: Stored[Aufgabe], done: bool) -> None:
        if self.change(stored, done=done) is not None:
            self.notice.clear()
            self.refresh()

    def form_values(self) -> dict:
        return {"title": self.title.value, "responsible": self.responsible.value, "due": self.due.value}

    def load_form(self, task: Aufgabe) -> None:
        self.title.value, self.responsible.value, self.due.value = task.title, task.responsible, task.due

    def clear_form(self) -> None:
        self.title.value = self.responsible.value = ""
        self.due.value = None

    def saved_message(self, task: Aufgabe) -> str:
        return t("tasks.saved", title=task.title)
