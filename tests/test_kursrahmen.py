"""The course frame: the facilitators' file is checked line by line in German, and the pages show its dates."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from regionallabor.core.model import Region
from regionallabor.kursrahmen import (
    ENVIRONMENT,
    TIMEZONE,
    FrameError,
    frame_calendar,
    load_frame,
    module_sessions,
    module_videos,
    next_session,
    parse_frame,
    sessions,
    when,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "deploy" / "kurs.beispiel.toml"


def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TIMEZONE)


def test_the_example_is_complete_and_its_dates_come_in_order():
    frame = parse_frame(example())
    assert frame.kohorte.name.startswith("Regionallabor 2027")
    assert [t.modul for t in frame.termin] == [0, 1, 2, 3, 4, 5, 6, 0]
    assert {w.weggemeinschaft for w in frame.wegg} == {"Deutschland", "Österreich", "Bodensee"}
    assert {v.modul for v in frame.video} == {1, 3, 4, 5}
    everything = sessions(frame)
    assert [s.starts for s in everything] == sorted(s.starts for s in everything)
    assert everything[0].title == "Auftakt: Wer ist dabei, wie läuft der Kurs?"
    assert everything[0].starts.utcoffset().total_seconds() == 3600  # winter time on 1 March
    module3 = module_sessions(frame, 3)
    assert [s.title for s in module3] == ["Modul 3 – Beziehungsnetz: Begleitete Sitzung"]
    assert module3[0].starts.utcoffset().total_seconds() == 7200  # summer time in April
    assert [v.titel for v in module_videos(frame, 3)] == ["Die Akteurslandkarte in zehn Minuten"]


def test_the_next_date_is_the_teams_own_weggemeinschaft_and_a_running_session_stays_next():
    frame = parse_frame(example())
    after_module3 = at("2027-04-09T10:00")
    assert (
        next_session(frame, after_module3, "Österreich").title == "Weggemeinschaft Österreich: Austausch nach Modul 3"
    )
    assert next_session(frame, after_module3, "Bodensee").title == "Weggemeinschaft Bodensee: Austausch nach Modul 3"
    assert next_session(frame, after_module3).title.startswith("Weggemeinschaft Deutschland")  # no WEGG yet: all
    during = next_session(frame, at("2027-04-08T18:30"), "Deutschland")
    assert during.title == "Modul 3 – Beziehungsnetz: Begleitete Sitzung"
    assert next_session(frame, at("2027-06-17T21:00")) is None
    assert when(during.starts) == "Donnerstag, 8. April 2027, 18:00 Uhr"


def test_all_dates_go_into_one_calendar_file():
    calendar = Calendar.from_ical(frame_calendar(parse_frame(example())))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 11
    first = min(events, key=lambda e: e.decoded("dtstart"))
    assert first.decoded("dtstart").isoformat() == "2027-03-01T18:00:00+01:00"
    assert "Regionallabor 2027 · Frühjahrskohorte: Auftakt" in str(first["summary"])
    assert str(first["url"]) == "https://example.org/regionallabor/auftakt"


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


BROKEN = [
    # (line to replace as it starts, replacement, words the message must have)
    ('name = "Regionallabor 2027', 'name = "R"', "„name“ ist zu kurz (mindestens 3 Zeichen)"),
    ("beginn = 2027-03-01\n", "beginn = 2027-13-01\n", None),  # TOML itself refuses month 13
    ("ende = 2027-06-30", "ende = 2027-02-01", "Das Ende der Kohorte liegt vor ihrem Beginn"),
    ('email = "begleitung@', 'email = "begleitung at example"', "„email“ hat nicht die erwartete Form"),
    ('telefon = "+49', 'telefon = "bitte anrufen"', "„telefon“ hat nicht die erwartete Form"),
    (
        'modul = 3\ntitel = "Begleitete Sitzung"',
        'modul = 9\ntitel = "Begleitete Sitzung"',
        "„modul“ darf höchstens 6 sein",
    ),
    ("beginn = 2027-04-08T18:00:00", 'beginn = "am 8. April"', "„beginn“ ist kein Zeitpunkt"),
    ("dauer_minuten = 120", "dauer_minuten = 5", "„dauer_minuten“ muss mindestens 15 sein"),
    ('link = "https://example.org/regionallabor/modul-2"', 'link = "zoom-raum-2"', "„link“ ist kein Link"),
    (
        'weggemeinschaft = "Bodensee"',
        'weggemeinschaft = "Alpen"',
        "„weggemeinschaft“ ist eine von: Deutschland, Österreich, Bodensee",
    ),
    ("minuten = 10", 'minuten = "zehn"', "„minuten“ muss eine ganze Zahl sein"),
    ("minuten = 10\n", 'minuten = 10\nbeschrieb = "kurz"', "„beschrieb“ kennt der Kurs nicht"),
]


@pytest.mark.parametrize(("start", "replacement", "words"), BROKEN, ids=[b[1][:24] for b in BROKEN])
def test_a_broken_field_is_named_with_its_line_in_german(start, replacement, words):
    text = example()
    position = text.index(start)
    end = text.index("\n", position + len(start.rstrip("\n")))  # the whole last line the replacement touches
    broken = text[:position] + replacement.rstrip("\n") + text[end:]
    first = text[:position].count("\n") + 1
    key = re.search(r"„(\w+)“", words or "")
    line = next(  # the line of the key the message names, else the replaced text's first
        (n for n, row in enumerate(broken.splitlines(), start=1) if n >= first and key and row.startswith(key[1])),
        first,
    )
    with pytest.raises(FrameError) as error:
        parse_frame(broken)
    message = str(error.value)
    assert message.startswith(f"kurs.toml, Zeile {line}:"), message
    if words:
        assert words in message
    else:
        assert "Schreibweise der Datei" in message
    assert "Input should" not in message and "Field required" not in message  # nothing of pydantic's English


def test_a_missing_key_is_named_at_its_section():
    text = example()
    broken = text.replace(
        'titel = "Begleitete Sitzung"\nbeginn = 2027-03-18T18:00:00\n', "beginn = 2027-03-18T18:00:00\n"
    )
    with pytest.raises(FrameError) as error:
        parse_frame(broken)
    assert str(error.value) == f"kurs.toml, Zeile {line_of(broken, 'modul = 2') - 1}: „titel“ fehlt."


def test_without_a_file_the_course_is_for_self_learners_and_an_unreadable_one_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    frame = load_frame()
    assert frame.kohorte is None and frame.termin == () and frame.video == ()
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "kurs.toml"))
    assert load_frame().kohorte is None  # the hub names the file before the facilitators have written it
    (tmp_path / "kurs.toml").mkdir()
    with pytest.raises(FrameError, match="Die Kursdatei .*kurs.toml lässt sich nicht lesen: Sie ist keine Textdatei"):
        load_frame()
    (tmp_path / "kurs.toml").rmdir()
    (tmp_path / "kurs.toml").write_text(example(), encoding="utf-8")
    assert load_frame().kohorte is not None
    edited = example().replace("Frühjahrskohorte", "Herbstkohorte")
    (tmp_path / "kurs.toml").write_text(edited, encoding="utf-8")
    import os

    os.utime(tmp_path / "kurs.toml", (1, 2_000_000_000))  # a new modification time, as an edit gives
    assert load_frame().kohorte.name.endswith("Herbstkohorte")  # read again after an edit


def test_the_start_page_shows_the_next_date_for_the_teams_weggemeinschaft(workbook, tmp_path, monkeypatch):
    from regionallabor_widgets.kursrahmen import CourseDates, ModuleSupport

    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "kurs.toml"))
    (tmp_path / "kurs.toml").write_text(example(), encoding="utf-8")
    workbook.save(Region(name="Vorarlberg Mitte", country="AT", weggemeinschaft="Österreich"), None)
    dates = CourseDates(workbook, now=at("2027-04-09T10:00"))
    assert "Nächster Termin: Weggemeinschaft Österreich: Austausch nach Modul 3, Donnerstag, 15. April 2027" in (
        dates.value
    )
    assert "https://example.org/regionallabor/wegg-oesterreich" in dates.value and "target='_blank'" in dates.value
    assert "Jana Krüger" in dates.value and "mailto:begleitung@example.org" in dates.value
    assert "download='regionallabor-termine.ics'" in dates.value
    support = ModuleSupport(3)
    assert "Die Akteurslandkarte in zehn Minuten · 10 Min." in support.value and "Internetverbindung" in support.value
    assert "Donnerstag, 8. April 2027, 18:00 Uhr" in support.value
    assert "Videos" not in ModuleSupport(2).value and "18. März" in ModuleSupport(2).value

    (tmp_path / "kurs.toml").write_text(example().replace("minuten = 10", "minuten = 0"), encoding="utf-8")
    import os

    os.utime(tmp_path / "kurs.toml", (1, 2_100_000_000))
    dates.refresh()
    assert "rl-notice-warning" in dates.value and "Zeile" in dates.value and "„minuten“" in dates.value
    monkeypatch.delenv(ENVIRONMENT)
    dates.refresh()
    assert "Ihr lernt ohne Kohorte" in dates.value
    assert ModuleSupport(3).value == ""
