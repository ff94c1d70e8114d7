"""Modul 5's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.messages import t
from regionallabor.core.model import Aufgabe, Einladung, Thementisch
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul4.vision import goals
from regionallabor.modul5.konferenz import MIN_INVITATIONS, MODUL5_KINDS, agenda, agenda_issues, conference, days_of
from regionallabor.modul5.wirkungslogik import is_complete, logics

KINDS = MODUL5_KINDS


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 5 still lacks, in German; empty when the module is complete."""
    found = []
    goal_list = goals(workbook)
    stored_logics = logics(workbook)
    if not goal_list:
        found.append(t("selbstcheck.logic_goals"))
    incomplete = [
        g.record.title
        for g in goal_list
        if not is_complete(stored_logics[g.record.id].record if g.record.id in stored_logics else None)
    ]
    if incomplete:
        found.append(t("selbstcheck.logics", goals=", ".join(incomplete)))
    stored = conference(workbook)
    if stored is None or stored.record.starts_on is None or not stored.record.venue:
        found.append(t("selbstcheck.date_venue"))
    slots = [s.record for s in agenda(workbook)]
    if len(slots) < 3:
        found.append(t("selbstcheck.programme"))
    elif any(issue.severity == "error" for issue in agenda_issues(slots, days_of(stored and stored.record, slots))):
        found.append(t("selbstcheck.overlaps"))
    if not workbook.count_kind(Thementisch.KIND):
        found.append(t("selbstcheck.table"))
    invitations = workbook.count_kind(Einladung.KIND)
    if invitations < MIN_INVITATIONS:
        found.append(t("selbstcheck.invitations", min=MIN_INVITATIONS, count=invitations))
    if not workbook.count_kind(Aufgabe.KIND):
        found.append(t("selbstcheck.tasks"))
    return found
