"""Records of Modul 6: actions and status reports."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from regionallabor.core.model.base import ActionStatus, Effort, Record
from regionallabor.handlungsfelder import FieldKey


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
