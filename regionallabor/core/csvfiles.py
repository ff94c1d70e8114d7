"""Reading and writing the CSV files teams move between the course and their spreadsheets.

Reading accepts what spreadsheets save: UTF-8 (with or without BOM) or Windows-1252, separated by
semicolons or commas. A file is checked as a whole; the first problem refuses it with its line.
Writing produces what German Excel opens directly: UTF-8 with BOM, semicolons.
"""

from __future__ import annotations

import csv
import io

from regionallabor.core.messages import t
from regionallabor.core.store import WorkbookError


class CsvError(WorkbookError):
    """A CSV file that is refused as a whole; the message names the line and the reason."""


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")  # Excel on Windows saves "CSV" in this encoding
        except UnicodeDecodeError as error:
            raise CsvError(t("csv.not_text")) from error


def read_rows(
    raw: bytes, columns: tuple[str, ...], required: tuple[str, ...], *, max_rows: int, max_bytes: int
) -> list[tuple[int, dict[str, str]]]:
    """The file's non-empty rows as (line number, {column: trimmed cell}), every known column present."""
    if len(raw) > max_bytes:
        raise CsvError(t("csv.too_big", size=round(len(raw) / 1024), limit=max_bytes // 1024))
    text = _decode(raw)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise CsvError(t("csv.empty"))
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise CsvError(t("csv.missing_columns", columns=", ".join(f"„{c}“" for c in missing)))
    unknown = [c for c in header if c and c not in columns]
    if unknown:
        raise CsvError(t("csv.unknown_columns", columns=", ".join(f"„{c}“" for c in unknown)))
    body = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    if len(body) > max_rows:
        raise CsvError(t("csv.too_many_rows", count=len(body), limit=max_rows))
    result = []
    for line, row in body:
        if len(row) != len(header):
            raise CsvError(t("csv.wrong_cell_count", line=line, found=len(row), expected=len(header)))
        cells = {column: "" for column in columns}
        cells.update(zip(header, (cell.strip() for cell in row)))
        result.append((line, cells))
    return result


def write_rows(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue().encode("utf-8-sig")
