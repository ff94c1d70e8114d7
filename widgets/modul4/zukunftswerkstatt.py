"""Modul 4, the Zukunftswerkstatt: Kritikphase, Fantasiephase, and the Verwirklichungsphase that turns ideas into goals."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Kritikpunkt, Wirkungslogik, Ziel
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import (
    critique_by_field,
    give_points,
    goal_for_idea,
    goals,
    heaviest_critique,
    ideas,
    remove_goal,
    save_goal,
)
from widgets.base import (
    RowCache,
    WorkbookTool,
    button,
    css,
    edit_remove_actions,
    field_checkboxes,
    field_chip,
    field_options,
    heading,
    labelled,
    muted,
)


def _editable(value: str, on_change) -> ipw.Textarea:
    text = ipw.Textarea(value=value, continuous_update=True, rows=2, layout=ipw.Layout(flex="1 1 auto", width="auto"))
    text.observe(lambda change: on_change(change["new"]), "value")
    return text


class _TextCards(WorkbookTool):
    """Short texts the team collects and edits in place (critique points, ideas)."""

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._stored: dict[str, Stored] = {}

    def edit_text(self, record_id: str, text: str) -> None:
        if self.is_loading or record_id not in self._stored:
            return
        saved = self.change(self._stored[record_id], text=text)
        if saved is not None:
            self._stored[record_id] = saved
            self.notice.clear()

    def sync_text(self, row: ipw.Box, stored: Stored) -> None:
        """Show a text another page changed in a kept row, without saving it back."""
        text = next(child for child in row.children if isinstance(child, ipw.Textarea))
        if text.value != stored.record.text:
            with self.loading():
                text.value = stored.record.text

    def remove(self, record_id: str) -> None:
        stored = self._stored[record_id]
        self.remove_record(type(stored.record), stored, t("workshop.removed", text=stored.record.text))


class CritiquePhase(_TextCards):
    """Kritikphase: what bothers the team, per Handlungsfeld, weighted with points."""

    SHOWS = WRITES = (Kritikpunkt.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.field = ipw.Dropdown(options=field_options(), value="landwirtschaft", layout=ipw.Layout(width="290px"))
        self.text = ipw.Text(placeholder=t("critique.placeholder"), layout=ipw.Layout(flex="1 1 320px"))
        self.add_button = button(t("critique.add"), "primary")
        self.add_button.on_click(lambda _: self.add())
        self.columns = {key: ipw.VBox() for key in ALL_FIELDS}
        self.counts = {key: ipw.HTML() for key in ALL_FIELDS}
        self._rows = RowCache(self._row)
        self.summary = ipw.HTML()
        boxes = [
            css(ipw.VBox([self.counts[key], self.columns[key]]), "rl-phase-box", f"rl-phase-{key}")
            for key in ALL_FIELDS
        ]
        self.children = [
            heading(t("critique.heading")),
            ipw.HBox(
                [
                    labelled(t("field.handlungsfeld"), self.field),
                    labelled(
                        t("critique.add_label"),
                        ipw.HBox([self.text, self.add_button]),
                        layout=ipw.Layout(flex="1 1 420px"),
                    ),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            self.notice,
            ipw.GridBox(
                boxes, layout=ipw.Layout(grid_template_columns="repeat(auto-fit, minmax(330px, 1fr))", grid_gap="10px")
            ),
            self.summary,
        ]
        self.start()

    def refresh(self) -> None:
        grouped = critique_by_field(self.workbook)
        self._stored = {s.record.id: s for points in grouped.values() for s in points}
        ordered = [s for points in grouped.values() for s in points]
        rows = dict(
            zip(
                (s.record.id for s in ordered),
                self._rows.rows([((s.record.id, s.record.field), (s,)) for s in ordered]),
            )
        )
        for stored in ordered:
            row = rows[stored.record.id]
            self.sync_text(row, stored)
            row.children[0].value = self._points_html(stored.record.points)
            row.children[2].disabled = stored.record.points == 0
        for key, points in grouped.items():
            self.columns[key].children = [rows[s.record.id] for s in points] or [muted(t("critique.empty_field"))]
            self.counts[key].value = (
                f"<div class='rl-group-title'>{escape(ALL_FIELDS[key])}<span class='rl-tag'>{len(points)}</span></div>"
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

    @staticmethod
    def _points_html(points: int) -> str:
        return f"<span class='rl-points' title='{escape(t('critique.points', count=points))}'>{points}</span>"

    def _row(self, stored: Stored[Kritikpunkt]) -> ipw.HBox:
        record_id = stored.record.id
        plus = button("+", "quiet", tooltip=t("critique.plus"))
        plus.on_click(lambda _: self.vote(record_id, +1))
        minus = button("−", "quiet", tooltip=t("critique.minus"))
        minus.on_click(lambda _: self.vote(record_id, -1))
        remove = button("✕", "quiet", tooltip=t("delete"))
        remove.on_click(lambda _: self.remove(record_id))
        points = ipw.HTML(self._points_html(stored.record.points))
        return css(
            ipw.HBox(
                [points, plus, minus, _editable(stored.record.text, lambda v: self.edit_text(record_id, v)), remove]
            ),
            "rl-card-row",
        )

    def add(self) -> Stored[Kritikpunkt] | None:
        try:
            stored = self.workbook.add(Kritikpunkt(field=self.field.value, text=self.text.value))
        except ValidationError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.text.value = ""
        self.notice.show("success", t("critique.added"))
        self.refresh()
        return stored

    def vote(self, record_id: str, step: int) -> None:
        try:
            saved = give_points(self.workbook, self._stored[record_id], step)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(saved.version)
        self.notice.clear()
        self.refresh()


class FantasyPhase(_TextCards):
    """Fantasiephase: ideas without limits; the team stars its favourites."""

    SHOWS = (Idee.KIND, Kritikpunkt.KIND)
    WRITES = (Idee.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.prompt = ipw.HTML()
        self.text = ipw.Text(placeholder=t("idea.placeholder"), layout=ipw.Layout(flex="1 1 360px"))
        self.field = ipw.Dropdown(options=field_options(t("idea.no_field")), value="", layout=ipw.Layout(width="290px"))
        self.add_button = button(t("idea.add"), "primary")
        self.add_button.on_click(lambda _: self.add())
        self.count = ipw.HTML()
        self.cards = ipw.GridBox(
            layout=ipw.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="8px")
        )
        self._rows = RowCache(self._card)
        self.children = [
            heading(t("idea.heading")),
            self.prompt,
            ipw.HBox(
                [
                    labelled(t("idea.field_label"), self.field),
                    labelled(
                        t("idea.add_label"), ipw.HBox([self.text, self.add_button]), layout=ipw.Layout(flex="1 1 420px")
                    ),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            self.notice,
            self.count,
            self.cards,
        ]
        self.start()

    def refresh(self) -> None:
        stored = ideas(self.workbook)
        self._stored = {s.record.id: s for s in stored}
        rows = self._rows.rows([((s.record.id, s.record.favourite, s.record.field), (s,)) for s in stored])
        for row, s in zip(rows, stored):
            self.sync_text(row, s)
        self.cards.children = rows
        favourites = sum(s.record.favourite for s in stored)
        self.count.value = (
            f"<div class='rl-muted'>{escape(t('idea.empty'))}</div>"
            if not stored
            else f"<div class='rl-help'>{escape(t('idea.count', count=len(stored), favourites=favourites))}</div>"
        )
        heaviest = heaviest_critique(self.workbook, 3)
        prompts = "".join(f"<li>{escape(t('idea.prompt_item', text=c.text))}</li>" for c in heaviest)
        self.prompt.value = (
            f"<div class='rl-notice rl-notice-info'>{escape(t('idea.prompt'))}<ul>{prompts}</ul></div>"
            if heaviest
            else ""
        )

    def _card(self, stored: Stored[Idee]) -> ipw.VBox:
        record = stored.record
        star = button(
            "★" if record.favourite else "☆",
            "primary" if record.favourite else "quiet",
            tooltip=t("idea.unstar" if record.favourite else "idea.star"),
        )
        star.on_click(lambda _: self.star(record.id))
        remove = button("✕", "quiet", tooltip=t("delete"))
        remove.on_click(lambda _: self.remove(record.id))
        chip = ipw.HTML(field_chip(record.field) if record.field else "")
        row = ipw.HBox([star, _editable(record.text, lambda v: self.edit_text(record.id, v)), remove])
        card = css(ipw.VBox([css(row, "rl-card-row"), chip]), "rl-idea")
        if record.favourite:
            card.add_class("rl-idea-favourite")
        return card

    def sync_text(self, row: ipw.Box, stored: Stored) -> None:
        super().sync_text(row.children[0], stored)

    def add(self) -> Stored[Idee] | None:
        try:
            stored = self.workbook.add(Idee(text=self.text.value, field=self.field.value or None))
        except ValidationError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.text.value = ""
        self.notice.show("success", t("idea.added"))
        self.refresh()
        return stored

    def star(self, record_id: str) -> None:
        stored = self._stored[record_id]
        if self.change(stored, favourite=not stored.record.favourite) is not None:
            self.notice.clear()
            self.refresh()


class GoalPlanner(WorkbookTool):
    """Verwirklichungsphase: favourite ideas become goals with Handlungsfelder, an owner and a first step."""

    SHOWS = (Idee.KIND, Ziel.KIND)
    WRITES = (Ziel.KIND, Wirkungslogik.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.editing: Stored[Ziel] | None = None
        self._idea_id: str | None = None
        self._confirming: str | None = None
        wide = ipw.Layout(width="100%")
        self.favourites = ipw.VBox()
        self.form_title = ipw.HTML()
        self.title = ipw.Text(placeholder=t("goal.title_placeholder"), layout=wide)
        self.description = ipw.Textarea(
            placeholder=t("goal.description_placeholder"), layout=ipw.Layout(width="100%", height="64px")
        )
        self.fields = field_checkboxes()
        self.owner = ipw.Text(placeholder=t("goal.owner_placeholder"), layout=wide)
        self.first_step = ipw.Text(placeholder=t("goal.first_step_placeholder"), layout=wide)
        self.first_step_due = ipw.DatePicker(layout=ipw.Layout(width="180px"))
        self.submit = button(t("goal.add"), "primary")
        self.submit.on_click(lambda _: self.save())
        self.cancel = button(t("cancel"), "quiet")
        self.cancel.on_click(lambda _: self.clear())
        half = ipw.Layout(flex="1 1 260px", min_width="220px")
        self.form = css(
            ipw.VBox(
                [
                    self.form_title,
                    labelled(t("field.title"), self.title),
                    labelled(t("goal.description_label"), self.description),
                    labelled(
                        t("field.handlungsfelder"),
                        ipw.HBox(list(self.fields.values()), layout=ipw.Layout(flex_flow="row wrap")),
                    ),
                    ipw.HBox(
                        [
                            labelled(t("field.owner"), self.owner, layout=half),
                            labelled(t("field.first_step"), self.first_step, layout=half),
                            labelled(t("goal.due_label"), self.first_step_due),
                        ],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    ipw.HBox([self.submit, self.cancel]),
                ]
            ),
            "rl-form",
            "rl-goal-form",
        )
        self.list = ipw.VBox()
        self.children = [
            heading(t("goal.heading")),
            self.favourites,
            self.form,
            self.notice,
            heading(t("goal.list_heading"), 4),
            self.list,
        ]
        self.clear()
        self.start()

    def refresh(self) -> None:
        goal_list = goals(self.workbook)
        self._goals = {s.record.id: s for s in goal_list}
        favourites = [s.record for s in ideas(self.workbook) if s.record.favourite]
        open_favourites = [idea for idea in favourites if goal_for_idea(goal_list, idea.id) is None]
        rows = []
        for idea in open_favourites:
            take = button(t("goal.from_idea"), "quiet")
            take.on_click(lambda _, idea=idea: self.from_idea(idea))
            rows.append(
                css(
                    ipw.HBox([ipw.HTML(f"<div>★ {escape(idea.text)}</div>", layout=ipw.Layout(flex="1 1 auto")), take]),
                    "rl-member",
                )
            )
        intro = (
            t("goal.favourites_intro")
            if open_favourites
            else (t("goal.no_favourites") if not favourites else t("goal.all_favourites_taken"))
        )
        self.favourites.children = [ipw.HTML(f"<div class='rl-help'>{escape(intro)}</div>"), *rows]
        self.list.children = [self._goal_row(s) for s in goal_list] or [muted(t("goal.empty"))]

    def _goal_row(self, stored: Stored[Ziel]) -> ipw.HBox:
        goal = stored.record
        chips = "".join(field_chip(f) for f in goal.handlungsfelder)
        step = goal.first_step or t("goal.no_first_step")
        if goal.first_step_due:
            step += f" – {t('goal.until', date=format_date(goal.first_step_due.isoformat()))}"
        meta = [t("goal.owner_line", owner=goal.owner) if goal.owner else t("goal.no_owner"), step]
        description = f"<div class='rl-schatz-description'>{escape(goal.description)}</div>" if goal.description else ""
        text = ipw.HTML(
            f"<div><span class='rl-member-name'>{escape(goal.title)}</span>{chips}{description}"
            f"<div class='rl-member-meta'>{escape(' · '.join(meta))}</div></div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        actions = edit_remove_actions(
            self._confirming == goal.id,
            t("goal.confirm_delete", title=goal.title),
            lambda: self.load(stored),
            lambda: self._confirm(goal.id),
            lambda: self.remove(stored),
            lambda: self._confirm(None),
        )
        return css(ipw.HBox([text, *actions]), "rl-member", "rl-goal")

    def _confirm(self, goal_id: str | None) -> None:
        self._confirming = goal_id
        self.refresh()

    def from_idea(self, idea: Idee) -> None:
        self.clear()
        self._idea_id = idea.id
        self.title.value = idea.text[:200]
        if idea.field:
            self.fields[idea.field].value = True
        self.form_title.value = f"<h4 class='rl-heading'>{escape(t('goal.from_idea_heading'))}</h4>"

    def load(self, stored: Stored[Ziel]) -> None:
        goal = stored.record
        self.editing, self._idea_id = stored, goal.idea_id
        self.title.value, self.description.value = goal.title, goal.description
        for key, box in self.fields.items():
            box.value = key in goal.handlungsfelder
        self.owner.value, self.first_step.value, self.first_step_due.value = (
            goal.owner,
            goal.first_step,
            goal.first_step_due,
        )
        self.form_title.value = f"<h4 class='rl-heading'>{escape(t('goal.editing', title=goal.title))}</h4>"
        self.submit.description = t("save")
        self.cancel.layout.display = ""

    def clear(self) -> None:
        self.editing, self._idea_id = None, None
        for widget in (self.title, self.description, self.owner, self.first_step):
            widget.value = ""
        self.first_step_due.value = None
        for box in self.fields.values():
            box.value = False
        self.form_title.value = f"<h4 class='rl-heading'>{escape(t('goal.add'))}</h4>"
        self.submit.description = t("goal.add")
        self.cancel.layout.display = "none"

    def save(self) -> Stored[Ziel] | None:
        values = {
            "title": self.title.value,
            "description": self.description.value,
            "owner": self.owner.value,
            "handlungsfelder": [key for key, box in self.fields.items() if box.value],
            "first_step": self.first_step.value,
            "first_step_due": self.first_step_due.value,
            "idea_id": self._idea_id,
        }
        try:
            if self.editing is None:
                stored = save_goal(self.workbook, Ziel(**values), None)
            else:
                goal = Ziel.model_validate({**self.editing.record.model_dump(), **values})
                stored = save_goal(self.workbook, goal, self.editing.version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", t("goal.saved", title=stored.record.title))
        self.clear()
        self.refresh()
        return stored

    def remove(self, stored: Stored[Ziel]) -> None:
        self._confirming = None
        try:
            revision = remove_goal(self.workbook, stored)
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(revision)
        self.notice.show("success", t("goal.removed", title=stored.record.title))
        self.refresh()
