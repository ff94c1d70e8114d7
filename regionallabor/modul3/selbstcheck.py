"""Modul 3's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.messages import t
from regionallabor.core.model import Gespraech
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul3.beziehungsnetz import MIN_ACTORS, MIN_RELATIONS, MIN_SECTORS, MODUL3_KINDS, load_network

KINDS = MODUL3_KINDS


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 3 still lacks, in German; empty when the module is complete."""
    network = load_network(workbook)
    found = []
    if len(network.actors) < MIN_ACTORS:
        found.append(t("selbstcheck.actors", min=MIN_ACTORS, count=len(network.actors)))
    sectors = network.sectors()
    if len(sectors) < MIN_SECTORS:
        found.append(t("selbstcheck.sectors", min=MIN_SECTORS, count=len(sectors)))
    if len(network.relations) < MIN_RELATIONS:
        found.append(t("selbstcheck.relations", min=MIN_RELATIONS, count=len(network.relations)))
    if not workbook.count_kind(Gespraech.KIND):
        found.append(t("selbstcheck.conversation"))
    return found
