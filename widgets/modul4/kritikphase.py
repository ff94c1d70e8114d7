"""Modul 4, Zukunftswerkstatt „1. Kritikphase“: what bothers you, per Handlungsfeld – collected, bundled, weighted."""

from __future__ import annotations

from html import escape

from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Herausforderung, Kritikpunkt
from regionallabor.core.store import StaleRecordError, Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import (
    bundle_critique,
    bundle_of,
    challenges_to_take_over,
    critique_by_field,
    give_points,
    heaviest_critique,
    move_critique,
    take_over_challenges,
    unbundle_critique,
)
from regionallabor_widgets.base import WorkbookTool, button, heading, help_line, html
from regionallabor_widgets.base.board import Card, CardBoard, Column


def dots_line(record: Kritikpunkt) -> str:
    """Who gave the points: „Punkte: Anna 2 · Ben 1“."""
    named = [(person or t("critique.shared_laptop"), count) for person, count in sorted(record.dots.items())]
    unnamed = record.points - sum(record.dots.values())
    if unnamed > 0:
        named.append((t("critique.unnamed"), unnamed))
    return t("critique.dots_by", who=" · ".join(f"{who} {count}" for who, count in named)) if named else ""


class CritiquePhase(WorkbookTool):
    """Kritikphase: a board with a column per Handlungsfeld. Cards are dragged to another field or onto each
    other (a bundle), edited in place, removed to the Papierkorb; every member gives points of their own."""

    SHOWS = (Kritikpunkt.KIND, Herausforderung.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.board = CardBoard(
            [Column(key, label) for key, label in ALL_FIELDS.items()],
            {"add", "dots", "clusters"},
            labels={"placeholder": t("critique.placeholder_short"), "keys": t("board.keys_dots")},
            max_length=Kritikpunkt.max_length("text"),
            column_width=250,
        )
        self.take_over = button("", "quiet")
        self.on_click(self.take_over, self.take_over_challenges)
        self.take_over_help = html()
        self._stored: dict[str, Stored[Kritikpunkt]] = {}
        self.on_actions(
            self.board,
            {
                "add": self.add,
                "edit": self.edit,
                "place": self.place,
                "remove": self.remove,
                "dot": self.dot,
                "bundle": self.bundle,
                "unbundle": self.unbundle,
            },
        )
        self.summary = html()
        self.children = [
            heading(t("critique.heading")),
            help_line(t("critique.help")),
            self.take_over_help,
            self.take_over,
            self.notice,
            self.board,
            self.summary,
        ]
        self.start()

    def refresh(self) -> None:
        grouped = critique_by_field(self.workbook)
        self._stored = {s.record.id: s for points in grouped.values() for s in points}
        me = self.workbook.person or ""
        self.board.show(
            [
                Card(
                    s.record.id,
                    key,
                    s.record.text,
                    dots=s.record.points,
                    my_dots=s.record.dots.get(me, 0) or (s.record.points - sum(s.record.dots.values())),
                    dots_by=dots_line(s.record),
                    cluster=bundle_of(grouped, s),
                )
                for key, points in grouped.items()
                for s in points
            ]
        )
        waiting = challenges_to_take_over(self.workbook)
        self.take_over.description = t("critique.take_over", count=len(waiting)) if waiting else ""
        self.take_over.layout.display = "" if waiting else "none"
        self.take_over_help.value = (
            f"<div class='rl-help'>{escape(t('critique.take_over_help'))}</div>" if waiting else ""
        )
        heaviest = heaviest_critique(self.workbook, 3)
        self.summary.value = (
            ""
            if not heaviest
            else (
                f"<div class='rl-notice rl-notice-info'><strong>{escape(t('critique.heaviest'))}</strong> "
                + escape(" · ".join(f"{c.text} ({t('critique.points', count=c.points)})" for c in heaviest))
                + "</div>"
            )
        )

    def _known(self, id: str) -> Stored[Kritikpunkt] | None:
        stored = self._stored.get(id)
        if stored is None:
            self.reload_after(StaleRecordError(Kritikpunkt.KIND, id))
        return stored

    def _done(self, revision: int) -> None:
        self.written(revision)
        self.notice.clear()
        self.refresh()

    def add(self, column: str, text: str) -> Stored[Kritikpunkt] | None:
        try:
            stored = self.workbook.add(Kritikpunkt(field=column, text=text))
        except ValidationError as error:
            self.refused(error)
            return None
        self._done(stored.version)
        self.notice.show("success", t("critique.added"))
        self.board.added(column)
        return stored

    def edit(self, id: str, text: str) -> None:
        if (stored := self._known(id)) is not None and (saved := self.change(stored, text=text)) is not None:
            self._stored[id] = saved
            self.notice.clear()
            self.refresh()

    def _write(self, action, id: str, *arguments) -> None:
        """Run a domain change on the card ``id``; a refusal (a rule, another page's change) is explained."""
        if (stored := self._known(id)) is None:
            return
        try:
            result = action(self.workbook, stored, *arguments)
        except WorkbookError as error:
            self.refused(error)
            return
        self._done(result if isinstance(result, int) else result.version)

    def place(self, id: str, column: str, index: int) -> None:
        if (stored := self._stored.get(id)) is None or stored.record.field != column:  # the order is by weight
            self._write(move_critique, id, column)

    def dot(self, id: str, step: int) -> None:
        self._write(give_points, id, 1 if step > 0 else -1, self.workbook.person)

    def bundle(self, id: str, onto: str) -> None:
        if (target := self._known(onto)) is not None:
            self._write(bundle_critique, id, target)

    def unbundle(self, id: str) -> None:
        self._write(unbundle_critique, id)

    def remove(self, id: str) -> None:
        if (stored := self._known(id)) is not None:
            self.remove_record(Kritikpunkt, stored, t("workshop.removed", text=stored.record.text))

    def take_over_challenges(self) -> None:
        count = len(challenges_to_take_over(self.workbook))
        if not count:
            return
        self._done(take_over_challenges(self.workbook))
        self.notice.show("success", t("critique.taken_over", count=count))
