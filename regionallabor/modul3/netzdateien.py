"""The actor map in and out of spreadsheets (Modul 3); private persons are pseudonymised on request (core.privacy).

Two CSV files, as Kumu and Gephi exchange them: ``akteure.csv`` (one actor per row) and
``beziehungen.csv`` (one relation per row, actors named as in the first file or on the map).
An import is checked completely and written in one transaction: a bad row refuses both files.
An actor whose name is already on the map is updated, not added twice.

Names of private persons are personal data. A pseudonymised export replaces them by
„Privatperson 1“, „Privatperson 2“, … and leaves out their place and notes; such a file says
so in its column ``pseudonymisiert`` and is refused on import, so that it cannot overwrite
the real names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from regionallabor.core.csvfiles import CsvError, read_rows, write_rows
from regionallabor.core.messages import ACTOR_TYPES, RELATION_KINDS, TEAM_RELATIONS, t
from regionallabor.core.model import Akteur, Beziehung, explain, sector_label
from regionallabor.core.privacy import name_scrubber, pseudonyms
from regionallabor.core.store import Arbeitsmappe
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import Network, read_network, relation_key

ACTOR_COLUMNS = (
    "name",
    "art",
    "sektor",
    "handlungsfelder",
    "einfluss",
    "engagement",
    "ort",
    "privatperson",
    "beziehung_zu_uns",
    "notizen",
    "pseudonymisiert",
)
ACTOR_REQUIRED = ("name", "sektor")
RELATION_COLUMNS = ("von", "nach", "art", "staerke", "notiz")
RELATION_REQUIRED = ("von", "nach", "art")
MAX_BYTES = 2 * 1024 * 1024
MAX_ACTORS = 2000
MAX_RELATIONS = 10000
YES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
NO = {"nein", "n", "0", "false", "falsch", "no", ""}
TEAM_RELATION_WORDS = {
    "eng": "eng",
    "kontakt": "kontakt",
    "bekannt": "bekannt",
    "keiner": "keiner",
    "kein kontakt": "keiner",
    "noch kein kontakt": "keiner",
}
RELATION_KIND_WORDS = {"fördert": "foerdert", "finanziert": "foerdert", "spannung": "konflikt", "kennt": "kennt_sich"}


def _choice(text: str, options: dict[str, str], extra: dict[str, str] | None = None) -> str | None:
    """The key whose key or label is ``text`` (any case), or None."""
    folded = text.strip().casefold()
    for key, label in options.items():
        if folded in (key, label.casefold()):
            return key
    return (extra or {}).get(folded)


def _field_keys(text: str) -> list[str] | str:
    """'Energie, Mobilität' → ['energie', 'mobilitaet']; the first unknown name is returned as text."""
    keys = []
    for part in text.replace("|", ",").split(","):
        folded = part.strip().casefold()
        if not folded:
            continue
        key = next(
            (k for k, label in ALL_FIELDS.items() if folded in (k, label.casefold(), label.split(" &")[0].casefold())),
            None,
        )
        if key is None:
            return part.strip()
        keys.append(key)
    return keys


@dataclass(frozen=True)
class ImportResult:
    actors_added: int
    actors_updated: int
    relations_added: int
    relations_updated: int
    revision: int


def _actor_from_row(line: int, cells: dict[str, str], filename: str) -> Akteur:
    def refuse(reason: str) -> CsvError:
        return CsvError(t("network_csv.refused_line", filename=filename, line=line, reason=reason))

    if cells["pseudonymisiert"].casefold() in YES:
        raise CsvError(t("network_csv.pseudonymised", filename=filename))
    actor_type = _choice(cells["art"], ACTOR_TYPES) if cells["art"] else "organisation"
    if actor_type is None:
        raise refuse(t("network_csv.bad_type", value=cells["art"], allowed=", ".join(ACTOR_TYPES.values())))
    fields = _field_keys(cells["handlungsfelder"])
    if isinstance(fields, str):
        raise refuse(t("network_csv.bad_field", value=fields))
    relation = (
        _choice(cells["beziehung_zu_uns"], TEAM_RELATIONS, TEAM_RELATION_WORDS)
        if cells["beziehung_zu_uns"]
        else "keiner"
    )
    if relation is None:
        raise refuse(t("network_csv.bad_team_relation", value=cells["beziehung_zu_uns"]))
    private = cells["privatperson"].casefold()
    if private not in YES | NO:
        raise refuse(t("network_csv.bad_yes_no", value=cells["privatperson"]))
    try:
        return Akteur(
            name=cells["name"],
            type=actor_type,
            sector=cells["sektor"],
            handlungsfelder=fields,
            influence=cells["einfluss"] or 3,
            engagement=cells["engagement"] or 3,
            place=cells["ort"],
            private_person=private in YES or (not private and actor_type == "person"),
            team_relation=relation,
            notes=cells["notizen"],
        )
    except ValidationError as error:
        raise refuse(explain(error)) from error


def parse_actors(raw: bytes, filename: str = "akteure.csv") -> list[tuple[int, Akteur]]:
    actors: list[tuple[int, Akteur]] = []
    first_line: dict[str, int] = {}
    for line, cells in read_rows(raw, ACTOR_COLUMNS, ACTOR_REQUIRED, max_rows=MAX_ACTORS, max_bytes=MAX_BYTES):
        actor = _actor_from_row(line, cells, filename)
        folded = actor.name.casefold()
        if folded in first_line:
            raise CsvError(
                t(
                    "network_csv.refused_line",
                    filename=filename,
                    line=line,
                    reason=t("network_csv.name_twice", name=actor.name, first=first_line[folded]),
                )
            )
        first_line[folded] = line
        actors.append((line, actor))
    return actors


def import_network(
    workbook: Arbeitsmappe,
    actors_raw: bytes | None,
    relations_raw: bytes | None,
    *,
    actors_filename: str = "akteure.csv",
    relations_filename: str = "beziehungen.csv",
) -> ImportResult:
    """Add or update the actors, then the relations; all in one transaction, or nothing."""
    parsed = parse_actors(actors_raw, actors_filename) if actors_raw is not None else []
    relation_rows = (
        read_rows(relations_raw, RELATION_COLUMNS, RELATION_REQUIRED, max_rows=MAX_RELATIONS, max_bytes=MAX_BYTES)
        if relations_raw is not None
        else []
    )
    added = updated = relations_added = relations_updated = 0
    with workbook.transaction() as tx:
        network = read_network(workbook)
        by_name = {actor.name.casefold(): actor for actor in network.actors}
        ids_by_name = {name: actor.id for name, actor in by_name.items()}
        for _line, actor in parsed:
            existing = by_name.get(actor.name.casefold())
            if existing is None:
                tx.add(actor)
                added += 1
            else:
                actor = actor.model_copy(
                    update={"id": existing.id, "name": existing.name, "schatz_id": existing.record.schatz_id}
                )
                if existing.version is None:
                    tx.add(actor)
                else:
                    tx.update(actor, existing.version)
                updated += 1
            ids_by_name[actor.name.casefold()] = actor.id
        stored_by_key = {relation_key(r.record): r for r in network.relations}
        seen: dict[tuple, int] = {}
        for line, cells in relation_rows:
            relation = _relation_from_row(line, cells, ids_by_name, relations_filename)
            key = relation_key(relation)
            if key in seen:
                raise CsvError(
                    t(
                        "network_csv.refused_line",
                        filename=relations_filename,
                        line=line,
                        reason=t("network_csv.relation_twice", first=seen[key]),
                    )
                )
            seen[key] = line
            existing_relation = stored_by_key.get(key)
            if existing_relation is None:
                tx.add(relation)
                relations_added += 1
            else:
                tx.update(relation.model_copy(update={"id": existing_relation.record.id}), existing_relation.version)
                relations_updated += 1
    return ImportResult(added, updated, relations_added, relations_updated, tx.revision)


def _relation_from_row(line: int, cells: dict[str, str], ids_by_name: dict[str, str], filename: str) -> Beziehung:
    def refuse(reason: str) -> CsvError:
        return CsvError(t("network_csv.refused_line", filename=filename, line=line, reason=reason))

    ends = []
    for column in ("von", "nach"):
        actor_id = ids_by_name.get(cells[column].casefold())
        if actor_id is None:
            raise refuse(t("network_csv.unknown_actor", name=cells[column]))
        ends.append(actor_id)
    kind = _choice(cells["art"], RELATION_KINDS, RELATION_KIND_WORDS)
    if kind is None:
        raise refuse(t("network_csv.bad_kind", value=cells["art"], allowed=", ".join(RELATION_KINDS.values())))
    try:
        return Beziehung(
            source_id=ends[0], target_id=ends[1], kind=kind, strength=cells["staerke"] or 2, note=cells["notiz"]
        )
    except ValidationError as error:
        raise refuse(explain(error)) from error


# export


def _hiding(network: Network, pseudonymise: bool) -> tuple[dict[str, str], Callable[[str], str]]:
    """Pseudonyms of the private persons and the scrubber for every other text – or nothing hidden."""
    if not pseudonymise:
        return {}, lambda text: text
    records = [actor.record for actor in network.actors]
    return pseudonyms(records), name_scrubber(records)


def export_actors(network: Network, pseudonymise: bool) -> bytes:
    hidden, scrub = _hiding(network, pseudonymise)
    rows = []
    for actor in network.actors:
        record = actor.record
        rows.append(
            {
                "name": hidden.get(actor.id, record.name),
                "art": ACTOR_TYPES[record.type],
                "sektor": sector_label(record.sector),
                "handlungsfelder": ", ".join(ALL_FIELDS[f] for f in record.handlungsfelder),
                "einfluss": str(record.influence),
                "engagement": str(record.engagement),
                "ort": "" if actor.id in hidden else scrub(record.place),
                "privatperson": "ja" if record.private_person else "nein",
                "beziehung_zu_uns": TEAM_RELATIONS[record.team_relation],
                "notizen": "" if actor.id in hidden else scrub(record.notes),
                "pseudonymisiert": "ja" if actor.id in hidden else "",
            }
        )
    columns = ACTOR_COLUMNS if hidden else ACTOR_COLUMNS[:-1]
    return write_rows(columns, rows)


def export_relations(network: Network, pseudonymise: bool) -> bytes:
    hidden, scrub = _hiding(network, pseudonymise)

    def name(actor_id: str) -> str:
        return hidden.get(actor_id, network.by_id[actor_id].name)

    rows = [
        {
            "von": name(r.record.source_id),
            "nach": name(r.record.target_id),
            "art": RELATION_KINDS[r.record.kind],
            "staerke": str(r.record.strength),
            "notiz": scrub(r.record.note),
        }
        for r in network.relations
    ]
    return write_rows(RELATION_COLUMNS, rows)
