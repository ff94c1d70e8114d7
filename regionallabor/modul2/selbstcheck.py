"""Modul 2's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.messages import SWOT_QUADRANTS, t
from regionallabor.core.model import Herausforderung, Schatz
from regionallabor.core.store import Arbeitsmappe
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul2.bestandsaufnahme import MODUL2_KINDS, ratings, swot_board

KINDS = MODUL2_KINDS


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 2 still lacks, in German; empty when the module is complete."""
    found = []
    first = ratings(workbook)[1]
    unrated = [label for key, label in ALL_FIELDS.items() if key not in first or first[key].record.rating is None]
    if unrated:
        found.append(t("selbstcheck.ratings", count=len(unrated), fields=", ".join(unrated)))
    if not workbook.count_kind(Schatz.KIND):
        found.append(t("selbstcheck.schatz"))
    if not workbook.count_kind(Herausforderung.KIND):
        found.append(t("selbstcheck.challenge"))
    empty = [SWOT_QUADRANTS[quadrant] for quadrant, cards in swot_board(workbook).items() if not cards]
    if empty:
        found.append(t("selbstcheck.swot", quadrants=", ".join(empty)))
    return found
