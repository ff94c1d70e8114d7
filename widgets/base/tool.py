"""The base of every course tool: it reads the workbook, writes to it, and reloads when other pages write."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.history import differences, record_label, when_and_who, when_removed
from regionallabor.core.messages import t
from regionallabor.core.model import RECORD_TYPES, explain
from regionallabor.core.store import Arbeitsmappe, StaleRecordError, Stored, WorkbookError

from .datefield import DateField
from .deferred import when_page_loaded
from .elements import close_children, css
from .notices import Notice
from .sync import sync_for

if TYPE_CHECKING:
    from .downloads import DownloadButton, DownloadFile

log = logging.getLogger(__name__)


class GuardedActions:
    """A widget whose clicks, edits and uploads all run guarded: an unexpected error in any of them becomes a
    German notice and a log line, and the widget stays usable. Mix it in before the ipywidgets class; it needs
    ``self.notice``. Tools connect their controls only through ``on_click``, ``on_value``, ``on_actions`` and ``on_upload``."""

    notice: Notice

    def on_click(self, button: ipw.Button, action: Callable[[], object]) -> None:
        button.on_click(lambda _: self.run(action))

    def on_value(self, widget: ipw.Widget, action: Callable[[Any], object], name: str = "value") -> None:
        """Run ``action(new value)`` whenever the widget's ``name`` trait changes."""
        if name == "value" and isinstance(widget, ipw.DOMWidget):
            widget._acts_on_change = True  # Enter in it is left alone (enter_submits): it saves or acts by itself
            css(widget, "rl-autosave")  # and the page does not warn of unsaved text in it (regionallabor.js)
        widget.observe(lambda change: self.run(action, change["new"]), name)

    def on_actions(self, board, handlers: dict[str, Callable[..., object]]) -> None:
        """Run each ``handlers[action](**arguments)`` when the team acts on a card board (widgets/base/board.py)."""
        for action, handler in handlers.items():
            board.on_action(action, lambda handler=handler, **arguments: self.run(lambda: handler(**arguments)))

    def on_upload(self, upload: ipw.FileUpload, receive: Callable[[list[tuple[str, bytes]]], object]) -> None:
        """Hand uploaded files as (name, content) to ``receive``; the uploader is emptied afterwards, whatever happened."""

        def uploaded(files) -> None:
            if files:
                with self.guarded(upload):
                    receive([(file["name"], bytes(file["content"])) for file in files])

        upload.observe(lambda change: uploaded(change["new"]), "value")

    def on_download(self, button: DownloadButton, make: Callable[[], DownloadFile | None]) -> None:
        """Make the file when the button is pressed and hand it to the browser. ``make`` returns None when
        there is nothing to give, after saying why in the notice; an error is guarded like any other."""

        def pressed() -> None:
            file = None
            with self.guarded():
                file = make()
            if file is None:
                button.refuse()
            else:
                button.deliver(file)

        button.on_press(pressed)

    def run(self, action: Callable[..., object], *args) -> None:
        with self.guarded():
            action(*args)

    @contextmanager
    def guarded(self, *uploads: ipw.FileUpload) -> Iterator[None]:
        """Run what a click or an upload started: an unexpected error becomes a German notice and a log line,
        the widget stays usable, and the given uploaders are emptied again (else they keep showing „(1)“)."""
        try:
            yield
        except Exception:
            log.exception("%s: unerwarteter Fehler", type(self).__name__)
            self.notice.show("error", t("tool.unexpected"))
        finally:
            for upload in uploads:
                upload.value = ()


def enter_submits(root: ipw.Widget) -> None:
    """Enter in a one-line field of a form (a box with the class ``rl-form``) presses the form's primary button.

    The browser sends Enter as a ``submit`` message after the field's last keystroke, so the value has arrived.
    Left out: a field that saves itself on every change (``on_value``: Enter in the conference's title must not
    apply the preset beside it), one that syncs only when it loses focus (its value would come after the
    Enter) and a Combobox, where Enter picks a suggestion. ipywidgets' own ``on_submit`` is deprecated; the message is not.
    """
    for form in _descendants(root):
        if "rl-form" not in getattr(form, "_dom_classes", ()):
            continue
        inside = list(_descendants(form))
        primary = next((w for w in inside if isinstance(w, ipw.Button) and "rl-button-primary" in w._dom_classes), None)
        if primary is None:
            continue
        for field in inside:
            if (
                (type(field) is ipw.Text or isinstance(field, DateField))  # anywidget subclasses per instance
                and getattr(field, "continuous_update", True)
                and not getattr(field, "_acts_on_change", False)
                and not getattr(field, "_submits", False)
            ):
                field._submits = True
                field.on_msg(lambda _, content, __, primary=primary: _pressed(primary, content))


def _pressed(primary: ipw.Button, content: dict) -> None:
    if content.get("event") == "submit" and not primary.disabled:
        primary.click()


def _descendants(widget: ipw.Widget) -> Iterator[ipw.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


class WorkbookView:
    """A widget that shows the workbook: ``refresh()`` on every change elsewhere, until it is closed.

    Mix it in before the ipywidgets class. ``SHOWS`` names the record kinds it displays.
    """

    SHOWS: tuple[str, ...] = ()
    _unsubscribe: Callable[[], None] | None = None
    _loading_depth = 0

    def listen(self, workbook: Arbeitsmappe) -> None:
        self.workbook = workbook
        self.sync = sync_for(workbook)
        self._unsubscribe = self.sync.subscribe(self.refresh, self.SHOWS)

    def refresh(self) -> None:
        raise NotImplementedError

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Set widgets from the workbook inside this block: their observers must not write the values back."""
        self._loading_depth += 1
        try:
            yield
        finally:
            self._loading_depth -= 1

    @property
    def is_loading(self) -> bool:
        return self._loading_depth > 0

    def close(self) -> None:
        """Stop listening to the workbook and close everything inside, so kernel and page forget the tool."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        close_children(self)
        super().close()


class WorkbookTool(GuardedActions, WorkbookView, ipw.VBox):
    """Base of a course tool: a card that reads from the workbook, writes to it, and reloads when others write.

    Subclasses build their widgets, then call ``self.start()``; ``refresh()`` shows the stored state.
    ``SHOWS`` names the record kinds a tool displays. A tool's write reloads the page's other tools that
    show a kind it touched – the store records which kinds each write touched, so no tool can forget one.
    """

    DRAWS_AFTER_PAGE_LOAD = False

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(**kwargs)
        css(self, "rl-card", "rl-tool")
        self.workbook = workbook
        self.sync = sync_for(workbook)
        self.notice = Notice()

    def start(self) -> None:
        """Show the stored state now and whenever another page writes; subclasses define ``refresh()``.

        A tool that takes most of a second to draw sets ``DRAWS_AFTER_PAGE_LOAD``: it shows what it has built so
        far (a line saying it is being drawn) and draws the stored state while the browser loads the page.
        """
        self.listen(self.workbook)
        enter_submits(self)
        if self.DRAWS_AFTER_PAGE_LOAD:
            when_page_loaded(lambda: self.run(self.refresh), self.preparation())
        else:
            self.refresh()

    def preparation(self) -> Callable[[], object] | None:
        """For a tool that draws after the page has loaded: the slow, pure part of its first ``refresh()`` –
        imports, computing into a cache ``refresh()`` reads – run on a worker thread. No widget, no workbook."""
        return None

    def written(self, revision: int) -> None:
        """Tell the page's sync about this tool's own write: it does not reload this tool, but the others."""
        self.sync.own_write(revision, self.workbook.kinds_at(revision), self.refresh)

    def change(self, stored: Stored, **changes) -> Stored | None:
        """Save ``changes`` to a record the page shows (validated, version-checked); None and a message if refused."""
        try:
            updated = type(stored.record).model_validate({**stored.record.model_dump(), **changes})
            saved = self.workbook.update(updated, stored.version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(saved.version)
        return saved

    def remove_record(self, cls: type, stored, message: str) -> bool:
        """Delete a record the page shows (if nobody changed it meanwhile), say so, show the new state."""
        try:
            revision = self.workbook.delete(cls, stored.record.id, stored.version)
        except WorkbookError as error:
            self.reload_after(error)
            return False
        self.written(revision)
        self.notice.show("success", f"{message} {t('history.in_trash')}")
        self.refresh()
        return True

    def unreadable_input(self) -> bool:
        """A date or time in the tool that could not be read: the notice says which, and nothing is saved."""
        problems = [field.problem for field in _descendants(self) if isinstance(field, DateField) and field.problem]
        if problems:
            self.notice.show("error", problems[0])
        return bool(problems)

    def refused(self, error: Exception, kept_in_form: bool = False) -> None:
        """A write that did not happen: bad input or a broken rule gets its German message; a conflict shows
        what was typed beside what another page saved, then the saved state (``kept_in_form``: a form that
        keeps what was typed, so that saving again makes it count)."""
        if isinstance(error, ValidationError):
            self.notice.show("error", explain(error))
        elif isinstance(error, StaleRecordError) and error.attempted is not None:
            self.notice.show("warning", conflict_html(self.workbook, error.attempted, kept_in_form), markup=True)
            self.sync.check()
            self.refresh()
        elif isinstance(error, StaleRecordError):
            self.reload_after(error)
        else:
            self.notice.show("error", str(error))

    def reload_after(self, error: Exception) -> None:
        """A write was refused (a second page changed the record, or a rule): say why, show the current state."""
        self.notice.show("warning", str(error))
        self.sync.check()
        self.refresh()


def conflict_html(workbook: Arbeitsmappe, attempted, kept_in_form: bool = False) -> str:
    """Why a write was refused – another page changed or removed the record meanwhile –, and every text the
    refused write held beside the saved one, whole: nothing typed is lost without the team seeing it."""
    cls = RECORD_TYPES[attempted.KIND]
    current = workbook.get(cls, attempted.id)
    label = record_label(current.record if current else attempted)
    if current is None:
        heading = t("conflict.removed", label=label, when=when_removed(workbook, cls, attempted.id))
    else:
        key = "conflict.changed_form" if kept_in_form else "conflict.changed"
        heading = t(key, label=label, when=when_and_who(current.updated_at, current.updated_by))
    lines = [
        f"<li><strong>{escape(d.field)}</strong> – {escape(t('conflict.yours'))} "
        f"<span class='rl-conflict-text'>{escape(d.earlier)}</span>"
        + (
            f" · {escape(t('conflict.saved'))} <span class='rl-conflict-text'>{escape(d.now)}</span>"
            if current is not None
            else ""
        )
        + "</li>"
        for d in differences(attempted, current.record if current else None, shorten=False)
    ]
    if not lines:
        return escape(t("stale_reloaded"))
    return f"{escape(heading)}<ul class='rl-conflict'>{''.join(lines)}</ul>"
