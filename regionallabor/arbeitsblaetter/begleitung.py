"""The hosting team's desk for one worksheet: collect, check, answer each team, give the feedback back.

Everything goes through nbgrader – its API, its gradebook, its apps: collecting from the exchange
(hub) or from a folder of submission files (``zip_collect``), autograding, the replies as the
gradebook's comments, ``generate_feedback`` and ``release_feedback``. The formgrader sees the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from regionallabor.arbeitsblaetter.kohorte import NOTEBOOK, feedback_files
from regionallabor.arbeitsblaetter.rueckmeldung import FeedbackView, feedback_view
from regionallabor.arbeitsblaetter.snapshot import WORKSHEET_FILE, Snapshot, SnapshotError, assignment_id, read_snapshot


@dataclass(frozen=True)
class Submission:
    student: str
    team: str
    view: FeedbackView  # Selbstcheck, answers and replies, as the team will read them
    snapshot: Snapshot | None


def nbgrader_config(course: Path) -> Config:
    """nbgrader's settings as its own apps read them – every ``nbgrader_config.py`` on Jupyter's config path
    (on the hub: the exchange, and the facilitators' ``groupshared``), then the course folder's."""
    from jupyter_core.paths import jupyter_config_path

    config = Config()
    for folder in reversed(jupyter_config_path()):  # the first folder on the path has the last word
        if (Path(folder) / "nbgrader_config.py").exists():
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
    config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config())
    config.CourseDirectory.root = str(course)
    return config


class Desk:
    """One course folder; the worksheet is chosen per call (``module``)."""

    def __init__(self, course: Path | str):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        self.course = Path(course)
        self.config = nbgrader_config(self.course)
        self.api = NbGraderAPI(CourseDirectory(config=self.config), config=self.config)

    def archive(self, module: int) -> Path:
        """Where submission files (zip path) go: ``downloaded/modul-<n>/archive/``."""
        return self.course / "downloaded" / assignment_id(module) / "archive"

    def exchange_in_use(self) -> bool:
        root = Path(str(self.config.Exchange.root)) if "root" in self.config.Exchange else None
        return root is not None and (root / str(self.config.CourseDirectory.course_id)).is_dir()

    def collect(self, module: int) -> list[str]:
        """Collect from the exchange (if the course has one) and from submission files; autograde all. Returns ids."""
        from nbgrader.apps.zipcollectapp import ZipCollectApp

        assignment = assignment_id(module)
        self._ensure_generated(assignment)
        if self.exchange_in_use():
            self._ok(self.api.collect(assignment))
        if self.archive(module).is_dir() and any(self.archive(module).iterdir()):
            app = ZipCollectApp(config=self.config)
            app.force = True  # a newer file of the same team replaces the older one
            app.initialize([assignment])
            app.start()
        students = sorted(self.api.get_submitted_students(assignment))
        for student in students:
            self._ok(self.api.autograde(assignment, student))
        return students

    def submissions(self, module: int) -> list[Submission]:
        assignment = assignment_id(module)
        return [self.submission(module, s) for s in sorted(self.api.get_autograded_students(assignment))]

    def submission(self, module: int, student: str) -> Submission:
        from nbgrader.preprocessors import GetGrades

        assignment = assignment_id(module)
        path = self.course / "autograded" / student / assignment / WORKSHEET_FILE
        nb = nbformat.read(path, as_version=4)
        resources = {"nbgrader": {"notebook": NOTEBOOK, "assignment": assignment, "student": student}}
        resources["nbgrader"]["db_url"] = self.api.coursedir.db_url
        # the scores and comments, as generate_feedback gives them to the template
        nb, _ = GetGrades(config=self.config).preprocess(nb, resources)
        view = feedback_view(nb, assignment)
        try:
            snapshot = read_snapshot(path.parent, module)
        except SnapshotError:
            snapshot = None
        return Submission(student, snapshot.team if snapshot and snapshot.team else student, view, snapshot)

    def save_reply(self, module: int, student: str, key: str, text: str) -> None:
        with self.api.gradebook as gradebook:
            comment = gradebook.find_comment(key, NOTEBOOK, assignment_id(module), student)
            comment.manual_comment = text.strip() or None
            gradebook.db.commit()

    def give_back(self, module: int) -> list[Path]:
        """The feedback for every team: released to the exchange if the course has one, and as files to send."""
        assignment = assignment_id(module)
        self._ok(self.api.generate_feedback(assignment))
        if self.exchange_in_use():
            self._ok(self.api.release_feedback(assignment))
        return feedback_files(self.course, assignment)

    def _ensure_generated(self, assignment: str) -> None:
        if not (self.course / "release" / assignment / WORKSHEET_FILE).exists():
            self._ok(self.api.generate_assignment(assignment))

    @staticmethod
    def _ok(result: dict) -> None:
        if not result.get("success"):
            raise DeskError(result.get("error") or result.get("log") or "nbgrader meldet einen Fehler")


class DeskError(RuntimeError):
    """nbgrader refused a step; the message carries its log."""
