"""The start page's tools: the module overview and the workbook's download and upload."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as ipw
from babel.lists import format_list

from regionallabor.core.environment import jupyterlab_link, on_binder
from regionallabor.core.formatting import format_timestamp
from regionallabor.core.history import when_and_who
from regionallabor.core.merge import Conflict, MergePlan, apply_merge, plan_merge
from regionallabor.core.messages import t
from regionallabor.core.model import Region, Team
from regionallabor.core.store import Arbeitsmappe, OpenPage, WorkbookError
from regionallabor.core.transfer import ParsedWorkbook, export_filename, export_json, parse_workbook_file
from regionallabor.course import MODULES, Status, available_modules
from regionallabor_widgets.base import (
    DownloadButton,
    WorkbookTool,
    WorkbookView,
    button,
    close_children,
    css,
    help_line,
    html,
    upload_button,
)
from regionallabor_widgets.base.presence import announce_page


class ModuleOverview(WorkbookView, ipw.HTML):
    """The six modules as cards, each with the team's status and a link where the module exists."""

    def __init__(self, workbook: Arbeitsmappe, modules_dir: Path | str = ".", **kwargs):
        super().__init__(**kwargs)
        self.modules_dir = Path(modules_dir)
        self.listen(workbook)
        self.refresh()

    def refresh(self) -> None:
        available = available_modules(self.modules_dir)
        cards = []
        for module in MODULES:
            status = module.status(self.workbook)
            if module.number in available:
                status_html = f"<span class='rl-status rl-status-{status.value}'>{escape(status.label)}</span>"
                action = (
                    f"<a class='rl-link-button' href='{escape(module.notebook)}'>{escape(t('start.open_module'))} →</a>"
                )
                details = []
                if status is Status.IN_PROGRESS and module.missing:
                    details.append(
                        f"{escape(t('start.still_open'))} " + escape(", ".join(module.missing(self.workbook)))
                    )
                last = self.workbook.last_change(list(module.kinds)) if module.kinds else None
                if last:
                    details.append(escape(t("start.last_change", when=format_timestamp(last))))
                extra = "".join(f"<div class='rl-module-open'>{d}</div>" for d in details)
                classes = "rl-module"
            else:
                status_html, action, extra = "", f"<span class='rl-later'>{escape(t('start.coming_soon'))}</span>", ""
                classes = "rl-module rl-module-later"
            cards.append(
                f"<div class='{classes}' data-module='{module.number}' data-status='{status.value}'>"
                f"<div class='rl-module-number'>Modul {module.number}</div>"
                f"<div class='rl-module-title'>{escape(module.title)}</div>"
                f"<div class='rl-module-summary'>{escape(module.summary)}</div>{extra}"
                f"<div class='rl-module-footer'>{status_html}{action}</div></div>"
            )
        self.value = f"<div class='rl-modules'>{''.join(cards)}</div>"


class TeamGreeting(WorkbookView, ipw.HTML):
    """The team and its region, as soon as Modul 1 names them – so the start page is theirs."""

    SHOWS = (Team.KIND, Region.KIND)

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(**kwargs)
        self.listen(workbook)
        self.refresh()

    def refresh(self) -> None:
        team, region = self.workbook.get(Team), self.workbook.get(Region)
        team_name = team.record.name if team else ""
        region_name = region.record.name if region else ""
        if not team_name and not region_name:
            self.value = ""
            return
        text = (
            t("start.greeting", team=team_name, region=region_name)
            if team_name and region_name
            else t("start.greeting_team", team=team_name)
            if team_name
            else t("start.greeting_region", region=region_name)
        )
        self.value = f"<div class='rl-greeting'>{escape(text)}</div>"


class WhoIsHere(ipw.HTML):
    """„Gerade dabei: Anna in Modul 3 (Beziehungsnetz), Ben auf der Startseite“ – the team's other open pages,
    updated with every sign of life (see regionallabor_widgets.base.presence)."""

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(**kwargs)
        self.presence = announce_page(workbook, 0)
        self.presence.listeners.append(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Nothing while nobody else is here: a team working alone on a laptop needs no line about it."""
        others = self.presence.others()
        self.value = f"<div class='rl-presence'>{escape(who_is_here(others))}</div>" if others else ""

    def close(self) -> None:
        if self.refresh in self.presence.listeners:
            self.presence.listeners.remove(self.refresh)
        super().close()


def who_is_here(pages: list[OpenPage]) -> str:
    """„Gerade dabei: Anna in Modul 3 (Beziehungsnetz), Ben auf der Startseite“ for a non-empty list of pages."""
    places: dict[str, list[int]] = {}
    for page in pages:
        found = places.setdefault(page.person or t("presence.unnamed"), [])
        if page.module not in found:
            found.append(page.module)
    titles = {module.number: module.title for module in MODULES}
    people = [
        t(
            "presence.person",
            person=person,
            places=format_list(
                [
                    t("presence.start_page")
                    if number == 0
                    else t("presence.module", number=number, title=titles[number])
                    for number in sorted(modules)
                ],
                locale="de",
            ),
        )
        for person, modules in places.items()
    ]
    return t("presence.here", people=", ".join(people))


class BinderWarning(ipw.HTML):
    """Shown only on Binder: the session and its workbook will be deleted."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.value = (
            f"<div class='rl-notice rl-notice-warning'>{t('start.binder_warning')}</div>" if on_binder() else ""
        )


class JupyterLabLink(ipw.HTML):
    """On Binder and a hub: the way to the worksheets in JupyterLab, opened in a new tab so this page keeps running."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        href = jupyterlab_link()
        key = "start.lab_binder" if on_binder() else "start.lab_hub"
        self.value = f"<div class='rl-notice rl-notice-info'>{t(key, href=href)}</div>" if href else ""


class WorkbookTransfer(WorkbookTool):
    """Where the workbook lives; download it as one JSON file; merge an uploaded one into it, or replace it."""

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(workbook, **kwargs)
        self._pending: tuple[str, ParsedWorkbook] | None = None
        self._plan: MergePlan | None = None
        self._choices: list[tuple[Conflict, ipw.RadioButtons]] = []

        self.export_button = DownloadButton(t("transfer.export_button"), t("transfer.export_help"))
        self.on_download(self.export_button, self.workbook_file)
        self.pseudonymise = ipw.Checkbox(
            value=False, description=t("transfer.pseudonymise"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.upload = upload_button(t("transfer.import_button"), ".json,application/json")
        self.on_upload(self.upload, lambda files: self.receive(*files[0]))
        self.merge = button(t("transfer.merge_button"), "primary")
        self.on_click(self.merge, self.plan_merge)
        self.confirm = button(t("transfer.import_confirm"))
        self.on_click(self.confirm, self.confirm_import)
        self.cancel = button(t("cancel"), "quiet")
        self.on_click(self.cancel, self.cancel_import)
        self.confirm_box = ipw.HBox([self.merge, self.confirm, self.cancel], layout=ipw.Layout(display="none"))
        self.conflicts = ipw.VBox()
        self.confirm_merge = button(t("transfer.merge_confirm"), "primary")
        self.on_click(self.confirm_merge, self.merge_now)
        self.cancel_merge = button(t("cancel"), "quiet")
        self.on_click(self.cancel_merge, self.cancel_import)
        self.merge_box = ipw.VBox(
            [self.conflicts, ipw.HBox([self.confirm_merge, self.cancel_merge])], layout=ipw.Layout(display="none")
        )

        self.children = [
            html(f"<div>{escape(t('start.location'))} <span class='rl-path'>{escape(str(workbook.path))}</span></div>"),
            html(
                "<div class='rl-help'>Alles, was ihr in den Modulen eintragt, wird sofort dort gespeichert. "
                "Ladet die Arbeitsmappe herunter, um sie zu sichern, weiterzugeben oder auf einem anderen "
                "Rechner weiterzuarbeiten.</div>"
            ),
            self.pseudonymise,
            help_line(t("privacy.what_is_replaced")),
            ipw.HBox([self.export_button]),
            html(f"<div class='rl-help' style='margin-top:10px'>{t('transfer.import_help')}</div>"),
            self.upload,
            self.notice,
            self.confirm_box,
            self.merge_box,
        ]

    def refresh(self) -> None:
        """Nothing shown here follows the workbook; a merge being chosen checks its state when it is done."""

    def workbook_file(self) -> tuple[str, bytes]:
        team = self.workbook.get(Team)
        filename = export_filename(team.record.name if team else "")
        return filename, export_json(self.workbook, self.pseudonymise.value)

    def receive(self, filename: str, raw: bytes) -> ParsedWorkbook | None:
        """Check an uploaded file completely, then ask whether to merge it or let it replace the workbook."""
        self._close_choices()
        try:
            parsed = parse_workbook_file(raw)
        except WorkbookError as error:
            self.notice.show("error", str(error))
            return None
        self._pending = (filename, parsed)
        question = escape(t("transfer.import_choice", filename=filename, summary=parsed.summary()))
        self.notice.show("info", f"{question}<br>{t('transfer.merge_help')}", markup=True)
        self.confirm_box.layout.display = ""
        return parsed

    def plan_merge(self) -> MergePlan | None:
        """Compare the file with the workbook; without conflicts merge at once, else let the team choose."""
        if self._pending is None:
            return None
        try:
            plan = plan_merge(self.workbook, self._pending[1])
        except WorkbookError as error:
            self.notice.show("error", str(error))
            return None
        self.confirm_box.layout.display = "none"
        if not plan.changes_anything:
            self._close_choices()
            self.notice.show("info", plan.summary())
            return plan
        self._plan = plan
        if not plan.conflicts:
            self.merge_now()
            return plan
        self._choices = [(conflict, self._choice(conflict)) for conflict in plan.conflicts]
        self.conflicts.children = [
            css(ipw.VBox([html(conflict_html(conflict)), choice]), "rl-merge-conflict")
            for conflict, choice in self._choices
        ]
        self.notice.show("warning", plan.summary())
        self.merge_box.layout.display = ""
        return plan

    @staticmethod
    def _choice(conflict: Conflict) -> ipw.RadioButtons:
        if conflict.ours is None:
            labels = (t("merge.ours_removed"), t("merge.theirs_changed"))
        elif conflict.theirs is None:
            labels = (t("merge.ours_kept"), t("merge.theirs_removed"))
        else:
            labels = (t("merge.ours"), t("merge.theirs"))
        return ipw.RadioButtons(
            options=[(labels[0], "ours"), (labels[1], "theirs")], value="ours", layout=ipw.Layout(width="auto")
        )

    def merge_now(self) -> None:
        if self._pending is None or self._plan is None:
            return
        filename, plan = self._pending[0], self._plan
        take_theirs = {conflict.key for conflict, choice in self._choices if choice.value == "theirs"}
        self._close_choices()
        try:
            backup = apply_merge(self.workbook, plan, take_theirs)
        except WorkbookError as error:  # another page wrote meanwhile, a full disk: nothing was merged
            self.notice.show("error", str(error))
            return
        self.notice.show(
            "success", f"{plan.summary()} {t('transfer.merge_done', filename=filename, backup=backup.name)}"
        )
        self.sync.check()

    def confirm_import(self) -> None:
        if self._pending is None:
            return
        filename, parsed = self._pending
        self._close_choices()
        try:
            backup = self.workbook.replace_all(parsed.records, parsed.known)
        except WorkbookError as error:  # no backup, a full disk: nothing was replaced
            self.notice.show("error", str(error))
            return
        self.notice.show("success", t("transfer.import_done", filename=filename, backup=backup.name))
        self.sync.check()

    def cancel_import(self) -> None:
        self._close_choices()
        self.notice.show("info", t("transfer.import_cancelled"))

    def _close_choices(self) -> None:
        self._pending = self._plan = None
        self._choices = []
        close_children(self.conflicts)
        self.conflicts.children = []
        self.confirm_box.layout.display = "none"
        self.merge_box.layout.display = "none"


def conflict_html(conflict: Conflict) -> str:
    """A record both sides changed: what it is, which side did what, and each field's two texts."""
    if conflict.ours is None:
        heading = t("merge.removed_here")
    elif conflict.theirs is None:
        heading = t("merge.removed_there")
    else:
        heading = t("merge.both_changed")
    lines = "".join(
        f"<li>{escape(t('merge.difference', field=d.field, ours=d.now, theirs=d.earlier))}</li>"
        for d in conflict.changes()
    )
    who = (
        f" <span class='rl-muted'>({escape(t('history.changed', when=when_and_who(conflict.ours.updated_at, conflict.ours.updated_by)))})</span>"
        if conflict.ours
        else ""
    )
    return f"<div><strong>{escape(heading)}</strong> {escape(conflict.label)}{who}</div>" + (
        f"<ul class='rl-merge-differences'>{lines}</ul>" if lines else ""
    )
