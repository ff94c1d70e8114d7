"""Records of Modul 2: own key figures, Handlungsfeld ratings, Schätze, challenges, SWOT cards."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from regionallabor.core.model.base import URL_PATTERN, Record, SwotQuadrant
from regionallabor.handlungsfelder import FieldKey


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
