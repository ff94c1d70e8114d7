"""The facilitator's view of a cohort: every team × every worksheet, read from nbgrader's gradebook and course folder.

Nothing here writes to the gradebook; grading happens in nbgrader's formgrader or through its API.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .arbeitsblatt import SNAPSHOT_FILE, WORKSHEET_FILE, Snapshot, SnapshotError, assignment_id, read_snapshot
from .course import MODULES

NOTEBOOK = Path(WORKSHEET_FILE).stem


def feedback_files(course: Path | str, assignment: str, out_dir: Path | str) -> list[Path]:
    """nbgrader's generated feedback, one HTML file per team named for sending: rueckmeldung_<modul>_<team>.html."""
    course, out_dir = Path(course), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((course / "feedback").glob(f"*/{assignment}/{NOTEBOOK}.html")):
        student = source.parent.parent.name
        target = out_dir / f"rueckmeldung_{assignment}_{student}.html"
        shutil.copyfile(source, target)
        written.append(target)
    return written
