"""Modul 2's records beyond the numbers: Handlungsfelder ratings, Schätze der Region, challenges and the SWOT.

Rules that span several records live here, each applied inside one transaction, so that two open
pages cannot break them: no two Schätze with the same name in one Handlungsfeld, and a SWOT
quadrant keeps a clean order when cards are added, moved or taken to another quadrant.
"""

from __future__ import annotations

from datetime import date

from regionallabor.core.messages import SWOT_QUADRANTS, t
from regionallabor.core.model import FieldRating, Herausforderung, Schatz, SwotEntry
from regionallabor.core.store import Arbeitsmappe, StaleRecordError, Stored, WorkbookError
from regionallabor.handlungsfelder import field_label

MODUL2_KINDS = (FieldRating.KIND, Schatz.KIND, Herausforderung.KIND, SwotEntry.KIND, "kennzahl")


class DuplicateSchatzError(WorkbookError):
    pass


# Handlungsfelder-Check


def ratings(workbook: Arbeitsmappe) -> dict[int, dict[str, Stored[FieldRating]]]:
    """Both rounds' ratings by field, in one read."""
    by_round: dict[int, dict[str, Stored[FieldRating]]] = {1: {}, 2: {}}
    for stored in workbook.list(FieldRating):
        by_round[stored.record.round][stored.record.field] = stored
    return by_round


def rating_values(by_round: dict[int, dict[str, Stored[FieldRating]]]) -> dict[int, dict[str, int | None]]:
    """The ratings alone, by round and field: what the radar chart draws."""
    return {number: {key: s.record.rating for key, s in stored.items()} for number, stored in by_round.items()}


def save_rating(
    workbook: Arbeitsmappe, field: str, round: int, version: int | None, *, today: date | None = None, **changes
) -> Stored[FieldRating]:
    """Change the ``rating`` and/or ``notes`` of one field in one round; dated with the day of the change."""
    stored = workbook.get(FieldRating, FieldRating.id_for(field, round))
    current = stored.record if stored else FieldRating(id=FieldRating.id_for(field, round), field=field, round=round)
    updated = FieldRating.model_validate(
        {**current.model_dump(), **changes, "rated_on": (today or date.today()).isoformat()}
    )
    return workbook.save(updated, version)


# Schätze der Region


def save_schatz(workbook: Arbeitsmappe, schatz: Schatz, version: int | None) -> Stored[Schatz]:
    """Add or update a Schatz; refused if another one in the same Handlungsfeld has the same name."""
    with workbook.transaction() as tx:
        for other in workbook.list(Schatz):
            same = other.record.field == schatz.field and other.record.name.casefold() == schatz.name.casefold()
            if same and other.record.id != schatz.id:
                raise DuplicateSchatzError(t("schatz.duplicate", name=schatz.name, field=field_label(schatz.field)))
        return tx.add(schatz) if version is None else tx.update(schatz, version)


# SWOT


def swot_board(workbook: Arbeitsmappe) -> dict[str, list[Stored[SwotEntry]]]:
    """The four quadrants, each in the team's order."""
    board: dict[str, list[Stored[SwotEntry]]] = {quadrant: [] for quadrant in SWOT_QUADRANTS}
    for stored in workbook.list(SwotEntry):
        board[stored.record.quadrant].append(stored)
    for cards in board.values():
        cards.sort(key=lambda s: s.record.position)
    return board


def add_swot(workbook: Arbeitsmappe, quadrant: str, text: str) -> Stored[SwotEntry]:
    entry = SwotEntry(quadrant=quadrant, text=text)  # validated before the transaction starts
    with workbook.transaction() as tx:
        cards = swot_board(workbook)[quadrant]
        last = cards[-1].record.position if cards else -1
        return tx.add(entry.model_copy(update={"position": last + 1}))


def place_swot(workbook: Arbeitsmappe, stored: Stored[SwotEntry], quadrant: str, index: int) -> int:
    """Put a card at ``index`` of ``quadrant`` (dragged there, or moved by a key) and number the quadrant's cards
    anew; refused if another page changed the card meanwhile. Returns the workbook's new revision."""
    with workbook.transaction() as tx:
        board = swot_board(workbook)
        current = next((c for cards in board.values() for c in cards if c.record.id == stored.record.id), None)
        if current is None or current.version != stored.version:
            raise StaleRecordError(SwotEntry.KIND, stored.record.id)
        left = current.record.quadrant
        order = [c for c in board[quadrant] if c.record.id != stored.record.id]
        order.insert(max(0, min(index, len(order))), current)
        numbered = {quadrant: order}
        if left != quadrant:
            numbered[left] = [c for c in board[left] if c.record.id != stored.record.id]
        for cards_in, cards in numbered.items():
            for position, card in enumerate(cards):
                if card.record.position != position or card.record.quadrant != cards_in:
                    tx.update(card.record.model_copy(update={"quadrant": cards_in, "position": position}), card.version)
    return tx.revision
