"""The feedback a team reads: its Selbstcheck, each question with its answer and the facilitator's reply.

nbgrader's ``generate_feedback`` renders the autograded worksheet with the course's template
(``exercises/templates/feedback/``), which calls ``feedback_view`` as a filter: the template lays out,
this module decides what a team sees – no points, no code, German throughout.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbconvert.filters.markdown import markdown2html

from regionallabor.arbeitsblaetter.abgabe import REFLECTIONS, Reflection
from regionallabor.arbeitsblaetter.bereinigen import clean_html
from regionallabor.course import MODULES

ANSWER_STUB = "Schreibt eure Antwort hier hinein."  # what nbgrader leaves in an answer cell (ClearSolutions.text_stub)
NBGRADER_NO_RESPONSE = "No response."  # nbgrader's own comment on an answer left as it was – not a reply
CHECK_CELL = "selbstcheck"
SNAPSHOT_CELL = "momentaufnahme-ansicht"


@dataclass(frozen=True)
class Reply:
    """One question of the worksheet, with the team's answer and the facilitator's reply."""

    reflection: Reflection
    answer: str  # empty: the team wrote nothing
    reply: str  # empty: no reply yet

    @property
    def question(self) -> str:
        return self.reflection.question

    @property
    def answer_html(self) -> str:
        return _markdown(self.answer)

    @property
    def reply_html(self) -> str:
        return _markdown(self.reply)


@dataclass(frozen=True)
class FeedbackView:
    title: str
    check_done: bool
    check_text: str
    snapshot_html: str  # the autograde's rendering of the submitted snapshot (escaped by snapshot_html())
    replies: tuple[Reply, ...]


def module_number(assignment: str) -> int:
    return int(assignment.removeprefix("modul-"))


def _markdown(text: str) -> str:
    return clean_html(markdown2html(text)) if text.strip() else ""


def _output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append("".join(output.get("text", "")))
        elif output.get("output_type") == "error":
            parts.append(output.get("evalue", ""))
    return "\n".join(part.strip() for part in parts if part.strip())


def feedback_view(nb, assignment: str) -> FeedbackView:
    number = module_number(assignment)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell for cell in nb.cells}
    check = cells.get(CHECK_CELL)
    grading = check.metadata.get("nbgrader", {}) if check is not None else {}
    snapshot = cells.get(SNAPSHOT_CELL)
    snapshot_html = ""
    if snapshot is not None:
        snapshot_html = "".join(
            "".join(output.get("data", {}).get("text/html", "")) for output in snapshot.get("outputs", [])
        )
    replies = []
    for reflection in REFLECTIONS[number]:
        cell = cells.get(reflection.key)
        answer = cell.source if cell is not None else ""
        comment = (cell.metadata.get("nbgrader", {}).get("comment") or "") if cell is not None else ""
        if comment.strip() == NBGRADER_NO_RESPONSE:
            comment = ""
        replies.append(Reply(reflection, "" if answer.strip() == ANSWER_STUB else answer, comment))
    return FeedbackView(
        title=f"Modul {number} · {MODULES[number - 1].title}",
        check_done=bool(grading.get("points")) and grading.get("score") == grading.get("points"),
        check_text=_output_text(check) if check is not None else "",
        snapshot_html=snapshot_html,
        replies=tuple(replies),
    )
