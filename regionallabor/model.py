"""The typed records a team's Arbeitsmappe holds.

Every record kind is a pydantic model with a ``KIND`` – the name under which the
store keeps it. Validation lives here, so that a widget, an import and a test
all refuse the same bad input with the same German message (see
:func:`explain`).
"""

from __future__ import annotations

import re
import uuid
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from .handlungsfelder import FieldKey
from .messages import AREA_TYPES, COUNTRIES, SWOT_QUADRANTS, WEGGEMEINSCHAFTEN, t

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

CountryCode = Literal["DE", "AT", "CH", "BZ"]
AreaType = Literal["gemeinde", "gemeinden", "kreis", "stadtteil", "gross"]
Weggemeinschaft = Literal["Deutschland", "Österreich", "Bodensee"]

assert set(COUNTRIES) == set(CountryCode.__args__)
assert set(AREA_TYPES) == set(AreaType.__args__)
assert set(WEGGEMEINSCHAFTEN) == set(Weggemeinschaft.__args__)

SwotQuadrant = Literal["staerken", "schwaechen", "chancen", "risiken"]
assert set(SWOT_QUADRANTS) == set(SwotQuadrant.__args__)
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


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls for cls in (Team, Member, Region, Kennzahl, FieldRating, Schatz, Herausforderung, SwotEntry)
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
}

# Numbers with a lower and an upper bound get one message naming both.
RANGES = {"year": (1950, 2100), "rating": (1, 5)}


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
        elif kind in ("literal_error", "enum"):
            sentences.append(t("invalid.choice", field=field))
        else:
            sentences.append(t("invalid.generic", field=field, detail=problem["msg"]))
    return " ".join(dict.fromkeys(sentences))
