"""Modul 3, tool „Gesprächsnotizen“: what the team learned from whom, and the next steps it agreed on."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Gespraech
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul3.beziehungsnetz import Network, OpenStep, load_network, open_steps, save_conversation
from regionallabor_widgets.base import (
    DateField,
    Pager,
    RowCache,
    WorkbookTool,
    button,
    css,
    heading,
    html,
    labelled,
    offer,
)
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS, PAGE_SIZE
from regionallabor_widgets.modul3.beziehungen import actor_picker


class ConversationLog(WorkbookTool):
    """Note a conversation with an actor; open next steps are listed, the earliest due first."""

    SHOWS = NETWORK_KINDS

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.network = Network([], [])
        self.talks: list[Stored[Gespraech]] = []
        self.pager = Pager(self, self.show_rows, PAGE_SIZE)
        self._steps = RowCache(self._step_row)
        self._rows = RowCache(self._talk_row)
        self.actor = actor_picker()
        self.held_on = DateField(value=date.today(), layout=ipw.Layout(width="100%"))
        self.team_people = ipw.Text(placeholder=t("talk.team_people_placeholder"), layout=ipw.Layout(width="100%"))
        self.learned = ipw.Textarea(
            placeholder=t("talk.learned_placeholder"), layout=ipw.Layout(width="100%", height="70px")
        )
        self.next_step = ipw.Text(placeholder=t("talk.next_step_placeholder"), layout=ipw.Layout(width="100%"))
        self.due = DateField(value=None, layout=ipw.Layout(width="100%"))
        self.submit = button(t("talk.add"), "primary")
        self.submit.layout.align_self = "flex-start"
        self.on_click(self.submit, self.add)
        self.hint = html()
        self.steps = ipw.VBox()
        self.list = ipw.VBox()

        def field(text: str, widget: ipw.Widget) -> ipw.VBox:
            return labelled(text, widget, layout=ipw.Layout(flex="1 1 220px", min_width="200px"))

        self.form = css(
            ipw.VBox(
                [
                    heading(t("talk.add"), 4),
                    ipw.HBox(
                        [
                            field(t("field.actor"), self.actor),
                            field(t("field.held_on"), self.held_on),
                            field(t("field.team_people"), self.team_people),
                        ],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    labelled(t("field.learned"), self.learned),
                    ipw.HBox(
                        [field(t("field.next_step"), self.next_step), field(t("field.due"), self.due)],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    self.submit,
                ]
            ),
            "rl-form",
        )
        self.children = [
            self.hint,
            self.form,
            self.notice,
            heading(t("talk.open_steps"), 4),
            self.steps,
            heading(t("talk.all"), 4),
            self.list,
            self.pager.more,
        ]
        self.start()

    def refresh(self) -> None:
        self.network = load_network(self.workbook)
        self.talks = self.workbook.list(Gespraech)
        names = self.network.names()
        offer(self.actor, names)
        self.form.layout.display = "" if names else "none"
        self.hint.value = "" if names else f"<div class='rl-muted'>{escape(t('talk.need_actor'))}</div>"
        steps = open_steps(self.talks, self.network)
        self.steps.children = self._steps.rows(
            [((s.conversation.record.id, s.conversation.version, s.overdue), (s,)) for s in steps]
        ) or [html(f"<div class='rl-muted'>{escape(t('talk.no_open_steps'))}</div>")]
        self.show_rows()

    def show_rows(self) -> None:
        newest = sorted(self.talks, key=lambda s: s.record.held_on, reverse=True)
        visible = self.pager.page(newest)
        self.list.children = self._rows.rows(
            [((s.record.id, s.version, self._name(s.record)), (s,)) for s in visible]
        ) or [html(f"<div class='rl-muted'>{escape(t('talk.empty'))}</div>")]

    def _name(self, talk: Gespraech) -> str:
        actor = self.network.by_id.get(talk.actor_id)
        return actor.name if actor else "–"

    def _step_row(self, step: OpenStep) -> ipw.HBox:
        talk = step.conversation.record
        due = ""
        if talk.due is not None:
            state = f" <span class='rl-tag rl-tag-overdue'>{escape(t('talk.overdue'))}</span>" if step.overdue else ""
            due = f" <span class='rl-muted'>· {escape(t('talk.due_on', date=format_date(talk.due.isoformat())))}</span>{state}"
        text = html(
            f"<div><span class='rl-member-name'>{escape(talk.next_step)}</span>"
            f" <span class='rl-muted'>– {escape(step.actor_name)}</span>{due}</div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        done = button(t("talk.done"), "quiet")
        self.on_click(done, lambda: self.mark_done(step.conversation))
        return css(ipw.HBox([text, done]), "rl-member", "rl-step")

    def _talk_row(self, stored: Stored[Gespraech]) -> ipw.HBox:
        talk = stored.record
        people = f" · {escape(talk.team_people)}" if talk.team_people else ""
        step = ""
        if talk.next_step:
            status = f" ({escape(t('talk.done'))})" if talk.done else ""
            step = f"<div class='rl-member-meta'>{escape(t('field.next_step'))}: {escape(talk.next_step)}{status}</div>"
        text = html(
            f"<div><span class='rl-member-name'>{escape(self._name(talk))}</span>"
            f" <span class='rl-muted'>· {escape(format_date(talk.held_on.isoformat()))}{people}</span>"
            f"<div class='rl-schatz-description'>{escape(talk.learned)}</div>{step}</div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        remove = button(t("delete"), "danger")
        self.on_click(remove, lambda: self.remove_record(Gespraech, stored, t("talk.removed")))
        return css(ipw.HBox([text, remove]), "rl-member", "rl-talk")

    def add(self) -> Stored[Gespraech] | None:
        if self.unreadable_input():
            return None
        actor = self.network.find(self.actor.value)
        if actor is None:
            self.notice.show("error", t("relation.pick_one"))
            return None
        try:
            talk = Gespraech(
                actor_id=actor.id,
                held_on=self.held_on.value,
                team_people=self.team_people.value,
                learned=self.learned.value,
                next_step=self.next_step.value,
                due=self.due.value,
            )
            stored = save_conversation(self.workbook, talk, None)
        except (ValueError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", t("talk.added", name=actor.name))
        self.learned.value = self.next_step.value = self.team_people.value = ""
        self.due.value = None
        self.refresh()
        return stored

    def mark_done(self, stored: Stored[Gespraech]) -> None:
        try:
            saved = self.workbook.save(stored.record.model_copy(update={"done": True}), stored.version)
        except WorkbookError as error:
            self.refused(error)
            return
        self.written(saved.version)
        self.notice.show("success", t("talk.step_done", step=stored.record.next_step))
        self.refresh()
