"""What a team sees of its workbook's history: records by kind and name, what an earlier version changes,
and when and by whom, in German. The history itself is kept by the store (:mod:`regionallabor.core.store`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from babel.dates import format_timedelta

from regionallabor.core.formatting import format_timestamp
from regionallabor.core.messages import t
from regionallabor.core.model import FIELD_LABELS, Record
from regionallabor.core.store import Arbeitsmappe, EarlierVersion, Stored

# The field that names a record in a list, the first one filled
NAMING_FIELDS = ("name", "title", "text", "learned", "phase", "input", "note", "notes", "key")
SHOWN_CHARACTERS = 60
RECENT_DAYS = 7  # „vor 3 Tagen“ until then, the date after


def kind_label(kind: str) -> str:
    return t(f"kinds.{kind}", count=1)


def record_label(record: Record) -> str:
    """'Akteur:in „Bäckerei Müller“' – the kind and the record's own name, shortened."""
    name = next((str(value) for field in NAMING_FIELDS if (value := getattr(record, field, None))), "")
    if not name:
        return kind_label(record.KIND)
    if len(name) > SHOWN_CHARACTERS:
        name = name[: SHOWN_CHARACTERS - 1].rstrip() + "…"
    return f"{kind_label(record.KIND)} „{name}“"


def when_and_who(moment: str | None, person: str | None, now: datetime | None = None) -> str:
    """'vor 5 Minuten von Ben', 'am 02.03.2027, 18:10' – relative within a week, the person where known."""
    if not moment:
        return t("history.unknown_time")
    written = datetime.fromisoformat(moment)
    age = (now or datetime.now(UTC)) - written
    if age.total_seconds() < 60:
        when = t("history.just_now")
    elif age.days < RECENT_DAYS:
        when = format_timedelta(-age, locale="de", add_direction=True, threshold=1)
    else:
        when = t("history.on_date", date=format_timestamp(moment))
    return t("history.by_person", when=when, person=person) if person else when


def shown_value(value: object, shorten: bool = True) -> str:
    if value in (None, "", [], ()):
        return t("history.empty_value")
    if isinstance(value, bool):
        return t("history.yes") if value else t("history.no")
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    text = str(value)
    return text if not shorten or len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Difference:
    field: str  # as the form names it
    earlier: str
    now: str


def differences(earlier: Record, current: Record | None, shorten: bool = True) -> list[Difference]:
    """What taking ``earlier`` back would change in ``current`` (every filled field, if the record is gone).

    ``shorten=False`` gives each text whole: a text someone typed and could not save is shown as typed.
    """
    old, new = earlier.model_dump(), current.model_dump() if current is not None else {}
    found = []
    for field, value in old.items():
        if field == "id" or (current is not None and new.get(field) == value):
            continue
        if current is None and value in (None, "", [], (), False):
            continue
        label = t(FIELD_LABELS[field]) if field in FIELD_LABELS else field
        found.append(Difference(label, shown_value(value, shorten), shown_value(new.get(field), shorten)))
    return found


def when_removed(workbook: Arbeitsmappe, cls: type[Record], record_id: str) -> str:
    """When and by whom a record no longer in the workbook was removed: 'gerade eben von Ben'."""
    removal = next((earlier for earlier in workbook.history(cls, record_id) if earlier.removed), None)
    return when_and_who(removal.replaced_at, removal.replaced_by) if removal else t("history.unknown_time")


@dataclass(frozen=True)
class RecentChange:
    """A record as it is now, with its earlier versions (newest first)."""

    current: Stored
    earlier: list[EarlierVersion]


def recent_changes(workbook: Arbeitsmappe, limit: int = 12) -> list[RecentChange]:
    return [
        RecentChange(stored, workbook.history(type(stored.record), stored.record.id))
        for stored in workbook.recently_changed(limit)
    ]
