"""Export and import of a whole Arbeitsmappe as one JSON file.

An import is checked completely – format, schema version, every record against
its model, duplicate ids – before the store is touched, so a bad file changes
nothing and says why in German.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from regionallabor.core.messages import messages, t
from regionallabor.core.model import RECORD_TYPES, Record, SingletonRecord, explain
from regionallabor.core.privacy import pseudonymise_export
from regionallabor.core.store import (
    SCHEMA_VERSION,
    STATE_DIGITS,
    Arbeitsmappe,
    KnownStates,
    NewerSchemaError,
    WorkbookError,
)

FORMAT_NAME = "regionallabor-arbeitsmappe"
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# Limits no real team reaches but a broken or hostile file does; each refusal names its limit.
MAX_DEPTH = 12  # a record holds lists of small objects at most (a Wirkungslogik's indicators)
MAX_DIGITS = 15  # money in cents, populations, years: far below 10^15
MAX_RECORDS_PER_KIND = 1_000
MAX_RECORDS = {"akteur": 2_000, "beziehung": 10_000, "gespraech": 5_000}  # as many as a network file may bring
MAX_KNOWN_STATES = 200_000  # earlier states of records a file may name (a long course's history: a few thousand)


class InvalidWorkbookFile(WorkbookError):
    pass


@dataclass(frozen=True)
class ParsedWorkbook:
    records: list[Record]
    pseudonymised: bool = False
    known: KnownStates = field(default_factory=dict)  # the earlier states the file's workbook knew (core.merge)

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for record in self.records:
            counts[record.KIND] = counts.get(record.KIND, 0) + 1
        parts = [f"{count} {kind_label(kind, count)}" for kind, count in counts.items()]
        summary = ", ".join(parts) or t("transfer.summary_empty")
        return f"{summary}. {t('transfer.pseudonymised_file')}" if self.pseudonymised else summary


def kind_label(kind: str, count: int = 1) -> str:
    """„Teammitglied“ or „Teammitglieder“: a record kind as the team reads it."""
    return t(f"kinds.{kind}", count=count) if f"kinds.{kind}" in messages() else kind


def export_filename(team_name: str = "", today: date | None = None) -> str:
    today = today or date.today()
    slug = "".join(c if c.isalnum() else "-" for c in team_name.lower()).strip("-")
    slug = "-".join(part for part in slug.split("-") if part)[:40]
    return f"arbeitsmappe-{slug + '-' if slug else ''}{today:%Y-%m-%d}.json"


def export_json(workbook: Arbeitsmappe, pseudonymise: bool = False) -> bytes:
    """The whole workbook as JSON; ``pseudonymise`` replaces private persons for passing it on (see core.privacy)."""
    if pseudonymise:  # a file for others: no merge comes back from it, so it carries no earlier states
        data = pseudonymise_export(workbook.export_data())
    else:
        data = workbook.export_data(known_states=True)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise InvalidWorkbookFile(t("workbook.number_too_big", limit=MAX_DIGITS))
    return int(text)


def _no_constant(name: str):
    raise InvalidWorkbookFile(t("workbook.bad_json", detail=name))


def _depth(value, limit: int) -> int:
    """How deeply ``value`` nests, counted without recursion; stops looking past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _load_json(raw: bytes):
    """The file's JSON, or InvalidWorkbookFile naming what is wrong: not text, not JSON, too deep, a huge number.

    The number hooks raise InvalidWorkbookFile themselves; json passes their exceptions through.
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_bounded_int, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise InvalidWorkbookFile(t("workbook.not_a_workbook")) from None
    except json.JSONDecodeError as error:
        raise InvalidWorkbookFile(
            t("workbook.bad_json", detail=f"Zeile {error.lineno}, Spalte {error.colno}")
        ) from None
    except RecursionError:
        raise InvalidWorkbookFile(t("workbook.too_deep", limit=MAX_DEPTH)) from None
    if _depth(data, MAX_DEPTH) > MAX_DEPTH:
        raise InvalidWorkbookFile(t("workbook.too_deep", limit=MAX_DEPTH))
    return data


def parse_workbook_file(raw: bytes) -> ParsedWorkbook:
    """Validate an uploaded workbook file completely; raise InvalidWorkbookFile with a German reason."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise InvalidWorkbookFile(
            t("workbook.too_big", size=f"{len(raw) / 1e6:.1f}", limit=MAX_IMPORT_BYTES // (1024 * 1024))
        )
    data = _load_json(raw)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME or not isinstance(data.get("records"), dict):
        raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)

    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for kind, items in data["records"].items():
        cls = RECORD_TYPES.get(kind)
        if cls is None:
            raise InvalidWorkbookFile(t("workbook.unknown_kind", kind=kind))
        if not isinstance(items, list) or (issubclass(cls, SingletonRecord) and len(items) > 1):
            raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
        limit = MAX_RECORDS.get(kind, MAX_RECORDS_PER_KIND)
        if len(items) > limit:
            raise InvalidWorkbookFile(
                t("workbook.too_many_records", count=len(items), kind=kind_label(kind, 2), limit=limit)
            )
        for index, item in enumerate(items, start=1):
            try:
                record = cls.model_validate(item)
            except ValidationError as error:
                raise InvalidWorkbookFile(
                    t("workbook.bad_record", kind=kind_label(kind), index=index, detail=explain(error))
                ) from None
            if (kind, record.id) in seen:
                raise InvalidWorkbookFile(t("workbook.duplicate_id", kind=kind, id=record.id))
            seen.add((kind, record.id))
            records.append(record)
    return ParsedWorkbook(records, data.get("pseudonymised") is True, _known_states(data.get("known_states", {})))


def _known_states(data) -> KnownStates:
    """The file's ``known_states`` ({kind: {id: [state, …]}}); kinds this course does not know are left out."""
    if not isinstance(data, dict):
        raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
    known: KnownStates = {}
    count = 0
    for kind, by_id in data.items():
        if not isinstance(by_id, dict):
            raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
        for record_id, states in by_id.items():
            if not isinstance(states, list) or not all(_is_state(state) for state in states) or len(record_id) > 64:
                raise InvalidWorkbookFile(t("workbook.not_a_workbook"))
            count += len(states)
            if count > MAX_KNOWN_STATES:
                raise InvalidWorkbookFile(t("workbook.too_many_states", limit=MAX_KNOWN_STATES))
            if kind in RECORD_TYPES:
                known[(kind, record_id)] = set(states)
    return known


def _is_state(value) -> bool:
    return isinstance(value, str) and len(value) == STATE_DIGITS and all(c in "0123456789abcdef" for c in value)
