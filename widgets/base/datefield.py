"""A date or a time of day typed the German way (TT.MM.JJJJ, HH:MM) – whatever language the browser speaks.

A browser's own ``<input type="date">`` shows its user's locale: an English Chromium asks for mm/dd/yyyy and
„Fertig bis 05/01/2027“ in a German course. This field shows text in the course's form and keeps the browser's
calendar behind a button; what is typed is read here, in the kernel, with ``parse_date`` / ``parse_time``.
``value`` is a ``date`` / ``time`` (or None) like ipywidgets' pickers; text that is no date leaves ``value`` as
it was and says why in ``problem`` – a tool saves nothing while a field has one (``unreadable_input``).
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import anywidget
import traitlets

from regionallabor.core.formatting import parse_date, parse_time
from regionallabor.core.messages import t

HERE = Path(__file__).parent
LONGEST_TEXT = 40  # more is no date: refused before it is parsed


class _DateOrTime(traitlets.TraitType):
    """A date, a time or None. Not ``allow_none``: traitlets skips a trait's validation for None if it is,
    and ``DateField._shown`` must see every value set, None included."""

    default_value = None

    def validate(self, obj, value):
        if value is None or isinstance(value, date | time):
            return value
        self.error(obj, value)


class DateField(anywidget.AnyWidget):
    """A date field (``kind="date"``) or a time field (``kind="time"``), in the course's German form."""

    _esm = HERE / "datefield.js"
    _css = HERE / "datefield.css"
    kind = traitlets.Unicode("date").tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)
    iso = traitlets.Unicode("").tag(sync=True)  # the value for the browser's calendar
    problem = traitlets.Unicode("").tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)
    value = _DateOrTime()

    def __init__(self, value: date | time | None = None, kind: str = "date", **kwargs):
        self._showing = False
        super().__init__(kind=kind, labels=_labels(kind), **kwargs)
        self.value = value

    @traitlets.observe("text")
    def _typed(self, change) -> None:
        if self._showing:
            return
        text = change["new"]
        try:
            if len(text) > LONGEST_TEXT:
                raise ValueError(text)
            typed = (parse_date if self.kind == "date" else parse_time)(text)
        except ValueError:
            self.problem = t(f"datefield.not_a_{self.kind}", text=text[:LONGEST_TEXT])
            return
        self.value = typed

    @traitlets.validate("value")
    def _shown(self, proposal) -> date | time | None:
        """Every value set – typed, picked or given by the tool, even the one it had – is shown in German form."""
        value = proposal["value"]
        if value is None:
            text, iso = "", ""
        elif self.kind == "date":
            text, iso = f"{value:%d.%m.%Y}", value.isoformat()
        else:
            text, iso = f"{value:%H:%M}", f"{value:%H:%M}"
        self._showing = True
        try:
            self.text, self.iso, self.problem = text, iso, ""
        finally:
            self._showing = False
        return value


def TimeField(value: time | None = None, **kwargs) -> DateField:
    return DateField(value, kind="time", **kwargs)


def _labels(kind: str) -> dict[str, str]:
    return {name: t(f"datefield.{kind}_{name}") for name in ("placeholder", "pick")}
