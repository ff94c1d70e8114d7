"""What a team takes out of Modul 5: the programme, the task list, the budget, the calendar entry."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from regionallabor.core.formatting import TIMEZONE, format_date, format_money
from regionallabor.core.messages import CONFERENCE_FORMATS, SLOT_FORMATS, t
from regionallabor.core.model import Budgetposten, Konferenz, Programmpunkt
from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.dokument import Document, Heading, Paragraph, Table
from regionallabor.dokumente.kopf import stand, team_name
from regionallabor.modul5.konferenz import agenda, budget_totals, clock, conference, day_label, tasks, weeks_before


def conference_title(record: Konferenz | None) -> str:
    return (record.title if record and record.title else "") or t("conference.default_title")


def conference_subtitle(record: Konferenz | None, team: str) -> str:
    parts = []
    if record and record.starts_on:
        first = format_date(record.starts_on.isoformat())
        if record.days > 1:
            last = record.starts_on + timedelta(days=record.days - 1)
            first = f"{first} bis {format_date(last.isoformat())}"
        parts.append(first)
    if record and record.venue:
        parts.append(record.venue)
    if team:
        parts.append(t("export.by_team", team=team))
    return " · ".join(parts)


def programme_document(workbook: Arbeitsmappe, today: date | None = None) -> Document:
    """The timetable, one table per day: time, programme item, format, place, who is responsible."""
    stored = conference(workbook)
    record = stored.record if stored else None
    document = Document(conference_title(record), conference_subtitle(record, team_name(workbook)), footer=stand(today))
    return document.add(*programme_blocks(workbook, record))


def programme_blocks(workbook: Arbeitsmappe, record: Konferenz | None) -> list:
    slots = [s.record for s in agenda(workbook)]
    if not slots:
        return [Paragraph(t("export.no_programme"), "muted")]
    blocks: list = []
    days = sorted({slot.day for slot in slots})
    for day in days:
        todays = [slot for slot in slots if slot.day == day]
        if len(days) > 1 or (record and record.starts_on):
            blocks.append(Heading(day_label(record, day)))
        blocks.append(
            Table(
                [
                    t("export.col.time"),
                    t("export.col.item"),
                    t("export.col.format"),
                    t("export.col.place"),
                    t("export.col.responsible"),
                ],
                [
                    [f"{clock(s.start)}–{clock(s.end)}", s.title, SLOT_FORMATS[s.format], s.place, s.responsible]
                    for s in todays
                ],
                [0.16, 0.35, 0.17, 0.13, 0.19],
                frozenset(i for i, s in enumerate(todays) if s.format == "pause"),
            )
        )
    return blocks


def task_document(workbook: Arbeitsmappe, today: date | None = None) -> Document:
    """Every task with its due date, its distance to the conference, who does it and whether it is done."""
    record, document = _conference_document(workbook, "export.tasks_title", today)
    task_list = [s.record for s in tasks(workbook)]
    if not task_list:
        return document.add(Paragraph(t("export.no_tasks"), "muted"))
    starts_on = record.starts_on if record else None
    document.add(
        Table(
            [t("export.col.due"), t("export.col.task"), t("export.col.responsible"), t("export.col.done")],
            [
                [
                    f"{format_date(task.due.isoformat())}\n{weeks_before(task.due, starts_on)}".strip(),
                    task.title,
                    task.responsible,
                    t("export.done") if task.done else "",
                ]
                for task in task_list
            ],
            [0.2, 0.5, 0.18, 0.12],
            frozenset(i for i, task in enumerate(task_list) if task.done),
        )
    )
    return document


def budget_document(workbook: Arbeitsmappe, today: date | None = None) -> Document:
    """Costs and income, planned and so far actual, with their sums and what is not yet covered – for funders."""
    _, document = _conference_document(workbook, "export.budget_title", today)
    lines = [s.record for s in workbook.list(Budgetposten)]
    if not lines:
        return document.add(Paragraph(t("export.no_budget"), "muted"))
    totals = budget_totals(lines)

    def money(value: float | None) -> str:
        return "" if value is None else format_money(value)

    for kind, heading, done_column, planned, actual, none in (
        ("ausgabe", "budget.costs", "export.col.actual", totals.planned, totals.actual, "budget.no_costs"),
        (
            "einnahme",
            "budget.income",
            "export.col.received",
            totals.income_planned,
            totals.income_actual,
            "budget.no_income",
        ),
    ):
        of_kind = [line for line in lines if line.kind == kind]
        document.add(Heading(t(heading)))
        if not of_kind:
            document.add(Paragraph(t(none), "muted"))
            continue
        rows = [[line.title, money(line.planned), money(line.actual)] for line in of_kind]
        rows.append([t("export.col.sum"), money(planned), money(actual)])
        document.add(Table([t("export.col.line"), t("export.col.planned"), t(done_column)], rows, [0.56, 0.22, 0.22]))
    if totals.income_lines:
        if totals.gap > 0:
            document.add(Paragraph(t("budget.gap", amount=format_money(totals.gap))))
        elif totals.gap < 0:
            document.add(Paragraph(t("budget.surplus", amount=format_money(-totals.gap))))
        else:
            document.add(Paragraph(t("budget.covered")))
    return document


def _conference_document(
    workbook: Arbeitsmappe, title_key: str, today: date | None
) -> tuple[Konferenz | None, Document]:
    """The conference record and an empty document titled „<part>: <conference>“, with team and date."""
    stored = conference(workbook)
    record = stored.record if stored else None
    title = t(title_key, title=conference_title(record))
    return record, Document(title, conference_subtitle(record, team_name(workbook)), footer=stand(today))


def conference_calendar(workbook: Arbeitsmappe) -> bytes:
    """The conference as an iCalendar file: one event per day, from its first to its last programme item.

    Refused (ValueError with a German message) while the conference has no date.
    """
    from icalendar import Calendar, Event

    stored = conference(workbook)
    record = stored.record if stored else None
    if record is None or record.starts_on is None:
        raise ValueError(t("export.calendar_needs_date"))
    slots = [s.record for s in agenda(workbook)]
    calendar = Calendar()
    calendar.add("prodid", "-//Mitmach-Regionen Initiative//Regionallabor//DE")
    calendar.add("version", "2.0")
    title = conference_title(record)
    for day in range(1, record.days + 1):
        todays = [slot for slot in slots if slot.day == day]
        start, end = _day_span(todays)
        when = record.starts_on + timedelta(days=day - 1)
        event = Event()
        event.add("uid", f"{record.starts_on.isoformat()}-{day}-{stored.record.id}@regionallabor")
        event.add("summary", title if record.days == 1 else f"{title} ({t('agenda.day', day=day)})")
        event.add("dtstart", datetime.combine(when, start, TIMEZONE))
        event.add("dtend", datetime.combine(when, end, TIMEZONE))
        event.add("dtstamp", datetime.now(TIMEZONE))
        if record.venue:
            event.add("location", record.venue)
        if todays:
            event.add("description", "\n".join(f"{clock(s.start)}–{clock(s.end)} {s.title}" for s in todays))
        if record.format:
            event.add("categories", [CONFERENCE_FORMATS[record.format].split(":")[0]])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _day_span(slots: list[Programmpunkt]):
    """First start and last end of a day's programme; 9 to 17 o'clock for a day without one."""
    if not slots:
        return time(9, 0), time(17, 0)
    return min(s.start for s in slots), max(s.end for s in slots)
