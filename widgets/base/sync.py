"""Keeping a page in step with the other pages (kernels) that write the same workbook."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from regionallabor.core.store import Arbeitsmappe

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Subscription:
    listener: Callable[[], None]
    shows: frozenset[str]


class WorkbookSync:
    """Notices writes made by other pages (kernels) and asks this page's tools to reload.

    Every tool tells it the revision of each of its own writes; a revision it did
    not write means someone else changed the workbook. Inside a running kernel it
    polls the workbook's revision every ``interval`` seconds while anyone listens.
    A tool's own write reloads the other tools of the page that show the record
    kinds it wrote (the network map after an actor was added in the list above it).
    """

    interval = 2.0

    def __init__(self, workbook: Arbeitsmappe):
        self.workbook = workbook
        self.seen = workbook.revision()
        self._subscriptions: list[Subscription] = []
        self._task: asyncio.Task | None = None

    @property
    def listeners(self) -> list[Callable[[], None]]:
        return [subscription.listener for subscription in self._subscriptions]

    def subscribe(self, listener: Callable[[], None], shows: tuple[str, ...] = ()) -> Callable[[], None]:
        """``listener`` reloads a tool; ``shows`` are the record kinds it displays. Returns the unsubscribe."""
        subscription = Subscription(listener, frozenset(shows))
        self._subscriptions.append(subscription)
        self._start_polling()

        def unsubscribe() -> None:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)
            if not self._subscriptions:
                self._stop_polling()

        return unsubscribe

    def own_write(
        self, revision: int, kinds: frozenset[str] = frozenset(), writer: Callable[[], None] | None = None
    ) -> None:
        if revision == self.seen + 1:
            self.seen = revision
            for subscription in list(self._subscriptions):
                if subscription.listener != writer and subscription.shows & kinds:
                    subscription.listener()
        else:
            self.check()

    def check(self) -> bool:
        """Reload the tools if the workbook changed elsewhere; True if it did."""
        revision = self.workbook.revision()
        if revision == self.seen:
            return False
        self.seen = revision
        for subscription in list(self._subscriptions):
            subscription.listener()
        return True

    def _start_polling(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # not in a kernel (tests): callers use check()
        self._task = loop.create_task(self._poll())

    def _stop_polling(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.check()
            except Exception:  # a locked or vanished file, or a failing tool, must not end the polling
                log.warning("Abgleich mit der Arbeitsmappe %s fehlgeschlagen", self.workbook.path, exc_info=True)


_syncs: dict[int, WorkbookSync] = {}


def sync_for(workbook: Arbeitsmappe) -> WorkbookSync:
    """The one WorkbookSync of this kernel for ``workbook``."""
    sync = _syncs.get(id(workbook))
    if sync is None or sync.workbook is not workbook:
        sync = _syncs[id(workbook)] = WorkbookSync(workbook)
    return sync
