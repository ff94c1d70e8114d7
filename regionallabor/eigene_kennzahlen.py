"""The team's own key figures (Modul 2): typed in one by one or uploaded as a CSV file.

A figure is identified by its name and year: saving "Vereine" for 2024 again replaces the old value.
A CSV file is checked completely first; one bad line refuses the whole file, and nothing changes.
"""

from __future__ import annotations

import csv
import io
import re

from pydantic import ValidationError

from .messages import t
from .model import Kennzahl, explain
from .store import Arbeitsmappe, Stored, WorkbookError

CSV_COLUMNS = ("kennzahl", "wert", "einheit", "jahr", "quelle")
REQUIRED_COLUMNS = ("kennzahl", "wert", "jahr", "quelle")
CSV_MAX_BYTES = 200 * 1024
CSV_MAX_ROWS = 500
GERMAN_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class CsvError(WorkbookError):
    """A CSV file that is refused as a whole; the message names the line and the reason."""


def parse_number(text: str) -> float | None:
    """'1.234,5', '1234.5', '12,5', '4 250' -> a float; '' -> None; anything else raises ValueError."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("\u2009", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        if cleaned.rindex(",") > cleaned.rindex("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif GERMAN_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(text)
    return float(cleaned)


def number_or_text(text: str) -> float | str | None:
    """The typed number, or the text itself so that the model's validation reports it in German."""
    try:
        return parse_number(text)
    except ValueError:
        return text


def kennzahl_from_text(name: str, value: str, unit: str, year: str, source: str) -> Kennzahl:
    """A Kennzahl from what a person typed; raises ValidationError with German-explainable problems."""
    return Kennzahl(name=name, value=number_or_text(value), unit=unit, year=year.strip() or None, source=source)


def key_of(figure: Kennzahl) -> tuple[str, int]:
    return figure.name.casefold(), figure.year


def parse_csv(raw: bytes) -> list[Kennzahl]:
    """All figures in an uploaded CSV file, or CsvError naming the first problem and its line."""
    if len(raw) > CSV_MAX_BYTES:
        raise CsvError(t("csv.too_big", size=round(len(raw) / 1024), limit=CSV_MAX_BYTES // 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # Excel on Windows saves "CSV" in this encoding
        except UnicodeDecodeError as error:
            raise CsvError(t("csv.not_text")) from error
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise CsvError(t("csv.empty"))
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CsvError(t("csv.missing_columns", columns=", ".join(f"„{c}“" for c in missing)))
    unknown = [c for c in header if c and c not in CSV_COLUMNS]
    if unknown:
        raise CsvError(t("csv.unknown_columns", columns=", ".join(f"„{c}“" for c in unknown)))
    body = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    if len(body) > CSV_MAX_ROWS:
        raise CsvError(t("csv.too_many_rows", count=len(body), limit=CSV_MAX_ROWS))
    figures: list[Kennzahl] = []
    first_line: dict[tuple[str, int], int] = {}
    for line, row in body:
        if len(row) != len(header):
            raise CsvError(t("csv.wrong_cell_count", line=line, found=len(row), expected=len(header)))
        cells = dict(zip(header, (cell.strip() for cell in row)))
        try:
            figure = kennzahl_from_text(cells["kennzahl"], cells["wert"], cells.get("einheit", ""), cells["jahr"], cells["quelle"])
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
