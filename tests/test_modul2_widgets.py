"""Modul 2's tools, driven as a person would through their widgets, without a browser."""

from __future__ import annotations

import ipywidgets as ipw

from regionallabor.core.model import FieldRating, Herausforderung, Kennzahl, Region, Schatz
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul2.bestandsaufnahme import swot_board
from regionallabor_widgets.modul2.handlungsfelder_check import FieldCheck
from regionallabor_widgets.modul2.kennzahlen import OwnFigures, RegionFigures
from regionallabor_widgets.modul2.schaetze import PAGE_SIZE, SchatzInventory
from regionallabor_widgets.modul2.swot import ChallengeList, SwotBoard
from tests.helpers import control, html_of, widgets_in


def test_region_figures_compare_in_words_and_name_year_and_source(workbook):
    workbook.save(Region(name="Breisgau-Hochschwarzwald", area_ids=["DE-08315"]), None)
    tool = RegionFigures(workbook)
    shown = html_of(tool)
    assert "264.867" in shown
    assert "ist stärker gewachsen als 8 von 10 Landkreisen" in shown
    assert "Stand 31.12.2020, Entwicklung 2015–2020" in shown
    assert "Quelle: © Statistisches Bundesamt (Destatis)" in shown
    assert "<svg" in tool.trend.value and "2015" in tool.trend.value
    assert "Männer" in tool.age.value  # the pyramid


def test_a_gemeinde_is_compared_with_gemeinden_of_its_size_and_the_kreis_is_context(workbook):
    workbook.save(Region(name="Feldberg", area_ids=["DE-G-08315037"]), None)  # 1,862 Einwohner:innen
    shown = html_of(RegionFigures(workbook))
    assert "mittlere Gemeinde dieser Größe (Median)" in shown and "mittlerer Kreis" not in shown
    assert "Gemeinden mit unter 2.000 Einwohner:innen in Deutschland" in shown
    assert "jeder Strich ist eine Gemeinde ähnlicher Größe" in shown and "gelten für den Kreis drumherum" in shown
    assert "Breisgau-Hochschwarzwald" in shown  # the trend and ages, named as the Kreis around


def test_region_figures_without_areas_point_to_modul1(workbook):
    assert "noch keine Gebiete" in html_of(RegionFigures(workbook))


def test_region_figures_redraw_only_when_the_region_changes(workbook):
    tool = RegionFigures(workbook)
    other_page = Arbeitsmappe(workbook.path)
    other_page.add(Schatz(name="Hofladen", field="landwirtschaft"))
    tool.sync.check()
    assert "noch keine Gebiete" in html_of(tool)
    other_page.save(Region(area_ids=["AT-506"]), None)
    tool.sync.check()
    assert "dünner besiedelt als 9 von 10 Bezirken in Österreich" in html_of(tool)
    other_page.close()


def test_own_figure_form_refuses_a_word_for_a_number_and_saves_a_good_one(workbook):
    tool = OwnFigures(workbook)
    tool.name.value, tool.value.value, tool.year.value, tool.source.value = "Vereine", "viele", "2024", "Gemeinde"
    assert tool.add() is None
    assert tool.notice.kind == "error" and "Wert: Bitte gebt eine Zahl ein." in tool.notice.value
    assert workbook.count_kind("kennzahl") == 0
    tool.value.value = "42"
    tool.add()
    assert [(s.record.name, s.record.value) for s in workbook.list(Kennzahl)] == [("Vereine", 42)]
    assert "Vereine" in html_of(tool.table) and "Quelle: Gemeinde" in html_of(tool.table)


def test_own_figures_csv_upload_names_the_bad_line_and_changes_nothing(workbook):
    tool = OwnFigures(workbook)
    assert not tool.receive("zahlen.csv", b"kennzahl;wert;jahr;quelle\nA;1;2024;x\nB;zwei;2024;x\n")
    assert "nicht übernommen" in tool.notice.value and "Zeile 3" in tool.notice.value
    assert workbook.count_kind("kennzahl") == 0
    assert tool.receive("zahlen.csv", b"kennzahl;wert;jahr;quelle\nA;1;2024;x\nB;2;2024;x\n")
    assert "2 Kennzahlen" in tool.notice.value and workbook.count_kind("kennzahl") == 2


def test_field_check_saves_each_rating_and_draws_the_profile(workbook):
    tool = FieldCheck(workbook)
    assert "Sobald ihr das erste Feld einschätzt" in tool.chart.value
    tool.rate("energie", 4)
    tool.rows["energie"].notes.value = "Zwei Bürgersolaranlagen, kein Nahwärmenetz"
    stored = workbook.get(FieldRating, "energie-1").record
    assert (stored.rating, stored.notes) == (4, "Zwei Bürgersolaranlagen, kein Nahwärmenetz")
    assert "<svg" in tool.chart.value and "1 von 6 Feldern" in tool.progress.value
    tool.round.value = 2
    assert tool.rows["energie"].rating.value is None  # the second round starts empty
    tool.rate("energie", 5)
    assert workbook.get(FieldRating, "energie-2").record.rating == 5
    assert "Zweite Einschätzung" in tool.chart.value  # both rounds in the chart's legend
    again = FieldCheck(workbook)  # a reload shows what was stored
    assert again.rows["energie"].rating.value == 4


def test_field_check_takes_a_rating_from_another_page(workbook):
    tool = FieldCheck(workbook)
    other_page = FieldCheck(Arbeitsmappe(workbook.path))
    other_page.rate("mobilitaet", 2)
    tool.sync.check()
    assert tool.rows["mobilitaet"].rating.value == 2
    tool.rate("mobilitaet", 3)  # based on the version just loaded: no conflict
    assert workbook.get(FieldRating, "mobilitaet-1").record.rating == 3
    other_page.workbook.close()


def add_schatz(tool: SchatzInventory, name: str, field: str = "landwirtschaft", **fields) -> None:
    tool.name.value, tool.field.value = name, field
    for key, value in fields.items():
        getattr(tool, key).value = value
    tool.submit_form()


def test_schaetze_add_edit_refuse_duplicates_and_escape(workbook):
    tool = SchatzInventory(workbook)
    add_schatz(tool, "Solidarische Landwirtschaft Hofgut", description="40 Ernteanteile", link="www.solawi-beispiel.de")
    add_schatz(tool, "<b>Hofladen</b>")
    add_schatz(tool, "solidarische landwirtschaft hofgut", description="doppelt")
    assert (
        tool.notice.kind == "error" and "gibt es im Handlungsfeld Landwirtschaft & Ernährung schon" in tool.notice.text
    )
    assert tool.description.value == "doppelt"  # the form keeps what was typed
    assert workbook.count_kind("schatz") == 2
    shown = html_of(tool.list)
    assert "&lt;b&gt;Hofladen&lt;/b&gt;" in shown and "<b>Hofladen</b>" not in shown
    assert "href='https://www.solawi-beispiel.de'" in shown
    tool.start_edit(workbook.list(Schatz)[0])
    tool.field.value = "zusammenhalt"
    tool.submit_form()
    assert workbook.list(Schatz)[0].record.field == "zusammenhalt"
    assert "Noch ohne Schatz: Energie" in tool.gaps.value


def test_three_hundred_schaetze_show_a_page_at_a_time_and_filter(workbook):
    fields = ["landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"]
    with workbook.transaction() as tx:
        for number in range(300):
            tx.add(Schatz(name=f"Initiative {number}", field=fields[number % 6]))
    tool = SchatzInventory(workbook)
    assert len(tool.list.children) == PAGE_SIZE
    assert "20 von 300 Schätzen" in tool.count.value
    tool.pager.next_page()
    assert len(tool.list.children) == 2 * PAGE_SIZE
    tool.filter_field.value = "energie"
    assert len(tool.matching()) == 50 and len(tool.list.children) == PAGE_SIZE
    tool.search.value = "Initiative 1"
    assert all("Initiative 1" in s.record.name for s in tool.matching())


def test_challenges_are_grouped_by_field_and_edited_in_place(workbook):
    tool = ChallengeList(workbook)
    tool.field.value, tool.text.value = "mobilitaet", "Der letzte Bus fährt um 18 Uhr"
    tool.add_challenge()
    tool.text.value = "   "
    assert tool.add_challenge() is None and tool.notice.kind == "error"
    group = tool.groups.children[0]
    assert "Mobilität" in html_of(group)
    text = control(group, ipw.Text)
    text.value = "Der letzte Bus fährt um 18:30 Uhr"
    assert workbook.list(Herausforderung)[0].record.text.endswith("18:30 Uhr")


def card_id(board, text: str) -> str:
    return next(card["id"] for card in board.cards if card["text"] == text)


def test_swot_cards_are_added_edited_dragged_within_and_across_and_removed(workbook):
    tool = SwotBoard(workbook)
    board = tool.board
    for text in ("Viele Vereine", "Engagierte Jugend", "Guter Nahverkehr nach Freiburg"):
        board.act("add", column="staerken", text=text)
    board.act("add", column="chancen", text="  ")
    assert "Text: Bitte gebt etwas ein" in tool.notice.value and board.card_texts("chancen") == []
    board.act("place", id=card_id(board, "Guter Nahverkehr nach Freiburg"), column="staerken", index=0)
    assert board.card_texts("staerken") == ["Guter Nahverkehr nach Freiburg", "Viele Vereine", "Engagierte Jugend"]
    board.act("edit", id=card_id(board, "Engagierte Jugend"), text="Engagierte Jugendfeuerwehr")
    board.act("place", id=card_id(board, "Viele Vereine"), column="chancen", index=5)  # past the end: at the end
    assert board.card_texts("chancen") == ["Viele Vereine"]
    again = SwotBoard(workbook).board  # what another page (or a reload) shows
    assert again.card_texts("staerken") == ["Guter Nahverkehr nach Freiburg", "Engagierte Jugendfeuerwehr"]
    assert [s.record.position for s in swot_board(workbook)["staerken"]] == [0, 1]
    board.act("remove", id=card_id(board, "Viele Vereine"))
    assert board.card_texts("chancen") == [] and "„Viele Vereine“ entfernt." in tool.notice.value
    assert [group[0].record.text for group in workbook.papierkorb()] == ["Viele Vereine"]


def test_the_board_is_one_widget_however_many_cards_it_holds(workbook):
    tool = SwotBoard(workbook)
    models = len(list(widgets_in(tool)))
    for number in range(40):
        tool.board.act("add", column=("staerken", "risiken")[number % 2], text=f"Karte {number}")
    assert len(tool.board.cards) == 40 and len(list(widgets_in(tool))) == models


def test_the_board_ignores_what_no_page_of_ours_sends(workbook):
    tool = SwotBoard(workbook)
    tool.board.act("add", column="staerken", text="Viele Vereine")
    card = card_id(tool.board, "Viele Vereine")
    revision = workbook.revision()
    for action, arguments in (
        ("add", {"column": "irgendwo", "text": "x"}),  # a column the board lacks
        ("add", {"column": "staerken", "text": ["x"]}),  # not a text
        ("place", {"id": card, "column": "chancen", "index": "0"}),
        ("run", {"code": "import os"}),
        ("dot", {"id": card, "step": 1}),  # the SWOT has no dots
    ):
        tool.board.act(action, **arguments)
    tool.board._handle_custom_msg(["not", "a", "dict"], [])
    assert workbook.revision() == revision
    tool.board.act("edit", id="gibt-es-nicht", text="x")
    assert tool.notice.kind == "warning" and workbook.revision() == revision


def test_two_pages_on_one_swot_card_lose_nothing(workbook_path):
    anna = SwotBoard(Arbeitsmappe(workbook_path, person="Anna"))
    ben = SwotBoard(Arbeitsmappe(workbook_path, person="Ben"))
    anna.board.act("add", column="staerken", text="Viele Vereine")
    ben.refresh()
    card = card_id(anna.board, "Viele Vereine")
    anna.board.act("edit", id=card, text="Viele Vereine, 80 im ganzen Ort")
    ben.board.act("edit", id=card, text="Viele Vereine und ein Dorffest")  # Ben's page still had the old card
    assert ben.notice.kind == "warning"
    assert "Viele Vereine und ein Dorffest" in ben.notice.value and "Anna" in ben.notice.value
    assert ben.board.card_texts("staerken") == ["Viele Vereine, 80 im ganzen Ort"]
    ben.board.act("place", id=card, column="risiken", index=0)  # now with the current card
    assert [s.record.text for s in swot_board(anna.workbook)["risiken"]] == ["Viele Vereine, 80 im ganzen Ort"]
