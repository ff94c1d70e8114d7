"""The course frame: the cohort, its accompanied sessions, the hosting team, the WEGG meetings and the videos.

One TOML file the facilitators edit (``kurs.toml``; see ``deploy/kurs.beispiel.toml``), found through
``$REGIONALLABOR_KURSRAHMEN``; without it the course runs for self-learners (``data/kurs/selbstlernend.toml``).
The file is checked when it is read: a broken one gives a German message naming its line, and the pages say so
instead of showing half of it. Videos are links – they live elsewhere and need the internet; the pages do not.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import Field, HttpUrl, ValidationError, ValidationInfo, field_validator

from regionallabor.core.formatting import TIMEZONE
from regionallabor.core.messages import t
from regionallabor.core.model.base import FileEntry, Weggemeinschaft

ENVIRONMENT = "REGIONALLABOR_KURSRAHMEN"


class Kohorte(FileEntry):
    name: str = Field(min_length=3, max_length=120)
    beginn: date
    ende: date

    @field_validator("ende")
    @classmethod
    def _after_start(cls, end: date, info: ValidationInfo) -> date:
        if "beginn" in info.data and end < info.data["beginn"]:
            raise ValueError(t("frame.end_before_start"))
        return end


class Begleitteam(FileEntry):
    name: str = Field(min_length=3, max_length=120)
    ansprechperson: str = Field(default="", max_length=120)
    email: str = Field(default="", max_length=200, pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
    telefon: str = Field(default="", max_length=40, pattern=r"^$|^[+0-9][0-9 /()-]{4,}$")
    sprechzeiten: str = Field(default="", max_length=200)


class _Dated(FileEntry):
    @field_validator("beginn", check_fields=False)
    @classmethod
    def _in_course_time(cls, moment: datetime) -> datetime:
        """A time without zone is the course's local time (Europe/Berlin, summer time included)."""
        return (moment if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)).astimezone(TIMEZONE)


class Termin(_Dated):
    """An accompanied online session; ``modul`` 0 for one that belongs to the whole course (Auftakt, Abschluss)."""

    modul: int = Field(ge=0, le=6)
    titel: str = Field(min_length=3, max_length=120)
    beginn: datetime  # local time of the course (Europe/Berlin)
    dauer_minuten: int = Field(default=90, ge=15, le=480)
    link: HttpUrl | None = None


class Treffen(_Dated):
    """A meeting of a Weggemeinschaft (WEGG): the teams of one Großregion."""

    weggemeinschaft: Weggemeinschaft
    titel: str = Field(min_length=3, max_length=120)
    beginn: datetime
    dauer_minuten: int = Field(default=90, ge=15, le=480)
    link: HttpUrl | None = None


class Video(FileEntry):
    modul: int = Field(ge=0, le=6)
    titel: str = Field(min_length=3, max_length=120)
    minuten: int = Field(ge=1, le=240)
    beschreibung: str = Field(min_length=10, max_length=400)
    link: HttpUrl


class Kursrahmen(FileEntry):
    kohorte: Kohorte | None = None  # None: self-learners, no cohort
    begleitteam: Begleitteam | None = None
    termin: tuple[Termin, ...] = ()
    wegg: tuple[Treffen, ...] = ()
    video: tuple[Video, ...] = ()

    @property
    def dated(self) -> list[Termin | Treffen]:
        """The sessions and the WEGG meetings, in order."""
        return sorted([*self.termin, *self.wegg], key=lambda s: s.beginn)


class FrameError(ValueError):
    """The course file cannot be used; the message is German and names the line."""


@dataclass(frozen=True)
class Session:
    """A date as the pages show it."""

    title: str  # "Modul 3 – Beziehungsnetz: Begleitete Sitzung"
    starts: datetime  # aware, in the course's time zone
    ends: datetime
    link: str | None


def parse_frame(text: str, source: str = "kurs.toml") -> Kursrahmen:
    """The course frame in ``text``; FrameError („kurs.toml, Zeile 12: …“) for broken TOML or a broken field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise FrameError(t("frame.syntax", source=source, line=line.group(1) if line else "?")) from None
    try:
        return Kursrahmen.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        line = _line_of(text, first["loc"])
        raise FrameError(t("frame.invalid", source=source, line=line, detail=_detail(first))) from None


# pydantic's error types, as the facilitators who edit the file read them
PROBLEMS = {
    "missing": "frame.missing",
    "extra_forbidden": "frame.unknown_key",
    "string_too_short": "frame.too_short",
    "string_too_long": "frame.too_long",
    "string_type": "frame.not_text",
    "string_pattern_mismatch": "frame.pattern",
    "int_parsing": "frame.not_int",
    "int_type": "frame.not_int",
    "int_from_float": "frame.not_int",
    "greater_than_equal": "frame.too_small",
    "less_than_equal": "frame.too_big",
    "date_parsing": "frame.not_date",
    "date_type": "frame.not_date",
    "date_from_datetime_inexact": "frame.not_date",
    "datetime_parsing": "frame.not_datetime",
    "datetime_type": "frame.not_datetime",
    "datetime_from_date_parsing": "frame.not_datetime",
    "url_parsing": "frame.not_url",
    "url_scheme": "frame.not_url",
    "url_type": "frame.not_url",
    "model_type": "frame.not_table",
    "tuple_type": "frame.not_list",
}


def _detail(problem: dict) -> str:
    key = next((part for part in reversed(problem["loc"]) if isinstance(part, str)), "")
    ctx = problem.get("ctx", {})
    if problem["type"] == "value_error":
        return str(ctx.get("error", problem["msg"]))
    if problem["type"] == "literal_error":
        return t("frame.choice", field=key, choices=", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", "")))))
    message = PROBLEMS.get(problem["type"])
    if message is None:
        return t("frame.other", field=key, detail=problem["msg"])
    return t(message, field=key, **{k: v for k, v in ctx.items() if k in ("ge", "le", "min_length", "max_length")})


def _line_of(text: str, loc: tuple) -> int:
    """The line of the key at ``loc`` (e.g. ("termin", 2, "beginn")), or of its table when the key is missing."""
    table, index, key = (loc + (None, None, None))[:3] if loc else (None, None, None)
    if isinstance(index, str):
        index, key = None, index
    header_seen, count, table_line = table is None, -1, 1
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            name = line.strip("[]").strip()
            header_seen = name == table
            if header_seen:
                count += 1
                if index is None or count == index:
                    table_line = number
                else:
                    header_seen = False
            continue
        if header_seen and key and re.match(rf"{re.escape(str(key))}\s*=", line):
            return number
    return table_line


def frame_path() -> Path | None:
    value = os.environ.get(ENVIRONMENT, "").strip()
    return Path(value) if value else None


@cache
def _read(path: str | None, modified: float | None) -> Kursrahmen:
    """Parsed once per version of the file: ``modified`` is part of the cache key, not used inside."""
    if path is None:
        text = (resources.files("regionallabor") / "data" / "kurs" / "selbstlernend.toml").read_text(encoding="utf-8")
        return parse_frame(text, "selbstlernend.toml")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except PermissionError:
        raise FrameError(t("frame.unreadable", source=path, detail=t("frame.no_permission"))) from None
    except (OSError, UnicodeDecodeError):
        raise FrameError(t("frame.unreadable", source=path, detail=t("frame.not_a_text_file"))) from None
    return parse_frame(text, Path(path).name)


def load_frame() -> Kursrahmen:
    """The cohort's frame (read again when the facilitators change the file), or the self-learners' one – also
    while the file the hub names does not exist yet. A file that exists but cannot be read or used is an error."""
    path = frame_path()
    if path is None or not path.exists():
        return _read(None, None)
    return _read(str(path), path.stat().st_mtime)


def _session(entry: Termin | Treffen) -> Session:
    from regionallabor.course import MODULES

    if isinstance(entry, Treffen):
        title = t("frame.wegg_title", wegg=entry.weggemeinschaft, title=entry.titel)
    elif entry.modul:
        module = next(m for m in MODULES if m.number == entry.modul)
        title = t("frame.module_title", number=module.number, module=module.title, title=entry.titel)
    else:
        title = entry.titel
    starts = entry.beginn
    return Session(title, starts, starts + timedelta(minutes=entry.dauer_minuten), _url(entry.link))


def sessions(frame: Kursrahmen, weggemeinschaft: str | None = None) -> list[Session]:
    """Every date of the course in order: the accompanied sessions, and the WEGG meetings of the team's own
    Weggemeinschaft (all of them while it has none)."""
    return [
        _session(entry)
        for entry in frame.dated
        if not (isinstance(entry, Treffen) and weggemeinschaft and entry.weggemeinschaft != weggemeinschaft)
    ]


def next_session(frame: Kursrahmen, now: datetime, weggemeinschaft: str | None = None) -> Session | None:
    """The next date that has not ended yet (a session running now is still next)."""
    return next((s for s in sessions(frame, weggemeinschaft) if s.ends > now), None)


def module_sessions(frame: Kursrahmen, module: int) -> list[Session]:
    return [_session(entry) for entry in sorted(frame.termin, key=lambda e: e.beginn) if entry.modul == module]


def module_videos(frame: Kursrahmen, module: int) -> list[Video]:
    return [v for v in frame.video if v.modul == module]


def _url(link: HttpUrl | None) -> str | None:
    return str(link) if link is not None else None


def when(moment: datetime) -> str:
    """'Donnerstag, 9. April, 18:00 Uhr' – with the year only when it is not this year's."""
    from babel.dates import format_datetime

    pattern = "EEEE, d. MMMM" + (" y" if moment.year != datetime.now(TIMEZONE).year else "") + ", HH:mm 'Uhr'"
    return format_datetime(moment, pattern, locale="de_DE")


def frame_calendar(frame: Kursrahmen) -> bytes:
    """Every course date as one iCalendar file, for the team's calendars."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Mitmach-Regionen Initiative//Regionallabor//DE")
    calendar.add("version", "2.0")
    cohort = frame.kohorte.name if frame.kohorte else "Regionallabor"
    for number, session in enumerate(sessions(frame)):
        event = Event()
        event.add("uid", f"{session.starts:%Y%m%dT%H%M}-{number}@regionallabor")
        event.add("summary", f"{cohort}: {session.title}")
        event.add("dtstart", session.starts)
        event.add("dtend", session.ends)
        event.add("dtstamp", datetime.now(TIMEZONE))
        if session.link:
            event.add("location", session.link)
            event.add("url", session.link)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
