"""The Aktionspool: proven actions a regional team can start, read from one reviewed data file.

The pool is data, not code (``data/aktionspool/aktionspool.toml``); :class:`PoolAction` is its schema,
checked when the file is read, so a broken entry fails loudly in the tests and never half-shows on a page.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import Field, field_validator

from regionallabor.core.formatting import format_int
from regionallabor.core.messages import ACTION_EFFORTS, POOL_COSTS
from regionallabor.core.model import Effort, FileEntry
from regionallabor.handlungsfelder import FieldKey

PoolCost = Literal["gering", "mittel", "hoch"]
assert set(POOL_COSTS) == set(PoolCost.__args__)

POOL_FILE = "aktionspool.toml"
# The classes the filters offer, from an entry's upper bounds: euros (unter 1.000 €, bis 20.000 €, darüber) and
# the team's hours in the first year (a few evenings, some months of a steady group, a year and more).
COST_CLASSES: tuple[tuple[int, PoolCost], ...] = ((1_000, "gering"), (20_000, "mittel"))
EFFORT_CLASSES: tuple[tuple[int, Effort], ...] = ((40, "klein"), (300, "mittel"))

Range = tuple[int, int]


class PoolAction(FileEntry):
    """One entry of the pool, with the German keys of the data file."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=40)
    titel: str = Field(min_length=3, max_length=80)
    handlungsfeld: FieldKey
    beschreibung: str = Field(min_length=120, max_length=900)
    kosten_euro: Range  # in the first year, the course's Richtwerte
    wer_zahlt: str = Field(min_length=8, max_length=200)
    stunden: Range  # the team's hours in the first year
    vorbild: str = Field(min_length=20, max_length=300)  # a real example, or who advises
    beteiligte: tuple[str, ...] = Field(min_length=2, max_length=8)
    erste_schritte: tuple[str, ...] = Field(min_length=2, max_length=5)
    format: str = Field(min_length=8, max_length=160)

    @field_validator("kosten_euro", "stunden")
    @classmethod
    def _ordered(cls, value: Range) -> Range:
        low, high = value
        if low < 0 or high < low:
            raise ValueError("von … bis: zwei Zahlen ab 0, die zweite nicht kleiner als die erste")
        return value

    @property
    def kosten(self) -> PoolCost:
        return next((cls for bound, cls in COST_CLASSES if self.kosten_euro[1] <= bound), "hoch")

    @property
    def aufwand(self) -> Effort:
        return next((cls for bound, cls in EFFORT_CLASSES if self.stunden[1] <= bound), "gross")

    @property
    def effort_label(self) -> str:
        return ACTION_EFFORTS[self.aufwand].split(" – ")[0]

    @property
    def cost_label(self) -> str:
        return POOL_COSTS[self.kosten]

    @property
    def cost_range(self) -> str:
        """'200–800 €', 'bis 300 €' – in German numbers."""
        low, high = self.kosten_euro
        return f"bis {format_int(high)} €" if low == 0 else f"{format_int(low)}–{format_int(high)} €"

    @property
    def hours_range(self) -> str:
        low, high = self.stunden
        return f"{low}–{high} Stunden"

    def searchable(self) -> str:
        return _folded(
            " ".join([self.titel, self.beschreibung, *self.beteiligte, *self.erste_schritte, self.format, self.vorbild])
        )


def _folded(text: str) -> str:
    """Lower case without accents and umlaut dots, so „Muehle“, „Mühle“ and „muhle“ find each other."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def parse_pool(raw: bytes) -> tuple[PoolAction, ...]:
    """The pool in a TOML file's bytes, validated entry by entry (pydantic.ValidationError names the entry)."""
    data = tomllib.loads(raw.decode("utf-8"))
    return tuple(PoolAction.model_validate(entry) for entry in data.get("aktion", []))


@cache
def load_pool() -> tuple[PoolAction, ...]:
    """The pool shipped with the course, in the file's order (grouped by Handlungsfeld)."""
    raw = (resources.files("regionallabor") / "data" / "aktionspool" / POOL_FILE).read_bytes()
    return parse_pool(raw)


@cache
def pool_by_id() -> dict[str, PoolAction]:
    return {action.id: action for action in load_pool()}


@cache
def _search_texts() -> dict[str, str]:
    return {action.id: action.searchable() for action in load_pool()}


def filter_pool(query: str = "", field: str = "", effort: str = "", cost: str = "") -> list[PoolAction]:
    """Pool entries matching every given filter; ``query`` words may appear anywhere in an entry, in any order."""
    words = _folded(query).split()
    texts = _search_texts()
    return [
        action
        for action in load_pool()
        if (not field or action.handlungsfeld == field)
        and (not effort or action.aufwand == effort)
        and (not cost or action.kosten == cost)
        and all(word in texts[action.id] for word in words)
    ]
