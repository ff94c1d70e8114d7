"""A board of cards in columns – SWOT quadrants, the Handlungsfelder of the Kritikphase, ideas – as one widget.

Built with anywidget: the browser draws every card (board.js) and sends what the team does – add, edit, place,
bundle, dot, star, remove – as a message; the tool saves it to the workbook and hands the stored cards back in
``cards``. So the cards stay records in the workbook (history, Papierkorb, merge, other pages keep working)
and a board of 40 cards is one widget model, not 200.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import anywidget
import traitlets

from regionallabor.core.messages import section

HERE = Path(__file__).parent

ACTIONS = {
    "add": {"column": str, "text": str},
    "edit": {"id": str, "text": str},
    "place": {"id": str, "column": str, "index": int},
    "remove": {"id": str},
    "dot": {"id": str, "step": int},
    "star": {"id": str},
    "bundle": {"id": str, "onto": str},
    "unbundle": {"id": str},
}


@dataclass(frozen=True)
class Card:
    """One card as the board shows it. ``cluster`` names the bundle it lies in; ``dots_by`` says who gave dots."""

    id: str
    column: str
    text: str
    dots: int = 0
    my_dots: int = 0
    dots_by: str = ""
    star: bool = False
    cluster: str | None = None
    tag: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    help: str = ""


class CardBoard(anywidget.AnyWidget):
    """The board. ``features`` switches on what a board offers: ``add``, ``reorder``, ``dots``, ``star``,
    ``clusters``. Actions the browser sends reach the handlers given to ``on_action`` with checked arguments;
    anything else – an unknown action, a wrong type, a column the board lacks – is dropped."""

    _esm = HERE / "board.js"
    _css = HERE / "board.css"
    columns = traitlets.List(traitlets.Dict()).tag(sync=True)
    cards = traitlets.List(traitlets.Dict()).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)
    features = traitlets.Dict().tag(sync=True)
    max_length = traitlets.Int(300).tag(sync=True)
    column_width = traitlets.Int(260).tag(sync=True)

    def __init__(self, columns: list[Column], features: set[str], labels: dict[str, str] | None = None, **kwargs):
        super().__init__(
            columns=[asdict(c) for c in columns],
            features={name: True for name in features},
            labels={**section("board"), **(labels or {})},
            **kwargs,
        )
        self._handlers: dict[str, Callable[..., object]] = {}
        self.on_msg(self._received)

    def on_action(self, action: str, handler: Callable[..., object]) -> None:
        self._handlers[action] = handler

    def show(self, cards: list[Card]) -> None:
        shown = [asdict(card) for card in cards]
        if shown != self.cards:
            self.cards = shown

    def card_texts(self, column: str) -> list[str]:
        return [card["text"] for card in self.cards if card["column"] == column]

    def added(self, column: str) -> None:
        """The card typed into ``column``'s field was saved: the browser empties the field."""
        self.send({"event": "added", "column": column})

    def act(self, action: str, **arguments) -> None:
        """What the browser does when the team acts – for tests and for the message handler alike."""
        self._received(self, {"action": action, **arguments}, [])

    def _received(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        expected = ACTIONS.get(action)
        handler = self._handlers.get(action)
        if expected is None or handler is None:
            return
        arguments = {name: content.get(name) for name in expected}
        if any(type(value) is not kind for (name, kind), value in zip(expected.items(), arguments.values())):
            return
        if "column" in arguments and arguments["column"] not in {c["key"] for c in self.columns}:
            return
        handler(**arguments)
