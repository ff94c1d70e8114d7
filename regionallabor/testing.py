"""Filled example workbooks for tests, benchmarks and trying the tools out – not used by the course itself.

``fill_team_and_region`` writes a complete Modul 1 (``fill_team_in_district`` one for a Landkreis), ``fill_bestandsaufnahme`` a complete Modul 2. ``fill_network`` generates an actor map of any size: actors spread over the sectors and Handlungsfelder
like a real region's (many associations, few politicians), relations favouring actors of the same place
or field, as real ones do. ``fill_planning`` writes a small, realistic Modul 4 and 5 – Zukunftswerkstatt,
vision, goals, a planned conference; ``guests`` invites that many actors from the map, and
``extra_goals`` adds goals with complete Wirkungslogiken to measure big workbooks. ``fill_actions`` adds
a Modul 6 action plan.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from regionallabor.core.model import (
    Akteur,
    Beziehung,
    Einladung,
    Herausforderung,
    Idee,
    Indikator,
    Konferenz,
    Kritikpunkt,
    Member,
    OwnFigures,
    Region,
    Schatz,
    Team,
    Thementisch,
    Wirkungslogik,
    Ziel,
    Zukunftsbild,
)
from regionallabor.core.store import Arbeitsmappe
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import load_network, relation_key
from regionallabor.modul5.konferenz import apply_preset, save_conference

PLACES = ("Musterdorf", "Bergheim", "Talhausen", "Auenfeld", "Lindenau", "Kirchberg", "Rotmoos", "Weidach")
ORGANISATIONS = {
    "zivilgesellschaft": (
        "Sportverein",
        "Freiwillige Feuerwehr",
        "Landfrauen",
        "Nachbarschaftshilfe",
        "Repair-Café",
        "Jugendtreff",
        "Seniorenkreis",
        "Kulturverein",
        "Bürgerbus-Verein",
        "Naturschutzgruppe",
    ),
    "wirtschaft": (
        "Raiffeisenbank",
        "Hofladen",
        "Bäckerei",
        "Zimmerei",
        "Stadtwerke",
        "Gasthaus",
        "Solarteur",
        "Gewerbeverein",
        "Molkerei",
        "Autohaus",
    ),
    "verwaltung": ("Bauamt", "Klimaschutzmanagement", "Ordnungsamt", "Wirtschaftsförderung", "Landratsamt"),
    "politik": ("Gemeinderat", "Ortschaftsrat", "Kreistag", "Bürgermeisteramt"),
    "bildung": ("Grundschule", "Volkshochschule", "Kindergarten", "Hochschule", "Landwirtschaftsschule"),
    "medien": ("Gemeindeblatt", "Lokalradio", "Musikverein", "Heimatmuseum", "Bücherei"),
}
SECTOR_WEIGHTS = {"zivilgesellschaft": 5, "wirtschaft": 4, "verwaltung": 2, "politik": 1, "bildung": 2, "medien": 1}
FIRST_NAMES = (
    "Maria",
    "Jonas",
    "Aylin",
    "Thomas",
    "Sophie",
    "Lukas",
    "Fatma",
    "Peter",
    "Lena",
    "Mehmet",
    "Anna",
    "Karl",
)
KINDS = ("kooperiert", "kooperiert", "kennt_sich", "kennt_sich", "kennt_sich", "foerdert", "konflikt")


def fill_team_and_region(workbook: Arbeitsmappe, team: str, *, members: int = 3) -> None:
    """A complete Modul 1: the team, ``members`` people (the first one the main contact), a Stadtteil with own figures."""
    workbook.add(Team(name=team))
    for number in range(members):
        workbook.add(Member(name=f"{team} Mitglied {number + 1}", is_main_contact=number == 0))
    workbook.save(
        Region(
            name=f"Region {team}",
            area_type="stadtteil",
            weggemeinschaft="Deutschland",
            own_figures=OwnFigures(population=4200, year=2025, source="Stadt"),
        ),
        None,
    )


def fill_team_in_district(
    workbook: Arbeitsmappe, members: tuple[str, ...] = ("Aylin Demir", "Thomas Berg", "Lena Koch")
):
    """A complete Modul 1 for a Landkreis: „Auenfeld bewegt“ in Breisgau-Hochschwarzwald, the first member coordinating."""
    workbook.add(Team(name="Auenfeld bewegt"))
    for number, name in enumerate(members):
        workbook.add(Member(name=name, role="Koordination" if number == 0 else "", is_main_contact=number == 0))
    workbook.add(
        Region(
            country="DE",
            area_type="kreis",
            name="Breisgau-Hochschwarzwald",
            area_ids=["DE-08315"],
            weggemeinschaft="Deutschland",
            why="Weil wir hier leben und bleiben wollen.",
        )
    )


RATINGS = {"landwirtschaft": 4, "energie": 2, "bauen": 3, "mobilitaet": 1, "wirtschaft": 3, "zusammenhalt": 4}
SCHAETZE = (
    ("Repair-Café im Gemeindehaus", "zusammenhalt", "Jeden ersten Samstag reparieren Ehrenamtliche Geräte."),
    ("Hofladen Auenfeld", "landwirtschaft", "Drei Höfe verkaufen gemeinsam Milch, Eier und Gemüse."),
)
CHALLENGES = (("mobilitaet", "Sonntags fährt kein Bus in die Kreisstadt"), ("wirtschaft", "Leerstand in der Ortsmitte"))
SWOT = (
    ("staerken", "Starkes Vereinsleben"),
    ("schwaechen", "Kaum Angebote für Jugendliche"),
    ("chancen", "Förderprogramm für Bürgerenergie"),
    ("risiken", "Hofnachfolge ungeklärt"),
)


def fill_bestandsaufnahme(workbook: Arbeitsmappe) -> None:
    """A complete Modul 2: every Handlungsfeld rated, two Schätze, two challenges, a card in each SWOT field."""
    from regionallabor.modul2.bestandsaufnahme import add_swot, save_rating

    for field, rating in RATINGS.items():
        save_rating(workbook, field, 1, None, rating=rating, notes=f"Einschätzung {field}")
    with workbook.transaction() as tx:
        for name, field, description in SCHAETZE:
            tx.add(Schatz(name=name, field=field, description=description))
        for field, text in CHALLENGES:
            tx.add(Herausforderung(field=field, text=text))
    for quadrant, text in SWOT:
        add_swot(workbook, quadrant, text)


def generate(actors: int, relations: int, seed: int = 1) -> tuple[list[Akteur], list[Beziehung]]:
    rng = random.Random(seed)
    sectors = [s for s, weight in SECTOR_WEIGHTS.items() for _ in range(weight)]
    people: list[Akteur] = []
    names: set[str] = set()
    while len(people) < actors:
        sector = rng.choice(sectors)
        place = rng.choice(PLACES)
        is_person = rng.random() < 0.25
        base = (
            f"{rng.choice(FIRST_NAMES)} {chr(65 + rng.randrange(26))}."
            if is_person
            else f"{rng.choice(ORGANISATIONS[sector])} {place}"
        )
        name, number = base, 2
        while name.casefold() in names:
            name, number = f"{base} ({number})", number + 1
        names.add(name.casefold())
        people.append(
            Akteur(
                name=name,
                type="person" if is_person else "organisation",
                sector=sector,
                place=place,
                handlungsfelder=rng.sample(list(ALL_FIELDS), rng.choice((1, 1, 2, 3))),
                influence=rng.randint(1, 5),
                engagement=rng.randint(1, 5),
                private_person=is_person,
                team_relation=rng.choice(("eng", "kontakt", "bekannt", "keiner", "keiner")),
            )
        )
    ties: list[Beziehung] = []
    seen: set[tuple] = set()
    while len(ties) < min(relations, actors * (actors - 1) // 2):
        a = rng.choice(people)
        near = [
            p
            for p in rng.sample(people, min(12, len(people)))
            if p.place == a.place or set(p.handlungsfelder) & set(a.handlungsfelder)
        ]
        b = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(people)
        if a.id == b.id:
            continue
        tie = Beziehung(source_id=a.id, target_id=b.id, kind=rng.choice(KINDS), strength=rng.randint(1, 3))
        if relation_key(tie) in seen:
            continue
        seen.add(relation_key(tie))
        ties.append(tie)
    return people, ties


def fill_network(
    workbook: Arbeitsmappe, actors: int, relations: int, seed: int = 1
) -> tuple[list[Akteur], list[Beziehung]]:
    """Write a generated network into ``workbook`` in one transaction."""
    people, ties = generate(actors, relations, seed)
    with workbook.transaction() as tx:
        for record in (*people, *ties):
            tx.add(record)
    return people, ties


CRITIQUE = (
    ("mobilitaet", "Sonntags fährt kein Bus in die Kreisstadt", 5),
    ("mobilitaet", "Der Radweg endet an der Kreisstraße", 2),
    ("wirtschaft", "Leerstand in der Ortsmitte", 4),
    ("energie", "Kaum eine Solaranlage auf öffentlichen Dächern", 3),
    ("zusammenhalt", "Für Jugendliche gibt es keinen Treffpunkt", 4),
    ("landwirtschaft", "Die Höfe verkaufen kaum direkt im Ort", 1),
)
IDEAS = (
    ("Ein Dorfauto, das sich zehn Familien teilen", "mobilitaet", True),
    ("Jedes öffentliche Dach erzeugt Strom in Bürgerhand", "energie", True),
    ("Ein Dorfladen, der allen gehört", "wirtschaft", True),
    ("Ein Jugendraum, den die Jugendlichen selbst verwalten", "zusammenhalt", False),
    ("Ein Wochenmarkt mit den Höfen der Region", "landwirtschaft", False),
)
VISION = {
    "gesamt": "2035 ist unsere Region ein Ort, an dem Jung und Alt gerne leben: Wir erzeugen unsere Energie selbst, "
    "kommen ohne eigenes Auto überall hin und entscheiden gemeinsam, wie sich unsere Dörfer entwickeln.",
    "landwirtschaft": "Die Höfe der Region versorgen Schulen und Kantinen, und jedes Dorf hat einen Ort für regionale Lebensmittel.",
    "energie": "Unsere Region erzeugt mehr Strom, als sie verbraucht – auf den Dächern und in Bürgerhand.",
    "bauen": "Leerstehende Häuser in den Ortskernen sind wieder bewohnt, auch von jungen Familien.",
    "mobilitaet": "Bus, Bürgerbus und geteilte Autos bringen alle zuverlässig in die Kreisstadt – auch sonntags.",
    "wirtschaft": "Kleine Betriebe finden Nachwuchs, und in der Ortsmitte gibt es wieder Läden und Cafés.",
    "zusammenhalt": "Jugendliche, Zugezogene und Alteingesessene planen gemeinsam – im Jugendrat und in offenen Werkstätten.",
}
GOALS = (
    (
        "Dorfauto für zehn Familien bis 2027",
        ["mobilitaet", "energie"],
        "Aylin",
        "Gespräch mit den Stadtwerken",
        Wirkungslogik(
            id="-",
            input="Drei Ehrenamtliche, 15.000 € Anschubfinanzierung, ein Stellplatz der Gemeinde",
            output="Ein E-Auto mit Buchungssystem, Einführungsabende für interessierte Familien",
            outcome="Zehn Familien nutzen das Dorfauto regelmäßig und verzichten auf ein Zweitauto",
            outcome_step=5,
            impact="Weniger Verkehr und CO₂ im Ort, Mobilität auch ohne eigenes Auto",
            indicators=[
                Indikator(
                    text="Zahl der regelmäßig buchenden Familien",
                    noticed_by="Auswertung des Buchungssystems im Quartal",
                    level="outcome",
                )
            ],
        ),
    ),
    (
        "Solaranlagen auf allen öffentlichen Dächern bis 2030",
        ["energie"],
        "Thomas",
        "Dachkataster beim Landratsamt anfragen",
        None,
    ),
)
TABLES = (
    ("Mobil ohne eigenes Auto", "mobilitaet", "Jonas", 10),
    ("Sonne auf jedes Dach", "energie", "Lena", 10),
    ("Leben in der Ortsmitte", "wirtschaft", "Mehmet", 12),
    ("Ein Raum für die Jugend", "zusammenhalt", "", 8),
)


def fill_planning(
    workbook: Arbeitsmappe, conference_date: date = date(2027, 5, 8), guests: int = 0, extra_goals: int = 0
) -> None:
    with workbook.transaction() as tx:
        for field, text, points in CRITIQUE:
            tx.add(Kritikpunkt(field=field, text=text, points=points))
        ideas = [tx.add(Idee(text=text, field=field, favourite=favourite)).record for text, field, favourite in IDEAS]
        for key, text in VISION.items():
            tx.add(Zukunftsbild(id=key, text=text))
        for index, (title, fields, owner, step, logic) in enumerate(GOALS):
            goal = tx.add(
                Ziel(
                    title=title,
                    handlungsfelder=fields,
                    owner=owner,
                    first_step=step,
                    first_step_due=date(2027, 1, 15),
                    idea_id=ideas[index].id,
                )
            ).record
            if logic is not None:
                tx.add(logic.model_copy(update={"id": goal.id}))
        for number in range(extra_goals):
            goal = tx.add(
                Ziel(
                    title=f"Ziel {number + 1}",
                    handlungsfelder=["wirtschaft"],
                    owner="Team",
                    first_step="Erstes Treffen",
                    first_step_due=date(2027, 2, 1),
                )
            ).record
            tx.add(GOALS[0][4].model_copy(update={"id": goal.id}))
        for title, field, host, people in TABLES:
            tx.add(Thementisch(title=title, field=field, host=host, people=people))
    save_conference(
        workbook,
        Konferenz(title="Auenfeld macht mit", starts_on=conference_date, venue="Bürgerhaus Auenfeld, Hauptstraße 12"),
        None,
    )
    apply_preset(workbook, "konferenz")
    if guests:
        network = load_network(workbook)
        statuses = ("eingeladen", "zugesagt", "zugesagt", "offen", "abgesagt")
        with workbook.transaction() as tx:
            for index, actor in enumerate(network.actors[:guests]):
                if actor.version is None:
                    tx.add(actor.record)
                tx.add(Einladung(id=actor.id, status=statuses[index % len(statuses)]))


def fill_actions(workbook: Arbeitsmappe, count: int = 6, start: date = date(2027, 3, 1)) -> list:
    """``count`` actions: from the Aktionspool, linked to the goals and tables, with owners, partners and dates.

    Statuses and dates vary, so that some are done, some run, some are overdue relative to ``start`` + 120 days.
    """
    from regionallabor.core.model import Aktion
    from regionallabor.modul4.vision import goals
    from regionallabor.modul6.aktionen import from_pool
    from regionallabor.modul6.aktionspool import load_pool

    pool = load_pool()
    goal_ids = [s.record.id for s in goals(workbook)]
    table_ids = [s.record.id for s in workbook.list(Thementisch)]
    actors = load_network(workbook).actors
    statuses = ("geplant", "laeuft", "erledigt", "idee", "laeuft", "pausiert")
    added = []
    with workbook.transaction() as tx:
        for number in range(count):
            entry = pool[(number * 7) % len(pool)]
            action = from_pool(entry).model_copy(
                update={
                    "title": entry.titel if number < len(pool) else f"{entry.titel} ({number // len(pool) + 1})",
                    "goal_id": goal_ids[number % len(goal_ids)] if goal_ids and number % 3 != 2 else None,
                    "table_id": table_ids[number % len(table_ids)] if table_ids and number % 2 == 0 else None,
                    "responsible": ("Aylin", "Thomas", "Lena", "Jonas")[number % 4],
                    "partner_ids": [a.id for a in actors[number % max(len(actors), 1) :][:2]],
                    "starts_on": start + timedelta(days=14 * (number % 10)),
                    "due": start + timedelta(days=14 * (number % 10) + 60 + 7 * (number % 5)),
                    "status": statuses[number % len(statuses)],
                    "progress": (0, 40, 100, 0, 70, 20)[number % 6],
                }
            )
            for actor in actors:
                if actor.version is None and actor.id in action.partner_ids:
                    tx.add(actor.record)  # a Schatz becomes an actor record when it is a partner
            added.append(tx.add(Aktion.model_validate(action.model_dump())).record)
    return added


def fill_to_import_limits(workbook: Arbeitsmappe) -> None:
    """The biggest workbook an import accepts: every kind of record the workbook holds copied up to its limit.

    Records with a fixed or borrowed id (a vision per Handlungsfeld, an invitation per actor) and relations
    (one per pair) stay as they are. Goes through the real import path, as a team's file would.
    """
    import json

    from regionallabor.core.model import RECORD_TYPES
    from regionallabor.core.model.base import new_id
    from regionallabor.core.transfer import MAX_RECORDS, MAX_RECORDS_PER_KIND, export_json, parse_workbook_file

    data = json.loads(export_json(workbook))
    for kind, items in data["records"].items():
        id_field = RECORD_TYPES[kind].model_fields["id"]
        if kind in (Beziehung.KIND, Einladung.KIND) or id_field.default_factory is not new_id or not items:
            continue
        originals = list(items)
        while len(items) < MAX_RECORDS.get(kind, MAX_RECORDS_PER_KIND):
            copy = {**originals[len(items) % len(originals)], "id": new_id()}
            items.append(copy)
    workbook.replace_all(parse_workbook_file(json.dumps(data).encode()).records)
