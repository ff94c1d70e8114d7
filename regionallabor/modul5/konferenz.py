"""Modul 5's conference planner: the Mitmach-Konferenz, its programme, Thementische, guests, budget and tasks.

Format presets carry the initiative's experience (a half-day Werkstatt up to a conference of a day and
a half); applying one fills what is still empty and leaves the team's own entries alone. Tasks are
planned backwards from the conference date, and move with it when the date moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from regionallabor.core.formatting import format_money, german_list
from regionallabor.core.messages import SECTORS, SLOT_FORMATS, t
from regionallabor.core.model import (
    Aufgabe,
    Budgetposten,
    Einladung,
    Herausforderung,
    Konferenz,
    Programmpunkt,
    Thementisch,
)
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS, field_label
from regionallabor.modul3.beziehungsnetz import MapEntry, Network, read_network
from regionallabor.modul5.vorlagen import load_presets
from regionallabor.richtwerte import DOMINANT_SECTOR_SHARE, FORMAT_MINUTES, TABLE_PEOPLE

MODUL5_KINDS = (
    "wirkungslogik",
    Konferenz.KIND,
    Programmpunkt.KIND,
    Thementisch.KIND,
    Einladung.KIND,
    Budgetposten.KIND,
    Aufgabe.KIND,
)
LONGEST_STRETCH_WITHOUT_BREAK = 120  # minutes
BREAK_FORMATS = ("pause", "ankommen")  # arriving with coffee is no work either
MIN_INVITATIONS = 10


class ConferenceRuleError(WorkbookError):
    """A change the planner's rules refuse (an actor who is not on the map, a preset without a date)."""


# Presets (the data: modul5/vorlagen.py)

PRESETS = load_presets()


def preset_agenda(format_key: str) -> list[tuple[str, str, str, str]]:
    """A preset's programme as the handbook prints it: (day, time span, format, title) per slot."""
    preset = PRESETS[format_key]
    return [
        (f"Tag {day}" if preset.days > 1 else "", f"{start}–{end}", SLOT_FORMATS[slot_format], title)
        for day, start, end, slot_format, title in preset.slots
    ]


def preset_schedule(format_key: str) -> list[tuple[str, str]]:
    """A preset's tasks, planned backwards from the conference day: (when, task), earliest first."""
    day = date(2000, 1, 1)  # any day: only the distance to it is printed
    return [
        (weeks_before(day - timedelta(weeks=weeks), day), title)
        for weeks, title in sorted(PRESETS[format_key].tasks, key=lambda task: -task[0])
    ]


def preset_budget(format_key: str) -> tuple[list[tuple[str, str]], str]:
    """A preset's budget lines with German amounts, and their total."""
    lines = PRESETS[format_key].budget
    return [(title, format_money(amount)) for title, amount in lines], format_money(sum(amount for _, amount in lines))


@dataclass(frozen=True)
class PresetResult:
    revision: int
    slots: int
    tasks: int
    budget: int
    kept: tuple[str, ...]  # parts the team had filled already, left as they were


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def apply_preset(workbook: Arbeitsmappe, format_key: str) -> PresetResult:
    """Take a format's days, size, programme, tasks and budget – each part only if the team has none yet.

    Tasks need the conference date to be planned backwards from; without a date they are left out.
    """
    preset = PRESETS[format_key]
    with workbook.transaction() as tx:
        stored = workbook.get(Konferenz)
        conference = stored.record if stored else Konferenz()
        conference = Konferenz.model_validate(
            {
                **conference.model_dump(),
                "format": format_key,
                "days": preset.days,
                "expected_people": conference.expected_people or preset.expected_people,
            }
        )
        tx.add(conference) if stored is None else tx.update(conference, stored.version)
        kept, counts = [], {"slots": 0, "tasks": 0, "budget": 0}
        if workbook.count_kind(Programmpunkt.KIND):
            kept.append(t("conference.part.programme"))
        else:
            for day, start, end, slot_format, title in preset.slots:
                tx.add(Programmpunkt(day=day, start=_clock(start), end=_clock(end), format=slot_format, title=title))
            counts["slots"] = len(preset.slots)
        if workbook.count_kind(Aufgabe.KIND):
            kept.append(t("conference.part.tasks"))
        elif conference.starts_on is not None:
            for weeks, title in preset.tasks:
                tx.add(Aufgabe(title=title, due=conference.starts_on - timedelta(weeks=weeks)))
            counts["tasks"] = len(preset.tasks)
        if workbook.count_kind(Budgetposten.KIND):
            kept.append(t("conference.part.budget"))
        else:
            for title, planned in preset.budget:
                tx.add(Budgetposten(title=title, planned=planned))
            counts["budget"] = len(preset.budget)
    return PresetResult(tx.revision, counts["slots"], counts["tasks"], counts["budget"], tuple(kept))


# The conference itself


def conference(workbook: Arbeitsmappe) -> Stored[Konferenz] | None:
    return workbook.get(Konferenz)


def save_conference(workbook: Arbeitsmappe, updated: Konferenz, version: int | None) -> tuple[Stored[Konferenz], int]:
    """Keep the conference's details; open tasks keep their distance to the date when it moves.

    Returns the stored conference and how many tasks moved with it.
    """
    with workbook.transaction() as tx:
        stored = workbook.get(Konferenz)
        old_date = stored.record.starts_on if stored else None
        saved = tx.add(updated) if version is None else tx.update(updated, version)
        moved = 0
        if old_date and updated.starts_on and updated.starts_on != old_date:
            shift = updated.starts_on - old_date
            for task in workbook.list(Aufgabe):
                if not task.record.done:
                    tx.update(task.record.model_copy(update={"due": task.record.due + shift}), task.version)
                    moved += 1
    return saved, moved


# Programme


def agenda(workbook: Arbeitsmappe) -> list[Stored[Programmpunkt]]:
    """The programme in time order: by day, start and end."""
    return sorted(workbook.list(Programmpunkt), key=lambda s: (s.record.day, s.record.start, s.record.end))


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def clock(moment: time) -> str:
    return f"{moment:%H:%M}"


@dataclass(frozen=True)
class AgendaIssue:
    slot_ids: tuple[str, ...]
    severity: str  # "error" (overlap, a day the conference does not have), "warning" (gap, no break)
    message: str


def agenda_issues(slots: list[Programmpunkt], days: int = 1) -> list[AgendaIssue]:
    """Overlaps, gaps, days beyond the conference and long stretches without a break, in programme order."""
    issues: list[AgendaIssue] = []
    ordered = sorted(slots, key=lambda s: (s.day, s.start, s.end))
    for slot in ordered:
        if slot.day > days:
            issues.append(
                AgendaIssue((slot.id,), "error", t("agenda.beyond_days", title=slot.title, day=slot.day, days=days))
            )
        if (length := length_issue(slot)) is not None:
            issues.append(AgendaIssue((slot.id,), "warning", length))
    for day in sorted({s.day for s in ordered}):
        todays = [s for s in ordered if s.day == day]
        latest = todays[0]
        stretch_start = None if todays[0].format in BREAK_FORMATS else todays[0].start
        for slot in todays[1:]:
            if slot.start < latest.end:
                issues.append(
                    AgendaIssue(
                        (latest.id, slot.id),
                        "error",
                        t(
                            "agenda.overlap",
                            first=latest.title,
                            second=slot.title,
                            span=f"{clock(slot.start)}–{clock(min(slot.end, latest.end))}",
                        ),
                    )
                )
            elif slot.start > latest.end:
                gap = _minutes(slot.start) - _minutes(latest.end)
                issues.append(
                    AgendaIssue(
                        (latest.id, slot.id),
                        "warning",
                        t("agenda.gap", minutes=gap, first=latest.title, second=slot.title),
                    )
                )
            if latest.end < slot.end:
                latest = slot
            if slot.format in BREAK_FORMATS:
                stretch_start = None
            elif stretch_start is None:
                stretch_start = slot.start
            elif _minutes(slot.end) - _minutes(stretch_start) > LONGEST_STRETCH_WITHOUT_BREAK:
                issues.append(
                    AgendaIssue(
                        (slot.id,), "warning", t("agenda.no_break", since=clock(stretch_start), until=clock(slot.end))
                    )
                )
                stretch_start = None
    return issues


def length_issue(slot: Programmpunkt) -> str | None:
    """A programme item shorter or longer than the course's Richtwert for its format, in words."""
    least, most = FORMAT_MINUTES.get(slot.format, (None, None))
    minutes = _minutes(slot.end) - _minutes(slot.start)
    format_label = SLOT_FORMATS[slot.format]
    if most is not None and minutes > most:
        return t("agenda.too_long", title=slot.title, minutes=minutes, format=format_label, most=most)
    if least is not None and minutes < least:
        return t("agenda.too_short", title=slot.title, minutes=minutes, format=format_label, least=least)
    return None


def days_of(conference_record: Konferenz | None, slots: list[Programmpunkt]) -> int:
    """How many days the programme runs: the conference's own number, or what the slots use."""
    if conference_record is not None:
        return conference_record.days
    return max((s.day for s in slots), default=1)


def day_label(conference_record: Konferenz | None, day: int) -> str:
    """'Tag 1 · Sa 13.06.2026' when the date is known, else 'Tag 1'."""
    if conference_record is None or conference_record.starts_on is None:
        return t("agenda.day", day=day)
    when = conference_record.starts_on + timedelta(days=day - 1)
    weekday = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")[when.weekday()]
    return f"{t('agenda.day', day=day)} · {weekday} {when:%d.%m.%Y}"


# Thementische


def topic_tables(workbook: Arbeitsmappe) -> list[Stored[Thementisch]]:
    """The tables grouped by Handlungsfeld, in the order the fields are always shown."""
    order = list(ALL_FIELDS)
    return sorted(workbook.list(Thementisch), key=lambda s: order.index(s.record.field))


def open_challenges(challenges: list[Herausforderung], tables: list[Stored[Thementisch]]) -> list[Herausforderung]:
    """The challenges from Modul 2 that no table works on yet."""
    taken = {s.record.challenge_id for s in tables}
    return [challenge for challenge in challenges if challenge.id not in taken]


def table_issues(tables: list[Thementisch], expected_people: int | None) -> list[str]:
    """Tables without a host or too big, and whether the seats fit the expected number of guests."""
    issues = [t("tables.no_host", title=table.title) for table in tables if not table.host]
    issues += [
        t("tables.too_big", title=table.title, people=table.people, most=TABLE_PEOPLE[1])
        for table in tables
        if table.people > TABLE_PEOPLE[1]
    ]
    seats = sum(table.people for table in tables)
    if tables and expected_people and seats < expected_people * 0.8:
        # enough tables of the largest size the course advises for everyone who is expected
        more = -(-(expected_people - seats) // TABLE_PEOPLE[1])
        issues.append(t("tables.too_few_seats", seats=seats, expected=expected_people, count=more))
    return issues


# Einladungen


@dataclass(frozen=True)
class Guest:
    actor: MapEntry
    invitation: Stored[Einladung]


def guest_list(workbook: Arbeitsmappe, network: Network) -> list[Guest]:
    """The invited actors, by name; invitations whose actor has left the map are not shown."""
    guests = [Guest(network.by_id[s.record.id], s) for s in workbook.list(Einladung) if s.record.id in network.by_id]
    return sorted(guests, key=lambda g: g.actor.name.casefold())


def invite(workbook: Arbeitsmappe, names: list[str]) -> tuple[int, list[str]]:
    """Put actors from the map on the guest list (status offen); returns the revision and who was new.

    Refused as a whole, with a German message, when a name is not on the map.
    """
    with workbook.transaction() as tx:
        network = read_network(workbook)
        actors = []
        for name in names:
            actor = network.find(name)
            if actor is None:
                raise ConferenceRuleError(t("invite.unknown_actor", name=name))
            actors.append(actor)
        added = []
        for actor in actors:
            if workbook.get(Einladung, actor.id) is None and actor.name not in added:
                if actor.version is None:  # a Schatz der Region gets its actor record now
                    tx.add(actor.record)
                tx.add(Einladung(id=actor.id))
                added.append(actor.name)
    return tx.revision, added


@dataclass(frozen=True)
class DiversityCheck:
    by_sector: dict[str, int]  # every standard sector, then the team's own, with the guests not declined
    by_field: dict[str, int]
    findings: list[str]
    suggestions: list[MapEntry]  # actors on the map, not invited, who would close a gap


def diversity_check(guests: list[Guest], network: Network, limit: int = 6) -> DiversityCheck:
    """Who is (not) at the table: sectors and Handlungsfelder among the guests who have not declined."""
    coming = [g.actor for g in guests if g.invitation.record.status != "abgesagt"]
    by_sector = {key: 0 for key in SECTORS}
    by_field = {key: 0 for key in ALL_FIELDS}
    for actor in coming:
        by_sector[actor.record.sector] = by_sector.get(actor.record.sector, 0) + 1
        for field in actor.record.handlungsfelder:
            by_field[field] += 1
    findings = []
    if coming:
        no_sector = [label for key, label in SECTORS.items() if not by_sector[key]]
        no_field = [field_label(key) for key in ALL_FIELDS if not by_field[key]]
        if no_sector:
            findings.append(t("diversity.no_sectors", count=len(no_sector), sectors=german_list(no_sector)))
        if no_field:
            findings.append(t("diversity.no_fields", count=len(no_field), fields=german_list(no_field)))
        top_sector, top_count = max(by_sector.items(), key=lambda item: item[1])
        if len(coming) >= 6 and top_count > DOMINANT_SECTOR_SHARE * len(coming):
            findings.append(
                t("diversity.dominant", sector=SECTORS.get(top_sector, top_sector), count=top_count, total=len(coming))
            )
    invited = {g.actor.id for g in guests}
    missing_sectors = {key for key in SECTORS if not by_sector[key]}
    missing_fields = {key for key in ALL_FIELDS if not by_field[key]}

    def closes(actor: MapEntry) -> int:
        return (actor.record.sector in missing_sectors) + len(missing_fields & set(actor.record.handlungsfelder))

    candidates = [a for a in network.actors if a.id not in invited and closes(a)]
    candidates.sort(key=lambda a: (-closes(a), -a.record.influence, a.name.casefold()))
    return DiversityCheck(by_sector, by_field, findings, candidates[:limit])


# Budget and tasks


@dataclass(frozen=True)
class BudgetTotals:
    """Costs and income, each planned and so far actual, and what is still not covered."""

    planned: float
    actual: float
    lines_with_actual: int
    income_planned: float = 0
    income_actual: float = 0
    income_lines: int = 0
    income_with_actual: int = 0

    @property
    def difference(self) -> float:
        return self.actual - self.planned

    @property
    def gap(self) -> float:
        """Planned costs not covered by planned income; negative: more income than costs."""
        return self.planned - self.income_planned


def budget_totals(lines: list[Budgetposten]) -> BudgetTotals:
    costs = [line for line in lines if line.kind == "ausgabe"]
    income = [line for line in lines if line.kind == "einnahme"]
    return BudgetTotals(
        sum(line.planned for line in costs),
        sum(line.actual or 0 for line in costs),
        sum(line.actual is not None for line in costs),
        sum(line.planned for line in income),
        sum(line.actual or 0 for line in income),
        len(income),
        sum(line.actual is not None for line in income),
    )


def tasks(workbook: Arbeitsmappe) -> list[Stored[Aufgabe]]:
    """Open tasks by due date, then the done ones."""
    return sorted(workbook.list(Aufgabe), key=lambda s: (s.record.done, s.record.due, s.record.title.casefold()))


def weeks_before(due: date, conference_date: date | None) -> str:
    """'8 Wochen vorher', '3 Tage vorher', 'am Konferenztag', '1 Woche danach' – empty without a date."""
    if conference_date is None:
        return ""
    days = (conference_date - due).days
    if days == 0:
        return t("tasks.on_the_day")
    amount, unit_key = (abs(days) // 7, "week") if abs(days) % 7 == 0 else (abs(days), "day")
    unit = t(f"tasks.{unit_key}s", count=amount)
    return t("tasks.before" if days > 0 else "tasks.after", span=unit)
