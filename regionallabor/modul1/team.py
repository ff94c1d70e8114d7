"""Changes to the Regional-Team that touch more than one record."""

from __future__ import annotations

from regionallabor.core.model import Member
from regionallabor.core.store import Arbeitsmappe, StaleRecordError, Stored

MIN_TEAM_SIZE = 3


def save_member(workbook: Arbeitsmappe, member: Member, version: int | None) -> Stored[Member]:
    """Add or update a member; if it is the Haupt-Ansprechperson, nobody else stays one.

    Both happen in one transaction, so the team never has two main contacts.
    """
    with workbook.transaction() as tx:
        if member.is_main_contact:
            for other in workbook.list(Member):
                if other.record.id != member.id and other.record.is_main_contact:
                    tx.update(other.record.model_copy(update={"is_main_contact": False}), other.version)
        return tx.add(member) if version is None else tx.update(member, version)


def make_main_contact(workbook: Arbeitsmappe, member_id: str, version: int) -> Stored[Member]:
    stored = workbook.get(Member, member_id)
    if stored is None or stored.version != version:
        raise StaleRecordError(Member.KIND, member_id)
    return save_member(workbook, stored.record.model_copy(update={"is_main_contact": True}), version)
