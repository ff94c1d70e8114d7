"""Modul 3's records: the actors (the Schätze der Region among them), their relations, and conversations.

Rules that span records live here, each applied inside one transaction so that two open pages
cannot break them: an actor's name is used once on the map (Schätze included), a relation of one
kind between two actors exists once, and removing an actor removes its relations and conversations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from regionallabor.core.messages import RELATION_KINDS, SECTORS, t
from regionallabor.core.model import Akteur, Beziehung, Gespraech, Schatz, sector_label
from regionallabor.core.store import Arbeitsmappe, StaleRecordError, Stored, WorkbookError

MODUL3_KINDS = (Akteur.KIND, Beziehung.KIND, Gespraech.KIND)
MIN_ACTORS = 10
MIN_SECTORS = 3
MIN_RELATIONS = 5


class NetworkRuleError(WorkbookError):
    """A change the map's rules refuse (a name used twice, a relation that exists); the message says which."""


@dataclass(frozen=True)
class MapEntry:
    """An Akteur as the map shows it: a stored Akteur record, or a Schatz der Region the team has not rated yet."""

    record: Akteur
    version: int | None  # None: a Schatz without an actor record of its own yet
    schatz: Schatz | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def sector_label(self) -> str:
        return sector_label(self.record.sector)


@dataclass(frozen=True)
class Network:
    actors: list[MapEntry]
    relations: list[Stored[Beziehung]]  # only those whose two actors are on the map

    @cached_property
    def by_id(self) -> dict[str, MapEntry]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def fingerprint(self) -> tuple:
        """Changes whenever an actor or a relation changes: the key for cached analyses and layouts."""
        return (
            tuple((a.id, a.version, a.name) for a in self.actors),
            tuple((r.record.id, r.version) for r in self.relations),
        )

    def names(self) -> list[str]:
        """The actors' names in alphabetical order, as pickers offer them."""
        return sorted((actor.name for actor in self.actors), key=str.casefold)

    def find(self, name: str) -> MapEntry | None:
        """The actor with this name, whatever its case and surrounding spaces (names are unique on the map)."""
        folded = name.strip().casefold()
        return next((actor for actor in self.actors if actor.name.casefold() == folded), None)

    def sectors(self) -> list[str]:
        """The sectors in use: the six standard ones first, then the team's own in alphabetical order."""
        used = {actor.record.sector for actor in self.actors}
        return [key for key in SECTORS if key in used] + sorted(used - set(SECTORS), key=str.casefold)


def schatz_actor(schatz: Schatz) -> Akteur:
    """How a Schatz der Region first appears on the map: an initiative of civil society in its Handlungsfeld."""
    return Akteur(
        id=Akteur.id_for_schatz(schatz.id),
        name=schatz.name,
        type="initiative",
        sector="zivilgesellschaft",
        handlungsfelder=[schatz.field],
        schatz_id=schatz.id,
    )


_read_at: dict[Path, tuple[int, Network]] = {}


def load_network(workbook: Arbeitsmappe) -> Network:
    """The map as stored, read once per workbook revision in this kernel: a page's tools reload together and share it.

    Inside a write's transaction use :func:`read_network`, which always reads.
    """
    revision = workbook.revision()
    cached = _read_at.get(workbook.path)
    if cached is None or cached[0] != revision:
        cached = _read_at[workbook.path] = (revision, read_network(workbook))
    return cached[1]


def read_network(workbook: Arbeitsmappe) -> Network:
    schaetze = {stored.record.id: stored.record for stored in workbook.list(Schatz)}
    actors: list[MapEntry] = []
    for stored in workbook.list(Akteur):
        record, schatz = stored.record, schaetze.pop(stored.record.schatz_id or "", None)
        if schatz is not None and schatz.name != record.name:
            record = record.model_copy(update={"name": schatz.name})
        actors.append(MapEntry(record, stored.version, schatz))
    actors.extend(MapEntry(schatz_actor(schatz), None, schatz) for schatz in schaetze.values())
    ids = {actor.id for actor in actors}
    # a relation to a Schatz removed in Modul 2 stays stored but is not shown
    return Network(
        actors, [r for r in workbook.list(Beziehung) if r.record.source_id in ids and r.record.target_id in ids]
    )


# actors


def _name_taken(network: Network, name: str, own_id: str) -> MapEntry | None:
    folded = name.casefold()
    return next((a for a in network.actors if a.id != own_id and a.name.casefold() == folded), None)


def check_actor(network: Network, actor: Akteur) -> None:
    """Refuse a second actor with the same name; a Schatz-actor keeps its Schatz's name."""
    other = _name_taken(network, actor.name, actor.id)
    if other is not None:
        key = "actor.duplicate_schatz" if other.schatz is not None else "actor.duplicate"
        raise NetworkRuleError(t(key, name=other.name))


def save_actor(workbook: Arbeitsmappe, actor: Akteur, version: int | None) -> Stored[Akteur]:
    """Add an actor (``version`` None) or update it; a Schatz's actor record is created on its first change."""
    with workbook.transaction() as tx:
        network = read_network(workbook)
        shown = network.by_id.get(actor.id)
        if shown is not None and shown.schatz is not None:
            actor = actor.model_copy(update={"name": shown.schatz.name, "schatz_id": shown.schatz.id})
        elif version is not None and shown is None:
            raise StaleRecordError(Akteur.KIND, actor.id)
        check_actor(network, actor)
        return tx.add(actor) if version is None else tx.update(actor, version)


def remove_actor(workbook: Arbeitsmappe, actor: MapEntry) -> int:
    """Remove an actor with its relations and the conversations with it; returns the new revision.

    A Schatz der Region stays on the map as long as it is a Schatz: it is removed in Modul 2.
    """
    if actor.schatz is not None or actor.version is None:
        raise NetworkRuleError(t("actor.schatz_stays", name=actor.name))
    with workbook.transaction() as tx:
        tx.delete(Akteur, actor.id, actor.version)
        for relation in workbook.list(Beziehung):
            if actor.id in (relation.record.source_id, relation.record.target_id):
                tx.delete(Beziehung, relation.record.id, relation.version)
        for talk in workbook.list(Gespraech):
            if talk.record.actor_id == actor.id:
                tx.delete(Gespraech, talk.record.id, talk.version)
    return tx.revision


# relations


def relation_key(relation: Beziehung) -> tuple:
    """Two relations are the same if they join the same two actors with the same kind (fördern has a direction)."""
    ends = (relation.source_id, relation.target_id)
    return (relation.kind, ends if relation.kind == "foerdert" else tuple(sorted(ends)))


def check_relation(network: Network, relation: Beziehung) -> None:
    for end in (relation.source_id, relation.target_id):
        if end not in network.by_id:
            raise NetworkRuleError(t("relation.actor_gone"))
    key = relation_key(relation)
    for other in network.relations:
        if other.record.id != relation.id and relation_key(other.record) == key:
            raise NetworkRuleError(
                t(
                    "relation.duplicate",
                    a=network.by_id[relation.source_id].name,
                    b=network.by_id[relation.target_id].name,
                    kind=RELATION_KINDS[relation.kind],
                )
            )


def save_relation(workbook: Arbeitsmappe, relation: Beziehung, version: int | None) -> Stored[Beziehung]:
    with workbook.transaction() as tx:
        check_relation(read_network(workbook), relation)
        return tx.add(relation) if version is None else tx.update(relation, version)


# conversations


@dataclass(frozen=True)
class OpenStep:
    conversation: Stored[Gespraech]
    actor_name: str
    overdue: bool


def open_steps(conversations: list[Stored[Gespraech]], network: Network, today: date | None = None) -> list[OpenStep]:
    """Next steps not yet done, the earliest due first; steps without a date last."""
    today = today or date.today()
    steps = [
        OpenStep(
            c,
            network.by_id[c.record.actor_id].name if c.record.actor_id in network.by_id else "–",
            c.record.due is not None and c.record.due < today,
        )
        for c in conversations
        if c.record.next_step and not c.record.done
    ]
    return sorted(
        steps,
        key=lambda s: (
            s.conversation.record.due is None,
            s.conversation.record.due or today,
            s.conversation.record.held_on,
        ),
    )


def save_conversation(workbook: Arbeitsmappe, talk: Gespraech, version: int | None) -> Stored[Gespraech]:
    with workbook.transaction() as tx:
        if talk.actor_id not in read_network(workbook).by_id:
            raise NetworkRuleError(t("relation.actor_gone"))
        return tx.add(talk) if version is None else tx.update(talk, version)
