"""Who has which page open: each page gives a sign of life in the workbook while its kernel runs."""

from __future__ import annotations

import asyncio
import atexit
import logging
import time
import uuid
from collections.abc import Callable
from contextlib import suppress

from regionallabor.core.store import Arbeitsmappe, OpenPage

log = logging.getLogger(__name__)

SIGN_OF_LIFE_SECONDS = 15.0
GONE_AFTER_SECONDS = 45.0  # a page silent this long is closed (its kernel was killed or culled)


class PagePresence:
    """This page's sign of life: written at once and every SIGN_OF_LIFE_SECONDS while the kernel runs, removed
    when the kernel ends. Listeners (the start page's „Gerade dabei“) are called after each sign of life."""

    def __init__(self, workbook: Arbeitsmappe, module: int):
        self.workbook = workbook
        self.module = module
        self.page = uuid.uuid4().hex
        self.listeners: list[Callable[[], None]] = []
        self._task: asyncio.Task | None = None
        workbook.mark_present(self.page, module, time.time())
        atexit.register(workbook.leave, self.page)
        with suppress(RuntimeError):  # not in a kernel (tests): call beat()
            self._task = asyncio.get_running_loop().create_task(self._beat())

    def beat(self) -> None:
        self.workbook.mark_present(self.page, self.module, time.time())
        for listener in list(self.listeners):
            listener()

    def others(self) -> list[OpenPage]:
        """The pages other people have open on this workbook now (unnamed ones count as others)."""
        person = self.workbook.person
        return [
            p
            for p in self.workbook.present(time.time() - GONE_AFTER_SECONDS)
            if p.page != self.page and (person is None or p.person != person)
        ]

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(SIGN_OF_LIFE_SECONDS)
            try:
                self.beat()
            except Exception:  # a failing listener must not end the signs of life
                log.warning("Lebenszeichen der Seite fehlgeschlagen", exc_info=True)


_presences: dict[int, PagePresence] = {}


def announce_page(workbook: Arbeitsmappe, module: int) -> PagePresence:
    """This kernel's page is open on ``module`` (0: the start page); one presence per workbook and kernel."""
    presence = _presences.get(id(workbook))
    if presence is None or presence.workbook is not workbook:
        presence = _presences[id(workbook)] = PagePresence(workbook, module)
    return presence


def presence_of(workbook: Arbeitsmappe) -> PagePresence | None:
    return _presences.get(id(workbook))
