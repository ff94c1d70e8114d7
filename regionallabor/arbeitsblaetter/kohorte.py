"""The facilitator's view of a cohort: every team × every worksheet, read from nbgrader's gradebook and course folder.

Nothing here writes to the gradebook; grading happens in nbgrader's formgrader or through its API.
"""

from __future__ import annotations

import glob
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from regionallabor.arbeitsblaetter.abgabe import ZIP_STAMP
from regionallabor.arbeitsblaetter.snapshot import WORKSHEET_FILE, Snapshot, SnapshotError, assignment_id, read_snapshot
from regionallabor.course import MODULES

NOTEBOOK = Path(WORKSHEET_FILE).stem
OUTBOX = "rueckmeldungen"  # feedback files for the zip path, ready to send


def feedback_files(course: Path | str, assignment: str, out_dir: Path | str | None = None) -> list[Path]:
    """nbgrader's generated feedback, one HTML file per team named for sending: rueckmeldung_<modul>_<team>.html.

    By default they go to the course's ``rueckmeldungen/`` folder, where the cohort overview counts them as returned.
    """
    course = Path(course)
    out_dir = Path(out_dir) if out_dir is not None else course / OUTBOX
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((course / "feedback").glob(f"*/{assignment}/{NOTEBOOK}.html")):
        student = source.parent.parent.name
        target = out_dir / f"rueckmeldung_{assignment}_{student}.html"
        shutil.copyfile(source, target)
        written.append(target)
    return written


@dataclass(frozen=True)
class WorksheetState:
    submitted_at: str | None = None  # ISO time of the newest submission
    selbstcheck: bool | None = None  # None until autograded
    feedback_written: bool = False  # a facilitator wrote a reply to at least one answer
    # ISO time the feedback went back – only with a reply in it: a page saying "Noch keine Rückmeldung" is none
    feedback_returned_at: str | None = None
    history: tuple[str, ...] = ()  # ISO times of every submission the course has seen, oldest first

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def feedback_returned(self) -> bool:
        return self.feedback_returned_at is not None

    @property
    def feedback(self) -> str:
        """ "returned" (a reply went back), "written" (not yet returned) or "none"."""
        return "returned" if self.feedback_returned else "written" if self.feedback_written else "none"


@dataclass(frozen=True)
class TeamRow:
    student: str
    team: str
    weggemeinschaft: str
    worksheets: dict[int, WorksheetState]
    latest_module: int | None = None  # the highest module with a readable snapshot


def latest_snapshot(course: Path | str, row: TeamRow) -> Snapshot | None:
    if row.latest_module is None:
        return None
    return read_snapshot(_submission_folder(Path(course), row.student, row.latest_module), row.latest_module)


def cohort(course: Path | str, config=None) -> list[TeamRow]:
    """Every team that handed in at least one worksheet, with the state of each worksheet, by team name."""
    from nbgrader.api import MissingEntry
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import notebook_hash
    from traitlets.config.loader import PyFileConfigLoader

    course = Path(course)
    if config is None:
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
        config.CourseDirectory.root = str(course)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    exchange = (
        Path(str(config.Exchange.root)) / str(config.CourseDirectory.course_id) if "root" in config.Exchange else None
    )
    states: dict[str, dict[int, WorksheetState]] = {}
    with api.gradebook as gradebook:
        for module in MODULES:
            assignment = assignment_id(module.number)
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                continue
            for student in sorted(api.get_submitted_students(assignment)):
                submitted = api.get_submitted_timestamp(assignment, student)
                check, written = None, False
                try:
                    notebook = gradebook.find_submission_notebook(NOTEBOOK, assignment, student)
                    check_grade = next((g for g in notebook.grades if g.name == "selbstcheck"), None)
                    check = (
                        None
                        if check_grade is None or check_grade.auto_score is None
                        else check_grade.score >= check_grade.max_score
                    )
                    written = any((c.manual_comment or "").strip() for c in notebook.comments)
                except MissingEntry:
                    pass
                returned = [course / OUTBOX / f"rueckmeldung_{assignment}_{student}.html"]
                secret = course / "feedback" / student / assignment / "submission_secret.txt"
                if exchange is not None and secret.exists():
                    checksum = notebook_hash(secret=secret.read_text(), notebook_id=NOTEBOOK)
                    returned.append(exchange / "feedback" / f"{checksum}.html")
                returned_at = max((_modified(path) for path in returned if path.exists()), default=None)
                submitted_at = _utc(submitted) if submitted else None
                history = submission_history(course, exchange, assignment, student)
                states.setdefault(student, {})[module.number] = WorksheetState(
                    submitted_at,
                    check,
                    written,
                    returned_at if written else None,
                    tuple(sorted({*history, *([submitted_at] if submitted_at else [])})),
                )
    rows = []
    for student, worksheets in states.items():
        team, weggemeinschaft, latest = student, "", None
        for number in sorted(worksheets, reverse=True):
            try:
                snapshot = read_snapshot(_submission_folder(course, student, number), number)
            except SnapshotError:
                continue
            team, weggemeinschaft, latest = snapshot.team or student, snapshot.weggemeinschaft, number
            break
        rows.append(TeamRow(student, team, weggemeinschaft, worksheets, latest))
    return sorted(rows, key=lambda row: (row.team.casefold(), row.student))


def submission_history(course: Path, exchange: Path | None, assignment: str, student: str) -> list[str]:
    """Every submission of one team and worksheet, as ISO times: nbgrader keeps only the newest in ``submitted/``,
    but the submission files stay in the zip archive and the hand-ins in the exchange's ``inbound/``."""
    from nbgrader.utils import parse_utc

    times = []
    name = re.compile(rf"regionallabor_{re.escape(assignment)}_{re.escape(student)}_(\d{{8}}T\d{{6}}Z)\.zip")
    for path in (course / "downloaded" / assignment / "archive").glob(f"regionallabor_{assignment}_{student}_*.zip"):
        if match := name.fullmatch(path.name):
            times.append(_utc(datetime.strptime(match.group(1), ZIP_STAMP)))
    if exchange is not None:
        # nbgrader's naming in inbound/: <student>+<assignment>+<UTC time>, with or without +<random string>
        prefix = f"{student}+{assignment}+"
        for path in (exchange / "inbound").glob(f"{glob.escape(prefix)}*"):
            try:
                times.append(_utc(parse_utc(path.name.removeprefix(prefix).split("+")[0])))
            except ValueError:
                continue  # not nbgrader's; nbgrader's collect would refuse it too
    return sorted(times)


def _utc(when: datetime) -> str:
    """One ISO form for nbgrader's times (UTC, naive or aware) and ours, so that the same moment compares equal."""
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def _modified(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat()


def _submission_folder(course: Path, student: str, module: int) -> Path:
    return course / "submitted" / student / assignment_id(module)
