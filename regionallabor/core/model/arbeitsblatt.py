"""Records of the worksheets: a team's reflection answers, kept as typed."""

from __future__ import annotations

from pydantic import Field

from regionallabor.core.model.base import Record


class Reflexion(Record):
    """A team's answer to a worksheet's reflection question, written on the module page for the zip submission."""

    KIND = "reflexion"
    module: int = Field(ge=1, le=6)
    key: str = Field(min_length=1, max_length=60)
    text: str = Field(default="", max_length=5000)
