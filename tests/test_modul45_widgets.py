"""Modul 4 and 5's tools, driven as a person would through their widgets, without a browser."""

from __future__ import annotations

from datetime import date, time

import ipywidgets as ipw

from regionallabor.core.model import (
    Akteur,
    Aufgabe,
    Budgetposten,
    Einladung,
    Herausforderung,
    Idee,
    Konferenz,
    Kritikpunkt,
    Programmpunkt,
    Vision,
    Wirkungslogik,
    Ziel,
    Zukunftsbild,
)
from regionallabor.core.store import Arbeitsmappe
from regionallabor.testing import fill_network
from regionallabor_widgets.modul4 import CritiquePhase, FantasyPhase, GoalPlanner
from regionallabor_widgets.modul4.zukunftsbild import VisionBoard
from regionallabor_widgets.modul5 import (
    ConferenceBudget,
    ConferenceFiles,
    ConferenceSetup,
    ProgramPlanner,
    TaskPlan,
    TopicTables,
)
from regionallabor_widgets.modul5.einladungen import InvitationList
from regionallabor_widgets.modul5.wirkungslogik import ImpactLogic
from tests.helpers import assert_all_open, download, downloads, html_of, pdf_text

# Modul 4


def card_id(board, text: str) -> str:
    return next(card["id"] for card in board.cards if card["text"] == text)


def shown_card(board, text: str) -> dict:
    return next(card for card in board.cards if card["text"] == text)


def test_critique_is_collected_bundled_and_weighted_by_each_member(workbook_path):
    anna = CritiquePhase(Arbeitsmappe(workbook_path, person="Anna"))
    board = anna.board
    for field, text in (
        ("mobilitaet", "Sonntags fährt kein Bus"),
        ("mobilitaet", "Radweg endet an der Kreisstraße"),
        ("energie", "Kein Windrad in Bürgerhand"),
        ("zusammenhalt", "Abends kommt niemand ohne Auto heim"),
    ):
        board.act("add", column=field, text=text)
    board.act("add", column="energie", text="")
    assert anna.notice.text == "Text: Bitte gebt etwas ein – das Feld darf nicht leer sein."
    radweg = card_id(board, "Radweg endet an der Kreisstraße")
    board.act("dot", id=radweg, step=1)
    board.act("dot", id=radweg, step=1)
    assert board.card_texts("mobilitaet") == ["Radweg endet an der Kreisstraße", "Sonntags fährt kein Bus"]
    assert "Radweg endet an der Kreisstraße (2 Punkte)" in anna.summary.value
    assert shown_card(board, "Sonntags fährt kein Bus")["my_dots"] == 0  # nothing to take back
    board.act(
        "bundle",
        id=card_id(board, "Abends kommt niemand ohne Auto heim"),
        onto=card_id(board, "Sonntags fährt kein Bus"),
    )
    bundle = {card["cluster"] for card in board.cards if card["column"] == "mobilitaet"} - {None}
    assert len(bundle) == 1 and board.card_texts("zusammenhalt") == []

    ben = CritiquePhase(Arbeitsmappe(workbook_path, person="Ben"))  # a second member, on their own page
    ben.board.act("dot", id=radweg, step=1)
    assert shown_card(ben.board, "Radweg endet an der Kreisstraße")["dots_by"] == "Punkte: Anna 2 · Ben 1"
    ben.board.act("dot", id=radweg, step=-1)
    ben.board.act("dot", id=radweg, step=-1)  # Anna's points stay Anna's
    assert ben.notice.kind == "error" and "kein Punkt von euch" in ben.notice.text
    assert shown_card(ben.board, "Radweg endet an der Kreisstraße")["dots"] == 2

    board.act("place", id=card_id(board, "Kein Windrad in Bürgerhand"), column="wirtschaft", index=0)
    board.act("edit", id=card_id(board, "Kein Windrad in Bürgerhand"), text="Kein einziges Windrad in Bürgerhand")
    assert board.card_texts("wirtschaft") == ["Kein einziges Windrad in Bürgerhand"]
    board.act("remove", id=card_id(board, "Sonntags fährt kein Bus"))
    assert len(anna.workbook.list(Kritikpunkt)) == 3 and "entfernt" in anna.notice.text
    assert {card["cluster"] for card in board.cards} == {None}  # the bundle of one is no bundle
    assert_all_open(anna)


def test_the_critique_starts_from_modul2s_challenges(workbook):
    workbook.add(Herausforderung(field="mobilitaet", text="Der letzte Bus fährt um 18 Uhr"))
    workbook.add(Herausforderung(field="bauen", text="Kaum Wohnungen für junge Familien"))
    tool = CritiquePhase(workbook)
    assert tool.take_over.description == "Eure 2 Herausforderungen aus Modul 2 übernehmen"
    tool.take_over.click()
    assert tool.board.card_texts("bauen") == ["Kaum Wohnungen für junge Familien"]
    assert tool.take_over.layout.display == "none" and "2 Herausforderungen stehen jetzt" in tool.notice.text


def test_ideas_are_starred_moved_to_a_field_and_the_heaviest_critique_prompts_the_fantasy(workbook):
    workbook.add(Kritikpunkt(field="mobilitaet", text="Sonntags fährt kein Bus", points=3))
    tool = FantasyPhase(workbook)
    assert "… statt „Sonntags fährt kein Bus“?" in tool.prompt.value
    assert [c["title"] for c in tool.board.columns][:2] == ["Passt überall", "Landwirtschaft & Ernährung"]
    idea = tool.add("ueberall", "Ein Bürgerbus, der auch sonntags fährt")
    assert idea.record.field is None
    tool.board.act("star", id=idea.record.id)
    assert workbook.get(Idee, idea.record.id).record.favourite
    assert "1 Idee – Lieblingsideen (★): 1." in tool.count.value
    assert shown_card(tool.board, "Ein Bürgerbus, der auch sonntags fährt")["star"] is True
    tool.board.act("place", id=idea.record.id, column="mobilitaet", index=0)
    assert workbook.get(Idee, idea.record.id).record.field == "mobilitaet"
    assert_all_open(tool)


def test_a_favourite_becomes_a_goal_with_fields_owner_and_a_dated_first_step(workbook):
    idea = workbook.add(Idee(text="Ein Dorfauto für alle", field="mobilitaet", favourite=True))
    tool = GoalPlanner(workbook)
    assert "Ein Dorfauto für alle" in html_of(tool.favourites)
    tool.from_idea(idea.record)
    assert tool.title.value == "Ein Dorfauto für alle" and tool.fields["mobilitaet"].value
    for box in tool.fields.values():
        box.value = False
    assert tool.save() is None and tool.notice.text == "Handlungsfelder: Bitte wählt mindestens eines aus."
    tool.fields["mobilitaet"].value = tool.fields["energie"].value = True
    tool.title.value, tool.owner.value = "Dorfauto für zehn Familien", "Aylin"
    tool.first_step.value, tool.first_step_due.value = "Gespräch mit den Stadtwerken", date(2027, 1, 15)
    goal = tool.save()
    assert goal.record.idea_id == idea.record.id and goal.record.handlungsfelder == ["energie", "mobilitaet"]
    assert "Aus allen Lieblingsideen sind Ziele geworden." in html_of(tool.favourites)
    shown = html_of(tool.list)
    assert "Dorfauto für zehn Familien" in shown and "kümmert sich: Aylin" in shown and "bis 15.01.2027" in shown
    tool.title.value, tool.fields["wirtschaft"].value = "dorfauto für zehn familien", True
    assert tool.save() is None and "habt ihr schon" in tool.notice.text
    tool.clear()
    stored = workbook.get(Ziel, goal.record.id)
    workbook.add(Wirkungslogik(id=goal.record.id, input="Zeit"))
    tool.ask(goal.record.id)
    assert "und seine Wirkungslogik wirklich entfernen?" in html_of(tool.list)
    tool.remove(stored)
    assert workbook.list(Ziel) == [] and workbook.list(Wirkungslogik) == []


def test_vision_texts_are_saved_as_typed_and_the_board_downloads_as_html_and_pdf(workbook):
    tool = VisionBoard(workbook)
    assert tool.overall.placeholder == "2035 ist unsere Region …"
    tool.horizon.value = 2040
    assert (
        workbook.get(Vision).record.horizon_year == 2040
        and tool.texts["energie"].placeholder == "2040 ist unsere Region …"
    )
    tool.overall.value = "2040 ist unsere Region ein Ort, an dem <alle> mitmachen."
    tool.texts["energie"].value = "Wir erzeugen mehr Strom, als wir verbrauchen."
    assert workbook.get(Zukunftsbild, "energie").record.text == "Wir erzeugen mehr Strom, als wir verbrauchen."
    assert "an dem &lt;alle&gt; mitmachen" in tool.board.value and "Unser Zukunftsbild 2040" in tool.board.value
    other_page = VisionBoard(workbook)
    other_page.texts["energie"].value = "Jedes Dach erzeugt Strom."
    tool.sync.check()
    assert tool.texts["energie"].value == "Jedes Dach erzeugt Strom."
    files = downloads(tool.downloads)  # made when clicked: what the other page wrote is in
    assert set(files) == {"zukunftsbild-2040.html", "zukunftsbild-2040.pdf"}
    assert "Jedes Dach erzeugt Strom." in files["zukunftsbild-2040.html"].decode()
    assert "Unser Zukunftsbild 2040" in pdf_text(files["zukunftsbild-2040.pdf"])


# Modul 5


def test_the_impact_logic_is_written_per_goal_and_checked_as_it_is_typed(workbook):
    tool = ImpactLogic(workbook)
    assert tool.editor.layout.display == "none" and "Legt dort zuerst" in tool.empty.value
    goal = workbook.add(Ziel(title="Dorfauto", handlungsfelder=["mobilitaet"]))
    workbook.add(Ziel(title="Solardächer", handlungsfelder=["energie"]))
    tool.sync.check()
    assert tool.goal.value == goal.record.id and tool.editor.layout.display == ""
    tool.levels["input"].value = "Drei Ehrenamtliche"
    tool.levels["output"].value = "Buchungssystem und Einführungsabende"
    tool.levels["outcome"].value = "Wir organisieren Infoabende"
    assert "rl-level-warning" in tool.level_boxes["outcome"]._dom_classes
    assert "„organisieren“ klingt nach einer Aktivität" in tool.findings.value
    tool.levels["outcome"].value = "Zehn Familien fahren mit dem Dorfauto statt mit dem Zweitwagen"
    tool.outcome_step.value = 5
    tool.levels["impact"].value = "Weniger Verkehr im Ort"
    assert "rl-level-warning" not in tool.level_boxes["outcome"]._dom_classes
    assert tool.add() is None and tool.notice.text.startswith("Indikator: Bitte gebt etwas ein")
    tool.indicator_text.value, tool.indicator_noticed.value = "Buchende Familien", "Buchungssystem"
    tool.add()
    logic = workbook.get(Wirkungslogik, goal.record.id).record
    assert logic.outcome_step == 5 and [i.text for i in logic.indicators] == ["Buchende Familien"]
    assert "Die Kette ist vollständig" in tool.findings.value
    overview = tool.overview.value
    assert "vollständig" in overview and "5 Lücken" in overview  # the second goal is still empty
    tool.goal.value = next(value for _, value in tool.goal.options if value != goal.record.id)
    assert tool.levels["input"].value == "" and tool.outcome_step.value == ""
    tool.goal.value = goal.record.id
    tool.remove(0)
    assert workbook.get(Wirkungslogik, goal.record.id).record.indicators == []


def test_conference_details_are_saved_at_once_and_a_preset_fills_the_plan(workbook):
    setup = ConferenceSetup(workbook)
    programme, tasks, budget = (
        ProgramPlanner(workbook),
        TaskPlan(workbook, today=date(2027, 1, 1)),
        ConferenceBudget(workbook),
    )
    assert setup.apply.disabled
    setup.title.value = "Auenfeld macht mit"
    setup.starts_on.value = date(2027, 5, 8)
    setup.expected_people.value = -3
    assert setup.notice.text == "Erwartete Teilnehmer:innen: Bitte gebt einen Wert zwischen 1 und 5000 an."
    assert workbook.get(Konferenz).record.expected_people is None
    setup.expected_people.value = 70
    setup.format.value = "konferenz"
    setup.take_preset()
    assert "Übernommen: 9 Programmpunkte, 11 Aufgaben, 8 Budgetposten" in setup.notice.text
    # the page's other tools show the preset at once
    assert len([row for row in programme.list.children if "rl-record-row" in row._dom_classes]) == 9
    assert "Einladungen verschicken" in html_of(tasks.list) and "8 Wochen vorher" in html_of(tasks.list)
    assert "4.070\xa0€" in budget.totals.value
    stored = workbook.get(Konferenz).record
    assert (stored.title, stored.expected_people, stored.format) == ("Auenfeld macht mit", 70, "konferenz")
    setup.starts_on.value = date(2027, 5, 22)
    assert "11 offene Aufgaben sind mitgewandert" in setup.notice.text
    invitations = next(s.record for s in workbook.list(Aufgabe) if s.record.title.startswith("Einladungen"))
    assert invitations.due == date(2027, 3, 27)
    assert_all_open(programme)


def test_programme_slots_are_checked_and_refused_in_german(workbook):
    tool = ProgramPlanner(workbook)
    assert tool.start_time.value == time(9, 0)
    tool.end_time.value, tool.title.value, tool.slot_format.value = time(9, 30), "Ankommen", "ankommen"
    tool.save()
    assert tool.start_time.value == time(9, 30)  # the next slot starts where the last ended
    tool.end_time.value, tool.title.value, tool.slot_format.value = time(9, 0), "Begrüßung", "begruessung"
    assert tool.save() is None and tool.notice.text == "Das Ende muss nach dem Beginn liegen."
    tool.end_time.value = None
    assert tool.save() is None and tool.notice.text == "Ende: Bitte gebt etwas ein – das Feld darf nicht leer sein."
    tool.start_time.value, tool.end_time.value = time(9, 15), time(9, 45)
    tool.save()
    assert len(workbook.list(Programmpunkt)) == 2
    assert "„Ankommen“ und „Begrüßung“ überschneiden sich (09:15–09:30)." in tool.issues.value
    assert "„Begrüßung“ dauert 30 Minuten – für Begrüßung rechnet der Kurs mit höchstens 15." in tool.issues.value
    flagged = [row for row in tool.list.children if "rl-slot-flagged" in row._dom_classes]
    assert len(flagged) == 2
    stored = next(s for s in workbook.list(Programmpunkt) if s.record.title == "Begrüßung")
    tool.load(stored)
    tool.start_time.value = time(9, 30)
    tool.save()
    assert tool.issues.value == ""


def test_topic_tables_come_from_the_challenges(workbook):
    challenge = workbook.add(Herausforderung(field="mobilitaet", text="Busse fahren selten"))
    tool = TopicTables(workbook)
    assert tool.challenge.value == "" and tool.challenge.label == "– eigenes Thema –"
    tool.challenge.value = challenge.record.id
    assert (tool.title.value, tool.field.value) == ("Busse fahren selten", "mobilitaet")
    tool.title.value, tool.people.value = "Mobil ohne eigenes Auto", 20
    table = tool.save()
    assert table.record.challenge_id == challenge.record.id
    assert "aus der Herausforderung: Busse fahren selten" in html_of(tool.list)
    assert [label for label, _ in tool.challenge.options] == ["– eigenes Thema –"]
    assert (
        "hat noch keine Gastgeber:in" in tool.issues.value
        and "mit mehr als 12 kommen nicht alle zu Wort" in tool.issues.value
    )
    tool.title.value, tool.people.value = "Sonne auf jedes Dach", 0
    assert tool.save() is None and tool.notice.text == "Plätze am Tisch: Bitte gebt einen Wert zwischen 1 und 500 an."


def test_guests_are_invited_from_the_map_and_the_check_names_who_is_missing(workbook):
    for name, sector, fields in [
        ("Bürgerenergie eG", "wirtschaft", ["energie"]),
        ("Bauamt", "verwaltung", ["bauen"]),
        ("Jugendrat", "zivilgesellschaft", ["zusammenhalt"]),
    ]:
        workbook.add(Akteur(name=name, sector=sector, handlungsfelder=fields))
    tool = InvitationList(workbook)
    assert tool.picker.options == ("Bauamt", "Bürgerenergie eG", "Jugendrat")
    tool.picker.value = "Gemeinderätin Weber"
    assert tool.add() == [] and "steht nicht auf eurer Akteurslandkarte" in tool.notice.text
    tool.picker.value = "Bürgerenergie eG"
    assert tool.add() == ["Bürgerenergie eG"]
    assert tool.picker.options == ("Bauamt", "Jugendrat")
    assert "Ihr ladet bisher niemanden aus den Sektoren Zivilgesellschaft, Verwaltung, Politik" in tool.check.value
    suggestion = next(chip for chip in tool.suggestions.children[1].children if "Bauamt" in chip.description)
    suggestion.click()
    assert {s.record.id for s in workbook.list(Einladung)} == {
        a.record.id for a in workbook.list(Akteur) if a.record.name != "Jugendrat"
    }
    row = next(r for r in tool.list.children if "Bauamt" in r.children[0].value)
    row.children[1].value = "zugesagt"
    assert "zugesagt: 1" in tool.summary.value
    tool.status_filter.value = "zugesagt"
    assert len(tool.list.children) == 1
    assert_all_open(tool)


def test_a_long_guest_list_is_paged(workbook):
    fill_network(workbook, 60, 0)
    from regionallabor.modul5.konferenz import invite

    invite(workbook, [a.record.name for a in workbook.list(Akteur)])
    tool = InvitationList(workbook)
    assert len(tool.list.children) == 20 and tool.pager.more.description == "Weitere 20 anzeigen"


def test_budget_amounts_are_read_the_german_way_and_negative_ones_refused(workbook):
    tool = ConferenceBudget(workbook)
    tool.title.value, tool.planned.value, tool.actual.value = "Verpflegung", "1.200,50", ""
    line = tool.save()
    assert (line.record.planned, line.record.actual) == (1200.5, None)
    tool.title.value, tool.planned.value = "Raum", "-50"
    assert tool.save() is None and tool.notice.text == "Geplant (€): Die Zahl darf nicht negativ sein."
    tool.planned.value = "zwölf"
    assert tool.save() is None and "„zwölf“ ist kein Betrag" in tool.notice.text
    assert len(workbook.list(Budgetposten)) == 1
    tool.load(line)
    assert tool.planned.value == "1.200,50"
    tool.actual.value = "1.350"
    tool.save()
    assert "1.350\xa0€" in tool.totals.value and "149,50\xa0€ mehr ausgegeben" in tool.totals.value


def test_the_budget_has_an_income_side_and_says_what_is_not_covered(workbook):
    tool = ConferenceBudget(workbook)
    tool.title.value, tool.planned.value = "Saalmiete", "1.500"
    tool.save()
    tool.title.value, tool.planned.value = "Verpflegung", "900"
    tool.save()
    assert "Noch keine Einnahmen eingetragen" in tool.totals.value
    tool.kind.value, tool.title.value, tool.planned.value = "einnahme", "LEADER-Förderung", "1.800"
    income = tool.save()
    assert income.record.kind == "einnahme" and tool.kind.value == "einnahme"  # kept for the next line of income
    assert "Es fehlen noch 600\xa0€" in tool.totals.value
    rows = [html_of(row) for row in tool.list.children]
    assert "Saalmiete" in rows[0] and "Verpflegung" in rows[1] and "LEADER-Förderung" in rows[2]  # costs first
    assert "Einnahme" in rows[2] and "eingegangen" in rows[2]
    tool.kind.value, tool.title.value, tool.planned.value = "einnahme", "Eigenanteil der Gemeinde", "800"
    tool.save()
    assert "übersteigen die geplanten Ausgaben um 200\xa0€" in tool.totals.value
    tool.load(income)
    assert tool.kind.value == "einnahme" and tool.planned.value == "1.800"


def test_a_swiss_teams_budget_is_in_francs(workbook):
    from regionallabor.core.formatting import conventions_for, use_conventions

    use_conventions(conventions_for("CH"))
    try:
        tool = ConferenceBudget(workbook)
        assert "Geplant (CHF)" in html_of(tool)
        tool.title.value, tool.planned.value = "Saalmiete", "1’500.50"
        tool.save()
        assert "CHF\xa01’500.50" in tool.totals.value
    finally:
        use_conventions(conventions_for("DE"))


def test_tasks_are_marked_done_and_overdue(workbook):
    workbook.save(Konferenz(starts_on=date(2027, 5, 8)), None)
    tool = TaskPlan(workbook, today=date(2027, 3, 20))
    tool.weeks.value = 8
    assert tool.due.value == date(2027, 3, 13)
    tool.title.value, tool.responsible.value = "Einladungen verschicken", "Lena"
    task = tool.save()
    tool.title.value, tool.due.value = "Raum buchen", date(2027, 4, 1)
    tool.save()
    row = tool.list.children[0]
    assert "rl-task-overdue" in row._dom_classes and "überfällig" in row.children[1].value
    assert "1 davon überfällig" in tool.summary.value
    row.children[0].value = True
    assert workbook.get(Aufgabe, task.record.id).record.done
    assert "rl-task-done" in tool.list.children[-1]._dom_classes and "1 erledigt" in tool.summary.value


def test_the_files_hold_the_programme_the_tasks_the_budget_and_the_calendar(workbook):
    tool = ConferenceFiles(workbook)
    assert download(tool.calendar) is None
    assert tool.notice.text == "Für den Kalendereintrag braucht eure Konferenz zuerst ein Datum."
    assert set(downloads(tool)) == {
        *("programm.html", "programm.pdf", "aufgaben.html", "aufgaben.pdf", "budget.html", "budget.pdf")
    }
    workbook.save(Konferenz(title="Auenfeld macht mit", starts_on=date(2027, 5, 8)), None)
    workbook.add(Programmpunkt(start=time(9, 30), end=time(10), title="Ankommen", format="ankommen"))
    files = downloads(tool)  # each file is made when clicked, from the workbook as it is now
    assert "BEGIN:VEVENT" in files["konferenz.ics"].decode() and "Auenfeld macht mit" in pdf_text(files["programm.pdf"])
    assert "09:30–10:00" in files["programm.html"].decode()
    workbook.add(Budgetposten(title="Saalmiete", planned=1500))
    workbook.add(Budgetposten(title="LEADER-Förderung", kind="einnahme", planned=1200, actual=600))
    budget = pdf_text(downloads(tool)["budget.pdf"])
    for text in ("Ausgaben", "Saalmiete", "Einnahmen", "LEADER-Förderung", "eingegangen", "Es fehlen noch 300"):
        assert text in budget, text


def test_who_takes_care_offers_the_teams_members_and_still_takes_anyone(workbook):
    """Goals, programme items, tables and tasks name a person: the team's members are offered, and as members
    join, every open tool offers them without a reload; a partner from outside can still be typed in."""
    from regionallabor.core.model import Member

    tools = [GoalPlanner(workbook), ProgramPlanner(workbook), TopicTables(workbook), TaskPlan(workbook)]
    fields = [tools[0].owner, tools[1].responsible, tools[2].host, tools[3].responsible]
    assert all(isinstance(field, ipw.Combobox) and not field.ensure_option for field in fields)
    assert all(list(field.options) == [] for field in fields)
    workbook.add(Member(name="Anja Berger", is_main_contact=True))
    workbook.add(Member(name="Murat Yilmaz"))
    for tool in tools:
        tool.sync.check()  # what the page's sync does every two seconds
    assert all(list(field.options) == ["Anja Berger", "Murat Yilmaz"] for field in fields)
    workbook.save(Konferenz(starts_on=date(2027, 5, 8)), None)
    tools[3].sync.check()
    tools[3].weeks.value = 8
    tools[3].title.value, tools[3].responsible.value = "Saal buchen", "Frau Roth vom Bürgerhaus"
    saved = tools[3].save()
    assert saved is not None and saved.record.responsible == "Frau Roth vom Bürgerhaus"
