"""Reading and writing the CSV files teams move between the course and their spreadsheets.

Reading accepts what spreadsheets save: UTF-8 (with or without BOM), UTF-16 (Excel's „Unicode-Text“) or
Windows-1252; separated by semicolons, commas or tabs; with any line ending (old Macs end lines with CR
alone). A file is checked as a whole; the first problem refuses it with its line, in German.

Writing produces what German Excel and LibreOffice open directly: UTF-8 with BOM, semicolons. A cell that
begins with ``= + - @`` (or a tab or carriage return) would run as a formula in a spreadsheet; it is written
with a leading apostrophe, as OWASP recommends, and reading takes that apostrophe off again.
"""

from __future__ import annotations

import csv
import io

from regionallabor.core.messages import t
from regionallabor.core.store import WorkbookError

DELIMITERS = (";", ",", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 10_000  # a note of several pages; a broken file's "cell" is the whole rest of the file


class CsvError(WorkbookError):
    """A CSV file that is refused as a whole; the message names the line and the reason."""


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CsvError(t("csv.not_text")) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if raw.count(b"\x00") > len(raw) // 4:  # UTF-16 without its byte order mark
        try:
            return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError as error:
            raise CsvError(t("csv.not_text")) from error
    try:
        return raw.decode("cp1252")  # Excel on Windows saves "CSV" in this encoding
    except UnicodeDecodeError as error:
        raise CsvError(t("csv.not_text")) from error


def _text(raw: bytes) -> str:
    """The file as text with one kind of line end, whatever the spreadsheet wrote (CRLF, LF, CR alone)."""
    return _decode(raw).replace("\r\n", "\n").replace("\r", "\n")


def _delimiter(header: str) -> str:
    """The separator the header line uses most: semicolon (German Excel), comma, or tab („Unicode-Text“)."""
    return max(DELIMITERS, key=header.count)


def _unescaped(cell: str) -> str:
    """A cell as the team typed it: without the apostrophe our export puts before a formula-like value."""
    cell = cell.strip()
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS and len(cell) > 1 else cell


def read_rows(
    raw: bytes, columns: tuple[str, ...], required: tuple[str, ...], *, max_rows: int, max_bytes: int
) -> list[tuple[int, dict[str, str]]]:
    """The file's non-empty rows as (line number, {column: trimmed cell}), every known column present."""
    if len(raw) > max_bytes:
        raise CsvError(t("csv.too_big", size=round(len(raw) / 1024), limit=max_bytes // 1024))
    text = _text(raw)
    if "\x00" in text:
        raise CsvError(t("csv.not_text"))
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise CsvError(t("csv.empty"))
    delimiter = _delimiter(lines[0])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as error:  # a field over csv's own limit (128 KB): the file is broken, not long
        raise CsvError(t("csv.broken", detail=str(error))) from None
    start = next(index for index, row in enumerate(rows) if any(cell.strip() for cell in row))
    header = [cell.strip().casefold() for cell in rows[start]]
    missing = [c for c in required if c not in header]
    if missing:
        expected = ", ".join(f"„{c}“" for c in missing)
        raise CsvError(t("csv.missing_columns", columns=expected, separator=_separator_name(delimiter)))
    unknown = [c for c in header if c and c not in columns]
    if unknown:
        raise CsvError(t("csv.unknown_columns", columns=", ".join(f"„{c}“" for c in unknown)))
    body = [
        (number, row)
        for number, row in enumerate(rows[start + 1 :], start=start + 2)
        if any(cell.strip() for cell in row)
    ]
    if len(body) > max_rows:
        raise CsvError(t("csv.too_many_rows", count=len(body), limit=max_rows))
    result = []
    for line, row in body:
        if len(row) != len(header):
            raise CsvError(t("csv.wrong_cell_count", line=line, found=len(row), expected=len(header)))
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise CsvError(t("csv.cell_too_long", line=line, limit=f"{MAX_CELL_CHARS:,}".replace(",", ".")))
        cells = {column: "" for column in columns}
        cells.update(zip(header, (_unescaped(cell) for cell in row)))
        result.append((line, cells))
    return result


def header_of(raw: bytes) -> list[str]:
    """The column names in a file's first line (in lower case), or [] for a file that is not text."""
    try:
        text = _text(raw[:4096])  # an even length: UTF-16 stays whole
    except CsvError:
        return []
    first = next((line for line in text.split("\n") if line.strip()), "")
    return [cell.strip().strip('"').casefold() for cell in first.split(_delimiter(first))]


def _separator_name(delimiter: str) -> str:
    return {";": t("csv.separator.semicolon"), ",": t("csv.separator.comma"), "\t": t("csv.separator.tab")}[delimiter]


def neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: formula-like values get a leading apostrophe."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def write_rows(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralised(str(row.get(column, ""))) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")
