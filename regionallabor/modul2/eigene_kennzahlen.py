"""The team's own key figures (Modul 2): typed in one by one or uploaded as a CSV file.

A figure is identified by its name and year: saving "Vereine" for 2024 again replaces the old value.
A CSV file is checked completely first; one bad line refuses the whole file, and nothing changes.
"""

from __future__ import annotations

from pydantic import ValidationError

from regionallabor.core.csvfiles import CsvError, read_rows
from regionallabor.core.formatting import number_or_text
from regionallabor.core.messages import t
from regionallabor.core.model import Kennzahl, explain
from regionallabor.core.store import Arbeitsmappe, Stored

CSV_COLUMNS = ("kennzahl", "wert", "einheit", "jahr", "quelle")
REQUIRED_COLUMNS = ("kennzahl", "wert", "jahr", "quelle")
CSV_MAX_BYTES = 200 * 1024
CSV_MAX_ROWS = 500


def kennzahl_from_text(name: str, value: str, unit: str, year: str, source: str) -> Kennzahl:
    """A Kennzahl from what a person typed; raises ValidationError with German-explainable problems."""
    return Kennzahl(name=name, value=number_or_text(value), unit=unit, year=year.strip() or None, source=source)


def key_of(figure: Kennzahl) -> tuple[str, int]:
    return figure.name.casefold(), figure.year


def parse_csv(raw: bytes) -> list[Kennzahl]:
    """All figures in an uploaded CSV file, or CsvError naming the first problem and its line."""
    figures: list[Kennzahl] = []
    first_line: dict[tuple[str, int], int] = {}
    for line, cells in read_rows(raw, CSV_COLUMNS, REQUIRED_COLUMNS, max_rows=CSV_MAX_ROWS, max_bytes=CSV_MAX_BYTES):
        try:
            figure = kennzahl_from_text(
                cells["kennzahl"], cells["wert"], cells["einheit"], cells["jahr"], cells["quelle"]
            )
        except ValidationError as error:
            raise CsvError(t("csv.line", line=line, reason=explain(error))) from error
        key = key_of(figure)
        if key in first_line:
            raise CsvError(t("csv.duplicate", line=line, name=figure.name, year=figure.year, first=first_line[key]))
        first_line[key] = line
        figures.append(figure)
    return figures


def _upsert(tx, stored: dict[tuple[str, int], Stored[Kennzahl]], figure: Kennzahl) -> tuple[Stored[Kennzahl], bool]:
    """Inside a transaction: add the figure, or replace the stored one with its name and year; True if new."""
    existing = stored.get(key_of(figure))
    if existing is None:
        saved = tx.add(figure)
    else:
        saved = tx.update(figure.model_copy(update={"id": existing.record.id}), existing.version)
    stored[key_of(figure)] = saved
    return saved, existing is None


def save_figures(workbook: Arbeitsmappe, figures: list[Kennzahl]) -> tuple[int, int, int]:
    """Add the figures, replacing stored ones with the same name and year; all in one transaction.

    Returns (added, updated, the workbook's new revision).
    """
    with workbook.transaction() as tx:
        stored = {key_of(s.record): s for s in workbook.list(Kennzahl)}
        added = sum(_upsert(tx, stored, figure)[1] for figure in figures)
    return added, len(figures) - added, tx.revision


def save_figure(workbook: Arbeitsmappe, figure: Kennzahl) -> tuple[Stored[Kennzahl], bool]:
    """Add one figure or replace the one with the same name and year; True if it was new."""
    with workbook.transaction() as tx:
        return _upsert(tx, {key_of(s.record): s for s in workbook.list(Kennzahl)}, figure)
