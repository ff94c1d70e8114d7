"""Modul 5, „Thementische“: the tables, drawn from Modul 2's challenges, with hosts and seats."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.core.model import Herausforderung, Konferenz, Member, Thementisch
from regionallabor.core.store import Stored
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul5.konferenz import conference, open_challenges, table_issues, topic_tables
from regionallabor_widgets.base import (
    RecordListTool,
    css,
    field_chip,
    field_options,
    findings_html,
    heading,
    html,
    labelled,
    offer_members,
    person_field,
)


class TopicTables(RecordListTool):
    """One Thementisch per challenge the team wants worked on, with a Handlungsfeld, a host and its seats."""

    MODEL = Thementisch
    SHOWS = (Thementisch.KIND, Herausforderung.KIND, Konferenz.KIND, Member.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("tables.add"), **kwargs)
        self.challenge = ipw.Dropdown(layout=ipw.Layout(width="100%"))
        self.on_value(self.challenge, self._take_challenge)
        self.title = ipw.Text(placeholder=t("tables.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.field = ipw.Dropdown(options=field_options(), value="landwirtschaft", layout=ipw.Layout(width="290px"))
        self.host = person_field(t("tables.host_placeholder"))
        self.people = ipw.IntText(value=8, layout=ipw.Layout(width="110px"))
        self.issues = html()
        self.summary = html()
        grow = ipw.Layout(flex="1 1 260px", min_width="220px")
        self.children = [
            heading(t("tables.heading")),
            self.form_area(
                css(
                    ipw.VBox(
                        [
                            self.form_title,
                            labelled(t("tables.challenge_label"), self.challenge, t("tables.challenge_help")),
                            ipw.HBox(
                                [
                                    labelled(t("field.title"), self.title, layout=ipw.Layout(flex="2 1 300px")),
                                    labelled(t("field.handlungsfeld"), self.field),
                                ],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                            ),
                            ipw.HBox(
                                [
                                    labelled(t("field.host"), self.host, layout=grow),
                                    labelled(t("field.people"), self.people),
                                ],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                            ),
                            self.buttons,
                        ]
                    ),
                    "rl-form",
                )
            ),
            self.notice,
            self.summary,
            self.issues,
            self.list,
            self.pager.more,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Thementisch]]:
        self._challenges = {s.record.id: s.record for s in self.workbook.list(Herausforderung)}
        return topic_tables(self.workbook)

    def empty_text(self) -> str:
        return t("tables.empty")

    def show_extra(self, records: list[Stored[Thementisch]]) -> None:
        offer_members(self.host, self.workbook)
        challenges = open_challenges(list(self._challenges.values()), records)
        editing_challenge = self.editing.record.challenge_id if self.editing else None
        options = [(t("tables.own_topic"), "")] + [(f"{ALL_FIELDS[c.field]}: {c.text}", c.id) for c in challenges]
        taken = self._challenges.get(editing_challenge) if editing_challenge else None
        if taken is not None and editing_challenge not in {o[1] for o in options}:
            options.append((f"{ALL_FIELDS[taken.field]}: {taken.text}", editing_challenge))
        with self.loading():
            current = self.challenge.value
            self.challenge.options = options
            self.challenge.value = current if current in {o[1] for o in options} else ""
        stored = conference(self.workbook)
        expected = stored.record.expected_people if stored else None
        tables = [s.record for s in records]
        self.issues.value = findings_html([("warning", text) for text in table_issues(tables, expected)])
        seats = sum(table.people for table in tables)
        self.summary.value = (
            ""
            if not tables
            else (
                f"<div class='rl-help'>{escape(t('tables.summary', count=len(tables), seats=seats))}"
                + (f" {escape(t('tables.expected', expected=expected))}" if expected else "")
                + "</div>"
            )
        )

    def _take_challenge(self, challenge_id: str | None) -> None:
        if self.is_loading or not challenge_id:
            return
        challenge = self._challenges.get(challenge_id)
        if challenge is not None:
            self.title.value = challenge.text[:150]
            self.field.value = challenge.field

    def row_html(self, stored: Stored[Thementisch]) -> str:
        table = stored.record
        host = t("tables.hosted_by", name=table.host) if table.host else t("tables.no_host_short")
        meta = f"{host} · {t('tables.seats', count=table.people)}"
        source = ""
        challenge = self._challenges.get(table.challenge_id) if table.challenge_id else None
        if challenge is not None:
            source = (
                f"<div class='rl-schatz-description'>{escape(t('tables.from_challenge', text=challenge.text))}</div>"
            )
        return (
            f"<div><span class='rl-member-name'>{escape(table.title)}</span>{field_chip(table.field)}{source}"
            f"<div class='rl-member-meta'>{escape(meta)}</div></div>"
        )

    def form_values(self) -> dict:
        return {
            "title": self.title.value,
            "field": self.field.value,
            "host": self.host.value,
            "people": self.people.value,
            "challenge_id": self.challenge.value or None,
        }

    def load_form(self, table: Thementisch) -> None:
        self.show_extra(self.records())
        with self.loading():
            options = {o[1] for o in self.challenge.options}
            self.challenge.value = table.challenge_id if table.challenge_id in options else ""
        self.title.value, self.field.value, self.host.value, self.people.value = (
            table.title,
            table.field,
            table.host,
            table.people,
        )

    def clear_form(self) -> None:
        with self.loading():
            if self.challenge.options:
                self.challenge.value = ""
        self.title.value = self.host.value = ""
        self.people.value = 8

    def saved_message(self, table: Thementisch) -> str:
        return t("tables.saved", title=table.title)
