"""A team's text stays text: what a submitted worksheet shows a facilitator is cleaned by nh3.

A submission is the team's file, whichever path it took (nbgrader's exchange or a submission file
sent by e-mail), so anything in it may be hostile: markup in an answer, a cell the team added,
widget state in the notebook's metadata. ``TeamTextAsText`` runs in nbgrader's autograde, right after
nbgrader has restored the worksheet's locked cells, so the autograded notebook – the one the formgrader
and the feedback show – holds nothing that runs: answers render to nh3-clean HTML, code and raw cells
the team added or changed are shown as text, and nothing else of the notebook's metadata is kept.
``clean_html`` is also the feedback template's last filter, for what the team and facilitator wrote.
"""

from __future__ import annotations

import ast
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import nh3
from nbconvert.filters.markdown import markdown2html
from nbconvert.filters.markdown_mistune import InvalidNotebook
from nbgrader.preprocessors import NbGraderPreprocessor

from regionallabor.arbeitsblaetter.quellen import SWITCH_CELL, SWITCH_VARIABLE

URL_SCHEMES = {"http", "https", "mailto"}
# No pictures either: one from another host would tell that host who reads the team's text, and when.
TAGS = nh3.ALLOWED_TAGS - {"img", "map", "area"}
KEPT_NOTEBOOK_METADATA = ("kernelspec", "language_info")
ATTACHMENT_NOTE = "*Diese Antwort zeigt ein angehängtes Bild; Anhänge werden nicht übernommen, der Text steht hier.*"
FOREIGN_CELL_NOTE = "*Diese Zelle hat das Team hinzugefügt oder verändert; sie wird hier nur als Text gezeigt.*"


def clean_html(html: str) -> str:
    """HTML without anything that runs or loads: scripts, event handlers, frames, SVG, pictures and foreign URLs removed."""
    return nh3.clean(html, tags=TAGS, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer nofollow")


class _Structure(HTMLParser):
    """Tags, attributes and their values of a piece of HTML, however it is written."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: Counter = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.parts[tag] += 1
        for name, value in attrs:
            if (tag, name) != ("a", "rel"):  # nh3 adds rel to every link
                self.parts[(tag, name, unescape(value or ""))] += 1


def is_inert(html: str) -> bool:
    """True if nh3 would remove nothing from ``html`` – no tag, attribute or link."""
    return _Structure(html).parts == _Structure(clean_html(html)).parts


def safe_markdown(source: str) -> str:
    """Markdown that renders to nothing live: as written when it already does, else its cleaned rendering.

    The cleaned HTML is kept on one line, so that Markdown reads it as one HTML block and finds no
    Markdown (a link, say) in it when the formgrader renders the cell again.
    """
    try:
        rendered = markdown2html(source)
    except InvalidNotebook:  # a picture attached to the cell: attachments are not kept
        return as_text(source, ATTACHMENT_NOTE)
    if is_inert(rendered):
        return source
    return clean_html(rendered).strip().replace("\n", "&#10;")


def as_text(source: str, note: str) -> str:
    """Markdown showing ``source`` verbatim in a code block, under ``note``."""
    fence = "`" * max(3, _longest_run(source, "`") + 1)
    return f"{note}\n\n{fence}text\n{source}\n{fence}"


def _longest_run(text: str, char: str) -> int:
    longest = current = 0
    for c in text:
        current = current + 1 if c == char else 0
        longest = max(longest, current)
    return longest


def _is_switch(cell) -> bool:
    """The cell where a team chooses whether names are replaced: one assignment of True or False."""
    try:
        (statement,) = ast.parse(cell.source).body
    except (SyntaxError, ValueError):
        return False
    return (
        isinstance(statement, ast.Assign)
        and [getattr(target, "id", None) for target in statement.targets] == [SWITCH_VARIABLE]
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, bool)
    )


def _is_restored(cell) -> bool:
    """A locked cell of the worksheet: nbgrader's OverwriteCells has just put back the course's source."""
    nbgrader = cell.metadata.get("nbgrader", {})
    return bool(nbgrader.get("locked") and nbgrader.get("grade_id"))


class TeamTextAsText(NbGraderPreprocessor):
    """nbgrader autograde's last sanitizing step: a submission as text only (see the module's docstring)."""

    def preprocess(self, nb, resources):
        nb.metadata = {key: nb.metadata[key] for key in KEPT_NOTEBOOK_METADATA if key in nb.metadata}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        cell.pop("attachments", None)
        if _is_restored(cell):
            return cell, resources
        if cell.cell_type == "code" and (cell.get("id") == SWITCH_CELL or _is_switch(cell)):
            cell.metadata.pop("nbgrader", None)
            cell.source = f"{SWITCH_VARIABLE} = True"  # its value matters only when the team takes its snapshot
        elif cell.cell_type != "markdown":
            cell.metadata.pop("nbgrader", None)
            for key in ("outputs", "execution_count"):
                cell.pop(key, None)
            cell.cell_type = "markdown"
            cell.source = as_text(cell.source, FOREIGN_CELL_NOTE)
        if cell.cell_type == "markdown":
            cell.source = safe_markdown(cell.source)
        return cell, resources
