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

from .messages import AREA_TYPES, COUNTRIES, WEGGEMEINSCHAFTEN, t

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

CountryCode = Literal["DE", "AT", "CH", "BZ"]
AreaType = Literal["gemeinde", "gemeinden", "kreis", "stadtteil", "gross"]
Weggemeinschaft = Literal["Deutschland", "Österreich", "Bodensee"]

assert set(COUNTRIES) == set(CountryCode.__args__)
assert set(AREA_TYPES) == set(AreaType.__args__)
assert set(WEGGEMEINSCHAFTEN) == set(Weggemeinschaft.__args__)


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


RECORD_TYPES: dict[str, type[Record]] = {cls.KIND: cls for cls in (Team, Member, Region)}

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
}


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
        elif kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"):
            sentences.append(t("invalid.number", field=field))
        elif kind in ("greater_than_equal", "less_than_equal") and problem["loc"][-1] == "year":
            sentences.append(t("invalid.year", field=field, min=1950, max=2100))
        elif kind == "greater_than_equal":
            sentences.append(t("invalid.not_negative", field=field))
        elif kind == "greater_than":
            sentences.append(t("invalid.positive", field=field))
        elif kind in ("literal_error", "enum"):
            sentences.append(t("invalid.choice", field=field))
        else:
            sentences.append(t("invalid.generic", field=field, detail=problem["msg"]))
    return " ".join(dict.fromkeys(sentences))
