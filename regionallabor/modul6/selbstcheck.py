"""Modul 6's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.formatting import german_list
from regionallabor.core.messages import t
from regionallabor.core.model import Statusbericht, Ziel
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul6.aktionen import MIN_ACTIONS, MODUL6_KINDS, actions

KINDS = MODUL6_KINDS
LISTED = 5  # actions named in one line; the rest are counted


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 6 still lacks, in German; empty when the module is complete."""
    found = []
    action_list = [s.record for s in actions(workbook)]
    if len(action_list) < MIN_ACTIONS:
        found.append(t("selbstcheck.actions", min=MIN_ACTIONS, count=len(action_list)))
    unowned = [a.title for a in action_list if a.status != "idee" and (not a.responsible or a.due is None)]
    if unowned:
        more = t("selbstcheck.owners_more", count=len(unowned) - LISTED) if len(unowned) > LISTED else ""
        found.append(t("selbstcheck.owners", actions=german_list(unowned[:LISTED]), more=more))
    if action_list and all(a.status == "idee" for a in action_list):
        found.append(t("selbstcheck.planned"))
    if workbook.count_kind(Ziel.KIND) and not any(a.goal_id for a in action_list):
        found.append(t("selbstcheck.goal_link"))
    if not any(s.record.sent_on for s in workbook.list(Statusbericht)):
        found.append(t("selbstcheck.report"))
    return found
