"""Modul 6: the Statusbericht – the short, regular report to the hosting team.

Where the team stands (phase), what it achieved, what comes next, where it needs support. A draft is
prefilled from the workbook and edited by the team; sending it dates it and keeps it in the history.
"""

from __future__ import annotations

from datetime import date

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Akteur, Aktion, Einladung, Member, Region, Statusbericht, Team, Ziel
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError
from regionallabor.course import MODULES, Module, Status
from regionallabor.dokumente.dokument import Document, Heading, Paragraph
from regionallabor.modul5.konferenz import conference
from regionallabor.modul6.aktionen import actions, next_actions, plan_summary


class ReportRuleError(WorkbookError):
    pass


def draft(workbook: Arbeitsmappe) -> Stored[Statusbericht] | None:
    """The report the team is writing (not yet sent), if any."""
    return next((s for s in workbook.list(Statusbericht) if s.record.sent_on is None), None)


def history(workbook: Arbeitsmappe) -> list[Stored[Statusbericht]]:
    """Sent reports, newest first."""
    sent = [s for s in workbook.list(Statusbericht) if s.record.sent_on is not None]
    return sorted(sent, key=lambda s: (s.record.sent_on, s.updated_at), reverse=True)


Checked = list[tuple[Module, Status]]


def current_phase(checked: Checked) -> str:
    """„Modul 4 · Vision (in Arbeit)“ – the first module not yet done, and how many are."""
    done = [module for module, status in checked if status is Status.DONE]
    current = next(((m, s) for m, s in checked if s is not Status.DONE), None)
    if current is None:
        return t("report.phase_all_done")
    module, status = current
    return t(
        "report.phase",
        number=module.number,
        title=module.title,
        status=status.label,
        done=len(done),
        total=len(MODULES),
    )


def achievements(workbook: Arbeitsmappe, today: date, checked: Checked, action_list: list[Aktion]) -> list[str]:
    """What the workbook shows the team has done, one line each."""
    lines = []
    done_modules = [f"{m.number} · {m.title}" for m, status in checked if status is Status.DONE]
    if done_modules:
        lines.append(t("report.modules_done", modules=", ".join(done_modules)))
    members = workbook.count_kind(Member.KIND)
    region = workbook.get(Region)
    if members:
        where = f" für {region.record.name}" if region and region.record.name else ""
        lines.append(t("report.team", count=members, where=where))
    actors = workbook.count_kind(Akteur.KIND)
    if actors:
        lines.append(t("report.actors", count=actors))
    goals = workbook.count_kind(Ziel.KIND)
    if goals:
        lines.append(t("report.goals", count=goals))
    stored = conference(workbook)
    if stored and stored.record.starts_on:
        confirmed = sum(1 for s in workbook.list(Einladung) if s.record.status == "zugesagt")
        key = "report.conference_held" if stored.record.starts_on < today else "report.conference_planned"
        lines.append(t(key, date=format_date(stored.record.starts_on.isoformat()), confirmed=confirmed))
    if action_list:
        summary = plan_summary(action_list, today)
        lines.append(
            t(
                "report.actions",
                count=len(action_list),
                done=summary.by_status["erledigt"],
                running=summary.by_status["laeuft"],
            )
        )
    return lines


def planned_steps(workbook: Arbeitsmappe, checked: Checked, action_list: list[Aktion]) -> list[str]:
    """The open actions due next, and what the current module still lacks."""
    lines = []
    for action in next_actions(action_list):
        who = f" ({action.responsible})" if action.responsible else ""
        lines.append(t("report.next_action", date=format_date(action.due.isoformat()), title=action.title, who=who))
    current = next((m for m, status in checked if status is not Status.DONE and m.missing), None)
    if current is not None:
        for item in current.missing(workbook)[:3]:
            lines.append(t("report.missing_item", number=current.number, item=item))
    return lines


def prefilled(workbook: Arbeitsmappe, today: date) -> Statusbericht:
    """A report drafted from the workbook; each module's status is checked once (a check reads several kinds)."""
    checked = [(module, module.status(workbook)) for module in MODULES]
    action_list = [s.record for s in actions(workbook)]
    bullets = "\n".join
    return Statusbericht(
        phase=current_phase(checked),
        achievements=bullets(f"– {line}" for line in achievements(workbook, today, checked, action_list)),
        next_steps=bullets(f"– {line}" for line in planned_steps(workbook, checked, action_list)),
    )


def start_draft(workbook: Arbeitsmappe, today: date) -> Stored[Statusbericht]:
    """The draft, prefilled from the workbook if the team has none yet."""
    with workbook.transaction() as tx:
        existing = draft(workbook)
        if existing is not None:
            return existing
        return tx.add(prefilled(workbook, today))


def send(workbook: Arbeitsmappe, stored: Stored[Statusbericht], today: date) -> Stored[Statusbericht]:
    """Date the draft and move it into the history; an empty report is refused."""
    report = stored.record
    if not (report.achievements.strip() or report.next_steps.strip() or report.support.strip()):
        raise ReportRuleError(t("report.empty"))
    return workbook.update(report.model_copy(update={"sent_on": today}), stored.version)


def report_document(workbook: Arbeitsmappe, report: Statusbericht) -> Document:
    team = workbook.get(Team)
    region = workbook.get(Region)
    names = [part for part in (team.record.name if team else "", region.record.name if region else "") if part]
    when = format_date(report.sent_on.isoformat()) if report.sent_on else t("report.unsent")
    document = Document(
        t("report.document_title", date=when), " · ".join(names) or t("export.our_team"), footer=t("report.footer")
    )
    for key, text in (
        ("phase", report.phase),
        ("achievements", report.achievements),
        ("next_steps", report.next_steps),
        ("support", report.support),
    ):
        document.add(Heading(t(f"field.{key}")), Paragraph(text or "–", "body" if text else "muted"))
    return document


def report_stem(report: Statusbericht) -> str:
    """The report's file name without extension: statusbericht-2027-06-01."""
    return f"statusbericht-{report.sent_on.isoformat() if report.sent_on else 'entwurf'}"
