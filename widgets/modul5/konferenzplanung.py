"""Modul 5, the conference's back office: the budget, the tasks planned backwards from the date, and the files to take away."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date, format_euro, parse_amount
from regionallabor.core.messages import t
from regionallabor.core.model import Aufgabe, Budgetposten, Konferenz, Programmpunkt
from regionallabor.core.store import Stored
from regionallabor.modul5.konferenz import budget_totals, conference, tasks, weeks_before
from regionallabor.modul5.konferenzdateien import conference_calendar, programme_document, task_document
from widgets.base import (
    RecordListTool,
    WorkbookTool,
    button,
    css,
    document_links,
    download_link,
    downloads_html,
    heading,
    labelled,
)


class AmountError(ValueError):
    pass


def _amount(widget: ipw.Text, label_key: str) -> float | None:
    try:
        return parse_amount(widget.value)
    except ValueError:
        raise AmountError(t("budget.not_an_amount", field=t(label_key), value=widget.value)) from None


class ConferenceBudget(RecordListTool):
    """Budget lines with planned and actual sums, and the totals."""

    MODEL = Budgetposten
    SHOWS = WRITES = (Budgetposten.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("budget.add"), **kwargs)
        self.title = ipw.Text(placeholder=t("budget.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.planned = ipw.Text(placeholder="0", layout=ipw.Layout(width="140px"))
        self.actual = ipw.Text(placeholder=t("budget.actual_placeholder"), layout=ipw.Layout(width="160px"))
        self.totals = ipw.HTML()
        self.children = [
            heading(t("budget.heading")),
            css(
                ipw.VBox(
                    [
                        self.form_title,
                        ipw.HBox(
                            [
                                labelled(t("budget.line_label"), self.title, layout=ipw.Layout(flex="2 1 300px")),
                                labelled(t("field.planned"), self.planned),
                                labelled(t("field.actual"), self.actual),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                        ),
                        self.buttons,
                    ]
                ),
                "rl-form",
            ),
            self.notice,
            self.list,
            self.totals,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Budgetposten]]:
        return self.workbook.list(Budgetposten)

    def empty_text(self) -> str:
        return t("budget.empty")

    def save(self):
        try:
            return super().save()
        except AmountError as error:
            self.notice.show("error", str(error))
            return None

    def form_values(self) -> dict:
        planned = _amount(self.planned, "field.planned")
        return {
            "title": self.title.value,
            "planned": 0 if planned is None else planned,
            "actual": _amount(self.actual, "field.actual"),
        }

    def load_form(self, line: Budgetposten) -> None:
        self.title.value = line.title
        self.planned.value = format_euro(line.planned).removesuffix(" €")
        self.actual.value = "" if line.actual is None else format_euro(line.actual).removesuffix(" €")

    def clear_form(self) -> None:
        self.title.value = self.planned.value = self.actual.value = ""

    def row_html(self, stored: Stored[Budgetposten]) -> str:
        line = stored.record
        actual = format_euro(line.actual) if line.actual is not None else t("budget.no_actual")
        return (
            f"<div class='rl-budget-line'><span class='rl-member-name'>{escape(line.title)}</span>"
            f"<span class='rl-budget-amounts'><span>{escape(t('budget.planned_short'))} "
            f"<strong>{escape(format_euro(line.planned))}</strong></span>"
            f"<span>{escape(t('budget.actual_short'))} <strong>{escape(actual)}</strong></span></span></div>"
        )

    def show_extra(self, records: list[Stored[Budgetposten]]) -> None:
        if not records:
            self.totals.value = ""
            return
        totals = budget_totals([s.record for s in records])
        difference = ""
        if totals.lines_with_actual:
            key = "budget.over" if totals.difference > 0 else "budget.under"
            difference = f"<div class='rl-help'>{escape(t(key, amount=format_euro(abs(totals.difference)), lines=totals.lines_with_actual))}</div>"
        self.totals.value = (
            f"<div class='rl-budget-total'><span>{escape(t('budget.total'))}</span>"
            f"<span>{escape(t('budget.planned_short'))} <strong>{escape(format_euro(totals.planned))}</strong></span>"
            f"<span>{escape(t('budget.actual_short'))} <strong>"
            f"{escape(format_euro(totals.actual) if totals.lines_with_actual else t('budget.no_actual'))}"
            f"</strong></span>"
            f"</div>{difference}"
        )

    def saved_message(self, line: Budgetposten) -> str:
        return t("budget.saved", title=line.title)


class TaskPlan(RecordListTool):
    """Tasks up to the conference and after it: who, by when, done; overdue ones are marked."""

    MODEL = Aufgabe
    SHOWS = (Aufgabe.KIND, Konferenz.KIND)
    WRITES = (Aufgabe.KIND,)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, t("tasks.add"), **kwargs)
        self.today = today
        self._conference_date: date | None = None
        self.title = ipw.Text(placeholder=t("tasks.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.responsible = ipw.Text(placeholder=t("tasks.responsible_placeholder"), layout=ipw.Layout(width="100%"))
        self.due = ipw.DatePicker(layout=ipw.Layout(width="180px"))
        self.weeks = ipw.BoundedIntText(value=0, min=-12, max=52, layout=ipw.Layout(width="90px"))
        self.weeks.observe(lambda change: self._due_from_weeks(change["new"]), "value")
        self.weeks_box = labelled(t("tasks.weeks_label"), self.weeks)
        self.summary = ipw.HTML()
        self.children = [
            heading(t("tasks.heading")),
            css(
                ipw.VBox(
                    [
                        self.form_title,
                        ipw.HBox(
                            [
                                labelled(t("tasks.task_label"), self.title, layout=ipw.Layout(flex="2 1 320px")),
                                labelled(t("field.responsible"), self.responsible, layout=ipw.Layout(flex="1 1 200px")),
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
            ),
            self.notice,
            self.summary,
            self.list,
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
        done.observe(lambda change: self.set_done(stored, change["new"]), "value")
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


class ConferenceFiles(WorkbookTool):
    """The programme and the task list as HTML and PDF, and the conference as a calendar entry."""

    SHOWS = (Konferenz.KIND, Programmpunkt.KIND, Aufgabe.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.make = button(t("files.make"), "primary")
        self.make.on_click(lambda _: self.offer())
        self.links = ipw.HTML()
        self.children = [
            heading(t("files.heading")),
            ipw.HTML(f"<div class='rl-help'>{escape(t('files.help'))}</div>"),
            self.make,
            self.notice,
            self.links,
        ]
        self.start()

    def refresh(self) -> None:
        self.links.value = ""  # files made before a change would be out of date

    def offer(self) -> None:
        programme, task_list = programme_document(self.workbook), task_document(self.workbook)
        links = [*document_links(programme, "programm"), *document_links(task_list, "aufgaben")]
        try:
            links.append(download_link("konferenz.ics", "text/calendar", conference_calendar(self.workbook)))
            self.notice.clear()
        except ValueError as error:
            self.notice.show("warning", str(error))
        self.links.value = downloads_html(links)
