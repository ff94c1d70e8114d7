"""Modul 6: the team's action plan – actions with goal, field, owner, partners, dates, status and progress.

An action links back to where it came from: the goal (Modul 4), the Thementisch of the conference
(Modul 5), the Aktionspool entry; its partners are actors of the map (Modul 3). Progress rolls up from the
actions to their goals and fields, as in Decidim's accountability module – but every action has an owner.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from regionallabor.core.formatting import german_list
from regionallabor.core.messages import ACTION_STATUSES, t
from regionallabor.core.model import Aktion, Statusbericht, Thementisch, Wirkungslogik, Ziel
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import Network, read_network
from regionallabor.modul6.aktionspool import PoolAction
from regionallabor.richtwerte import ACTIONS_PER_PERSON

MODUL6_KINDS = (Aktion.KIND, Statusbericht.KIND)
MIN_ACTIONS = 3
OPEN_STATUSES = ("idee", "geplant", "laeuft")


class ActionRuleError(WorkbookError):
    """An action the plan refuses: a title taken, a partner not on the map, a goal that is gone."""


def actions(workbook: Arbeitsmappe) -> list[Stored[Aktion]]:
    """All actions: dated ones by due date, then those without a date, each group by title."""
    return sorted(
        workbook.list(Aktion), key=lambda s: (s.record.due is None, s.record.due or date.max, s.record.title.casefold())
    )


def save_action(workbook: Arbeitsmappe, action: Aktion, version: int | None) -> Stored[Aktion]:
    """Add or update an action; the title must be unique and the goal, table and partners it names must exist.

    Checked inside the write's transaction, against the map as stored: a partner another tab removed is refused.
    """
    with workbook.transaction() as tx:
        for other in workbook.list(Aktion):
            if other.record.id != action.id and other.record.title.casefold() == action.title.casefold():
                raise ActionRuleError(t("actions.title_taken", title=action.title))
        if action.goal_id and workbook.get(Ziel, action.goal_id) is None:
            raise ActionRuleError(t("actions.goal_gone"))
        if action.table_id and workbook.get(Thementisch, action.table_id) is None:
            raise ActionRuleError(t("actions.table_gone"))
        if action.partner_ids:
            known = read_network(workbook).by_id
            if any(partner not in known for partner in action.partner_ids):
                raise ActionRuleError(t("actions.partner_gone"))
        return tx.add(action) if version is None else tx.update(action, version)


def partner_ids_for(network: Network, names: list[str]) -> list[str]:
    """The actor ids for partner names; refuses names that are not on the actor map."""
    found = {name: network.find(name) for name in names}
    unknown = [name for name, actor in found.items() if actor is None]
    if unknown:
        raise ActionRuleError(t("actions.unknown_partner", names=german_list([f"„{n}“" for n in unknown])))
    return [actor.id for actor in found.values()]


def from_pool(entry: PoolAction) -> Aktion:
    """A new plan entry from an Aktionspool entry: its text and first steps, its field and effort; status „Idee“."""
    steps = "\n".join(f"– {step}" for step in entry.erste_schritte)
    return Aktion(
        title=entry.titel,
        field=entry.handlungsfeld,
        pool_id=entry.id,
        effort=entry.aufwand,
        description=(
            f"{entry.beschreibung}\n\n{t('pool.first_steps')}:\n{steps}\n\n"
            f"{t('pool.cost')}: {entry.cost_range} ({t('pool.who_pays')}: {entry.wer_zahlt}). "
            f"{t('pool.example')}: {entry.vorbild}"
        ),
    )


def adopt(workbook: Arbeitsmappe, entry: PoolAction) -> Stored[Aktion]:
    return save_action(workbook, from_pool(entry), None)


def adopted_pool_ids(stored_actions: list[Stored[Aktion]]) -> set[str]:
    return {s.record.pool_id for s in stored_actions if s.record.pool_id}


# status and progress


def is_overdue(action: Aktion, today: date) -> bool:
    """Due date passed while the action is still open (paused actions are on hold on purpose)."""
    return action.due is not None and action.due < today and action.status in OPEN_STATUSES


def progress_of(action: Aktion) -> int:
    return 100 if action.status == "erledigt" else action.progress


@dataclass(frozen=True)
class Rollup:
    """Progress of a group of actions (a goal, a field): the mean of its actions' progress."""

    label: str
    actions: int
    done: int
    percent: int
    goal_id: str | None = None  # for a goal's line: where its Wirkungslogik (Modul 5) says how to see the effect


def _rollup(label: str, group: list[Aktion], goal_id: str | None = None) -> Rollup:
    percent = round(sum(progress_of(a) for a in group) / len(group)) if group else 0
    return Rollup(label, len(group), sum(a.status == "erledigt" for a in group), percent, goal_id)


def effect_indicators(logic: Wirkungslogik | None) -> list[str]:
    """What tells a goal's effect – its outcome and impact indicators from Modul 5, with how the team notices."""
    if logic is None:
        return []
    return [
        f"{i.text} ({i.noticed_by})" if i.noticed_by else i.text
        for i in logic.indicators
        if i.level in ("outcome", "impact")
    ]


def progress_by_goal(action_list: list[Aktion], goal_list: list[Ziel]) -> list[Rollup]:
    """One line per goal with actions, in the goals' order, and one for actions without a goal."""
    rows = [_rollup(goal.title, [a for a in action_list if a.goal_id == goal.id], goal.id) for goal in goal_list]
    rows = [row for row in rows if row.actions]
    loose = [a for a in action_list if not a.goal_id or a.goal_id not in {g.id for g in goal_list}]
    if loose:
        rows.append(_rollup(t("actions.without_goal"), loose))
    return rows


def progress_by_field(action_list: list[Aktion]) -> list[Rollup]:
    return [
        row
        for row in (_rollup(label, [a for a in action_list if a.field == key]) for key, label in ALL_FIELDS.items())
        if row.actions
    ]


def overall_progress(action_list: list[Aktion]) -> Rollup:
    return _rollup(t("actions.all"), action_list)


@dataclass(frozen=True)
class TimelineBar:
    label: str
    start: date | None  # None: only a due date, drawn as a diamond
    end: date
    status: str
    overdue: bool


@dataclass(frozen=True)
class PlanSummary:
    by_status: dict[str, int]
    overdue: int
    without_owner: int
    without_due: int
    overloaded: tuple[str, ...] = ()  # people responsible for more open actions than the course advises


def plan_summary(action_list: list[Aktion], today: date) -> PlanSummary:
    by_status = dict.fromkeys(ACTION_STATUSES, 0)
    for action in action_list:
        by_status[action.status] += 1
    open_actions = [a for a in action_list if a.status in OPEN_STATUSES]
    load = Counter(a.responsible.strip() for a in open_actions if a.status != "idee" and a.responsible.strip())
    return PlanSummary(
        by_status,
        sum(is_overdue(a, today) for a in action_list),
        sum(not a.responsible for a in open_actions if a.status != "idee"),
        sum(a.due is None for a in open_actions if a.status != "idee"),
        tuple(sorted((name for name, count in load.items() if count > ACTIONS_PER_PERSON), key=str.casefold)),
    )


def timeline_bars(action_list: list[Aktion], today: date) -> list[TimelineBar]:
    """The dated actions for the timeline, by start (or due) date."""
    dated = sorted((a for a in action_list if a.due is not None), key=lambda a: (a.starts_on or a.due, a.due))
    return [TimelineBar(a.title, a.starts_on, a.due, a.status, is_overdue(a, today)) for a in dated]


def next_actions(action_list: list[Aktion], limit: int = 5) -> list[Aktion]:
    """The open actions that are due next."""
    dated = sorted((a for a in action_list if a.status in OPEN_STATUSES and a.due), key=lambda a: a.due)
    return dated[:limit]
