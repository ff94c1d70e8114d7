"""Modul 6's domain: the action plan's rules and roll-up, the status report, the Regionalprofil and its privacy."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from pydantic import ValidationError

from regionallabor import testing
from regionallabor.core.model import Akteur, Aktion, Member, Thementisch, Ziel, explain
from regionallabor.core.privacy import pseudonymise_export
from regionallabor.course import MODULES, Status
from regionallabor.dokumente.dokument import to_html, to_pdf
from regionallabor.dokumente.zeitplan import timeline_chart
from regionallabor.modul3.beziehungsnetz import load_network, save_actor
from regionallabor.modul6.aktionen import (
    ActionRuleError,
    actions,
    adopt,
    adopted_pool_ids,
    is_overdue,
    overall_progress,
    partner_ids_for,
    plan_summary,
    progress_by_field,
    progress_by_goal,
    save_action,
    timeline_bars,
)
from regionallabor.modul6.aktionspool import pool_by_id
from regionallabor.modul6.regionalprofil import regional_profile
from regionallabor.modul6.selbstcheck import missing as module6_missing
from regionallabor.modul6.statusbericht import draft, history, report_document, send, start_draft
from tests.helpers import pdf_text

TODAY = date(2027, 6, 1)


def action(title="Mitfahrbank", **fields) -> Aktion:
    return Aktion(title=title, field=fields.pop("field", "mobilitaet"), **fields)


# the record


def test_bad_input_gets_one_german_sentence_each():
    with pytest.raises(ValidationError) as refused:
        action(starts_on=date(2027, 5, 1), due=date(2027, 4, 1))
    assert explain(refused.value) == "Das Zieldatum liegt vor dem Start – bitte prüft die beiden Daten."
    with pytest.raises(ValidationError) as refused:
        action(title="  ")
    assert explain(refused.value) == "Titel: Bitte gebt etwas ein – das Feld darf nicht leer sein."
    with pytest.raises(ValidationError) as refused:
        action(progress=120)
    assert explain(refused.value) == "Fortschritt: Bitte gebt einen Wert zwischen 0 und 100 an."


def test_a_done_action_is_complete_whatever_progress_was_typed():
    assert action(status="erledigt", progress=30).progress == 100
    assert action(status="laeuft", progress=30).progress == 30


# the plan's rules


def test_titles_are_unique_and_a_refused_action_writes_nothing(workbook):
    save_action(workbook, action(), None)
    with pytest.raises(ActionRuleError, match="„mitfahrbank“ steht schon in eurem Aktionsplan"):
        save_action(workbook, action("mitfahrbank"), None)
    assert len(actions(workbook)) == 1


def test_partners_must_be_on_the_actor_map_and_links_must_exist(workbook):
    saved = save_actor(workbook, Akteur(name="Landratsamt Auenfeld", sector="verwaltung"), None).record
    network = load_network(workbook)
    assert partner_ids_for(network, [" landratsamt auenfeld "]) == [saved.id]
    with pytest.raises(ActionRuleError, match="„Verkehrsverbund“ steht nicht auf eurer Akteurslandkarte"):
        partner_ids_for(network, ["Landratsamt Auenfeld", "Verkehrsverbund"])
    with pytest.raises(ActionRuleError, match="steht nicht mehr auf eurer Akteurslandkarte"):
        save_action(workbook, action(partner_ids=["gibt-es-nicht"]), None)
    with pytest.raises(ActionRuleError, match="Dieses Ziel gibt es nicht mehr"):
        save_action(workbook, action(goal_id="weg"), None)
    with pytest.raises(ActionRuleError, match="Diesen Thementisch gibt es nicht mehr"):
        save_action(workbook, action(table_id="weg"), None)
    assert actions(workbook) == []
    goal = workbook.add(Ziel(title="Mobil ohne Auto", handlungsfelder=["mobilitaet"])).record
    table = workbook.add(Thementisch(title="Mobil ohne Auto", field="mobilitaet")).record
    stored = save_action(workbook, action(goal_id=goal.id, table_id=table.id, partner_ids=[saved.id]), None)
    assert stored.record.partner_ids == [saved.id]


def test_adopting_from_the_pool_fills_text_first_steps_field_and_effort_once(workbook):
    entry = pool_by_id()["repair-cafe"]
    adopted = adopt(workbook, entry).record
    assert (adopted.title, adopted.field, adopted.effort, adopted.status, adopted.pool_id) == (
        "Repair-Café",
        "wirtschaft",
        "klein",
        "idee",
        "repair-cafe",
    )
    assert adopted.description.startswith(entry.beschreibung)
    assert f"Erste Schritte:\n– {entry.erste_schritte[0]}" in adopted.description
    with pytest.raises(ActionRuleError, match="steht schon in eurem Aktionsplan"):
        adopt(workbook, entry)
    assert adopted_pool_ids(actions(workbook)) == {"repair-cafe"}


def test_overdue_means_an_open_action_past_its_date():
    past = date(2027, 5, 1)
    assert is_overdue(action(due=past, status="geplant"), TODAY)
    assert is_overdue(action(due=past, status="laeuft"), TODAY)
    assert not is_overdue(action(due=past, status="erledigt"), TODAY)
    assert not is_overdue(action(due=past, status="pausiert"), TODAY)
    assert not is_overdue(action(due=TODAY, status="geplant"), TODAY)
    assert not is_overdue(action(status="geplant"), TODAY)


def test_progress_rolls_up_to_goals_fields_and_the_whole_plan():
    bus, shop = (
        Ziel(title="Bus am Sonntag", handlungsfelder=["mobilitaet"]),
        Ziel(title="Dorfladen", handlungsfelder=["wirtschaft"]),
    )
    plan = [
        action("A", goal_id=bus.id, status="erledigt"),
        action("B", goal_id=bus.id, status="laeuft", progress=40),
        action("C", field="wirtschaft", status="idee"),
        action("D", goal_id="entfernt", status="laeuft", progress=50),
    ]
    rows = progress_by_goal(plan, [bus, shop])
    assert [(r.label, r.actions, r.done, r.percent) for r in rows] == [
        ("Bus am Sonntag", 2, 1, 70),
        ("Aktionen ohne Ziel", 2, 0, 25),
    ]  # a goal without actions is left out
    assert [(r.label, r.percent) for r in progress_by_field(plan)] == [("Mobilität", 63), ("Wirtschaft", 0)]
    assert overall_progress(plan).percent == 48


def test_the_summary_counts_statuses_and_what_is_missing():
    plan = [
        action("A", status="geplant", due=date(2027, 1, 1)),
        action("B", status="laeuft", responsible="Aylin"),
        action("C", status="idee"),
        action("D", status="erledigt", responsible="Jonas", due=date(2027, 1, 1)),
    ]
    summary = plan_summary(plan, TODAY)
    assert summary.by_status == {"idee": 1, "geplant": 1, "laeuft": 1, "erledigt": 1, "pausiert": 0}
    assert (summary.overdue, summary.without_owner, summary.without_due) == (1, 1, 1)
    assert summary.overloaded == ()


def test_the_summary_names_who_carries_more_actions_than_the_course_advises():
    from regionallabor.richtwerte import ACTIONS_PER_PERSON

    plan = [action(f"Lena {n}", status="laeuft", responsible="Lena ") for n in range(ACTIONS_PER_PERSON + 1)]
    plan += [action(f"Ben {n}", status="geplant", responsible="Ben") for n in range(ACTIONS_PER_PERSON)]
    plan += [action("Ben erledigt", status="erledigt", responsible="Ben"), action("Ben Idee", responsible="Ben")]
    assert plan_summary(plan, TODAY).overloaded == ("Lena",)  # done ones and ideas weigh nothing


def test_the_timeline_orders_by_start_and_draws_overdue_bars():
    plan = [
        action("Spät", starts_on=date(2027, 8, 1), due=date(2027, 9, 1)),
        action("Früh", starts_on=date(2027, 3, 1), due=date(2027, 4, 1), status="geplant"),
        action("Nur Datum", due=date(2027, 7, 1)),
        action("Ohne Datum"),
    ]
    bars = timeline_bars(plan, TODAY)
    assert [(b.label, b.overdue) for b in bars] == [("Früh", True), ("Nur Datum", False), ("Spät", False)]
    chart = timeline_chart(bars, TODAY, png=True)
    assert all(label in chart.svg for label in ("Früh", "Nur Datum", "Spät", "heute", "Mär", "Sep"))
    assert chart.png.startswith(b"\x89PNG") and chart.aspect > 0


# module status


def test_module6_is_done_with_three_owned_dated_actions_one_for_a_goal_and_a_sent_report(workbook):
    assert MODULES[5].status(workbook) is Status.NOT_STARTED
    goal = workbook.add(Ziel(title="Mobil ohne Auto", handlungsfelder=["mobilitaet"])).record
    save_action(workbook, action("A", status="geplant"), None)
    missing = module6_missing(workbook)
    assert "mindestens 3 Aktionen in eurem Aktionsplan (bisher 1)" in missing
    assert "eine verantwortliche Person und ein Datum für: A" in missing
    assert "mindestens eine Aktion, die zu einem eurer Ziele aus Modul 4 gehört" in missing
    assert "euer erster Statusbericht an das Begleitteam" in missing
    assert MODULES[5].status(workbook) is Status.IN_PROGRESS
    stored = actions(workbook)[0]
    workbook.update(
        stored.record.model_copy(update={"responsible": "Aylin", "due": date(2027, 7, 1), "goal_id": goal.id}),
        stored.version,
    )
    save_action(workbook, action("B"), None)
    save_action(workbook, action("C", status="laeuft", responsible="Jonas", due=date(2027, 9, 1)), None)
    send(workbook, start_draft(workbook, TODAY), TODAY)
    assert module6_missing(workbook) == []
    assert MODULES[5].status(workbook) is Status.DONE


# the status report


def test_a_report_is_prefilled_edited_sent_and_kept_in_the_history(workbook):
    workbook.add(Member(name="Aylin Demir", is_main_contact=True))
    save_action(workbook, action("Mitfahrbank", status="geplant", responsible="Aylin", due=date(2027, 7, 1)), None)
    first = start_draft(workbook, TODAY)
    assert first.record.phase == "Modul 1 · Team & Region (in Arbeit); 0 von 6 Modulen erledigt"
    assert "– Regional-Team mit einem Menschen" in first.record.achievements
    assert "– 1 Aktion im Aktionsplan, davon 0 erledigt und 0 laufend" in first.record.achievements
    assert first.record.next_steps.startswith(
        "– bis 01.07.2027: Mitfahrbank (Aylin)\n– Modul 1: mindestens 3 Teammitglieder"
    )
    assert start_draft(workbook, TODAY).record.id == first.record.id  # one draft, however often „begin“ is clicked
    empty = workbook.update(first.record.model_copy(update={"achievements": "", "next_steps": " "}), first.version)
    with pytest.raises(Exception, match="Der Bericht ist noch leer"):
        send(workbook, empty, TODAY)
    filled = workbook.update(empty.record.model_copy(update={"support": "Wir suchen eine Moderation."}), empty.version)
    sent = send(workbook, filled, TODAY)
    assert sent.record.sent_on == TODAY and draft(workbook) is None
    second = send(workbook, start_draft(workbook, date(2027, 9, 1)), date(2027, 9, 1))
    assert [s.record.sent_on for s in history(workbook)] == [date(2027, 9, 1), TODAY]
    document = report_document(workbook, sent.record)
    text = pdf_text(to_pdf(document))
    assert "Statusbericht vom 01.06.2027" in text and "Wir suchen eine Moderation." in text
    assert "Wobei wir Unterstützung brauchen" in to_html(document)
    assert second.record.id != sent.record.id


# the Regionalprofil


@pytest.fixture
def full_workbook(workbook):
    testing.fill_team_in_district(workbook)
    testing.fill_network(workbook, 30, 60)
    testing.fill_planning(workbook, guests=20)
    testing.fill_actions(workbook, 8)
    private = [a for a in load_network(workbook).actors if a.record.private_person]
    stored = actions(workbook)[0]
    workbook.update(
        stored.record.model_copy(update={"responsible": private[0].name, "partner_ids": [private[1].id]}),
        stored.version,
    )
    return workbook


def test_the_regional_profile_holds_every_modules_data_in_html_and_pdf(full_workbook):
    from regionallabor.core.model import Budgetposten, Herausforderung

    full_workbook.add(Herausforderung(field="energie", text="Kaum Dachflächen für Solar in Bürgerhand"))
    full_workbook.add(Budgetposten(title="Saalmiete", planned=700))
    full_workbook.add(Budgetposten(title="LEADER-Förderung", kind="einnahme", planned=500))
    document = regional_profile(full_workbook, today=TODAY)
    html, text = to_html(document), pdf_text(to_pdf(document))
    network = load_network(full_workbook)
    private = [a.name for a in network.actors if a.record.private_person][:2]
    first_action = actions(full_workbook)[0].record
    for expected in (
        "Regionalprofil Breisgau-Hochschwarzwald",
        "Aylin Demir (Ansprechperson)",
        "Weil wir hier leben",
        "Einwohner:innen",
        "264.867",  # Destatis 31.12.2020 for the Kreis
        f"stehen {len(network.actors)} Akteur:innen",
        testing.VISION["mobilitaet"],
        "Zehn Familien nutzen das Dorfauto regelmäßig",
        "Ankommen",
        "Mobil ohne eigenes Auto",
        first_action.title,
        "Dorfauto für zehn Familien bis 2027",
        "Kaum Dachflächen für Solar in Bürgerhand",  # Modul 2's challenges
        "Einnahmen geplant",  # and the conference's budget, both sides
        "LEADER-Förderung",
        *private,
    ):
        assert expected in html, expected
        assert expected in text, expected
    assert html.count("<svg") == 1  # the map (no ratings yet: no radar)
    bars = timeline_bars([stored.record for stored in actions(full_workbook)], TODAY)
    assert bars and html.count("class='rl-gantt-row'") == len(bars)  # the timeline as HTML, one row per action
    assert "Zeitplan der Aktionen" not in html  # matplotlib's chart is the PDF's
    assert "Die Handlungsfelder sind noch nicht eingeschätzt (Modul 2)." in text
    # a document for the Gemeinde and funders: the team speaks as "wir", nobody addresses the team
    assert "Unsere Region ist" in html or "Unsere Region hat" in html or "Unsere Region liegt" in html
    assert not re.search(r"\b(eure|euer|euch|ihr)\b", html + text, re.IGNORECASE)


def test_pseudonymising_replaces_private_persons_everywhere_but_keeps_organisations(full_workbook):
    network = load_network(full_workbook)
    private = [a for a in network.actors if a.record.private_person]
    document = regional_profile(full_workbook, pseudonymise=True, today=TODAY)
    html, text = to_html(document), pdf_text(to_pdf(document))
    for person in private:
        assert person.name not in html and person.name not in text
    assert "Privatperson 1" in html and "Namen von Privatpersonen sind ersetzt" in text
    assert "Aylin Demir" in html  # the team signs its profile
    organisations = [
        network.by_id[p].name
        for s in actions(full_workbook)
        for p in s.record.partner_ids
        if not network.by_id[p].record.private_person
    ]
    assert organisations and all(name in html for name in organisations)
    exported = json.dumps(pseudonymise_export(full_workbook.export_data()), ensure_ascii=False)
    assert private[0].name not in exported and private[1].id in exported  # ids stay, so links still work


def test_rated_fields_appear_as_radar_and_table_in_the_profile(workbook):
    from regionallabor.modul2.bestandsaufnahme import save_rating

    save_rating(workbook, "energie", 1, None, rating=2, notes="Kaum Solar auf öffentlichen Dächern")
    save_rating(workbook, "mobilitaet", 1, None, rating=4)
    document = regional_profile(workbook, today=TODAY)
    html, text = to_html(document), pdf_text(to_pdf(document))
    assert html.count("<svg") == 1 and "Profil der Handlungsfelder" in html
    for expected in ("2 von 5", "Kaum Solar auf öffentlichen Dächern", "4 von 5"):
        assert expected in text


def test_the_pages_region_map_keeps_the_regions_shape_and_escapes_names():
    from regionallabor.dokumente.karte import region_map_svg

    square = {
        "type": "Feature",
        "properties": {"id": "x", "name": "<b>Auenfeld</b>"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[8.0, 48.0], [9.0, 48.0], [9.0, 49.0], [8.0, 49.0], [8.0, 48.0]]],
        },
    }
    svg = region_map_svg([square], [], [], [("Dorf & Tal", 48.5, 8.5)], ((48.0, 8.0), (49.0, 9.0)), "Karte", 600, 600)
    assert "<title>&lt;b&gt;Auenfeld&lt;/b&gt;</title>" in svg and "<title>Dorf &amp; Tal</title>" in svg
    # one degree of longitude at 48.5° N is about two thirds of a degree of latitude: the square is drawn narrower
    xs = [float(p.split(",")[0]) for p in svg.split('d="M')[1].split('"')[0].replace("Z", "").split(" L")]
    ys = [float(p.split(",")[1]) for p in svg.split('d="M')[1].split('"')[0].replace("Z", "").split(" L")]
    assert abs((max(xs) - min(xs)) / (max(ys) - min(ys)) - 0.66) < 0.02
    assert 'cx="300.0" cy="300.0"' in svg  # the point in the middle lies in the middle
