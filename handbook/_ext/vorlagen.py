"""Directives that print the conference planner's format presets (Modul 5) into the handbook.

The presets live once, in ``regionallabor.modul5.konferenz.PRESETS``; the handbook's agenda, schedule and
budget templates are rendered from them at build time, so handbook and planner cannot drift apart.

    ```{agenda-vorlage} konferenz
    ```
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from regionallabor.core.messages import CONFERENCE_FORMATS
from regionallabor.modul5.konferenz import PRESETS, preset_agenda, preset_budget, preset_schedule


def _table(headers: list[str], rows: list[tuple[str, ...]], widths: list[int], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _row(row)
    return table


def _row(cells) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


class PresetDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def preset_key(self) -> str:
        key = self.arguments[0]
        if key not in PRESETS:
            raise self.error(f"Unbekannte Vorlage {key!r}; bekannt sind: {', '.join(PRESETS)}")
        return key

    def caption(self, key: str, what: str) -> nodes.paragraph:
        paragraph = nodes.paragraph(classes=["rl-vorlage-titel"])
        paragraph += nodes.strong(text=f"{what}: {CONFERENCE_FORMATS[key]}")
        return paragraph


class AgendaTemplate(PresetDirective):
    """The programme of a format, slot by slot."""

    def run(self):
        key = self.preset_key()
        rows = preset_agenda(key)
        with_days = any(day for day, *_ in rows)
        headers = ["Tag", "Zeit", "Format", "Programmpunkt"] if with_days else ["Zeit", "Format", "Programmpunkt"]
        rows = rows if with_days else [row[1:] for row in rows]
        widths = [8, 14, 18, 60] if with_days else [14, 18, 68]
        return [self.caption(key, "Ablauf"), _table(headers, rows, widths, ["rl-vorlage", "rl-agenda"])]


class ScheduleTemplate(PresetDirective):
    """The tasks of a format, planned backwards from the conference day."""

    def run(self):
        key = self.preset_key()
        return [
            self.caption(key, "Zeitplan"),
            _table(["Wann", "Was"], preset_schedule(key), [22, 78], ["rl-vorlage", "rl-zeitplan"]),
        ]


class BudgetTemplate(PresetDirective):
    """The budget lines of a format with their total."""

    def run(self):
        key = self.preset_key()
        lines, total = preset_budget(key)
        return [
            self.caption(key, "Budget"),
            _table(["Posten", "geplant"], [*lines, ("Summe", total)], [75, 25], ["rl-vorlage", "rl-budget"]),
        ]


def setup(app):
    app.add_directive("agenda-vorlage", AgendaTemplate)
    app.add_directive("zeitplan-vorlage", ScheduleTemplate)
    app.add_directive("budget-vorlage", BudgetTemplate)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
