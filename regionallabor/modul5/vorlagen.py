"""The conference planner's presets: programme, tasks and budget per format, read from one reviewed data file.

The presets are data, not code (``data/konferenz/vorlagen.toml``): the course's Richtwerte, printed by the
handbook and taken over by a team in Modul 5. The schema below is checked when the file is read, so a
broken entry fails loudly in the tests and never half-shows on a page.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import time
from functools import cache
from importlib import resources

from pydantic import Field, field_validator

from regionallabor.core.model import ConferenceFormat, FileEntry, SlotFormat

PRESETS_FILE = "vorlagen.toml"


class _Slot(FileEntry):
    tag: int = Field(ge=1, le=3)
    beginn: str
    ende: str
    format: SlotFormat
    titel: str = Field(min_length=3, max_length=150)

    @field_validator("beginn", "ende")
    @classmethod
    def _clock(cls, value: str) -> str:
        time.fromisoformat(value)  # "09:30"; raises ValueError otherwise
        return value


class _Task(FileEntry):
    wochen: int = Field(ge=-8, le=26)
    titel: str = Field(min_length=3, max_length=200)


class _BudgetLine(FileEntry):
    posten: str = Field(min_length=3, max_length=120)
    euro: float = Field(ge=0)


class _PresetEntry(FileEntry):
    tage: int = Field(ge=1, le=3)
    gaeste: int = Field(ge=1, le=5000)
    programm: tuple[_Slot, ...] = Field(min_length=3)
    aufgaben: tuple[_Task, ...] = Field(min_length=3)
    budget: tuple[_BudgetLine, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Preset:
    days: int
    expected_people: int
    slots: tuple[tuple[int, str, str, str, str], ...]  # day, start, end, format, title
    tasks: tuple[tuple[int, str], ...]  # weeks before the conference (negative: after it), title
    budget: tuple[tuple[str, float], ...]  # line, planned euros


def parse_presets(raw: bytes) -> dict[str, Preset]:
    """The presets in a TOML file's bytes, validated (pydantic.ValidationError names the entry)."""
    data = tomllib.loads(raw.decode("utf-8"))
    after = tuple(_Task.model_validate(task) for task in data.pop("nach_der_konferenz", []))
    unknown = set(data) - set(ConferenceFormat.__args__)
    if unknown:
        raise ValueError(f"unbekannte Formate in {PRESETS_FILE}: {', '.join(sorted(unknown))}")
    presets = {}
    for key in ConferenceFormat.__args__:
        entry = _PresetEntry.model_validate(data[key])
        presets[key] = Preset(
            days=entry.tage,
            expected_people=entry.gaeste,
            slots=tuple((s.tag, s.beginn, s.ende, s.format, s.titel) for s in entry.programm),
            tasks=tuple((task.wochen, task.titel) for task in (*entry.aufgaben, *after)),
            budget=tuple((line.posten, line.euro) for line in entry.budget),
        )
    return presets


@cache
def load_presets() -> dict[str, Preset]:
    """The presets shipped with the course, one per conference format."""
    return parse_presets((resources.files("regionallabor") / "data" / "konferenz" / PRESETS_FILE).read_bytes())
