"""Modul 1, tool „Team“: who is in the Regional-Team, and who speaks for it."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import t
from regionallabor.core.model import Member, Team
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError
from regionallabor.modul1.team import MIN_TEAM_SIZE, make_main_contact, save_member
from regionallabor_widgets.base import (
    ConfirmsRemoval,
    EditsInForm,
    Notice,
    Pager,
    WorkbookTool,
    button,
    css,
    heading,
    html,
    label,
    labelled,
    muted,
)


class TeamEditor(ConfirmsRemoval, EditsInForm, WorkbookTool):
    """Add, edit and remove team members; name the team; mark the Haupt-Ansprechperson."""

    SHOWS = (Team.KIND, Member.KIND)
    MODEL = Member
    ADD_LABEL = "team.add"

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(workbook, **kwargs)
        self._team_version: int | None = None

        self.team_name = ipw.Text(
            placeholder=t("team.team_name_placeholder"), continuous_update=True, layout=ipw.Layout(width="100%")
        )
        self.on_value(self.team_name, self._on_team_name)
        self.size_hint = Notice()
        self.member_list = ipw.VBox()
        self.pager = Pager(self, self.refresh)

        self.name = ipw.Text(placeholder=t("team.name_placeholder"), layout=ipw.Layout(width="100%"))
        self.role = ipw.Text(placeholder=t("team.role_placeholder"), layout=ipw.Layout(width="100%"))
        self.organisation = ipw.Text(placeholder=t("team.organisation_placeholder"), layout=ipw.Layout(width="100%"))
        self.email = ipw.Text(placeholder=t("team.email_placeholder"), layout=ipw.Layout(width="100%"))
        self.is_main_contact = ipw.Checkbox(description=t("team.main_contact"), indent=False)
        buttons = self.form_buttons()

        def field(text: str, widget: ipw.Widget) -> ipw.VBox:
            return labelled(text, widget, layout=ipw.Layout(flex="1 1 220px", min_width="200px"))

        form = ipw.VBox(
            [
                self.form_title,
                ipw.HBox(
                    [field(t("field.name"), self.name), field(t("field.role"), self.role)],
                    layout=ipw.Layout(flex_flow="row wrap"),
                ),
                ipw.HBox(
                    [field(t("field.organisation"), self.organisation), field(t("field.email"), self.email)],
                    layout=ipw.Layout(flex_flow="row wrap"),
                ),
                self.is_main_contact,
                buttons,
            ]
        )
        css(form, "rl-form")

        self.children = [
            heading(t("team.heading")),
            label(t("team.team_name")),
            self.team_name,
            label("Teammitglieder"),
            self.member_list,
            self.pager.more,
            self.size_hint,
            form,
            self.notice,
        ]
        self.start()

    # reading

    def members(self) -> list[Stored[Member]]:
        return self.workbook.list(Member)

    def refresh(self) -> None:
        """Show the workbook's current state (after a change here or on another page)."""
        stored_team = self.workbook.get(Team)
        self._team_version = stored_team.version if stored_team else None
        name = stored_team.record.name if stored_team else ""
        if self.team_name.value != name:
            with self.loading():
                self.team_name.value = name
        members = self.members()
        shown = self.pager.page(members)
        self.member_list.children = [self._member_row(stored) for stored in shown] or [muted(t("team.empty"))]
        self.forget_removed_edit(members)
        count = len(members)
        if count < MIN_TEAM_SIZE:
            self.size_hint.show("warning", t("team.too_few", count=count))
        elif not any(s.record.is_main_contact for s in members):
            self.size_hint.show("info", t("team.no_main_contact"))
        else:
            self.size_hint.show("success", t("team.enough", count=count))

    def _member_row(self, stored: Stored[Member]) -> ipw.HBox:
        member = stored.record
        badge = (
            f"<span class='rl-badge'>{escape(t('team.main_contact_badge'))}</span>" if member.is_main_contact else ""
        )
        meta = " · ".join(escape(part) for part in (member.role, member.organisation, member.email) if part)
        text = html(
            f"<div class='rl-member-text'><span class='rl-member-name'>{escape(member.name)}</span>{badge}"
            f"<div class='rl-member-meta'>{meta}</div></div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        actions = self.row_actions(
            member.id,
            t("team.confirm_delete", name=member.name),
            lambda: self.start_edit(stored),
            lambda: self.remove(stored),
        )
        if not member.is_main_contact and self.confirming != member.id:
            main = button("☆ " + t("team.main_contact"), "quiet", tooltip=t("team.make_main_contact"))
            self.on_click(main, lambda: self.mark_main_contact(stored))
            actions.insert(0, main)
        row = ipw.HBox([text, *actions])
        return css(row, "rl-member", *(["rl-member-main"] if member.is_main_contact else []))

    # writing

    def _on_team_name(self, name: str) -> None:
        if self.is_loading:
            return
        try:
            stored = self.workbook.save(Team(name=name), self._team_version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return
        self._team_version = stored.version
        self.written(stored.version)
        self.notice.clear()

    def form_fields(self) -> dict[str, ipw.ValueWidget]:
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "is_main_contact": self.is_main_contact,
        }

    def save_record(self, member: Member, version: int | None) -> Stored[Member]:
        return save_member(self.workbook, member, version)

    def saved_text(self, member: Member, edited: bool) -> str:
        return t("saved") + ": " + member.name if edited else t("team.added", name=member.name)

    def editing_title(self, member: Member) -> str:
        return f"{member.name} {t('edit').lower()}"

    def remove(self, stored: Stored[Member]) -> None:
        self.confirming = None
        self.remove_record(Member, stored, t("team.removed", name=stored.record.name))

    def mark_main_contact(self, stored: Stored[Member]) -> None:
        try:
            saved = make_main_contact(self.workbook, stored.record.id, stored.version)
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(saved.version)
        self.notice.clear()
        self.refresh()
