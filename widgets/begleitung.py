"""The hosting team's desk (exercises/begleitung.ipynb): one worksheet, every team's answers, a reply to each."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as ipw

from regionallabor.arbeitsblaetter.begleitung import Desk, DeskError, Submission
from regionallabor.arbeitsblaetter.kohorte import OUTBOX
from regionallabor.arbeitsblaetter.snapshot import snapshot_html
from regionallabor.core.messages import t
from regionallabor.course import MODULES
from regionallabor_widgets.base import GuardedActions, Notice, button, css, heading, html
from regionallabor_widgets.kohorte import course_folder


class FacilitatorDesk(GuardedActions, ipw.VBox):
    def __init__(self, course: Path | str | None = None, **kwargs):
        super().__init__(**kwargs)
        css(self, "rl-card", "rl-tool", "rl-desk")
        self.desk = Desk(course or course_folder())
        self.module = ipw.ToggleButtons(options=[(f"Modul {m.number}", m.number) for m in MODULES])
        self.on_value(self.module, lambda _: self.show_teams())
        self.collect_button = button(t("desk.collect"), "primary")
        self.on_click(self.collect_button, self.collect)
        self.give_back_button = button(t("desk.give_back"), "primary")
        self.on_click(self.give_back_button, self.give_back)
        self.help = html()
        self.notice = Notice()
        self.summary = html()
        self.teams = css(ipw.HBox(layout=ipw.Layout(flex_flow="row wrap")), "rl-desk-teams")
        self.detail = ipw.VBox()
        self.submissions: list[Submission] = []
        self.team_buttons: dict[str, ipw.Button] = {}
        self.children = [
            heading(t("desk.heading")),
            html(f"<div class='rl-label'>{escape(t('desk.module'))}</div>"),
            self.module,
            self.help,
            ipw.HBox([self.collect_button, self.give_back_button]),
            self.notice,
            self.summary,
            self.teams,
            self.detail,
        ]
        self.show_teams()

    def run_nbgrader(self, step) -> object | None:
        """A step of nbgrader's; its refusal becomes a German notice with nbgrader's own words."""
        try:
            return step()
        except DeskError as error:
            self.notice.show("error", t("desk.failed", detail=str(error)[-600:]))
            return None

    def collect(self) -> None:
        students = self.run_nbgrader(lambda: self.desk.collect(self.module.value))
        if students is not None:
            self.notice.show("success", t("desk.collected", count=len(students)))
        self.show_teams()

    def give_back(self) -> None:
        files = self.run_nbgrader(lambda: self.desk.give_back(self.module.value))
        if files is not None:
            exchange = t("desk.given_back_exchange") if self.desk.exchange_in_use() else ""
            folder = str(self.desk.course / OUTBOX)
            self.notice.show("success", t("desk.given_back", count=len(files), folder=folder, exchange=exchange))

    def show_teams(self) -> None:
        archive = self.desk.archive(self.module.value)
        self.help.value = f"<div class='rl-help'>{escape(t('desk.collect_help', archive=str(archive)))}</div>"
        self.submissions = self.desk.submissions(self.module.value)
        self.detail.children = []
        if not self.submissions:
            self.summary.value = f"<div class='rl-empty'>{escape(t('desk.none', archive=str(archive)))}</div>"
            self.teams.children = []
            return
        self.summary.value = f"<div class='rl-help'>{escape(t('desk.teams', count=len(self.submissions)))}</div>"
        self.team_buttons = {}
        for submission in self.submissions:
            team = css(button(submission.team, "quiet"), "rl-desk-team")
            self.on_click(team, lambda student=submission.student: self.show(student))
            self.team_buttons[submission.student] = team
            self._mark(submission)
        self.teams.children = list(self.team_buttons.values())

    def _mark(self, submission: Submission) -> None:
        """The team's button says whether every answer has its reply (green) or not yet (orange)."""
        team = self.team_buttons[submission.student]
        replies = submission.view.replies
        answered = sum(1 for reply in replies if reply.reply.strip())
        state = t("desk.check_done") if submission.view.check_done else t("desk.check_open")
        team.tooltip = f"{state} · {t('desk.answered', done=answered, total=len(replies))}"
        done = answered == len(replies)
        team.remove_class("rl-desk-open" if done else "rl-desk-done")
        team.add_class("rl-desk-done" if done else "rl-desk-open")

    def show(self, student: str) -> None:
        submission = self.desk.submission(self.module.value, student)
        check = "done" if submission.view.check_done else "open"
        state = t("desk.check_done") if check == "done" else t("desk.check_open")
        parts: list[ipw.Widget] = [
            html(f"<h3 class='rl-heading'>{escape(submission.team)}</h3>"),
            html(
                f"<div class='rl-desk-check rl-desk-{check}'><strong>{escape(state)}</strong>"
                f"<div>{escape(submission.view.check_text)}</div></div>"
            ),
        ]
        for shown in submission.view.replies:
            reply = ipw.Textarea(
                value=shown.reply,
                placeholder=t("desk.reply_placeholder"),
                continuous_update=False,
                layout=ipw.Layout(width="100%", height="90px"),
            )
            key = shown.reflection.key
            self.on_value(reply, lambda text, key=key: self.save(submission, key, text))
            answer_html = shown.answer_html or f"<p class='rl-muted'>{escape(t('desk.no_answer'))}</p>"
            parts += [
                html(
                    f"<div class='rl-desk-question'><div class='rl-label'>{escape(shown.question)}</div>"
                    f"<div class='rl-help'><strong>{escape(t('desk.hint'))}</strong> {escape(shown.reflection.hint)}</div>"
                    f"<div class='rl-label'>{escape(t('desk.answer'))}</div>"
                    f"<div class='rl-desk-answer'>{answer_html}</div>"
                    f"<div class='rl-label'>{escape(t('desk.reply'))}</div></div>"
                ),
                reply,
            ]
        if submission.snapshot is not None:
            parts.append(
                html(
                    f"<details class='rl-desk-snapshot'><summary>{escape(t('desk.snapshot'))}</summary>"
                    f"{snapshot_html(submission.snapshot)}</details>"
                )
            )
        self.detail.children = [css(ipw.VBox(parts), "rl-desk-detail")]

    def save(self, submission: Submission, key: str, text: str) -> None:
        self.desk.save_reply(self.module.value, submission.student, key, text)
        self._mark(self.desk.submission(self.module.value, submission.student))
        self.notice.show("success", t("desk.saved", team=submission.team))
