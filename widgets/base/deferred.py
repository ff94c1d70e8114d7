"""Work a page does once its cells have run: drawing that would otherwise keep the page waiting.

Voila sends a page's script only after the last cell has run; the browser then spends about a second
loading widget code while the kernel waits. A tool that needs more than a moment (charts, the network map)
draws itself in that second instead of in its cell: ``when_page_loaded(work, prepare)`` starts once no cell
has started for ``QUIET`` seconds (on a page already shown, as after a click, that is a moment later).
``prepare`` – pure computing and imports, no widget and no workbook – runs on a worker thread, so that the
kernel stays free to answer the browser, which asks for the page's widgets in that same second; ``work``
then runs on the kernel's own loop, where widgets may be changed, and finds what ``prepare`` cached.
Outside a kernel – in tests, in a script – both run at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

QUIET = 0.1  # seconds: Voila starts the next cell within milliseconds of the last one's reply


class PageLoad:
    """The work waiting for this kernel's cells to end, and the timer that runs it."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], None], Callable[[], object] | None]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._hooked = False
        self._worker: ThreadPoolExecutor | None = None

    def add(self, work: Callable[[], None], prepare: Callable[[], object] | None = None) -> None:
        loop = _running_loop()
        shell = _shell()
        if loop is None or shell is None:
            if prepare is not None:
                _logged(prepare)
            _logged(work)
            return
        self._hook(shell)
        self.waiting.append((work, prepare))
        self._arm(loop)

    def run_waiting(self) -> None:
        self._timer = None
        loop = asyncio.get_running_loop()
        waiting, self.waiting = self.waiting, []
        for work, prepare in waiting:
            if prepare is None:
                _logged(work)
                continue
            if self._worker is None:  # one thread: matplotlib's figures are not to be drawn side by side
                self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regionallabor-nachladen")

            def prepared(future: Future, work=work) -> None:
                if future.exception() is not None:  # work computes it again, on the loop, and shows the error
                    log.warning("Vorbereiten im Hintergrund fehlgeschlagen", exc_info=future.exception())
                loop.call_soon_threadsafe(_logged, work)

            self._worker.submit(prepare).add_done_callback(prepared)

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = loop.call_later(QUIET, self.run_waiting)

    def _cell_started(self, *_) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _cell_finished(self, *_) -> None:
        loop = _running_loop()
        if self.waiting and loop is not None:
            self._arm(loop)

    def _hook(self, shell) -> None:
        if not self._hooked:
            shell.events.register("pre_execute", self._cell_started)
            shell.events.register("post_execute", self._cell_finished)
            self._hooked = True


def _logged(work: Callable[[], object]) -> None:
    try:
        work()
    except Exception:  # one tool's failure must not keep the others from drawing
        log.exception("Nachladen nach dem Seitenaufbau fehlgeschlagen")


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None


_page_load = PageLoad()


def when_page_loaded(work: Callable[[], None], prepare: Callable[[], object] | None = None) -> None:
    """Run ``work`` once the page's cells have run, after ``prepare`` on a worker thread (both at once outside
    a kernel); errors are logged, not raised."""
    _page_load.add(work, prepare)
