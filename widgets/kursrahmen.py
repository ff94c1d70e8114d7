"""The course frame on the pages: the next date and the hosting team on the start page, a module's session and
videos on its page. Read from the cohort's course file (``regionallabor.kursrahmen``) on every refresh."""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Region
from regionallabor.core.store import Arbeitsmappe
from regionallabor.kursrahmen import (
    TIMEZONE,
    FrameError,
    Kursrahmen,
    frame_calendar,
    load_frame,
    module_sessions,
    module_videos,
    next_session,
    when,
)
from regionallabor_widgets.base import WorkbookView


def _calendar_link(raw: bytes) -> str:
    """The dates as a calendar file, in a link inside the frame's text: small, so it travels in the page."""
    payload = base64.b64encode(raw).decode("ascii")
    name = "regionallabor-termine.ics"
    return f"<a class='rl-download' download='{name}' href='data:text/calendar;base64,{payload}'>⬇ {name}</a>"


def _link(url: str, text: str) -> str:
    return f"<a class='rl-link-button' href='{escape(url)}' target='_blank' rel='noopener'>{escape(text)} →</a>"


def _broken(error: FrameError) -> str:
    return f"<div class='rl-notice rl-notice-warning'>{escape(t('frame.broken', detail=str(error)))}</div>"


class _FrameView:
    """Mixed in before ipywidgets' HTML: reads the course file on every refresh and draws it; a broken file shows
    its German message instead."""

    def refresh(self) -> None:
        try:
            frame = load_frame()
        except FrameError as error:
            self.value = _broken(error)
            return
        self.value = self.draw(frame)

    def draw(self, frame: Kursrahmen) -> str:
        raise NotImplementedError


class CourseDates(_FrameView, WorkbookView, ipw.HTML):
    """Start page: the cohort, its next date (for the team's Weggemeinschaft), the hosting team, all dates as
    a calendar file – or, without a cohort, that the team learns on its own."""

    SHOWS = (Region.KIND,)  # the Weggemeinschaft chooses the WEGG meetings

    def __init__(self, workbook: Arbeitsmappe, now: datetime | None = None, **kwargs):
        super().__init__(**kwargs)
        self.add_class("rl-course-frame")
        self.now = now
        self.listen(workbook)
        self.refresh()

    def draw(self, frame: Kursrahmen) -> str:
        stored = self.workbook.get(Region)
        weggemeinschaft = stored.record.weggemeinschaft if stored and stored.record.weggemeinschaft else None
        return f"<div class='rl-frame-box'>{self._body(frame, weggemeinschaft)}</div>"

    def _body(self, frame: Kursrahmen, weggemeinschaft: str | None) -> str:
        if frame.kohorte is None:
            return f"<p>{escape(t('frame.self_learning'))}</p>"
        cohort = frame.kohorte
        parts = [
            "<div class='rl-frame-cohort'>"
            + escape(
                t(
                    "frame.cohort",
                    name=cohort.name,
                    start=format_date(cohort.beginn.isoformat()),
                    end=format_date(cohort.ende.isoformat()),
                )
            )
            + "</div>"
        ]
        now = self.now or datetime.now(TIMEZONE)
        upcoming = next_session(frame, now, weggemeinschaft)
        if upcoming is None:
            parts.append(f"<p>{escape(t('frame.none_left'))}</p>")
        else:
            key = "frame.running" if upcoming.starts <= now else "frame.next"
            line = escape(t(key, title=upcoming.title, when=when(upcoming.starts)))
            link = _link(upcoming.link, t("frame.next_link")) if upcoming.link else ""
            parts.append(f"<div class='rl-frame-next'><strong>{line}</strong>{link}</div>")
        if frame.begleitteam is not None:
            team = frame.begleitteam
            contact = [escape(t("frame.contact", name=team.name))]
            if team.ansprechperson:
                contact.append(escape(t("frame.contact_person", name=team.ansprechperson)))
            if team.email:
                contact.append(f"<a href='mailto:{escape(team.email)}'>{escape(team.email)}</a>")
            if team.telefon:
                contact.append(f"<a href='tel:{escape(team.telefon.replace(' ', ''))}'>{escape(team.telefon)}</a>")
            if team.sprechzeiten:
                contact.append(escape(t("frame.office_hours", hours=team.sprechzeiten)))
            parts.append(f"<div class='rl-frame-contact'>{' · '.join(contact)}</div>")
        if frame.termin or frame.wegg:
            calendar = _calendar_link(frame_calendar(frame))
            parts.append(f"<div class='rl-frame-calendar'>{escape(t('frame.calendar'))}: {calendar}</div>")
        parts.append(f"<p class='rl-help'>{escape(t('frame.when_to_bring'))}</p>")
        return "".join(parts)


class ModuleSupport(_FrameView, ipw.HTML):
    """A module page: its accompanied session and its videos, when the cohort has them; nothing otherwise."""

    def __init__(self, module: int, **kwargs):
        super().__init__(**kwargs)
        self.add_class("rl-module-support")
        self.module = module
        self.refresh()

    def draw(self, frame: Kursrahmen) -> str:
        dates, videos = module_sessions(frame, self.module), module_videos(frame, self.module)
        if not dates and not videos:
            return ""
        parts = [f"<div class='rl-handbook-title'>{escape(t('frame.module_heading'))}</div>"]
        for session in dates:
            link = _link(session.link, t("frame.next_link")) if session.link else ""
            parts.append(
                f"<div class='rl-frame-next'>{escape(t('frame.module_sessions'))}: "
                f"<strong>{escape(when(session.starts))}</strong>{link}</div>"
            )
        if videos:
            items = "".join(
                f"<li><a href='{escape(str(v.link))}' target='_blank' rel='noopener'>"
                f"{escape(t('frame.video', title=v.titel, minutes=v.minuten))}</a>"
                f"<div class='rl-help'>{escape(v.beschreibung)}</div></li>"
                for v in videos
            )
            parts.append(
                f"<div class='rl-label'>{escape(t('frame.module_videos'))}</div><ul class='rl-videos'>{items}</ul>"
                f"<div class='rl-help'>{escape(t('frame.online_only'))}</div>"
            )
        return f"<div class='rl-frame-box'>{''.join(parts)}</div>"
