"""The base of every record, and the choices a record may take – each checked against its label list."""

from __future__ import annotations

import re
import uuid
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from regionallabor.core.messages import (
    ACTION_EFFORTS,
    ACTION_STATUSES,
    ACTOR_TYPES,
    AREA_TYPES,
    CONFERENCE_FORMATS,
    COUNTRIES,
    IMPACT_LEVELS,
    INVITATION_STATUSES,
    RELATION_KINDS,
    SLOT_FORMATS,
    SWOT_QUADRANTS,
    TEAM_RELATIONS,
    WEGGEMEINSCHAFTEN,
)

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

CountryCode = Literal["DE", "AT", "CH", "BZ"]
AreaType = Literal["gemeinde", "gemeinden", "kreis", "stadtteil", "gross"]
Weggemeinschaft = Literal["Deutschland", "Österreich", "Bodensee"]

assert set(COUNTRIES) == set(CountryCode.__args__)
assert set(AREA_TYPES) == set(AreaType.__args__)
assert set(WEGGEMEINSCHAFTEN) == set(Weggemeinschaft.__args__)

SwotQuadrant = Literal["staerken", "schwaechen", "chancen", "risiken"]
assert set(SWOT_QUADRANTS) == set(SwotQuadrant.__args__)
ActorType = Literal["person", "organisation", "initiative"]
TeamRelation = Literal["eng", "kontakt", "bekannt", "keiner"]
RelationKind = Literal["kooperiert", "kennt_sich", "foerdert", "konflikt"]
assert set(ACTOR_TYPES) == set(ActorType.__args__)
assert set(TEAM_RELATIONS) == set(TeamRelation.__args__)
assert set(RELATION_KINDS) == set(RelationKind.__args__)
ConferenceFormat = Literal["werkstatt", "konferenz", "gross"]
SlotFormat = Literal[
    "ankommen", "begruessung", "impuls", "thementische", "world_cafe", "open_space", "fishbowl", "pause", "abschluss"
]
InvitationStatus = Literal["offen", "eingeladen", "zugesagt", "abgesagt"]
ImpactLevel = Literal["input", "output", "outcome", "impact"]
assert set(CONFERENCE_FORMATS) == set(ConferenceFormat.__args__)
assert set(SLOT_FORMATS) == set(SlotFormat.__args__)
assert set(INVITATION_STATUSES) == set(InvitationStatus.__args__)
assert set(IMPACT_LEVELS) == set(ImpactLevel.__args__)
ActionStatus = Literal["idee", "geplant", "laeuft", "erledigt", "pausiert"]
Effort = Literal["klein", "mittel", "gross"]
assert set(ACTION_STATUSES) == set(ActionStatus.__args__)
assert set(ACTION_EFFORTS) == set(Effort.__args__)
URL_PATTERN = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class FileEntry(BaseModel):
    """An entry of a data file – shipped with the course (presets, Aktionspool) or written by the facilitators
    (course file, Vernetzungslandkarte): unknown keys are refused, texts stripped, entries never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Record(BaseModel):
    """Base of every stored record: strict about unknown fields, trims text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)
    KIND: ClassVar[str]
    id: str = Field(default_factory=new_id, min_length=1, max_length=64)

    @classmethod
    def max_length(cls, field: str) -> int:
        """The longest text ``field`` takes – for inputs and for texts taken over from another record."""
        return next(rule.max_length for rule in cls.model_fields[field].metadata if hasattr(rule, "max_length"))


class SingletonRecord(Record):
    """A record of which a workbook holds at most one (the team, the region)."""

    SINGLETON_ID: ClassVar[str] = "main"
    id: str = Field(default="main", pattern="^main$")
