"""Pseudonymisation against the ways people actually write a name: every exported field, every variant."""

from __future__ import annotations

import json
from datetime import date

import pytest

from regionallabor.core.model import Akteur, Beziehung, Gespraech, Member, Schatz, Ziel
from regionallabor.core.privacy import name_scrubber
from regionallabor.core.transfer import export_json
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul3.netzdateien import export_actors, export_relations

VARIANTS = ("Maria Berger", "Frau Berger", "berger", "BERGER", "Maria", "maria berger")


@pytest.fixture
def private_workbook(workbook):
    workbook.add(Member(name="Aylin Demir", is_main_contact=True))
    maria = workbook.add(
        Akteur(
            name="Maria Berger",
            type="person",
            sector="zivilgesellschaft",
            private_person=True,
            place="Lindenweg 3",
            notes="Hat drei Kinder in der Grundschule",
        )
    ).record
    bauamt = workbook.add(Akteur(name="Bauamt", sector="verwaltung", notes="Frau Berger war schon zweimal dort")).record
    workbook.add(Beziehung(source_id=maria.id, target_id=bauamt.id, kind="kennt_sich", note="maria kennt den Leiter"))
    workbook.add(
        Gespraech(
            actor_id=bauamt.id, held_on=date(2027, 3, 1), learned="BERGER sagt, der Saal ist frei", team_people="Aylin"
        )
    )
    workbook.add(Schatz(name="Kinderchor", field="zusammenhalt", contact="Maria Berger, 0171 5550123"))
    workbook.add(Ziel(title="Ein Jugendraum", handlungsfelder=["zusammenhalt"], owner="maria berger"))
    return workbook


def names_in(text: str) -> list[str]:
    folded = text.casefold()
    return [variant for variant in ("berger", "maria") if variant in folded]


def test_every_variant_of_a_private_name_is_replaced_as_a_whole_word():
    scrub = name_scrubber([Akteur(name="Maria Berger", type="person", sector="politik", private_person=True)])
    for variant in VARIANTS:
        assert names_in(scrub(f"Gespräch mit {variant} am Montag")) == [], variant
    assert scrub("Treffen im Bergerhof") == "Treffen im Bergerhof"  # a word that only begins like the name


def test_the_team_and_organisations_keep_their_names():
    scrub = name_scrubber(
        [
            Akteur(name="Aylin Kaya", type="person", sector="politik", private_person=True),
            Akteur(name="Sportverein Aylin", sector="zivilgesellschaft"),
        ],
        keep=["Aylin Demir"],
    )
    assert scrub("Aylin Demir lädt Aylin Kaya ein") == "Aylin Demir lädt Privatperson 1 ein"


def test_the_workbook_file_to_pass_on_holds_no_private_name_in_any_field(private_workbook):
    exported = export_json(private_workbook, pseudonymise=True).decode("utf-8")
    assert names_in(exported) == []
    assert "0171" not in exported and "Lindenweg" not in exported and "Grundschule" not in exported
    assert "Aylin Demir" in exported and "Bauamt" in exported
    records = json.loads(exported)["records"]
    assert records["schatz"][0]["contact"] == ""  # a Schatz's contact is a person's: it stays with the team


def test_the_network_tables_to_pass_on_hold_no_private_name(private_workbook):
    network = load_network(private_workbook)
    for raw in (export_actors(network, True), export_relations(network, True)):
        assert names_in(raw.decode("utf-8-sig")) == []
    assert "Maria Berger" in export_actors(network, False).decode("utf-8-sig")  # the team's own copy keeps them
