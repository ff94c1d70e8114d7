"""Modul 4's records: the three phases of the Zukunftswerkstatt, the Zukunftsbild and the goals.

Kritikphase: what bothers the team, per Handlungsfeld, weighted with points. Fantasiephase: ideas
without limits, favourites marked. Verwirklichungsphase: favourites become goals with an owner and
a first step with a date – a Zukunftswerkstatt whose ideas have nobody to carry them on fizzles out.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Kritikpunkt, Vision, Wirkungslogik, Ziel, Zukunftsbild
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS

MODUL4_KINDS = (Kritikpunkt.KIND, Idee.KIND, Ziel.KIND, Vision.KIND, Zukunftsbild.KIND)
MIN_CRITIQUE = 3
MIN_IDEAS = 5
MAX_POINTS = 99


class VisionRuleError(WorkbookError):
    """A change Modul 4's rules refuse; the message says why."""


# Kritikphase


def critique_by_field(workbook: Arbeitsmappe) -> dict[str, list[Stored[Kritikpunkt]]]:
    """Every Handlungsfeld with its critique points, the heaviest first (ties in the order they came)."""
    grouped: dict[str, list[Stored[Kritikpunkt]]] = {key: [] for key in ALL_FIELDS}
    for stored in workbook.list(Kritikpunkt):
        grouped[stored.record.field].append(stored)
    for points in grouped.values():
        points.sort(key=lambda s: -s.record.points)
    return grouped


def give_points(workbook: Arbeitsmappe, stored: Stored[Kritikpunkt], step: int) -> Stored[Kritikpunkt]:
    """Add (or take back) a point; the count stays between 0 and 99."""
    points = min(MAX_POINTS, max(0, stored.record.points + step))
    return workbook.update(stored.record.model_copy(update={"points": points}), stored.version)


def heaviest_critique(workbook: Arbeitsmappe, limit: int = 5) -> list[Kritikpunkt]:
    """The points that got the most weight across all fields – what the Fantasiephase should answer."""
    weighted = [s.record for s in workbook.list(Kritikpunkt) if s.record.points > 0]
    return sorted(weighted, key=lambda r: -r.points)[:limit]


# Fantasiephase


def ideas(workbook: Arbeitsmappe) -> list[Stored[Idee]]:
    """All ideas, favourites first, otherwise in the order they came."""
    return sorted(workbook.list(Idee), key=lambda s: not s.record.favourite)


# Verwirklichungsphase: goals


def goals(workbook: Arbeitsmappe) -> list[Stored[Ziel]]:
    return workbook.list(Ziel)


def save_goal(workbook: Arbeitsmappe, goal: Ziel, version: int | None) -> Stored[Ziel]:
    """Add or change a goal; refused if another goal has the same title."""
    with workbook.transaction() as tx:
        for other in workbook.list(Ziel):
            if other.record.id != goal.id and other.record.title.casefold() == goal.title.casefold():
                raise VisionRuleError(t("goal.duplicate", title=goal.title))
        if goal.idea_id is not None and workbook.get(Idee, goal.idea_id) is None:
            goal = goal.model_copy(update={"idea_id": None})
        return tx.add(goal) if version is None else tx.update(goal, version)


def remove_goal(workbook: Arbeitsmappe, stored: Stored[Ziel]) -> int:
    """Remove a goal and its Wirkungslogik (Modul 5) together; returns the workbook's revision."""
    with workbook.transaction() as tx:
        tx.delete(Ziel, stored.record.id, stored.version)
        logic = workbook.get(Wirkungslogik, stored.record.id)
        if logic is not None:
            tx.delete(Wirkungslogik, logic.record.id, logic.version)
    return tx.revision


def goal_for_idea(goal_list: list[Stored[Ziel]], idea_id: str) -> Ziel | None:
    return next((s.record for s in goal_list if s.record.idea_id == idea_id), None)


# Zukunftsbild


@dataclass(frozen=True)
class VisionStatements:
    """The horizon year and the statements by id (a Handlungsfeld's key, or ``gesamt``), with their versions."""

    horizon: Stored[Vision] | None
    statements: dict[str, Stored[Zukunftsbild]]

    @property
    def horizon_year(self) -> int:
        return self.horizon.record.horizon_year if self.horizon else Vision().horizon_year

    def text(self, statement_id: str) -> str:
        stored = self.statements.get(statement_id)
        return stored.record.text if stored else ""

    def version(self, statement_id: str) -> int | None:
        stored = self.statements.get(statement_id)
        return stored.version if stored else None

    def is_empty(self) -> bool:
        return not any(s.record.text for s in self.statements.values())


def vision_statements(workbook: Arbeitsmappe) -> VisionStatements:
    return VisionStatements(workbook.get(Vision), {s.record.id: s for s in workbook.list(Zukunftsbild)})


def save_statement(workbook: Arbeitsmappe, statement_id: str, text: str, version: int | None) -> Stored[Zukunftsbild]:
    """Keep the text of one statement; ``version`` None for a statement not yet stored."""
    return workbook.save(Zukunftsbild(id=statement_id, text=text), version)


def statement_opening(horizon_year: int) -> str:
    return t("vision.opening", year=horizon_year)
