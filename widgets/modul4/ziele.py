"""Modul 4, „3. Verwirklichungsphase“: goals from the favourite ideas, each with an owner and a dated first step."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Idee, Member, Ziel
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul4.vision import goal_for_idea, goals, ideas, remove_goal, save_goal
from regionallabor_widgets.base import (
    ConfirmsRemoval,
    DateField,
    Pager,
    WorkbookTool,
    button,
    css,
    field_checkboxes,
    field_chip,
    heading,
    html,
    labelled,
    muted,
    offer_members,
    person_field,
)


class GoalPlanner(ConfirmsRemoval, WorkbookTool):
    """Verwirklichungsphase: favourite ideas become goals with Handlungsfelder, an owner and a first step."""

    SHOWS = (Idee.KIND, Ziel.KIND, Member.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.editing: Stored[Ziel] | None = None
        self._idea_id: str | None = None
        wide = ipw.Layout(width="100%")
        self.favourites = ipw.VBox()
        self.form_title = html()
        self.title = ipw.Text(placeholder=t("goal.title_placeholder"), layout=wide)
        self.description = ipw.Textarea(
            placeholder=t("goal.description_placeholder"), layout=ipw.Layout(width="100%", height="64px")
        )
        self.fields = field_checkboxes()
        self.owner = person_field(t("goal.owner_placeholder"), wide)
        self.first_step = ipw.Text(placeholder=t("goal.first_step_placeholder"), layout=wide)
        self.first_step_due = DateField(layout=ipw.Layout(width="180px"))
        self.submit = button(t("goal.add"), "primary")
        self.on_click(self.submit, self.save)
        self.cancel = button(t("cancel"), "quiet")
        self.on_click(self.cancel, self.clear)
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
        self.goal_pager = Pager(self, self.refresh, page_size=10)
        self.favourite_pager = Pager(self, self.refresh, page_size=10)
        self.children = [
            heading(t("goal.heading")),
            self.favourites,
            self.favourite_pager.more,
            self.form,
            self.notice,
            heading(t("goal.list_heading"), 4),
            self.list,
            self.goal_pager.more,
        ]
        self.clear()
        self.start()

    def refresh(self) -> None:
        offer_members(self.owner, self.workbook)
        goal_list = goals(self.workbook)
        self._goals = {s.record.id: s for s in goal_list}
        favourites = [s.record for s in ideas(self.workbook) if s.record.favourite]
        open_favourites = [idea for idea in favourites if goal_for_idea(goal_list, idea.id) is None]
        rows = []
        for idea in self.favourite_pager.page(open_favourites):
            take = button(t("goal.from_idea"), "quiet")
            self.on_click(take, lambda idea=idea: self.from_idea(idea))
            rows.append(
                css(
                    ipw.HBox([html(f"<div>★ {escape(idea.text)}</div>", layout=ipw.Layout(flex="1 1 auto")), take]),
                    "rl-member",
                )
            )
        intro = (
            t("goal.favourites_intro")
            if open_favourites
            else (t("goal.no_favourites") if not favourites else t("goal.all_favourites_taken"))
        )
        self.favourites.children = [html(f"<div class='rl-help'>{escape(intro)}</div>"), *rows]
        self.list.children = [self._goal_row(s) for s in self.goal_pager.page(goal_list)] or [muted(t("goal.empty"))]

    def _goal_row(self, stored: Stored[Ziel]) -> ipw.HBox:
        goal = stored.record
        chips = "".join(field_chip(f) for f in goal.handlungsfelder)
        step = goal.first_step or t("goal.no_first_step")
        if goal.first_step_due:
            step += f" – {t('goal.until', date=format_date(goal.first_step_due.isoformat()))}"
        meta = [t("goal.owner_line", owner=goal.owner) if goal.owner else t("goal.no_owner"), step]
        description = f"<div class='rl-schatz-description'>{escape(goal.description)}</div>" if goal.description else ""
        text = html(
            f"<div><span class='rl-member-name'>{escape(goal.title)}</span>{chips}{description}"
            f"<div class='rl-member-meta'>{escape(' · '.join(meta))}</div></div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        actions = self.row_actions(
            goal.id, t("goal.confirm_delete", title=goal.title), lambda: self.load(stored), lambda: self.remove(stored)
        )
        return css(ipw.HBox([text, *actions]), "rl-member", "rl-goal")

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
        if self.unreadable_input():
            return None
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
        self.confirming = None
        try:
            revision = remove_goal(self.workbook, stored)
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(revision)
        self.notice.show("success", t("goal.removed", title=stored.record.title))
        self.refresh()
