"""The typed records a team's Arbeitsmappe holds.

Every record kind is a pydantic model with a ``KIND`` – the name under which the
store keeps it. Validation lives here, so that a widget, an import and a test
all refuse the same bad input with the same German message (see
:func:`explain`).
"""

from __future__ import annotations

import re
import uuid
from datetime import date, time
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from regionallabor.handlungsfelder import FieldKey
from regionallabor.core.messages import (ACTION_EFFORTS, ACTION_STATUSES, ACTOR_TYPES, AREA_TYPES, CONFERENCE_FORMATS, COUNTRIES,
                       IMPACT_LEVELS, INVITATION_STATUSES, RELATION_KINDS, SECTORS, SLOT_FORMATS, SWOT_QUADRANTS,
                       TEAM_RELATIONS, WEGGEMEINSCHAFTEN, t)

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
SlotFormat = Literal["ankommen", "begruessung", "impuls", "thementische", "world_cafe", "open_space", "fishbowl",
                     "pause", "abschluss"]
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


class Record(BaseModel):
    """Base of every stored record: strict about unknown fields, trims text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)
    KIND: ClassVar[str]
    id: str = Field(default_factory=new_id, min_length=1, max_length=64)


class SingletonRecord(Record):
    """A record of which a workbook holds at most one (the team, the region)."""

    SINGLETON_ID: ClassVar[str] = "main"
    id: str = Field(default="main", pattern="^main$")


class Team(SingletonRecord):
    KIND = "team"
    name: str = Field(default="", max_length=120)


class Member(Record):
    KIND = "member"
    name: str = Field(min_length=1, max_length=120)
    role: str = Field(default="", max_length=120)
    organisation: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=200)
    is_main_contact: bool = False

    @field_validator("email")
    @classmethod
    def _email_shape(cls, value: str) -> str:
        if value and not EMAIL_PATTERN.match(value):
            raise PydanticCustomError("email", "invalid e-mail", {"value": value})
        return value


class OwnFigures(BaseModel):
    """Key figures a team enters itself: for a Stadtteil, or when it knows newer numbers."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    population: int | None = Field(default=None, ge=0, le=100_000_000)
    area_km2: float | None = Field(default=None, gt=0, le=1_000_000)
    year: int = Field(ge=1950, le=2100)
    source: str = Field(min_length=1, max_length=300)


class Region(SingletonRecord):
    KIND = "region"
    country: CountryCode | None = None
    area_type: AreaType | None = None
    name: str = Field(default="", max_length=120)
    area_ids: list[str] = Field(default_factory=list, max_length=500)
    own_figures: OwnFigures | None = None
    weggemeinschaft: Weggemeinschaft | None = None
    why: str = Field(default="", max_length=5000)


class Kennzahl(Record):
    """A key figure the team adds itself (Modul 2): what the reference data lacks, or newer numbers."""

    KIND = "kennzahl"
    name: str = Field(min_length=1, max_length=120)
    value: float = Field(allow_inf_nan=False)
    unit: str = Field(default="", max_length=40)
    year: int = Field(ge=1950, le=2100)
    source: str = Field(min_length=1, max_length=300)


RatingRound = Literal[1, 2]


class FieldRating(Record):
    """The team's view of one Handlungsfeld (Modul 2): a rating from 1 to 5 and what it sees.

    One record per field and round, with a fixed id, so two pages cannot create two ratings.
    """

    KIND = "einschaetzung"
    field: FieldKey
    round: RatingRound = 1
    rating: int | None = Field(default=None, ge=1, le=5)
    notes: str = Field(default="", max_length=3000)
    rated_on: str = Field(default="", max_length=10)

    @staticmethod
    def id_for(field: str, round: int) -> str:
        return f"{field}-{round}"


class Schatz(Record):
    """Something in the region that already works: an initiative, a project, a place (Modul 2).

    Modul 3 offers these records as actors, so they are kept once and referred to by id.
    """

    KIND = "schatz"
    name: str = Field(min_length=1, max_length=120)
    field: FieldKey
    description: str = Field(default="", max_length=1000)
    contact: str = Field(default="", max_length=200)
    link: str = Field(default="", max_length=300)

    @field_validator("link")
    @classmethod
    def _link_shape(cls, value: str) -> str:
        if not value:
            return value
        if not URL_PATTERN.match(value):
            raise PydanticCustomError("url", "invalid link", {"value": value})
        return value if value.lower().startswith(("http://", "https://")) else "https://" + value


class Herausforderung(Record):
    """A challenge the team sees in one Handlungsfeld (Modul 2); Modul 5 builds Thementische from them."""

    KIND = "herausforderung"
    field: FieldKey
    text: str = Field(min_length=1, max_length=500)


class SwotEntry(Record):
    """One card on the SWOT board (Modul 2), kept in the order the team gives it."""

    KIND = "swot"
    quadrant: SwotQuadrant
    text: str = Field(min_length=1, max_length=300)
    position: int = 0


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


class Kritikpunkt(Record):
    """What bothers the team, in one Handlungsfeld (Zukunftswerkstatt, Kritikphase), with the points it got."""

    KIND = "kritik"
    field: FieldKey
    text: str = Field(min_length=1, max_length=300)
    points: int = Field(default=0, ge=0, le=99)


class Idee(Record):
    """An idea of the Fantasiephase: everything is allowed; the team marks its favourites."""

    KIND = "idee"
    text: str = Field(min_length=1, max_length=300)
    field: FieldKey | None = None
    favourite: bool = False


class Ziel(Record):
    """A goal from the Verwirklichungsphase: what the team wants to reach, who takes care, and the first step."""

    KIND = "ziel"
    title: str = Field(min_length=1, max_length=200)
    handlungsfelder: list[FieldKey] = Field(min_length=1, max_length=6)
    description: str = Field(default="", max_length=1000)
    idea_id: str | None = Field(default=None, max_length=64)
    owner: str = Field(default="", max_length=120)
    first_step: str = Field(default="", max_length=300)
    first_step_due: date | None = None

    @field_validator("handlungsfelder")
    @classmethod
    def _each_field_once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class Vision(SingletonRecord):
    """The year the team's Zukunftsbild looks at („2035 ist unsere Region …“)."""

    KIND = "vision"
    horizon_year: int = Field(default=2035, ge=2026, le=2100)


class Zukunftsbild(Record):
    """The vision statement for one Handlungsfeld, or the overall one (id ``gesamt``)."""

    KIND = "zukunftsbild"
    OVERALL: ClassVar[str] = "gesamt"
    id: str = Field(pattern="^(landwirtschaft|energie|bauen|mobilitaet|wirtschaft|zusammenhalt|gesamt)$")
    text: str = Field(default="", max_length=2000)


# Modul 5: Strategie & Mitmach-Konferenz


class Indikator(BaseModel):
    """How the team will see that something changed: the indicator and how it notices."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    text: str = Field(min_length=1, max_length=200)
    noticed_by: str = Field(default="", max_length=300)
    level: Literal["output", "outcome", "impact"] = "outcome"


class Wirkungslogik(Record):
    """Input → Output → Outcome → Impact for one goal (its id is the goal's id), with indicators."""

    KIND = "wirkungslogik"
    input: str = Field(default="", max_length=1500)
    output: str = Field(default="", max_length=1500)
    outcome: str = Field(default="", max_length=1500)
    impact: str = Field(default="", max_length=1500)
    outcome_step: Literal[4, 5, 6] | None = None
    indicators: list[Indikator] = Field(default_factory=list, max_length=20)


class Konferenz(SingletonRecord):
    """The Mitmach-Konferenz or -Werkstatt the team plans: format, date, place, size."""

    KIND = "konferenz"
    title: str = Field(default="", max_length=150)
    format: ConferenceFormat | None = None
    starts_on: date | None = None
    days: int = Field(default=1, ge=1, le=3)
    venue: str = Field(default="", max_length=200)
    expected_people: int | None = Field(default=None, ge=1, le=5000)


class Programmpunkt(Record):
    """One slot of the programme: day, time, title, format, place and who is responsible."""

    KIND = "programmpunkt"
    day: int = Field(default=1, ge=1, le=3)
    start: time
    end: time
    title: str = Field(min_length=1, max_length=150)
    format: SlotFormat = "thementische"
    place: str = Field(default="", max_length=120)
    responsible: str = Field(default="", max_length=120)

    @model_validator(mode="after")
    def _ends_after_it_starts(self):
        if self.end <= self.start:
            raise PydanticCustomError("end_before_start", "the end must come after the start")
        return self

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


class Thementisch(Record):
    """A table at the conference where one challenge is worked on, with its host."""

    KIND = "thementisch"
    title: str = Field(min_length=1, max_length=150)
    field: FieldKey
    challenge_id: str | None = Field(default=None, max_length=64)
    host: str = Field(default="", max_length=120)
    people: int = Field(default=8, ge=1, le=500)


class Einladung(Record):
    """An actor from the map invited to the conference; the record's id is the actor's id."""

    KIND = "einladung"
    status: InvitationStatus = "offen"
    note: str = Field(default="", max_length=300)


class Budgetposten(Record):
    KIND = "budget"
    title: str = Field(min_length=1, max_length=150)
    planned: float = Field(default=0, ge=0, le=10_000_000, allow_inf_nan=False)
    actual: float | None = Field(default=None, ge=0, le=10_000_000, allow_inf_nan=False)


class Aufgabe(Record):
    """A task on the way to the conference, planned backwards from its date."""

    KIND = "aufgabe"
    title: str = Field(min_length=1, max_length=200)
    responsible: str = Field(default="", max_length=120)
    due: date
    done: bool = False


# Modul 6: Aktionen & Weg


class Aktion(Record):
    """An action of the team's plan: what, in which field, for which goal, who with whom, by when, how far.

    ``table_id`` is the Thementisch it came from, ``pool_id`` the Aktionspool entry it was adopted from.
    """

    KIND = "aktion"
    title: str = Field(min_length=1, max_length=150)
    field: FieldKey
    description: str = Field(default="", max_length=3000)
    goal_id: str | None = Field(default=None, max_length=64)
    table_id: str | None = Field(default=None, max_length=64)
    pool_id: str | None = Field(default=None, max_length=64)
    responsible: str = Field(default="", max_length=120)
    partner_ids: list[str] = Field(default_factory=list, max_length=50)
    starts_on: date | None = None
    due: date | None = None
    status: ActionStatus = "idee"
    progress: int = Field(default=0, ge=0, le=100)
    effort: Effort | None = None
    cost: float | None = Field(default=None, ge=0, le=100_000_000, allow_inf_nan=False)

    @model_validator(mode="before")
    @classmethod
    def _done_is_complete(cls, data):
        if isinstance(data, dict) and data.get("status") == "erledigt":
            data = {**data, "progress": 100}
        return data

    @model_validator(mode="after")
    def _due_after_start(self):
        if self.starts_on and self.due and self.due < self.starts_on:
            raise PydanticCustomError("due_before_start", "the due date lies before the start")
        return self

    @field_validator("partner_ids")
    @classmethod
    def _each_partner_once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class Statusbericht(Record):
    """The short report to the hosting team: phase, achievements, next steps, where the team needs support.

    A team has at most one draft (``sent_on`` empty); sending it dates it and keeps it in the history.
    """

    KIND = "statusbericht"
    phase: str = Field(default="", max_length=300)
    achievements: str = Field(default="", max_length=4000)
    next_steps: str = Field(default="", max_length=4000)
    support: str = Field(default="", max_length=3000)
    sent_on: date | None = None


class Reflexion(Record):
    """A team's answer to a worksheet's reflection question, written on the module page for the zip submission."""

    KIND = "reflexion"
    module: int = Field(ge=1, le=6)
    key: str = Field(min_length=1, max_length=60)
    text: str = Field(default="", max_length=5000)


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls for cls in (Team, Member, Region, Kennzahl, FieldRating, Schatz, Herausforderung, SwotEntry,
                              Akteur, Beziehung, Gespraech, Kritikpunkt, Idee, Ziel, Vision, Zukunftsbild,
                              Wirkungslogik, Konferenz, Programmpunkt, Thementisch, Einladung, Budgetposten, Aufgabe,
                              Aktion, Statusbericht, Reflexion)
}

FIELD_LABELS = {
    "name": "field.name",
    "role": "field.role",
    "organisation": "field.organisation",
    "email": "field.email",
    "population": "field.population",
    "area_km2": "field.area_km2",
    "year": "field.year",
    "source": "field.source",
    "why": "field.why",
    "value": "field.value",
    "unit": "field.unit",
    "rating": "field.rating",
    "notes": "field.notes",
    "field": "field.handlungsfeld",
    "description": "field.description",
    "contact": "field.contact",
    "link": "field.link",
    "text": "field.text",
    "quadrant": "field.quadrant",
    "type": "field.actor_type",
    "sector": "field.sector",
    "handlungsfelder": "field.handlungsfelder",
    "influence": "field.influence",
    "engagement": "field.engagement",
    "place": "field.place",
    "team_relation": "field.team_relation",
    "source_id": "field.source_actor",
    "target_id": "field.target_actor",
    "kind": "field.relation_kind",
    "strength": "field.strength",
    "note": "field.note",
    "actor_id": "field.actor",
    "held_on": "field.held_on",
    "team_people": "field.team_people",
    "learned": "field.learned",
    "next_step": "field.next_step",
    "due": "field.due",
    "points": "field.points",
    "title": "field.title",
    "owner": "field.owner",
    "first_step": "field.first_step",
    "first_step_due": "field.first_step_due",
    "horizon_year": "field.horizon_year",
    "input": "field.input",
    "output": "field.output",
    "outcome": "field.outcome",
    "impact": "field.impact",
    "noticed_by": "field.noticed_by",
    "format": "field.format",
    "starts_on": "field.starts_on",
    "days": "field.days",
    "venue": "field.venue",
    "expected_people": "field.expected_people",
    "people": "field.people",
    "day": "field.day",
    "start": "field.start",
    "end": "field.end",
    "responsible": "field.responsible",
    "host": "field.host",
    "status": "field.status",
    "planned": "field.planned",
    "actual": "field.actual",
    "progress": "field.progress",
    "effort": "field.effort",
    "cost": "field.cost",
    "partner_ids": "field.partners",
    "phase": "field.phase",
    "achievements": "field.achievements",
    "next_steps": "field.next_steps",
    "support": "field.support",
}

# Numbers with a lower and an upper bound get one message naming both.
RANGES = {"year": (1950, 2100), "rating": (1, 5), "influence": (1, 5), "engagement": (1, 5), "strength": (1, 3),
          "horizon_year": (2026, 2100), "days": (1, 3), "day": (1, 3), "points": (0, 99), "expected_people": (1, 5000),
          "people": (1, 500), "progress": (0, 100)}


def _field_label(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part in FIELD_LABELS:
            return t(FIELD_LABELS[part])
    return ".".join(str(p) for p in loc) or "Eingabe"


def explain(error: ValidationError) -> str:
    """One German sentence per problem in ``error``, for showing to a team."""
    sentences = []
    for problem in error.errors():
        field = _field_label(problem["loc"])
        kind = problem["type"]
        ctx = problem.get("ctx", {})
        if kind in ("string_too_short", "missing") or (kind.endswith("_type") and problem.get("input") is None):
            sentences.append(t("invalid.empty", field=field))
        elif kind == "string_too_long":
            sentences.append(t("invalid.too_long", field=field, max=ctx.get("max_length")))
        elif kind == "email":
            sentences.append(t("invalid.email", field=field, value=ctx.get("value", "")))
        elif kind == "url":
            sentences.append(t("invalid.url", field=field, value=ctx.get("value", "")))
        elif kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float", "finite_number"):
            sentences.append(t("invalid.number", field=field))
        elif kind in ("greater_than_equal", "less_than_equal") and problem["loc"][-1] in RANGES:
            low, high = RANGES[problem["loc"][-1]]
            sentences.append(t("invalid.range", field=field, min=low, max=high))
        elif kind == "greater_than_equal":
            sentences.append(t("invalid.not_negative", field=field))
        elif kind == "greater_than":
            sentences.append(t("invalid.positive", field=field))
        elif kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
            sentences.append(t("invalid.date", field=field))
        elif kind in ("time_parsing", "time_type"):
            sentences.append(t("invalid.time", field=field))
        elif kind == "too_short":
            sentences.append(t("invalid.choose_one", field=field))
        elif kind == "end_before_start":
            sentences.append(t("invalid.end_before_start"))
        elif kind == "due_before_start":
            sentences.append(t("invalid.due_before_start"))
        elif kind == "self_relation":
            sentences.append(t("invalid.self_relation"))
        elif kind in ("literal_error", "enum"):
            sentences.append(t("invalid.choice", field=field))
        else:
            sentences.append(t("invalid.generic", field=field, detail=problem["msg"]))
    return " ".join(dict.fromkeys(sentences))
