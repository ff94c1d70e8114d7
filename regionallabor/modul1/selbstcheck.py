"""Modul 1's Selbstcheck: what the module still lacks – the start page's status and the worksheet's check."""

from __future__ import annotations

from regionallabor.core.messages import t
from regionallabor.core.model import Member, Region, Team, Vernetzung
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul1.region import region_figures
from regionallabor.modul1.team import MIN_TEAM_SIZE

KINDS = (Team.KIND, Member.KIND, Region.KIND, Vernetzung.KIND)


def missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 1 still lacks, in German; empty when the module is complete."""
    found = []
    members = [stored.record for stored in workbook.list(Member)]
    if len(members) < MIN_TEAM_SIZE:
        found.append(t("selbstcheck.team_size", min=MIN_TEAM_SIZE, count=len(members)))
    if not any(member.is_main_contact for member in members):
        found.append(t("selbstcheck.main_contact"))
    stored_region = workbook.get(Region)
    region = stored_region.record if stored_region else Region()
    if not region.name:
        found.append(t("selbstcheck.region_name"))
    if not region.area_ids and not region.own_figures:
        found.append(t("selbstcheck.region_areas"))
    elif region_figures(region).population is None:
        found.append(t("selbstcheck.region_population"))
    if not region.weggemeinschaft:
        found.append(t("selbstcheck.weggemeinschaft"))
    return found
