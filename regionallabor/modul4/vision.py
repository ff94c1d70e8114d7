"""Modul 4's records: the three phases of the Zukunftswerkstatt, the Zukunftsbild and the goals.

Kritikphase: what bothers the team, per Handlungsfeld, weighted with points. Fantasiephase: ideas
without limits, favourites marked. Verwirklichungsphase: favourites become goals with an owner and
a first step with a date – a Zukunftswerkstatt whose ideas have nobody to carry them on fizzles out.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionallabor.core.messages import t
from regionallabor.core.model import Herausforderung, Idee, Kritikpunkt, Vision, Wirkungslogik, Ziel, Zukunftsbild
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
    """Every Handlungsfeld with its critique points, the heaviest first (ties in the order they came); a
    bundle's cards stand together, where the bundle's total weight puts them."""
    grouped: dict[str, list[Stored[Kritikpunkt]]] = {key: [] for key in ALL_FIELDS}
    for stored in workbook.list(Kritikpunkt):
        grouped[stored.record.field].append(stored)
    for key, points in grouped.items():
        bundles: dict[str, list[Stored[Kritikpunkt]]] = {}
        for stored in points:
            bundles.setdefault(stored.record.cluster or stored.record.id, []).append(stored)
        ordered = sorted(bundles.values(), key=lambda cards: -sum(c.record.points for c in cards))
        grouped[key] = [c for cards in ordered for c in sorted(cards, key=lambda c: -c.record.points)]
    return grouped


def bundle_of(grouped: dict[str, list[Stored[Kritikpunkt]]], stored: Stored[Kritikpunkt]) -> str | None:
    """The bundle a card lies in, if it shares it with another card of its field (a bundle of one is none)."""
    cluster = stored.record.cluster
    if cluster is None:
        return None
    together = [c for c in grouped[stored.record.field] if c.record.cluster == cluster]
    return cluster if len(together) > 1 else None


def give_points(
    workbook: Arbeitsmappe, stored: Stored[Kritikpunkt], step: int, person: str | None
) -> Stored[Kritikpunkt]:
    """A member gives a point (step +1) or takes one of theirs back (-1); the total stays between 0 and 99.
    Points without a name (from before points had names) may be taken back by anyone."""
    record = stored.record
    person = person or ""
    dots = dict(record.dots)
    unnamed = record.points - sum(dots.values())
    if step > 0:
        if record.points >= MAX_POINTS:
            raise VisionRuleError(t("critique.full", count=MAX_POINTS))
        dots[person] = dots.get(person, 0) + 1
    elif dots.get(person, 0) > 0:
        dots[person] -= 1
        if not dots[person]:
            del dots[person]
    elif unnamed <= 0:
        raise VisionRuleError(t("critique.none_of_yours"))
    points = record.points + (1 if step > 0 else -1)
    return workbook.update(record.model_copy(update={"points": points, "dots": dots}), stored.version)


def move_critique(workbook: Arbeitsmappe, stored: Stored[Kritikpunkt], field: str) -> Stored[Kritikpunkt]:
    """A point that belongs to another Handlungsfeld; it leaves its bundle."""
    if field == stored.record.field:
        return stored
    return workbook.update(stored.record.model_copy(update={"field": field, "cluster": None}), stored.version)


def bundle_critique(workbook: Arbeitsmappe, stored: Stored[Kritikpunkt], onto: Stored[Kritikpunkt]) -> int:
    """Put a point into the bundle of another (starting one if needed) – „bündeln“: both say the same thing.
    It moves to the other's Handlungsfeld. Returns the workbook's new revision."""
    if stored.record.id == onto.record.id:
        raise VisionRuleError(t("critique.bundle_itself"))
    cluster = onto.record.cluster or onto.record.id
    with workbook.transaction() as tx:
        if onto.record.cluster != cluster:
            tx.update(onto.record.model_copy(update={"cluster": cluster}), onto.version)
        tx.update(stored.record.model_copy(update={"cluster": cluster, "field": onto.record.field}), stored.version)
    return tx.revision


def unbundle_critique(workbook: Arbeitsmappe, stored: Stored[Kritikpunkt]) -> Stored[Kritikpunkt]:
    return workbook.update(stored.record.model_copy(update={"cluster": None}), stored.version)


def _critique_text(challenge: Herausforderung) -> str:
    """A challenge's text as a critique point takes it: shortened to fit, marked with „…“ where cut."""
    limit = Kritikpunkt.max_length("text")
    return challenge.text if len(challenge.text) <= limit else challenge.text[: limit - 1] + "…"


def challenges_to_take_over(workbook: Arbeitsmappe) -> list[Herausforderung]:
    """Modul 2's Herausforderungen that are not yet critique points in their Handlungsfeld – the start of the
    Kritikphase, so that the team does not write them twice."""
    known = {(s.record.field, s.record.text.strip().casefold()) for s in workbook.list(Kritikpunkt)}
    return [
        s.record
        for s in workbook.list(Herausforderung)
        if (s.record.field, _critique_text(s.record).strip().casefold()) not in known
    ]


def take_over_challenges(workbook: Arbeitsmappe) -> int:
    """Every Herausforderung not yet among the critique points becomes one; returns the revision."""
    with workbook.transaction() as tx:
        for challenge in challenges_to_take_over(workbook):
            tx.add(Kritikpunkt(field=challenge.field, text=_critique_text(challenge)))
    return tx.revision


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
