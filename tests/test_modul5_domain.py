"""Modul 5's domain: the Wirkungslogik check, presets, programme checks, guests, budget, tasks and exports."""

from __future__ import annotations

from datetime import date, time

import pytest
from icalendar import Calendar
from pydantic import ValidationError

from regionallabor.core.model import (
    Akteur,
    Aufgabe,
    Budgetposten,
    Einladung,
    Herausforderung,
    Indikator,
    Konferenz,
    Programmpunkt,
    Schatz,
    Team,
    Thementisch,
    Wirkungslogik,
    Ziel,
    explain,
)
from regionallabor.course import MODULES, Status
from regionallabor.dokumente.dokument import to_html, to_pdf
from regionallabor.modul3.beziehungsnetz import load_network, save_actor
from regionallabor.modul5.konferenz import (
    PRESETS,
    ConferenceRuleError,
    agenda,
    agenda_issues,
    apply_preset,
    budget_totals,
    diversity_check,
    guest_list,
    invite,
    open_challenges,
    save_conference,
    table_issues,
    tasks,
    weeks_before,
)
from regionallabor.modul5.konferenzdateien import conference_calendar, programme_document, task_document
from regionallabor.modul5.selbstcheck import missing as module5_missing
from regionallabor.modul5.wirkungslogik import LogicRuleError, check_logic, is_complete, save_logic
from tests.helpers import pdf_text


def slot(start, end, title="Punkt", day=1, format="thementische"):
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return Programmpunkt(day=day, start=time(h1, m1), end=time(h2, m2), title=title, format=format)


# Wirkungslogik


def test_an_empty_chain_lacks_all_four_levels_and_an_indicator():
    findings = check_logic(None)
    assert [f.level for f in findings] == ["input", "output", "outcome", "impact", "indicators"]
    assert all(f.severity == "error" for f in findings)
    assert not is_complete(None)


def test_activities_and_satisfaction_where_effects_belong_are_flagged():
    logic = Wirkungslogik(
        id="z1",
        input="Zwei Ehrenamtliche, 500 € vom Gemeinderat",
        output="Wir organisieren vier Repair-Café-Nachmittage",
        outcome="Die Teilnehmenden sind zufrieden mit dem Angebot",
        impact="Wir führen jedes Jahr einen Aktionstag durch",
        indicators=[Indikator(text="Zahl der Besucher:innen", level="output")],
    )
    findings = {f.level: f for f in check_logic(logic)}
    assert findings["impact"].severity == "warning" and "klingt nach einer Aktivität" in findings["impact"].message
    assert findings["outcome"].severity == "warning" and "Stufe 3 der Wirkungstreppe" in findings["outcome"].message
    assert "output" not in findings  # activities are right at the Output level
    messages = [f.message for f in check_logic(logic) if f.level == "indicators"]
    assert any("nur den Output" in m for m in messages) and any(
        "woran ihr die Veränderung merkt" in m for m in messages
    )
    assert is_complete(logic)  # warnings point at mix-ups; the chain itself is there


def test_a_sound_chain_gets_one_encouraging_finding():
    logic = Wirkungslogik(
        id="z1",
        input="Zwei Ehrenamtliche, Raum im Pfarrheim",
        output="Monatliches Repair-Café, 30 Gäste",
        outcome="Gäste reparieren Geräte selbst und bringen Nachbar:innen mit",
        outcome_step=5,
        impact="Weniger Elektroschrott in der Gemeinde",
        indicators=[Indikator(text="Reparaturquote", noticed_by="Liste am Ausgang", level="outcome")],
    )
    (finding,) = check_logic(logic)
    assert finding.severity == "ok" and "vollständig" in finding.message


def test_a_logic_needs_its_goal(workbook):
    with pytest.raises(LogicRuleError, match="Dieses Ziel gibt es nicht mehr"):
        save_logic(workbook, Wirkungslogik(id="weg", input="x"), None)
    goal = workbook.add(Ziel(title="Dorfauto", handlungsfelder=["mobilitaet"]))
    saved = save_logic(workbook, Wirkungslogik(id=goal.record.id, input="x"), None)
    assert saved.record.input == "x"


# The conference


def test_a_slot_that_ends_before_it_starts_is_refused_in_german():
    with pytest.raises(ValidationError) as error:
        slot("11:00", "10:30")
    assert explain(error.value) == "Das Ende muss nach dem Beginn liegen."
    with pytest.raises(ValidationError) as error:
        Budgetposten(title="Raum", planned=-50)
    assert explain(error.value) == "Geplant (€): Die Zahl darf nicht negativ sein."


def test_overlaps_gaps_long_stretches_and_days_beyond_the_conference_are_flagged():
    slots = [
        slot("09:00", "10:00", "Begrüßung"),
        slot("09:45", "10:30", "Impuls"),
        slot("10:45", "12:30", "Tische"),
        slot("12:30", "13:00", "Pause", format="pause"),
        slot("13:00", "14:00", "Café", day=2),
    ]
    issues = agenda_issues(slots, days=1)
    messages = [i.message for i in issues]
    assert "„Tische“ liegt an Tag 2" not in " ".join(messages)
    assert "„Café“ liegt an Tag 2, eure Konferenz hat aber nur 1 Tag(e)." in messages
    assert "„Begrüßung“ und „Impuls“ überschneiden sich (09:45–10:00)." in messages
    assert "15 Minuten Lücke zwischen „Impuls“ und „Tische“ – fehlt eine Pause?" in messages
    assert "Von 09:00 bis 12:30 ohne Pause – nach spätestens zwei Stunden brauchen alle eine." in messages
    assert [i.severity for i in issues].count("error") == 2
    assert agenda_issues([slot("09:00", "10:00"), slot("10:00", "11:00")]) == []


def test_every_preset_is_a_clean_programme():
    for key, preset in PRESETS.items():
        slots = [
            Programmpunkt(
                day=d, start=time(*map(int, s.split(":"))), end=time(*map(int, e.split(":"))), format=f, title=title
            )
            for d, s, e, f, title in preset.slots
        ]
        assert agenda_issues(slots, preset.days) == [], key


def test_a_preset_fills_only_what_is_empty_and_plans_tasks_backwards(workbook):
    workbook.add(Budgetposten(title="Saalmiete laut Angebot", planned=250))
    save_conference(workbook, Konferenz(starts_on=date(2027, 5, 8), venue="Bürgerhaus Auenfeld"), None)
    result = apply_preset(workbook, "konferenz")
    assert (result.slots, result.tasks, result.budget) == (9, 11, 0) and result.kept == ("Budget",)
    stored = workbook.get(Konferenz).record
    assert (stored.format, stored.days, stored.expected_people, stored.venue) == (
        "konferenz",
        1,
        60,
        "Bürgerhaus Auenfeld",
    )
    invitations = next(s.record for s in tasks(workbook) if s.record.title.startswith("Einladungen verschicken"))
    assert invitations.due == date(2027, 3, 13)  # eight weeks before
    assert weeks_before(invitations.due, stored.starts_on) == "8 Wochen vorher"
    assert weeks_before(date(2027, 5, 15), stored.starts_on) == "1 Woche danach"
    assert weeks_before(date(2027, 5, 5), stored.starts_on) == "3 Tage vorher"
    assert [s.record.title for s in workbook.list(Budgetposten)] == ["Saalmiete laut Angebot"]
    again = apply_preset(workbook, "werkstatt")
    assert (again.slots, again.tasks) == (0, 0) and again.kept == ("Programm", "Aufgaben", "Budget")


def test_open_tasks_move_with_the_conference_date_done_ones_stay(workbook):
    stored, _ = save_conference(workbook, Konferenz(starts_on=date(2027, 5, 8)), None)
    workbook.add(Aufgabe(title="Raum reservieren", due=date(2027, 3, 1)))
    workbook.add(Aufgabe(title="Förderantrag", due=date(2027, 2, 1), done=True))
    _, moved = save_conference(
        workbook, stored.record.model_copy(update={"starts_on": date(2027, 5, 22)}), stored.version
    )
    assert moved == 1
    dues = {s.record.title: s.record.due for s in tasks(workbook)}
    assert dues == {"Raum reservieren": date(2027, 3, 15), "Förderantrag": date(2027, 2, 1)}


def test_tables_are_checked_for_hosts_size_and_seats(workbook):
    challenge = workbook.add(Herausforderung(field="mobilitaet", text="Busse fahren selten"))
    workbook.add(Herausforderung(field="energie", text="Dächer ohne Solaranlagen"))
    bus = workbook.add(
        Thementisch(
            title="Mobil ohne eigenes Auto",
            field="mobilitaet",
            challenge_id=challenge.record.id,
            host="Jonas",
            people=20,
        )
    )
    challenges = [s.record for s in workbook.list(Herausforderung)]
    assert [c.text for c in open_challenges(challenges, [bus])] == ["Dächer ohne Solaranlagen"]
    solar = Thementisch(title="Sonne auf jedes Dach", field="energie")
    issues = table_issues([bus.record, solar], expected_people=60)
    assert issues == [
        "„Sonne auf jedes Dach“ hat noch keine Gastgeber:in.",
        "An „Mobil ohne eigenes Auto“ sollen 20 Menschen sitzen – mit mehr als 12 kommen nicht alle zu Wort. "
        "Teilt den Tisch.",
        "An den Thementischen sind 28 Plätze, erwartet werden 60 Menschen – plant noch 3 Tische ein.",
    ]


def test_invitations_come_from_the_actor_map_and_the_diversity_check_names_the_gaps(workbook):
    for name, sector, fields in [
        ("Bürgerenergie eG", "wirtschaft", ["energie"]),
        ("Jugendrat", "zivilgesellschaft", ["zusammenhalt"]),
        ("Bauamt", "verwaltung", ["bauen", "mobilitaet"]),
    ]:
        save_actor(workbook, Akteur(name=name, sector=sector, handlungsfelder=fields), None)
    workbook.add(Schatz(name="Hofladen Sonnenwiese", field="landwirtschaft"))
    with pytest.raises(ConferenceRuleError, match="„Gemeinderätin Weber“ steht nicht auf eurer Akteurslandkarte"):
        invite(workbook, ["Bürgerenergie eG", "Gemeinderätin Weber"])
    assert workbook.list(Einladung) == []  # refused as a whole
    _, added = invite(workbook, ["Bürgerenergie eG", "Jugendrat", "Hofladen Sonnenwiese", "Jugendrat"])
    assert added == ["Bürgerenergie eG", "Jugendrat", "Hofladen Sonnenwiese"]
    assert invite(workbook, ["Jugendrat"])[1] == []
    network = load_network(workbook)
    guests = guest_list(workbook, network)
    assert [g.actor.name for g in guests] == ["Bürgerenergie eG", "Hofladen Sonnenwiese", "Jugendrat"]
    check = diversity_check(guests, network)
    assert check.findings == [
        "Ihr ladet bisher niemanden aus den Sektoren Verwaltung, Politik, Bildung & Wissenschaft und Medien & Kultur ein.",
        "Für die Handlungsfelder Bauen & Wohnen, Mobilität und Wirtschaft ist noch niemand eingeladen.",
    ]
    assert [a.name for a in check.suggestions] == ["Bauamt"]
    assert check.by_sector["wirtschaft"] == 1 and check.by_field["landwirtschaft"] == 1
    declined = next(g for g in guests if g.actor.name == "Bürgerenergie eG").invitation
    workbook.update(declined.record.model_copy(update={"status": "abgesagt"}), declined.version)
    check = diversity_check(guest_list(workbook, network), network)
    assert (
        "Für die Handlungsfelder Energie, Bauen & Wohnen, Mobilität und Wirtschaft ist noch niemand eingeladen."
        in check.findings
    )


def test_budget_totals():
    lines = [Budgetposten(title="Raum", planned=300, actual=250), Budgetposten(title="Essen", planned=1500)]
    totals = budget_totals(lines)
    assert (totals.planned, totals.actual, totals.lines_with_actual, totals.difference) == (1800, 250, 1, -1550)


def test_programme_and_tasks_export_as_html_pdf_and_calendar(workbook):
    workbook.save(Team(name="Mitmach-Team Auenfeld"), None)
    save_conference(
        workbook, Konferenz(title="Auenfeld macht mit", starts_on=date(2027, 6, 11), venue="Alte Mühle"), None
    )
    apply_preset(workbook, "gross")
    workbook.add(Programmpunkt(day=1, start=time(21, 0), end=time(21, 30), title="Ausklang <am Feuer>", format="pause"))
    programme = programme_document(workbook, today=date(2026, 11, 23))
    html = to_html(programme)
    assert "<h1>Auenfeld macht mit</h1>" in html and "11.06.2027 bis 12.06.2027 · Alte Mühle" in html
    assert "Tag 1 · Fr 11.06.2027" in html and "Tag 2 · Sa 12.06.2027" in html
    assert "Ausklang &lt;am Feuer&gt;" in html and "Open Space: Eure Projekte für die Region" in html
    text = pdf_text(to_pdf(programme))
    for expected in (
        "Auenfeld macht mit",
        "09:15–11:15",
        "Open Space: Eure Projekte für die Region",
        "Fishbowl",
        "Ausklang <am Feuer>",
        "Tag 2 · Sa 12.06.2027",
    ):
        assert expected in text
    task_text = pdf_text(to_pdf(task_document(workbook)))
    assert "Save-the-Date verschicken" in task_text and "12 Wochen vorher" in task_text
    calendar = Calendar.from_ical(conference_calendar(workbook))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Auenfeld macht mit (Tag 1)", "Auenfeld macht mit (Tag 2)"]
    assert events[0].decoded("dtstart").isoformat() == "2027-06-11T13:00:00+02:00"
    assert events[0].decoded("dtend").isoformat() == "2027-06-11T21:30:00+02:00"  # the added "Ausklang"
    assert events[1].decoded("dtend").isoformat() == "2027-06-12T13:00:00+02:00"
    assert str(events[0]["location"]) == "Alte Mühle"
    assert calendar.walk("VTIMEZONE")


def test_the_calendar_needs_a_date(workbook):
    with pytest.raises(ValueError, match="braucht eure Konferenz zuerst ein Datum"):
        conference_calendar(workbook)


def test_module5_status_names_what_is_missing(workbook):
    module = MODULES[4]
    assert module.status(workbook) is Status.NOT_STARTED
    goal = workbook.add(Ziel(title="Dorfauto", handlungsfelder=["mobilitaet"]))
    workbook.add(Wirkungslogik(id=goal.record.id, input="Zeit"))
    assert module.status(workbook) is Status.IN_PROGRESS
    missing = module5_missing(workbook)
    assert "eine vollständige Wirkungslogik mit Indikator für: Dorfauto" in missing
    assert "Datum und Ort eurer Mitmach-Konferenz" in missing
    assert "mindestens 10 Einladungen von eurer Akteurslandkarte (bisher 0)" in missing
    workbook.add(Programmpunkt(start=time(9), end=time(10), title="A"))
    workbook.add(Programmpunkt(start=time(9, 30), end=time(10), title="B"))
    workbook.add(Programmpunkt(start=time(10), end=time(11), title="C"))
    assert "ein Programm ohne Überschneidungen" in module5_missing(workbook)
    assert len(agenda(workbook)) == 3


def test_the_presets_file_is_checked_when_it_is_read():
    from importlib import resources

    import pydantic

    from regionallabor.modul5.vorlagen import PRESETS_FILE, parse_presets

    raw = (resources.files("regionallabor") / "data" / "konferenz" / PRESETS_FILE).read_text(encoding="utf-8")
    presets = parse_presets(raw.encode("utf-8"))
    assert set(presets) == {"werkstatt", "konferenz", "gross"}
    # the tasks after the conference are written once and belong to every format
    assert all(any(weeks < 0 for weeks, _ in preset.tasks) for preset in presets.values())
    with pytest.raises(pydantic.ValidationError, match="format"):
        parse_presets(raw.replace('format = "pause"', 'format = "kaffeeklatsch"', 1).encode("utf-8"))
    with pytest.raises(pydantic.ValidationError):
        parse_presets(raw.replace('beginn = "14:00"', 'beginn = "14 Uhr"', 1).encode("utf-8"))
    with pytest.raises(ValueError, match="unbekannte Formate"):
        parse_presets((raw + "\n[stammtisch]\ntage = 1\n").encode("utf-8"))
