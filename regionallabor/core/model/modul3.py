"""Records of Modul 3: actors, relations, conversations – and the sectors they belong to."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from regionallabor.core.messages import SECTORS
from regionallabor.core.model.base import ActorType, Record, RelationKind, TeamRelation
from regionallabor.handlungsfelder import FieldKey


def sector_key(text: str) -> str:
    """A standard sector's key for its key or label (any case); a sector of the team's own stays as typed."""
    cleaned = " ".join(text.split())
    folded = cleaned.casefold()
    for key, label in SECTORS.items():
        if folded in (key, label.casefold()):
            return key
    return cleaned


def sector_label(sector: str) -> str:
    return SECTORS.get(sector, sector)


class Akteur(Record):
    """A person, organisation or initiative on the team's actor map (Modul 3).

    A Schatz der Region is an actor without being typed again: its actor record, once the team
    rates it, has the id ``schatz-<id of the Schatz>`` and takes its name from the Schatz.
    """

    KIND = "akteur"
    SCHATZ_PREFIX: ClassVar[str] = "schatz-"
    name: str = Field(min_length=1, max_length=120)
    type: ActorType = "organisation"
    sector: str = Field(min_length=1, max_length=60)
    handlungsfelder: list[FieldKey] = Field(default_factory=list, max_length=6)
    influence: int = Field(default=3, ge=1, le=5)
    engagement: int = Field(default=3, ge=1, le=5)
    place: str = Field(default="", max_length=120)
    private_person: bool = False
    team_relation: TeamRelation = "keiner"
    notes: str = Field(default="", max_length=2000)
    schatz_id: str | None = Field(default=None, max_length=64)

    @model_validator(mode="before")
    @classmethod
    def _only_people_are_private(cls, data):
        if isinstance(data, dict) and data.get("type", "organisation") != "person":
            data = {**data, "private_person": False}
        return data

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, value: str) -> str:
        return sector_key(value)

    @field_validator("handlungsfelder")
    @classmethod
    def _each_field_once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @staticmethod
    def id_for_schatz(schatz_id: str) -> str:
        return Akteur.SCHATZ_PREFIX + schatz_id


class Beziehung(Record):
    """Who works with whom (Modul 3): two actors' ids, the kind of tie and its strength from 1 to 3."""

    KIND = "beziehung"
    source_id: str = Field(min_length=1, max_length=64)
    target_id: str = Field(min_length=1, max_length=64)
    kind: RelationKind = "kooperiert"
    strength: int = Field(default=2, ge=1, le=3)
    note: str = Field(default="", max_length=300)

    @model_validator(mode="after")
    def _two_different_actors(self):
        if self.source_id == self.target_id:
            raise PydanticCustomError("self_relation", "an actor cannot relate to itself")
        return self


class Gespraech(Record):
    """A conversation the team had with an actor (Modul 3), and the next step it agreed on."""

    KIND = "gespraech"
    actor_id: str = Field(min_length=1, max_length=64)
    held_on: date
    team_people: str = Field(default="", max_length=200)
    learned: str = Field(min_length=1, max_length=3000)
    next_step: str = Field(default="", max_length=500)
    due: date | None = None
    done: bool = False


# Modul 4: Vision
