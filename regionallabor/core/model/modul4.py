"""Records of Modul 4: critique points, ideas, goals, the vision and its statements."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints, field_validator

from regionallabor.core.model.base import Record, SingletonRecord
from regionallabor.handlungsfelder import FieldKey


class Kritikpunkt(Record):
    """What bothers the team, in one Handlungsfeld (Zukunftswerkstatt, Kritikphase), with the points it got.

    ``points`` is the total; ``dots`` says who gave how many of them (a member's name, "" on a shared laptop –
    points from before dots had names are in the total only). Cards with the same ``cluster`` form a bundle.
    """

    KIND = "kritik"
    field: FieldKey
    text: str = Field(min_length=1, max_length=300)
    points: int = Field(default=0, ge=0, le=99)
    dots: dict[Annotated[str, StringConstraints(max_length=80)], Annotated[int, Field(ge=1, le=99)]] = Field(
        default_factory=dict, max_length=200
    )
    cluster: str | None = Field(default=None, max_length=40)


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
