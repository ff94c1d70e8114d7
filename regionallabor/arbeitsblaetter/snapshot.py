"""Worksheets for nbgrader: a module's snapshot of the workbook, its Selbstcheck, and the snapshot shown for a reader.

Voila never saves a notebook, so a worksheet does not hold the team's work itself: its first cell writes a
*snapshot* – the workbook's records of this module and the ones before it, private persons pseudonymised
unless the team opts out – as ``momentaufnahme.json`` beside the notebook, and nbgrader submits it with
the notebook. The Selbstcheck cells run the same checks as the start page (``course.MODULES[n].missing``)
on a workbook rebuilt from the snapshot, so the facilitator's own workbook never enters the grading.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from regionallabor.core.messages import t
from regionallabor.core.model import Region, Team
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.core.transfer import InvalidWorkbookFile, export_json, parse_workbook_file
from regionallabor.course import MODULES

COURSE_ID = "regionallabor"


SNAPSHOT_FILE = "momentaufnahme.json"


WORKSHEET_FILE = "arbeitsblatt.ipynb"


SNAPSHOT_FORMAT = "regionallabor-momentaufnahme"


class SnapshotError(WorkbookError):
    """A snapshot that is missing, unreadable or for another module; the message says so in German."""


@dataclass(frozen=True)
class Snapshot:
    module: int
    team: str
    team_id: str
    weggemeinschaft: str
    taken_at: str
    pseudonymised: bool
    workbook_data: dict

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": SNAPSHOT_FORMAT,
                "modul": self.module,
                "team": self.team,
                "team_id": self.team_id,
                "weggemeinschaft": self.weggemeinschaft,
                "aufgenommen": self.taken_at,
                "pseudonymisiert": self.pseudonymised,
                "arbeitsmappe": self.workbook_data,
            },
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")


def assignment_id(module: int) -> str:
    return f"modul-{module}"


def module_kinds(module: int) -> set[str]:
    """The record kinds a module's snapshot holds: its own and those of the modules it builds on."""
    return {kind for m in MODULES[:module] for kind in m.kinds}


def team_id(workbook: Arbeitsmappe) -> str:
    """A file-name-safe id for the team, the same on every machine: its name as a slug and four hex digits of
    team and region name, so two teams of the same name in different regions stay apart."""
    team = workbook.get(Team)
    region = workbook.get(Region)
    name = team.record.name if team else ""
    region_name = region.record.name if region else ""
    slug = re.sub(
        r"[^a-z0-9]+", "-", name.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    )
    digest = hashlib.sha1(f"{name}|{region_name}".encode()).hexdigest()[:4]
    return f"{slug.strip('-')[:30].strip('-') or 'team'}-{digest}"


def take_snapshot(workbook: Arbeitsmappe, module: int, pseudonymise: bool = True) -> Snapshot:
    data = json.loads(export_json(workbook, pseudonymise=pseudonymise))
    kinds = module_kinds(module)
    data["records"] = {kind: items for kind, items in data["records"].items() if kind in kinds}
    team = workbook.get(Team)
    region = workbook.get(Region)
    return Snapshot(
        module,
        team.record.name if team else "",
        team_id(workbook),
        region.record.weggemeinschaft if region else "",
        datetime.now(UTC).isoformat(timespec="seconds"),
        pseudonymise,
        data,
    )


def parse_snapshot(raw: bytes, module: int | None = None) -> Snapshot:
    """Read a snapshot file completely, or raise SnapshotError saying in German what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
            raise ValueError
        snapshot = Snapshot(
            int(data["modul"]),
            str(data["team"]),
            str(data["team_id"]),
            str(data.get("weggemeinschaft", "")),
            str(data["aufgenommen"]),
            bool(data["pseudonymisiert"]),
            data["arbeitsmappe"],
        )
        parse_workbook_file(json.dumps(snapshot.workbook_data).encode("utf-8"))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, InvalidWorkbookFile):
        raise SnapshotError(t("worksheet.snapshot_broken", file=SNAPSHOT_FILE)) from None
    if module is not None and snapshot.module != module:
        raise SnapshotError(t("worksheet.snapshot_other_module", found=snapshot.module, module=module))
    return snapshot


def read_snapshot(folder: Path | str, module: int) -> Snapshot:
    path = Path(folder) / SNAPSHOT_FILE
    if not path.exists():
        raise SnapshotError(t("worksheet.snapshot_missing", file=SNAPSHOT_FILE))
    return parse_snapshot(path.read_bytes(), module)


def snapshot_workbook(snapshot: Snapshot) -> Arbeitsmappe:
    """A throwaway workbook holding the snapshot's records, for the module checks and the rendering."""
    parsed = parse_workbook_file(json.dumps(snapshot.workbook_data).encode("utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="momentaufnahme-"))
    workbook = Arbeitsmappe(folder / "arbeitsmappe.sqlite3")
    # Every Selbstcheck and every rendering builds one; its folder goes when the workbook object does.
    weakref.finalize(workbook, shutil.rmtree, folder, True)
    with workbook.transaction() as tx:
        for record in parsed.records:
            tx.add(record)
    return workbook


def selbstcheck(snapshot: Snapshot) -> list[str]:
    """What the module still lacks, in German – the start page's own check, run on the snapshot."""
    return MODULES[snapshot.module - 1].missing(snapshot_workbook(snapshot))


class SelbstcheckOffen(AssertionError):
    """Raised by a worksheet's Selbstcheck cell; nbgrader counts the cell as not passed and shows the message."""


def assert_selbstcheck(folder: Path | str, module: int) -> str:
    """The Selbstcheck cell: passes with a German confirmation, or fails naming what is missing."""
    try:
        snapshot = read_snapshot(folder, module)
    except SnapshotError as error:
        raise SelbstcheckOffen(str(error)) from None
    missing = selbstcheck(snapshot)
    if missing:
        raise SelbstcheckOffen(t("worksheet.check_open", module=module, missing="; ".join(missing)))
    return t("worksheet.check_done", module=module)


def worksheet_snapshot(module: int, folder: Path | str = ".", pseudonymise: bool = True) -> Snapshot | None:
    """The worksheet's first cell: take the snapshot – except when nbgrader grades the submission.

    While nbgrader autogrades, the submitted snapshot is the team's work and must stay; elsewhere the
    team's own workbook is read afresh, so a worksheet run again after more work submits the newer state.
    Returns None (after saying why) when the snapshot cannot be read.
    """
    folder = Path(folder)
    if os.environ.get("NBGRADER_EXECUTION") != "autograde":
        snapshot = take_snapshot(Arbeitsmappe.open_default(), module, pseudonymise)
        (folder / SNAPSHOT_FILE).write_bytes(snapshot.to_json())
    try:
        return read_snapshot(folder, module)
    except SnapshotError as error:
        print(error)
        return None


SNAPSHOT_STYLE = """<style>
.rl-snapshot h1 { font-size: 1.35em; margin: 0.4em 0; }
.rl-snapshot h2 { font-size: 1.1em; margin: 1em 0 0.3em; color: #1f4d36; }
.rl-snapshot table { border-collapse: collapse; margin: 0.4em 0; }
.rl-snapshot th, .rl-snapshot td { border-bottom: 1px solid #d9d4c7; padding: 3px 10px 3px 0; text-align: left;
  vertical-align: top; }
.rl-snapshot figure svg { max-width: 100%; height: auto; }
</style>"""


def snapshot_html(snapshot: Snapshot | None) -> str:
    """The snapshot drawn for a person: the Regionalprofil's sections for the module, with a line on its origin."""
    from regionallabor.core.formatting import format_timestamp
    from regionallabor.dokumente.dokument import body_html
    from regionallabor.modul6.regionalprofil import module_document

    if snapshot is None:
        return f"<p><strong>{t('worksheet.snapshot_missing', file=SNAPSHOT_FILE)}</strong></p>"
    document = module_document(snapshot_workbook(snapshot), snapshot.module)
    origin = t("worksheet.origin", team=snapshot.team or snapshot.team_id, when=format_timestamp(snapshot.taken_at))
    if snapshot.pseudonymised:
        origin += " " + t("profile.pseudonymised")
    return f"{SNAPSHOT_STYLE}<div class='rl-snapshot'><p><em>{escape(origin)}</em></p>{body_html(document)}</div>"


def show_snapshot(snapshot: Snapshot | None) -> None:
    from IPython.display import HTML, display

    display(HTML(snapshot_html(snapshot)))


# Reflections written on the module page, for the zip path
