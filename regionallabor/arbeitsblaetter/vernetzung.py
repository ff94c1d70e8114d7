"""The facilitators' side of the Vernetzungslandkarte: built from the teams' submitted Modul 1 snapshots.

Only teams that agreed appear, each with only what it chose (``modul1.vernetzung.shown_entry`` reads the
snapshot as it reads a workbook); a team without a readable snapshot is left out, not guessed.
"""

from __future__ import annotations

from pathlib import Path

from regionallabor.arbeitsblaetter.kohorte import OUTBOX
from regionallabor.arbeitsblaetter.snapshot import SnapshotError, assignment_id, read_snapshot, snapshot_workbook
from regionallabor.modul1.vernetzung import MAP_FILE, MapTeam, map_file, shown_entry


def cohort_entries(course: Path | str) -> tuple[int, list[MapTeam]]:
    """How many teams handed in Modul 1, and the entries of those that chose to appear."""
    folders = sorted((Path(course) / "submitted").glob(f"*/{assignment_id(1)}"))
    entries = []
    for folder in folders:
        try:
            snapshot = read_snapshot(folder, 1)
        except SnapshotError:
            continue
        entry = shown_entry(snapshot_workbook(snapshot))
        if entry is not None:
            entries.append(entry)
    return len(folders), entries


def publish_map(course: Path | str, cohort: str = "", hub_folder: Path | None = None) -> tuple[int, int, list[Path]]:
    """Writes the map for sending (``rueckmeldungen/``) and, on a hub, next to the course file every team reads.
    Returns (teams that handed in, teams on the map, files written)."""
    handed_in, entries = cohort_entries(course)
    raw = map_file(entries, cohort)
    targets = [Path(course) / OUTBOX / MAP_FILE] + ([hub_folder / MAP_FILE] if hub_folder is not None else [])
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_bytes(raw)
        partial.chmod(0o644)  # every team reads it
        partial.replace(target)
    return handed_in, len(entries), targets
