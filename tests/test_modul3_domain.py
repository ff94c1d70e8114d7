"""Modul 3's domain: metrics on small graphs computed by hand, the map's rules, CSV files, privacy."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from regionallabor.core.csvfiles import CsvError
from regionallabor.core.model import Akteur, Beziehung, Gespraech, Schatz, explain
from regionallabor.core.privacy import pseudonymise_export
from regionallabor.core.store import Arbeitsmappe, StaleRecordError
from regionallabor.course import MODULES, Status
from regionallabor.modul3.beziehungsnetz import (
    NetworkRuleError,
    load_network,
    open_steps,
    remove_actor,
    save_actor,
    save_conversation,
    save_relation,
)
from regionallabor.modul3.netzanalyse import analyse, gap_matrix, quadrant, spring_positions
from regionallabor.modul3.netzdateien import export_actors, export_relations, import_network
from regionallabor.modul3.selbstcheck import missing as module3_missing


def actor(workbook, name, sector="zivilgesellschaft", fields=("energie",), **extra):
    return save_actor(workbook, Akteur(name=name, sector=sector, handlungsfelder=list(fields), **extra), None).record


def relate(workbook, a, b, kind="kooperiert", strength=2):
    return save_relation(workbook, Beziehung(source_id=a.id, target_id=b.id, kind=kind, strength=strength), None)


@pytest.fixture
def chain(workbook):
    """A – B – C cooperate; D knows nobody; E and F are only in conflict."""
    a, b, c, d, e, f = (actor(workbook, name) for name in "ABCDEF")
    relate(workbook, a, b)
    relate(workbook, b, c, "kennt_sich")
    relate(workbook, e, f, "konflikt")
    return dict(A=a, B=b, C=c, D=d, E=e, F=f)


# metrics


def test_the_middle_of_a_chain_is_the_only_bridge_and_holds_the_chain_together(workbook, chain):
    result = analyse(load_network(workbook))
    # Six actors give 5·4/2 = 10 pairs of others for B; one of them (A, C) runs through B.
    assert [(b.actor.name, b.share, b.cut_point) for b in result.bridges] == [("B", pytest.approx(0.1), True)]
    assert result.exact


def test_actors_with_only_a_conflict_count_as_isolated_and_the_conflict_is_listed(workbook, chain):
    result = analyse(load_network(workbook))
    assert sorted(a.name for a in result.isolated) == ["D", "E", "F"]
    assert result.islands == 1
    assert result.conflicts == [("E", "F")]


def test_the_centre_of_a_star_lies_on_every_path_between_the_others(workbook):
    centre = actor(workbook, "Rathaus", "verwaltung")
    for name in ("Hof", "Schule", "Verein", "Bank"):
        relate(workbook, centre, actor(workbook, name))
    bridge = analyse(load_network(workbook)).bridges[0]
    # 4 leaves: 6 pairs, all through the centre → 6/6 = 1.0
    assert bridge.actor.name == "Rathaus" and bridge.share == pytest.approx(1.0)
    assert bridge.sectors == ("Verwaltung", "Zivilgesellschaft")


def test_two_groups_joined_by_nobody_are_two_islands(workbook):
    a, b, c, d = (actor(workbook, name) for name in "ABCD")
    relate(workbook, a, b)
    relate(workbook, c, d)
    result = analyse(load_network(workbook))
    assert result.islands == 2 and result.bridges == [] and result.isolated == []


def test_the_gap_matrix_counts_each_actor_in_each_of_its_fields(workbook):
    actor(workbook, "Energiegenossenschaft", "wirtschaft", ("energie", "zusammenhalt"))
    actor(workbook, "Klimaschutzmanagerin", "verwaltung", ("energie",))
    actor(workbook, "Stadtwerke", "wirtschaft", ("energie",))
    actor(workbook, "Ohne Feld", "politik", ())
    actor(workbook, "Landfrauen", "Landfrauenverein", ("landwirtschaft",))
    gaps = gap_matrix(load_network(workbook))
    # every standard sector has a row, used or not; the team's own sectors follow
    assert gaps.sectors == (
        "zivilgesellschaft",
        "wirtschaft",
        "verwaltung",
        "politik",
        "bildung",
        "medien",
        "Landfrauenverein",
    )
    assert gaps.counts == {
        ("wirtschaft", "energie"): 2,
        ("wirtschaft", "zusammenhalt"): 1,
        ("verwaltung", "energie"): 1,
        ("Landfrauenverein", "landwirtschaft"): 1,
    }
    assert gaps.without_field == 1
    missing = gaps.missing_by_field()
    assert missing["energie"] == [
        "Zivilgesellschaft",
        "Politik",
        "Bildung & Wissenschaft",
        "Medien & Kultur",
        "Landfrauenverein",
    ]
    assert missing["landwirtschaft"] == [
        "Zivilgesellschaft",
        "Wirtschaft",
        "Verwaltung",
        "Politik",
        "Bildung & Wissenschaft",
        "Medien & Kultur",
    ]


def test_suggestions_rank_influential_unknown_actors_and_name_who_can_introduce_them(workbook):
    friend = actor(workbook, "Anna (Nachbarin)", team_relation="eng", type="person")
    mayor = actor(workbook, "Bürgermeisterin", "politik", ("mobilitaet",), influence=5, engagement=4)
    actor(workbook, "Kaum bekannt", influence=2, engagement=2, team_relation="bekannt")
    actor(workbook, "Schon im Boot", influence=5, engagement=5, team_relation="kontakt")
    relate(workbook, friend, mayor, "kennt_sich")
    suggestions = analyse(load_network(workbook)).suggestions
    assert [s.actor.name for s in suggestions] == ["Bürgermeisterin", "Kaum bekannt"]
    top = suggestions[0]
    # 5 + 4, +2 the only politics actor in Mobilität, +1 Anna can introduce her; a leaf is no bridge
    assert top.score == 12
    assert top.door_openers == ("Anna (Nachbarin)",)
    assert "großer Einfluss (5 von 5)" in top.reasons and "einzige:r aus Politik in Mobilität" in top.reasons


def test_the_grid_puts_ratings_in_quadrants_and_a_three_in_the_middle():
    assert quadrant(5, 5) == "schluessel"
    assert quadrant(4, 1) == "hintergrund"
    assert quadrant(2, 5) == "mitstreiter"
    assert quadrant(1, 2) == "zaungaeste"
    assert quadrant(3, 5) is None and quadrant(5, 3) is None


def test_layout_puts_two_cliques_apart_and_is_the_same_on_every_load(workbook):
    left = [actor(workbook, f"L{i}") for i in range(5)]
    right = [actor(workbook, f"R{i}") for i in range(5)]
    for group in (left, right):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                relate(workbook, a, b)
    network = load_network(workbook)
    pos = spring_positions(network)
    assert pos == spring_positions(network)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())

    def mean_distance(pairs):
        return sum(
            ((pos[a.id][0] - pos[b.id][0]) ** 2 + (pos[a.id][1] - pos[b.id][1]) ** 2) ** 0.5 for a, b in pairs
        ) / len(pairs)

    within = [(a, b) for g in (left, right) for i, a in enumerate(g) for b in g[i + 1 :]]
    across = [(a, b) for a in left for b in right]
    assert mean_distance(within) < mean_distance(across) / 2


# the map's rules


def test_names_are_unique_on_the_map_whatever_their_case(workbook):
    actor(workbook, "Dorfladen eG")
    with pytest.raises(NetworkRuleError, match="steht schon auf eurer Landkarte"):
        actor(workbook, "dorfladen EG")


def test_a_schatz_is_an_actor_without_typing_it_again_and_keeps_its_name_from_modul_2(workbook):
    schatz = workbook.add(Schatz(name="Repair-Café", field="wirtschaft")).record
    shown = load_network(workbook).actors
    assert [(a.name, a.version, a.record.sector, a.record.handlungsfelder) for a in shown] == [
        ("Repair-Café", None, "zivilgesellschaft", ["wirtschaft"])
    ]
    with pytest.raises(NetworkRuleError, match="Schatz der Region"):
        actor(workbook, "repair-café")
    rated = shown[0].record.model_copy(update={"influence": 4, "name": "Anders"})
    stored = save_actor(workbook, rated, None)
    assert stored.record.id == f"schatz-{schatz.id}" and stored.record.name == "Repair-Café"
    current = workbook.get(Schatz, schatz.id)
    workbook.update(current.record.model_copy(update={"name": "Repair-Café Musterdorf"}), current.version)
    (again,) = load_network(workbook).actors
    assert again.name == "Repair-Café Musterdorf" and again.record.influence == 4
    with pytest.raises(NetworkRuleError, match="bleibt auf der Landkarte"):
        remove_actor(workbook, again)


def test_removing_an_actor_takes_its_relations_and_conversations_along(workbook, chain):
    save_conversation(
        workbook, Gespraech(actor_id=chain["B"].id, held_on=date(2026, 11, 2), learned="Will mitmachen"), None
    )
    network = load_network(workbook)
    remove_actor(workbook, network.by_id[chain["B"].id])
    after = load_network(workbook)
    assert "B" not in [a.name for a in after.actors]
    assert [(after.by_id[r.record.source_id].name, after.by_id[r.record.target_id].name) for r in after.relations] == [
        ("E", "F")
    ]
    assert workbook.list(Gespraech) == []


def test_a_relation_exists_once_per_kind_and_only_fördern_has_a_direction(workbook):
    a, b = actor(workbook, "A"), actor(workbook, "B")
    relate(workbook, a, b)
    with pytest.raises(NetworkRuleError, match="schon als „kooperiert“ verbunden"):
        relate(workbook, b, a)
    relate(workbook, a, b, "kennt_sich")
    relate(workbook, a, b, "foerdert")
    relate(workbook, b, a, "foerdert")
    with pytest.raises(NetworkRuleError):
        relate(workbook, a, b, "foerdert")
    with pytest.raises(ValidationError) as same:
        Beziehung(source_id=a.id, target_id=a.id)
    assert explain(same.value) == "Eine Beziehung braucht zwei verschiedene Akteur:innen."


def test_an_actor_changed_in_another_window_is_not_overwritten(workbook_path):
    first, second = Arbeitsmappe(workbook_path), Arbeitsmappe(workbook_path)
    stored = save_actor(first, Akteur(name="Landfrauen", sector="Landfrauenverein"), None)
    assert stored.record.sector == "Landfrauenverein"
    save_actor(second, stored.record.model_copy(update={"influence": 5}), stored.version)
    with pytest.raises(StaleRecordError):
        save_actor(first, stored.record.model_copy(update={"engagement": 1}), stored.version)
    assert first.get(Akteur, stored.record.id).record.influence == 5


def test_bad_ratings_get_a_german_message():
    with pytest.raises(ValidationError) as refused:
        Akteur(name="X", sector="politik", influence=7)
    assert explain(refused.value) == "Einfluss: Bitte gebt einen Wert zwischen 1 und 5 an."
    assert Akteur(name="X", sector="politik", type="organisation", private_person=True).private_person is False


def test_open_steps_come_earliest_first_and_overdue_ones_are_marked(workbook):
    a = actor(workbook, "A")
    for due, step, done in (
        (date(2026, 12, 1), "Einladen", False),
        (date(2026, 11, 1), "Anrufen", False),
        (None, "Irgendwann", False),
        (date(2026, 10, 1), "Erledigt", True),
        (None, "", False),
    ):
        save_conversation(
            workbook,
            Gespraech(actor_id=a.id, held_on=date(2026, 10, 1), learned="x", next_step=step, due=due, done=done),
            None,
        )
    steps = open_steps(workbook.list(Gespraech), load_network(workbook), today=date(2026, 11, 23))
    assert [(s.conversation.record.next_step, s.overdue, s.actor_name) for s in steps] == [
        ("Anrufen", True, "A"),
        ("Einladen", False, "A"),
        ("Irgendwann", False, "A"),
    ]


def test_module_3_is_done_with_ten_actors_from_three_sectors_five_relations_and_a_conversation(workbook):
    module = MODULES[2]
    assert module.status(workbook) is Status.NOT_STARTED
    people = [
        actor(workbook, f"Akteur {i}", ("zivilgesellschaft", "wirtschaft", "verwaltung")[i % 3]) for i in range(10)
    ]
    assert module3_missing(workbook) == ["mindestens 5 Beziehungen (bisher 0)", "mindestens eine Gesprächsnotiz"]
    for a, b in zip(people, people[1:6]):
        relate(workbook, a, b)
    save_conversation(workbook, Gespraech(actor_id=people[0].id, held_on=date(2026, 11, 1), learned="x"), None)
    assert module3_missing(workbook) == [] and module.status(workbook) is Status.DONE


# CSV and privacy


def test_csv_round_trip_into_a_new_workbook_keeps_every_actor_and_relation(workbook, chain, tmp_path):
    save_actor(
        workbook,
        Akteur(
            name="Maria Huber",
            type="person",
            sector="Landfrauenverein",
            place="Musterdorf",
            handlungsfelder=["landwirtschaft", "zusammenhalt"],
            influence=4,
            engagement=5,
            private_person=True,
            team_relation="eng",
            notes="kocht; backt",
        ),
        None,
    )
    network = load_network(workbook)
    actors_csv, relations_csv = (
        export_actors(network, pseudonymise=False),
        export_relations(network, pseudonymise=False),
    )
    assert actors_csv.startswith("\ufeffname;art;sektor".encode())
    other = Arbeitsmappe(tmp_path / "other.sqlite3")
    result = import_network(other, actors_csv, relations_csv)
    assert (result.actors_added, result.actors_updated, result.relations_added) == (7, 0, 3)
    copied = load_network(other)

    def comparable(net):
        actors = {a.name: a.record.model_dump(exclude={"id"}) for a in net.actors}
        relations = sorted(
            (net.by_id[r.record.source_id].name, net.by_id[r.record.target_id].name, r.record.kind, r.record.strength)
            for r in net.relations
        )
        return actors, relations

    assert comparable(copied) == comparable(network)
    again = import_network(other, actors_csv, relations_csv)
    assert (again.actors_added, again.actors_updated, again.relations_added, again.relations_updated) == (0, 7, 0, 3)


def test_a_bad_relation_row_refuses_both_files_and_names_its_line(workbook, chain):
    before = load_network(workbook).fingerprint
    actors_csv = b"name;sektor\nNeue Schule;Bildung & Wissenschaft\n"
    relations_csv = b"von;nach;art\nA;Neue Schule;kooperiert\nA;Niemand;kennt sich\n"
    with pytest.raises(CsvError) as refused:
        import_network(workbook, actors_csv, relations_csv)
    assert (
        str(refused.value)
        == "beziehungen.csv, Zeile 3: „Niemand“ steht weder in der Akteursdatei noch auf eurer Landkarte."
    )
    assert load_network(workbook).fingerprint == before


@pytest.mark.parametrize(
    "row, reason",
    [
        ("X;Politik;7", "Einfluss: Bitte gebt einen Wert zwischen 1 und 5 an."),
        (";Politik;3", "Name: Bitte gebt etwas ein – das Feld darf nicht leer sein."),
        ("X;Politik;viel", "Einfluss: Bitte gebt eine Zahl ein."),
    ],
)
def test_bad_actor_rows_are_refused_with_line_and_reason(workbook, row, reason):
    raw = f"name;sektor;einfluss\nGut;Politik;3\n{row}\n".encode()
    with pytest.raises(CsvError) as refused:
        import_network(workbook, raw, None)
    assert str(refused.value) == f"akteure.csv, Zeile 3: {reason}"
    assert load_network(workbook).actors == []


def test_a_pseudonymised_export_hides_private_people_and_cannot_be_imported_back(workbook, chain):
    maria = save_actor(
        workbook,
        Akteur(
            name="Maria Huber",
            type="person",
            sector="zivilgesellschaft",
            place="Musterdorf",
            private_person=True,
            notes="Telefon 0761 …",
        ),
        None,
    ).record
    save_actor(workbook, Akteur(name="Bürgermeister Meier", type="person", sector="politik"), None)
    relate(workbook, maria, chain["A"])
    save_conversation(
        workbook,
        Gespraech(actor_id=maria.id, held_on=date(2026, 11, 3), learned="Maria Huber kennt alle Landwirt:innen"),
        None,
    )
    network = load_network(workbook)
    actors_csv = export_actors(network, pseudonymise=True).decode("utf-8-sig")
    relations_csv = export_relations(network, pseudonymise=True).decode("utf-8-sig")
    assert "Maria" not in actors_csv + relations_csv and "Musterdorf" not in actors_csv
    assert "Privatperson 1;Person;Zivilgesellschaft" in actors_csv
    assert "Bürgermeister Meier" in actors_csv  # a public figure is not a private person
    assert "Privatperson 1;A;kooperiert" in relations_csv
    with pytest.raises(CsvError, match="pseudonymisierte Datei"):
        import_network(workbook, actors_csv.encode(), None)
    hidden = json.dumps(pseudonymise_export(workbook.export_data()), ensure_ascii=False)
    assert "Maria" not in hidden and "Privatperson 1 kennt alle Landwirt:innen" in hidden
