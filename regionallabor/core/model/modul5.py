"""Records of Modul 5: impact logics, the conference with its programme, tables, invitations, budget and tasks."""

from __future__ import annotations

from datetime import date, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from regionallabor.core.model.base import ConferenceFormat, InvitationStatus, Record, SingletonRecord, SlotFormat
from regionallabor.handlungsfelder import FieldKey


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
    """A line of the conference budget: a cost, or money coming in (funding, the own share, donations, fees)."""

    KIND = "budget"
    title: str = Field(min_length=1, max_length=150)
    kind: Literal["ausgabe", "einnahme"] = "ausgabe"
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
