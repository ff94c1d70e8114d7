"""A generated actor map of any size: for the benchmarks, the browser tests and trying the tools out.

Actors are spread over the sectors and Handlungsfelder like a real region's (many associations,
few politicians); relations favour actors of the same place or field, as real ones do.
"""

from __future__ import annotations

import random

from .beziehungsnetz import relation_key
from .handlungsfelder import ALL_FIELDS
from .model import Akteur, Beziehung
from .store import Arbeitsmappe

PLACES = ("Musterdorf", "Bergheim", "Talhausen", "Auenfeld", "Lindenau", "Kirchberg", "Rotmoos", "Weidach")
ORGANISATIONS = {
    "zivilgesellschaft": ("Sportverein", "Freiwillige Feuerwehr", "Landfrauen", "Nachbarschaftshilfe", "Repair-Café",
                          "Jugendtreff", "Seniorenkreis", "Kulturverein", "Bürgerbus-Verein", "Naturschutzgruppe"),
    "wirtschaft": ("Raiffeisenbank", "Hofladen", "Bäckerei", "Zimmerei", "Stadtwerke", "Gasthaus", "Solarteur",
                   "Gewerbeverein", "Molkerei", "Autohaus"),
    "verwaltung": ("Bauamt", "Klimaschutzmanagement", "Ordnungsamt", "Wirtschaftsförderung", "Landratsamt"),
    "politik": ("Gemeinderat", "Ortschaftsrat", "Kreistag", "Bürgermeisteramt"),
    "bildung": ("Grundschule", "Volkshochschule", "Kindergarten", "Hochschule", "Landwirtschaftsschule"),
    "medien": ("Gemeindeblatt", "Lokalradio", "Musikverein", "Heimatmuseum", "Bücherei"),
}
SECTOR_WEIGHTS = {"zivilgesellschaft": 5, "wirtschaft": 4, "verwaltung": 2, "politik": 1, "bildung": 2, "medien": 1}
FIRST_NAMES = ("Maria", "Jonas", "Aylin", "Thomas", "Sophie", "Lukas", "Fatma", "Peter", "Lena", "Mehmet", "Anna", "Karl")
KINDS = ("kooperiert", "kooperiert", "kennt_sich", "kennt_sich", "kennt_sich", "foerdert", "konflikt")


def generate(actors: int, relations: int, seed: int = 1) -> tuple[list[Akteur], list[Beziehung]]:
    rng = random.Random(seed)
    sectors = [s for s, weight in SECTOR_WEIGHTS.items() for _ in range(weight)]
    people: list[Akteur] = []
    names: set[str] = set()
    while len(people) < actors:
        sector = rng.choice(sectors)
        place = rng.choice(PLACES)
        is_person = rng.random() < 0.25
        base = f"{rng.choice(FIRST_NAMES)} {chr(65 + rng.randrange(26))}." if is_person else f"{rng.choice(ORGANISATIONS[sector])} {place}"
        name, number = base, 2
        while name.casefold() in names:
            name, number = f"{base} ({number})", number + 1
        names.add(name.casefold())
        people.append(Akteur(name=name, type="person" if is_person else "organisation", sector=sector, place=place,
                             handlungsfelder=rng.sample(list(ALL_FIELDS), rng.choice((1, 1, 2, 3))),
                             influence=rng.randint(1, 5), engagement=rng.randint(1, 5), private_person=is_person,
                             team_relation=rng.choice(("eng", "kontakt", "bekannt", "keiner", "keiner"))))
    ties: list[Beziehung] = []
    seen: set[tuple] = set()
    while len(ties) < min(relations, actors * (actors - 1) // 2):
        a = rng.choice(people)
        near = [p for p in rng.sample(people, min(12, len(people))) if p.place == a.place or
                set(p.handlungsfelder) & set(a.handlungsfelder)]
        b = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(people)
        if a.id == b.id:
            continue
        tie = Beziehung(source_id=a.id, target_id=b.id, kind=rng.choice(KINDS), strength=rng.randint(1, 3))
        if relation_key(tie) in seen:
            continue
        seen.add(relation_key(tie))
        ties.append(tie)
    return people, ties


def fill(workbook: Arbeitsmappe, actors: int, relations: int, seed: int = 1) -> tuple[list[Akteur], list[Beziehung]]:
    """Write a generated network into ``workbook`` in one transaction."""
    people, ties = generate(actors, relations, seed)
    with workbook.transaction() as tx:
        for record in (*people, *ties):
            tx.add(record)
    return people, ties
