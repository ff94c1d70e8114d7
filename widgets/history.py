"""The start page's „Verlauf und Papierkorb“: who changed what lately, every earlier version of it, and what
was removed – each brought back with one click. And who is working on this device, where no hub says it."""

from __future__ import annotations

import os
from html import escape
from urllib.parse import quote

import ipywidgets as ipw

from regionallabor.core.history import RecentChange, differences, recent_changes, record_label, when_and_who
from regionallabor.core.messages import t
from regionallabor.core.model import RECORD_TYPES, Member
from regionallabor.core.store import Arbeitsmappe, EarlierVersion, WorkbookError
from regionallabor_widgets.base import Pager, WorkbookTool, button, css, heading, help_line, html

TRASH_SHOWN = 8


class WorkbookHistory(WorkbookTool):
    """The records changed last, with their earlier versions on request, and the Papierkorb."""

    SHOWS = tuple(RECORD_TYPES)

    def __init__(self, workbook: Arbeitsmappe, recent: int = 8, **kwargs):
        super().__init__(workbook, **kwargs)
        css(self, "rl-history")
        self.pager = Pager(self, self.refresh, page_size=recent)  # every record's history is a few clicks away
        self.open_record: tuple[str, str] | None = None  # whose versions are shown
        self.recent_box = ipw.VBox()
        self.trash_box = ipw.VBox()
        self.children = [
            self.notice,
            heading(t("history.recent_heading"), 4),
            self.recent_box,
            self.pager.more,
            heading(t("history.trash_heading"), 4),
            help_line(t("history.trash_help")),
            self.trash_box,
        ]
        self.start()

    def refresh(self) -> None:
        changes = self.pager.page(recent_changes(self.workbook, self.pager.shown + self.pager.page_size))
        self.recent_box.children = [self.change_row(change) for change in changes] or [
            help_line(t("history.recent_empty"))
        ]
        groups = self.workbook.papierkorb(limit=TRASH_SHOWN)
        self.trash_box.children = [self.trash_row(group) for group in groups] or [help_line(t("history.trash_empty"))]

    def change_row(self, change: RecentChange) -> ipw.Widget:
        record = change.current.record
        what = "history.changed" if change.earlier else "history.added"
        when = when_and_who(change.current.updated_at, change.current.updated_by)
        line = html(
            f"<div class='rl-history-line'><span class='rl-history-what'>{escape(record_label(record))}</span> "
            f"<span class='rl-muted'>{escape(t(what, when=when))}</span></div>"
        )
        if not change.earlier:
            return css(ipw.HBox([line]), "rl-history-row")
        is_open = self.open_record == (record.KIND, record.id)
        toggle = button(
            t("history.hide_versions") if is_open else t("history.versions_button", count=len(change.earlier)), "quiet"
        )
        self.on_click(toggle, lambda: self.toggle(record.KIND, record.id))
        row = css(ipw.HBox([line, toggle]), "rl-history-row")
        if not is_open:
            return row
        return ipw.VBox([row, *(self.version_row(change, earlier) for earlier in change.earlier)])

    def version_row(self, change: RecentChange, earlier: EarlierVersion) -> ipw.Widget:
        found = differences(earlier.record, change.current.record)
        changes = "; ".join(f"{d.field}: {d.earlier} (jetzt: {d.now})" for d in found) or t("history.version_same")
        text = html(
            f"<div class='rl-history-version'><div>{escape(t('history.version_of', when=when_and_who(earlier.updated_at, earlier.updated_by)))}</div>"
            f"<div class='rl-muted'>{escape(t('history.version_changes', changes=changes))}</div></div>"
        )
        return self.restore_row(text, t("history.restore"), earlier, "rl-history-earlier")

    def trash_row(self, group: list[EarlierVersion]) -> ipw.Widget:
        first = group[0]
        others = f" ({t('history.with_others', count=len(group) - 1)})" if len(group) > 1 else ""
        line = html(
            f"<div class='rl-history-line'><span class='rl-history-what'>{escape(record_label(first.record))}</span>"
            f"{escape(others)} <span class='rl-muted'>{escape(t('history.removed', when=when_and_who(first.replaced_at, first.replaced_by)))}</span></div>"
        )
        return self.restore_row(line, t("history.restore_removed"), first, "rl-trash-row")

    def restore_row(self, text: ipw.HTML, label: str, earlier: EarlierVersion, kind: str) -> ipw.HBox:
        """A version or a removal, with the button that brings it back."""
        restore = button(label)
        self.on_click(restore, lambda: self.restore(earlier))
        return css(ipw.HBox([text, restore]), "rl-history-row", kind)

    def toggle(self, kind: str, record_id: str) -> None:
        self.open_record = None if self.open_record == (kind, record_id) else (kind, record_id)
        self.refresh()

    def restore(self, earlier: EarlierVersion) -> None:
        label = record_label(earlier.record)
        try:
            restored = self.workbook.restore(type(earlier.record), earlier.entry)
        except WorkbookError as error:
            self.reload_after(error)
            return
        self.written(restored.version)
        key = "history.restored" if earlier.removed else "history.restored_version"
        self.notice.show("success", t(key, label=label))
        self.refresh()


class PersonChoice(WorkbookTool):
    """Who works on this device: on a hub the login says it; elsewhere the team picks a member's name.

    The choice goes to the workbook of this page at once and, as a cookie the page's script sets, to the
    pages opened after it (regionallabor.serving.page_person reads it).
    """

    SHOWS = (Member.KIND,)

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(workbook, **kwargs)
        css(self, "rl-person-choice")
        self.on_hub = bool(os.environ.get("JUPYTERHUB_USER"))
        self.choice = ipw.Dropdown(description="", layout=ipw.Layout(width="260px"))
        css(self.choice, "rl-person-select")
        self.cookie = html(layout=ipw.Layout())  # carries the chosen name to the page's script
        css(self.cookie, "rl-person-cookie")
        self.on_value(self.choice, self.choose)
        self.start()

    def refresh(self) -> None:
        person = self.workbook.person
        if self.on_hub:
            self.children = [help_line(t("history.you_are", person=person))] if person else []
            return
        names = [stored.record.name for stored in self.workbook.list(Member)]
        options = [(t("history.who_nobody"), "")] + [(name, name) for name in names]
        if person and person not in names:
            options.append((person, person))
        with self.loading():
            self.choice.options = options
            self.choice.value = person or ""
        self.children = [
            html(f"<div class='rl-label'>{escape(t('history.who_label'))}</div>"),
            self.choice,
            help_line(t("history.who_help")),
            self.cookie,
        ]

    def choose(self, name: str) -> None:
        if self.is_loading:
            return
        self.workbook.person = name or None
        self.cookie.value = f"<span data-person='{escape(quote(name))}'></span>"
