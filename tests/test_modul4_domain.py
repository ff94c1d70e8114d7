"""Modul 4's domain: the Zukunftswerkstatt's phases, goals, the Zukunftsbild and the vision board."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from regionallabor.core.model import (
    Herausforderung,
    Idee,
    Kritikpunkt,
    Region,
    Vision,
    Wirkungslogik,
    Ziel,
    Zukunftsbild,
    explain,
)
from regionallabor.core.store import StaleRecordError
from regionallabor.course import MODULES, Status
from regionallabor.dokumente.dokument import to_html, to_pdf
from regionallabor.modul4.selbstcheck import missing as module4_missing
from regionallabor.modul4.vision import (
    VisionRuleError,
    bundle_critique,
    bundle_of,
    challenges_to_take_over,
    critique_by_field,
    give_points,
    goal_for_idea,
    heaviest_critique,
    ideas,
    move_critique,
    remove_goal,
    save_goal,
    save_statement,
    take_over_challenges,
    unbundle_critique,
    vision_statements,
)
from regionallabor.modul4.zukunftsbild import vision_document
from tests.helpers import pdf_text


def test_critique_is_grouped_by_field_heaviest_first_and_each_member_gives_points_of_their_own(workbook):
    bus = workbook.add(Kritikpunkt(field="mobilitaet", text="Sonntags fährt kein Bus"))
    workbook.add(Kritikpunkt(field="mobilitaet", text="Radweg endet an der Kreisstraße"))
    workbook.add(Kritikpunkt(field="wirtschaft", text="Leerstand in der Ortsmitte"))
    bus = give_points(workbook, bus, +1, "Anna")
    bus = give_points(workbook, bus, +1, "Anna")
    bus = give_points(workbook, bus, +1, "Ben")
    assert (bus.record.points, bus.record.dots) == (3, {"Anna": 2, "Ben": 1})
    grouped = critique_by_field(workbook)
    assert list(grouped) == ["landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"]
    assert [s.record.text for s in grouped["mobilitaet"]] == [
        "Sonntags fährt kein Bus",
        "Radweg endet an der Kreisstraße",
    ]
    assert [r.text for r in heaviest_critique(workbook)] == ["Sonntags fährt kein Bus"]
    bus = give_points(workbook, bus, -1, "Ben")
    with pytest.raises(VisionRuleError, match="kein Punkt von euch"):
        give_points(workbook, bus, -1, "Ben")  # Ben takes back only his own
    assert (bus.record.points, bus.record.dots) == (2, {"Anna": 2})
    with pytest.raises(StaleRecordError):  # a second page still holds the old version
        give_points(workbook, grouped["mobilitaet"][0], +1, "Cem")


def test_points_from_before_names_can_be_taken_back_and_a_card_holds_99(workbook):
    old = workbook.add(Kritikpunkt(field="energie", text="Kein Windrad in Bürgerhand", points=2))
    old = give_points(workbook, old, -1, None)
    assert (old.record.points, old.record.dots) == (1, {})
    full = workbook.add(Kritikpunkt(field="energie", text="Strom ist teuer", points=99))
    with pytest.raises(VisionRuleError, match="Mehr als 99 Punkte"):
        give_points(workbook, full, +1, "Anna")


def test_bundled_critique_stands_together_weighted_as_one(workbook):
    bus = workbook.add(Kritikpunkt(field="mobilitaet", text="Sonntags fährt kein Bus", points=1))
    taxi = workbook.add(Kritikpunkt(field="mobilitaet", text="Kein Rufbus am Abend", points=1))
    bike = workbook.add(Kritikpunkt(field="mobilitaet", text="Radweg endet an der Kreisstraße", points=3))
    lonely = workbook.add(Kritikpunkt(field="zusammenhalt", text="Abends kommt niemand mehr heim", points=2))
    bundle_critique(workbook, lonely, bus)  # from another field: it joins the bus's field
    grouped = critique_by_field(workbook)
    assert [s.record.text for s in grouped["mobilitaet"]] == [
        "Abends kommt niemand mehr heim",  # the bundle weighs 3, the first card in it 2 …
        "Sonntags fährt kein Bus",
        "Radweg endet an der Kreisstraße",  # … and ties keep the order they came
        "Kein Rufbus am Abend",
    ]
    assert {bundle_of(grouped, s) for s in grouped["mobilitaet"]} == {bus.record.id, None}
    taxi = workbook.get(Kritikpunkt, taxi.record.id)
    bundle_critique(workbook, taxi, workbook.get(Kritikpunkt, lonely.record.id))  # into the existing bundle
    grouped = critique_by_field(workbook)
    assert grouped["mobilitaet"][-1].record.text == "Radweg endet an der Kreisstraße"
    with pytest.raises(VisionRuleError):
        bundle_critique(workbook, bike, bike)
    for card in grouped["mobilitaet"][:2]:
        unbundle_critique(workbook, card)
    grouped = critique_by_field(workbook)
    assert [bundle_of(grouped, s) for s in grouped["mobilitaet"]] == [None] * 4  # a bundle of one is none
    moved = move_critique(workbook, grouped["mobilitaet"][0], "energie")
    assert (moved.record.field, moved.record.cluster) == ("energie", None)


def test_modul2s_challenges_start_the_critique_once(workbook):
    workbook.add(Herausforderung(field="mobilitaet", text="Der letzte Bus fährt um 18 Uhr"))
    workbook.add(Herausforderung(field="bauen", text="Kaum Wohnungen für junge Familien"))
    workbook.add(Kritikpunkt(field="bauen", text="kaum Wohnungen für junge Familien "))  # already there
    assert [c.text for c in challenges_to_take_over(workbook)] == ["Der letzte Bus fährt um 18 Uhr"]
    take_over_challenges(workbook)
    assert challenges_to_take_over(workbook) == []
    assert sorted(s.record.text for s in workbook.list(Kritikpunkt)) == [
        "Der letzte Bus fährt um 18 Uhr",
        "kaum Wohnungen für junge Familien",
    ]


def test_a_long_challenge_is_shortened_to_a_card_and_taken_over_once(workbook):
    workbook.add(Herausforderung(field="energie", text="Die Nahwärme " + "stockt, " * 60))
    take_over_challenges(workbook)
    (card,) = [s.record.text for s in workbook.list(Kritikpunkt)]
    assert len(card) == Kritikpunkt.max_length("text") and card.startswith("Die Nahwärme stockt") and card[-1] == "…"
    assert challenges_to_take_over(workbook) == []


def test_favourite_ideas_come_first_and_become_goals_with_one_title_each(workbook):
    workbook.add(Idee(text="Ein Dorfladen, den alle gemeinsam besitzen"))
    sharing = workbook.add(Idee(text="Ein E-Auto für das ganze Dorf", field="mobilitaet", favourite=True))
    assert ideas(workbook)[0].record.text == "Ein E-Auto für das ganze Dorf"
    goal = save_goal(
        workbook,
        Ziel(title="Dorfauto bis 2027", handlungsfelder=["mobilitaet", "energie"], idea_id=sharing.record.id),
        None,
    )
    assert goal_for_idea(workbook.list(Ziel), sharing.record.id).title == "Dorfauto bis 2027"
    with pytest.raises(VisionRuleError, match="„dorfauto bis 2027“ habt ihr schon"):
        save_goal(workbook, Ziel(title="dorfauto bis 2027", handlungsfelder=["mobilitaet"]), None)
    with pytest.raises(ValidationError) as error:
        Ziel(title="Ohne Feld", handlungsfelder=[])
    assert explain(error.value) == "Handlungsfelder: Bitte wählt mindestens eines aus."
    # removing a goal takes its Wirkungslogik (Modul 5) with it
    workbook.add(Wirkungslogik(id=goal.record.id, input="Zwei Ehrenamtliche"))
    remove_goal(workbook, goal)
    assert workbook.list(Ziel) == [] and workbook.list(Wirkungslogik) == []


def test_vision_statements_are_kept_per_field_and_the_horizon_year_is_checked(workbook):
    board = vision_statements(workbook)
    assert board.horizon_year == 2035 and board.is_empty()
    stored = save_statement(workbook, "energie", "… erzeugt mehr Strom, als sie verbraucht.", None)
    save_statement(workbook, "energie", "… erzeugt ihren Strom selbst.", stored.version)
    with pytest.raises(StaleRecordError):
        save_statement(workbook, "energie", "alter Stand", stored.version)
    assert vision_statements(workbook).text("energie") == "… erzeugt ihren Strom selbst."
    with pytest.raises(ValidationError):
        Zukunftsbild(id="weltraum", text="")
    with pytest.raises(ValidationError) as error:
        Vision(horizon_year=2020)
    assert explain(error.value) == "Zieljahr: Bitte gebt einen Wert zwischen 2026 und 2100 an."


def fill_module4(workbook):
    for text in ("Sonntags fährt kein Bus", "Leerstand in der Ortsmitte", "Kaum Treffpunkte für Jugendliche"):
        workbook.add(Kritikpunkt(field="mobilitaet", text=text, points=2))
    for number in range(5):
        workbook.add(Idee(text=f"Idee {number}", favourite=number == 0))
    for key in ("landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt", "gesamt"):
        save_statement(workbook, key, f"Zukunft {key}", None)
    return save_goal(
        workbook,
        Ziel(
            title="Dorfauto",
            handlungsfelder=["mobilitaet"],
            owner="Aylin",
            first_step="Gespräch mit dem Bürgermeister",
            first_step_due=date(2027, 1, 15),
        ),
        None,
    )


def test_module4_status_names_what_is_missing_and_is_done_when_complete(workbook):
    module = MODULES[3]
    assert module.status(workbook) is Status.NOT_STARTED
    workbook.add(Kritikpunkt(field="energie", text="Kein Windrad in Bürgerhand"))
    assert module.status(workbook) is Status.IN_PROGRESS
    missing = module4_missing(workbook)
    assert "mindestens 3 Kritikpunkte (bisher 1)" in missing
    assert any(m.startswith("ein Zukunftsbild für Landwirtschaft & Ernährung, Energie") for m in missing)
    workbook.add(Ziel(title="Halbfertig", handlungsfelder=["energie"]))
    assert "wer sich kümmert und einen ersten Schritt mit Datum für: Halbfertig" in module4_missing(workbook)
    for stored in workbook.list(Ziel):
        workbook.delete(Ziel, stored.record.id, stored.version)
    fill_module4(workbook)
    assert module4_missing(workbook) == []
    assert module.status(workbook) is Status.DONE


def test_the_vision_board_as_html_and_pdf_holds_every_field_and_the_goals(workbook):
    fill_module4(workbook)
    save_statement(
        workbook,
        "gesamt",
        "2035 ist unsere Region ein Ort, an dem <alle> mitmachen.",
        vision_statements(workbook).version("gesamt"),
    )
    workbook.save(Vision(horizon_year=2040), None)
    document = vision_document(workbook, today=date(2026, 11, 23))
    html = to_html(document)
    assert "<h1>Unser Zukunftsbild 2040</h1>" in html
    assert "an dem &lt;alle&gt; mitmachen" in html and "<alle>" not in html
    assert "Sozialer Zusammenhalt &amp; Beteiligung" in html and "Zukunft zusammenhalt" in html
    assert "Gespräch mit dem Bürgermeister – 15.01.2027" in html and "Stand: 23.11.2026" in html
    text = pdf_text(to_pdf(document))
    assert "Unser Zukunftsbild 2040" in text and "Mobilität" in text and "Dorfauto" in text
    workbook.save(Region(name="Lautertal"), None)  # a board for the Gemeindehaus names its region
    assert "<h1>Unser Zukunftsbild 2040 für Lautertal</h1>" in to_html(vision_document(workbook))
