"""Modul 5, tool „Einladungen“: the guest list drawn from the actor map, its statuses, and who is still missing."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import INVITATION_STATUSES, t
from regionallabor.core.model import Einladung, Konferenz, sector_label
from regionallabor.core.store import WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul5.konferenz import conference, diversity_check, guest_list, invite
from regionallabor_widgets.base import (
    Pager,
    RowCache,
    WorkbookTool,
    button,
    css,
    findings_html,
    heading,
    html,
    labelled,
    muted,
    offer,
)
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS, actor_chips


class InvitationList(WorkbookTool):
    """Invite actors from the map by name or from the suggestions; track each invitation's status."""

    SHOWS = (Einladung.KIND, Konferenz.KIND, *NETWORK_KINDS)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.picker = ipw.Combobox(
            placeholder=t("invite.placeholder"), ensure_option=False, layout=ipw.Layout(flex="1 1 320px")
        )
        self.add_button = button(t("invite.add"), "primary")
        self.on_click(self.add_button, self.add)
        self.suggestions = ipw.VBox()
        self.status_filter = ipw.Dropdown(
            options=[(t("invite.all"), "")] + [(label, key) for key, label in INVITATION_STATUSES.items()],
            value="",
            layout=ipw.Layout(width="200px"),
        )
        self.on_value(self.status_filter, lambda _: self.pager.reset())
        self.summary = html()
        self.list = ipw.VBox()
        self.pager = Pager(self, self._show_rows)
        self.check = html()
        self._rows = RowCache(self._row)
        self.children = [
            heading(t("invite.heading")),
            ipw.HBox(
                [
                    labelled(
                        t("invite.add_label"),
                        ipw.HBox([self.picker, self.add_button]),
                        layout=ipw.Layout(flex="1 1 460px"),
                    )
                ]
            ),
            self.notice,
            self.suggestions,
            self.summary,
            labelled(t("invite.filter"), self.status_filter),
            self.list,
            self.pager.more,
            heading(t("diversity.heading"), 4),
            self.check,
        ]
        self.start()

    def refresh(self) -> None:
        self.network = network = load_network(self.workbook)
        self.guests = guest_list(self.workbook, network)
        invited = {g.actor.id for g in self.guests}
        offer(
            self.picker,
            [a.name for a in sorted(network.actors, key=lambda a: a.name.casefold()) if a.id not in invited],
        )
        self._show_rows()
        stored = conference(self.workbook)
        expected = stored.record.expected_people if stored else None
        counts = {key: 0 for key in INVITATION_STATUSES}
        for guest in self.guests:
            counts[guest.invitation.record.status] += 1
        parts = " · ".join(
            f"<span class='rl-status-count rl-invite-{key}'>{escape(label)}: {counts[key]}</span>"
            for key, label in INVITATION_STATUSES.items()
        )
        target = f" · {escape(t('invite.expected', coming=counts['zugesagt'], expected=expected))}" if expected else ""
        self.summary.value = (
            (
                f"<div class='rl-invite-summary'><strong>{len(self.guests)}</strong> "
                f"{escape(t('invite.on_list'))} · {parts}{target}</div>"
            )
            if self.guests
            else ""
        )
        check = diversity_check(self.guests, network)
        self._show_check(check)
        self._show_suggestions(check)

    def _show_rows(self) -> None:
        wanted = self.status_filter.value
        found = [g for g in self.guests if not wanted or g.invitation.record.status == wanted]
        visible = self.pager.page(found)
        rows = self._rows.rows([((g.actor.id, g.invitation.version, g.actor.record.sector), (g,)) for g in visible])
        if rows:
            self.list.children = rows
        elif not self.network.actors:
            self.list.children = [muted(t("invite.no_actors"))]
        else:
            self.list.children = [muted(t("invite.empty") if not self.guests else t("invite.none_with_status"))]

    def _row(self, guest) -> ipw.HBox:
        actor, invitation = guest.actor, guest.invitation
        status = ipw.Dropdown(
            options=[(label, key) for key, label in INVITATION_STATUSES.items()],
            value=invitation.record.status,
            layout=ipw.Layout(width="150px"),
        )
        self.on_value(status, lambda new: self.set_status(guest, new))
        remove = button("✕", "quiet", tooltip=t("invite.remove"))
        self.on_click(remove, lambda: self.remove_record(Einladung, invitation, t("invite.removed", name=actor.name)))
        text = html(
            f"<div><span class='rl-member-name'>{escape(actor.name)}</span>{actor_chips(actor)}</div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        return css(ipw.HBox([text, status, remove]), "rl-member", "rl-guest", f"rl-guest-{invitation.record.status}")

    def _show_check(self, check) -> None:
        if not self.guests:
            self.check.value = f"<div class='rl-muted'>{escape(t('diversity.empty'))}</div>"
            return
        sectors = "".join(self._count_cell(sector_label(key), count) for key, count in check.by_sector.items())
        fields = "".join(self._count_cell(ALL_FIELDS[key], count) for key, count in check.by_field.items())
        findings = findings_html([("warning", text) for text in check.findings]) or findings_html(
            [("ok", t("diversity.fine"))]
        )
        self.check.value = (
            f"<div class='rl-diversity'><div><div class='rl-label'>{escape(t('field.sector'))}</div>"
            f"{sectors}</div><div><div class='rl-label'>{escape(t('field.handlungsfelder'))}</div>"
            f"{fields}</div></div>{findings}"
        )

    @staticmethod
    def _count_cell(label: str, count: int) -> str:
        return (
            f"<div class='rl-count-row{' rl-count-zero' if not count else ''}'><span>{escape(label)}</span>"
            f"<span class='rl-count-bar' style='width:{min(count, 20) * 8}px'></span><strong>{count}</strong></div>"
        )

    def _show_suggestions(self, check) -> None:
        chips = []
        for actor in check.suggestions:
            chip = css(
                button(f"+ {actor.name} ({actor.sector_label})", tooltip=t("invite.add_named", name=actor.name)),
                "rl-chip",
            )
            self.on_click(chip, lambda name=actor.name: self.add([name]))
            chips.append(chip)
        self.suggestions.children = (
            []
            if not chips
            else [
                html(f"<div class='rl-help'>{escape(t('invite.suggestions'))}</div>"),
                ipw.HBox(chips, layout=ipw.Layout(flex_flow="row wrap")),
            ]
        )

    def add(self, names: list[str] | None = None) -> list[str]:
        names = names or [self.picker.value.strip()]
        if not names[0]:
            self.notice.show("error", t("invite.choose"))
            return []
        try:
            revision, added = invite(self.workbook, names)
        except WorkbookError as error:
            self.refused(error)
            return []
        self.written(revision)
        self.picker.value = ""
        if added:
            self.notice.show("success", t("invite.added", names=", ".join(added)))
        else:
            self.notice.show("info", t("invite.already", names=", ".join(names)))
        self.refresh()
        return added

    def set_status(self, guest, status: str) -> None:
        if status == guest.invitation.record.status:
            return
        if self.change(guest.invitation, status=status) is not None:
            self.notice.show(
                "success", t("invite.status_saved", name=guest.actor.name, status=INVITATION_STATUSES[status])
            )
            self.refresh()
