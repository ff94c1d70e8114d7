"""Records of Modul 1: the team, its members, its region and what it shows the other teams of its cohort."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from regionallabor.core.model.base import EMAIL_PATTERN, AreaType, CountryCode, Record, SingletonRecord, Weggemeinschaft
from regionallabor.handlungsfelder import FieldKey


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


class Vernetzung(SingletonRecord):
    """What the team shows the other teams of its cohort on the Vernetzungslandkarte – nothing until it says so.

    With ``share`` the team's name and Weggemeinschaft appear; its region (name and shape) only with
    ``share_region``, the Handlungsfelder it names and a contact only where it fills them in.
    """

    KIND = "vernetzung"
    share: bool = False
    share_region: bool = True
    handlungsfelder: list[FieldKey] = Field(default_factory=list, max_length=6)
    contact: str = Field(default="", max_length=200)
