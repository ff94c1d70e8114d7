"""Modul 3's tools, driven as a person would through their widgets, without a browser."""

from __future__ import annotations

from datetime import date

from regionallabor.core.model import Akteur, Beziehung, Gespraech, Schatz
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.testing import fill_network
from regionallabor_widgets.modul3.akteure import PAGE_SIZE, ActorList
from regionallabor_widgets.modul3.beziehungen import RelationEditor
from regionallabor_widgets.modul3.gespraeche import ConversationLog
from regionallabor_widgets.modul3.netzauswertung import InfluenceGrid, NetworkInsights
from regionallabor_widgets.modul3.netzwerkkarte import NetworkMap
from regionallabor_widgets.modul3.tabellen import NetworkFiles
from tests.helpers import download, html_of


def fill_form(form, name, sector="Zivilgesellschaft", fields=(), **extra):
    form.name.value, form.sector.value = name, sector
    for key in fields:
        form.fields[key].value = True
    for attribute, value in extra.items():
        getattr(form, attribute).value = value
    return form.save()


def test_actor_list_adds_edits_and_refuses_a_name_twice_in_german(workbook):
    tool = ActorList(workbook)
    assert "Noch niemand auf der Landkarte" in html_of(tool)
    stored = fill_form(tool.form, "Bürgerenergie <Musterdorf>", "wirtschaft", ("energie",), influence="4")
    assert stored.record.sector == "wirtschaft" and stored.record.influence == 4
    assert tool.notice.kind == "success"
    shown = html_of(tool.list)
    assert "Bürgerenergie &lt;Musterdorf&gt;" in shown and "<Musterdorf>" not in shown
    assert fill_form(tool.form, "bürgerenergie <musterdorf>") is None
    assert tool.notice.kind == "error" and "steht schon auf eurer Landkarte" in tool.notice.text
    tool.form.clear()
    assert fill_form(tool.form, "Ohne Sektor", "") is None
    assert tool.notice.text == "Sektor: Bitte gebt etwas ein – das Feld darf nicht leer sein."
    assert len(workbook.list(Akteur)) == 1


def test_a_schatz_from_modul_2_is_listed_and_rated_without_typing_its_name(workbook):
    workbook.add(Schatz(name="Repair-Café", field="wirtschaft"))
    tool = ActorList(workbook)
    assert "Repair-Café" in html_of(tool.list) and "Schatz der Region" in html_of(tool.list)
    (schatz_actor,) = tool._actors
    tool.form.load(schatz_actor)
    assert tool.form.name.disabled
    tool.form.influence.value = "5"
    saved = tool.form.save()
    assert saved.record.name == "Repair-Café" and saved.record.influence == 5


def test_a_private_person_is_the_default_for_people_only(workbook):
    tool = ActorList(workbook)
    tool.form.type.value = "person"
    assert tool.form.private_box.layout.display == "" and tool.form.private.value
    person = fill_form(tool.form, "Maria Huber", type="person")
    assert person.record.private_person
    tool.form.type.value = "organisation"
    assert tool.form.private_box.layout.display == "none"
    organisation = fill_form(tool.form, "Sportverein")
    assert not organisation.record.private_person


def test_removing_an_actor_asks_first(workbook):
    tool = ActorList(workbook)
    fill_form(tool.form, "Sportverein")
    tool.ask(tool._actors[0].id)
    assert "mit allen Beziehungen und Gesprächsnotizen entfernen?" in html_of(tool.list)
    tool.remove(tool._actors[0])
    assert workbook.list(Akteur) == [] and "Noch niemand" in html_of(tool.list)


def test_five_hundred_actors_show_ten_at_a_time_and_filter_by_sector_and_field(workbook):
    fill_network(workbook, 500, 0)
    tool = ActorList(workbook)
    assert len(tool.list.children) == PAGE_SIZE == 10
    assert "10 von 500 Akteur:innen" in tool.count.value
    tool.pager.next_page()
    assert len(tool.list.children) == 20 and "20 von 500 Akteur:innen" in tool.count.value
    tool.filter_sector.value = "politik"
    politics = [a for a in tool._actors if a.record.sector == "politik"]
    assert len(tool.matching()) == len(politics) > 0
    tool.filter_field.value = "energie"
    assert all("energie" in a.record.handlungsfelder and a.record.sector == "politik" for a in tool.matching())


def test_relations_are_added_by_name_and_a_duplicate_is_refused(workbook):
    actors = ActorList(workbook)
    relations = RelationEditor(workbook)
    assert "mindestens zwei Akteur:innen" in relations.hint.value
    fill_form(actors.form, "Hofladen")
    fill_form(actors.form, "Gemeinderat", "Politik")
    assert relations.source.options == ("Gemeinderat", "Hofladen")  # the sibling's write reloaded it
    relations.source.value, relations.target.value, relations.kind.value = "Hofladen", "Gemeinderat", "foerdert"
    assert relations.add() is not None
    assert "Hofladen</span> → <span class='rl-member-name'>Gemeinderat" in html_of(relations.list)
    relations.source.value, relations.target.value = "Hofladen", "Gemeinderat"
    assert relations.add() is None and "schon als „finanziert/fördert“ verbunden" in relations.notice.text
    relations.source.value, relations.target.value = "Niemand", "Gemeinderat"
    assert relations.add() is None and "aus der Liste" in relations.notice.text
    assert len(workbook.list(Beziehung)) == 1


def test_the_map_shows_new_actors_filters_and_opens_a_clicked_actor(workbook):
    actors = ActorList(workbook)
    network_map = NetworkMap(workbook)
    assert network_map.sigma is None and "erscheint hier eure Netzwerkkarte" in html_of(network_map.canvas)
    hof = fill_form(actors.form, "Hofladen", "Wirtschaft", ("landwirtschaft",)).record
    fill_form(actors.form, "Klimaschutzmanagerin", "Verwaltung", ("energie",))
    graph = network_map.sigma.graph
    assert sorted(graph.nodes[n]["label"] for n in graph) == ["Hofladen", "Klimaschutzmanagerin"]
    network_map.filter_field.value = "energie"
    assert [network_map.sigma.graph.nodes[n]["label"] for n in network_map.sigma.graph] == ["Klimaschutzmanagerin"]
    network_map.filter_sector.value = "wirtschaft"
    assert network_map.sigma is None and "Niemand passt" in html_of(network_map.canvas)
    network_map.filter_field.value = network_map.filter_sector.value = ""
    network_map.sigma.selected_node = hof.id  # what a click on the node sends from the browser
    assert "Hofladen" in network_map.details.value and network_map.form.name.value == "Hofladen"
    network_map.form.influence.value = "5"
    network_map.form.save()
    assert workbook.get(Akteur, hof.id).record.influence == 5
    assert "Einfluss 5" in html_of(actors.list)  # the list above reloaded
    assert network_map.selected == hof.id and network_map.form.editing.id == hof.id


def test_insights_and_grid_follow_the_map(workbook):
    actors = ActorList(workbook)
    insights, grid = NetworkInsights(workbook), InfluenceGrid(workbook)
    assert "Tragt Akteur:innen und Beziehungen ein" in insights.body.value
    fill_form(actors.form, "Rathaus", "Verwaltung", ("energie",), influence="5", engagement="5")
    assert (
        "Noch verbindet niemand" in insights.body.value and "1 ohne Verbindung:</strong> Rathaus" in insights.body.value
    )
    assert "<strong>Energie:</strong> niemand aus Zivilgesellschaft, Wirtschaft, Politik" in insights.body.value
    assert "Schlüsselakteur:innen</strong> (1)" in grid.body.value


def test_conversations_list_open_steps_and_mark_them_done(workbook):
    workbook.add(Akteur(name="Bürgermeisterin", sector="politik"))
    log = ConversationLog(workbook)
    log.actor.value, log.learned.value = "Bürgermeisterin", "Unterstützt die Konferenz, will den Saal stellen."
    log.next_step.value, log.due.value = "Saal reservieren", date(2026, 12, 1)
    assert log.add() is not None
    assert "Saal reservieren" in html_of(log.steps) and "bis 01.12.2026" in html_of(log.steps)
    (talk,) = workbook.list(Gespraech)
    log.mark_done(talk)
    assert workbook.list(Gespraech)[0].record.done
    assert "Keine offenen Schritte" in html_of(log.steps)
    log.actor.value, log.learned.value = "Bürgermeisterin", ""
    assert log.add() is None and log.notice.text.startswith("Was ihr erfahren habt: Bitte gebt etwas ein")


def test_csv_files_come_out_pseudonymised_and_go_back_in(workbook):
    workbook.add(Akteur(name="Maria Huber", type="person", sector="zivilgesellschaft", private_person=True))
    files = NetworkFiles(workbook)
    name, actors_csv = download(files.actors_file)
    assert "Maria" not in actors_csv.decode("utf-8-sig") and name.endswith("-pseudonymisiert.csv")
    files.pseudonymise.value = False
    (_, actors_csv), (name, _) = download(files.actors_file), download(files.relations_file)
    assert name.startswith("beziehungen-") and name.endswith(".csv") and "pseudonymisiert" not in name
    extra = actors_csv + b"Hofladen;Organisation;Wirtschaft;;3;3;;nein;keiner;\r\n"
    relations = b"von;nach;art\nMaria Huber;Hofladen;kennt sich\n"
    assert files.receive([("beziehungen.csv", relations), ("akteure.csv", extra)])
    assert files.notice.text == "Übernommen: 1 Akteur:innen neu, 1 aktualisiert; 1 Beziehungen neu, 0 aktualisiert."
    assert not files.receive([("b.csv", b"von;nach;art\nMaria Huber;Niemand;kennt sich\n")])
    assert "b.csv, Zeile 2" in files.notice.text and "Nichts übernommen" in files.notice.text
    assert len(load_network(workbook).relations) == 1


def test_an_edit_in_another_window_is_not_overwritten(workbook):
    workbook.add(Akteur(name="Sportverein", sector="zivilgesellschaft"))
    here, there = ActorList(workbook), ActorList(Arbeitsmappe(workbook.path))
    here.form.load(here._actors[0])
    there.form.load(there._actors[0])
    there.form.influence.value = "5"
    there.form.save()
    here.form.engagement.value = "1"
    assert here.form.save() is None
    assert "wurde gerade eben geändert, während ihr geschrieben habt" in here.notice.text
    assert "<strong>Engagement</strong> – eure Fassung: <span class='rl-conflict-text'>1</span>" in here.notice.text
    assert workbook.list(Akteur)[0].record.influence == 5
    assert here.form.influence.value == "5"  # the form now shows the newer state
