"""Modul 4's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Kritikpunkt, Zukunftsbild
from regionallabor.core.store import Arbeitsmappe
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import MIN_CRITIQUE, MIN_IDEAS, MODUL4_KINDS, goals, vision_statements

KINDS = MODUL4_KINDS


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 4 still lacks, in German; empty when the module is complete."""
    found = []
    critique = workbook.list(Kritikpunkt)
    if len(critique) < MIN_CRITIQUE:
        found.append(t("selbstcheck.critique", min=MIN_CRITIQUE, count=len(critique)))
    elif not any(s.record.points for s in critique):
        found.append(t("selbstcheck.critique_points"))
    idea_list = workbook.list(Idee)
    if len(idea_list) < MIN_IDEAS:
        found.append(t("selbstcheck.ideas", min=MIN_IDEAS, count=len(idea_list)))
    elif not any(s.record.favourite for s in idea_list):
        found.append(t("selbstcheck.favourites"))
    board = vision_statements(workbook)
    empty = [label for key, label in ALL_FIELDS.items() if not board.text(key)]
    if empty:
        found.append(t("selbstcheck.vision_fields", fields=", ".join(empty)))
    if not board.text(Zukunftsbild.OVERALL):
        found.append(t("selbstcheck.vision_overall"))
    goal_list = goals(workbook)
    if not goal_list:
        found.append(t("selbstcheck.goal"))
    without_step = [
        s.record.title for s in goal_list if not (s.record.owner and s.record.first_step and s.record.first_step_due)
    ]
    if without_step:
        found.append(t("selbstcheck.goal_steps", goals=", ".join(without_step)))
    return found
