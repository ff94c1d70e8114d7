"""Pieces every course tool uses: the page's look, notices, and keeping in step with other pages."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable
from html import escape
from importlib import resources

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.dokumente.dokument import to_html, to_pdf
from regionallabor.core.formatting import format_decimal, format_int
from regionallabor.core.messages import t
from regionallabor.core.model import explain
from regionallabor.refdata import Figures
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.core.store import Arbeitsmappe, StaleRecordError, Stored, WorkbookError

NOTICE_KINDS = ("info", "success", "warning", "error")


def stylesheet() -> ipw.HTML:
    """The course's stylesheet as a widget; display it once per page."""
    css = (resources.files("widgets.base") / "course.css").read_text(encoding="utf-8")
    return ipw.HTML(f"<style>{css}</style>", layout=ipw.Layout(display="none"))


def css(widget: ipw.DOMWidget, *classes: str) -> ipw.DOMWidget:
    for name in classes:
        widget.add_class(name)
    return widget


def heading(text: str, level: int = 3) -> ipw.HTML:
    return ipw.HTML(f"<h{level} class='rl-heading'>{escape(text)}</h{level}>")


def label(text: str) -> ipw.HTML:
    return ipw.HTML(f"<div class='rl-label'>{escape(text)}</div>")


def labelled(text: str, widget: ipw.Widget, help_text: str = "", layout: ipw.Layout | None = None) -> ipw.VBox:
    """A form field: its label, an optional line of help, the widget."""
    parts = [label(text), *([ipw.HTML(f"<div class='rl-help'>{escape(help_text)}</div>")] if help_text else []), widget]
    return ipw.VBox(parts, layout=layout or ipw.Layout())


def button(description: str, style: str = "", tooltip: str = "") -> ipw.Button:
    """A button in the course's look: style is '', 'primary', 'quiet' or 'danger'.

    No icons: Voila fetches Font Awesome from a CDN, and the course must work offline.
    """
    widget = ipw.Button(description=description, tooltip=tooltip or description, layout=ipw.Layout(width="auto"))
    return css(widget, "rl-button", *([f"rl-button-{style}"] if style else []))


class Notice(ipw.HTML):
    """A line that tells the team what just happened: saved, refused, or why."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("rl-notice-slot")
        self.kind = ""
        self.text = ""

    def show(self, kind: str, text: str, *, markup: bool = False) -> None:
        assert kind in NOTICE_KINDS
        self.kind, self.text = kind, text
        body = text if markup else escape(text)
        self.value = f"<div class='rl-notice rl-notice-{kind}' role='status'>{body}</div>"

    def clear(self) -> None:
        self.kind, self.text = "", ""
        self.value = ""


class WorkbookSync:
    """Notices writes made by other pages (kernels) and asks this page's tools to reload.

    Every tool tells it the revision of each of its own writes; a revision it did
    not write means someone else changed the workbook. Inside a running kernel it
    polls the workbook's revision every ``interval`` seconds. A tool's own write
    reloads the other tools of the page that show the record kinds it wrote
    (the network map after an actor was added in the list above it).
    """

    interval = 2.0

    def __init__(self, workbook: Arbeitsmappe):
        self.workbook = workbook
        self.seen = workbook.revision()
        self._listeners: list[Callable[[], None]] = []
        self._shows: dict[Callable[[], None], frozenset[str]] = {}
        self._task: asyncio.Task | None = None

    def subscribe(self, listener: Callable[[], None], shows: tuple[str, ...] = ()) -> None:
        """``listener`` reloads a tool; ``shows`` are the record kinds it displays."""
        self._listeners.append(listener)
        self._shows[listener] = frozenset(shows)
        self._start_polling()

    def own_write(self, revision: int, kinds: tuple[str, ...] = (), writer: Callable[[], None] | None = None) -> None:
        if revision == self.seen + 1:
            self.seen = revision
            for listener in list(self._listeners):
                if listener != writer and self._shows.get(listener, frozenset()) & set(kinds):
                    listener()
        else:
            self.check()

    def check(self) -> bool:
        """Reload the tools if the workbook changed elsewhere; True if it did."""
        revision = self.workbook.revision()
        if revision == self.seen:
            return False
        self.seen = revision
        for listener in list(self._listeners):
            listener()
        return True

    def _start_polling(self) -> None:
        if self._task is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # not in a kernel (tests): callers use check()
        self._task = loop.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.check()
            except Exception:  # a locked or vanished file must not end the polling
                continue


_syncs: dict[int, WorkbookSync] = {}


def sync_for(workbook: Arbeitsmappe) -> WorkbookSync:
    """The one WorkbookSync of this kernel for ``workbook``."""
    sync = _syncs.get(id(workbook))
    if sync is None or sync.workbook is not workbook:
        sync = _syncs[id(workbook)] = WorkbookSync(workbook)
    return sync


class WorkbookTool(ipw.VBox):
    """Base of a course tool: a card that reads from the workbook, writes to it, and reloads when others write.

    Subclasses build their widgets, then call ``self.start()``; ``refresh()`` shows the stored state.
    ``SHOWS`` names the record kinds a tool displays, ``WRITES`` those it changes: a write of one
    reloads the page's other tools that show it.
    """

    SHOWS: tuple[str, ...] = ()
    WRITES: tuple[str, ...] = ()

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(**kwargs)
        css(self, "rl-card", "rl-tool")
        self.workbook = workbook
        self.sync = sync_for(workbook)
        self.notice = Notice()

    def start(self) -> None:
        """Show the stored state now and whenever another page writes; subclasses define ``refresh()``."""
        self.sync.subscribe(self.refresh, self.SHOWS)
        self.refresh()

    def written(self, revision: int) -> None:
        """Tell the page's sync about this tool's own write: it does not reload this tool, but the others."""
        self.sync.own_write(revision, self.WRITES, self.refresh)

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
        self.notice.show("success", message)
        self.refresh()
        return True

    def refused(self, error: Exception) -> None:
        """A write that did not happen: bad input or a broken rule gets its German message, a conflict reloads."""
        if isinstance(error, ValidationError):
            self.notice.show("error", explain(error))
        elif isinstance(error, StaleRecordError):
            self.reload_after(error)
        else:
            self.notice.show("error", str(error))

    def reload_after(self, error: Exception) -> None:
        """A write was refused (a second page changed the record, or a rule): say why, show the current state."""
        self.notice.show("warning", str(error))
        self.sync.check()
        self.refresh()


def edit_remove_actions(confirming: bool, question: str, on_edit: Callable[[], None],
                        on_ask: Callable[[], None] | None, on_remove: Callable[[], None],
                        on_cancel: Callable[[], None]) -> list[ipw.Widget]:
    """A list row's buttons: "Bearbeiten" and "Entfernen"; after "Entfernen" the question, confirmed by a second click.

    Without ``on_ask`` the row can only be edited (e.g. a Schatz on the actor map, removed in Modul 2).
    """
    if confirming:
        yes = button(t("delete"), "danger")
        yes.on_click(lambda _: on_remove())
        no = button(t("cancel"), "quiet")
        no.on_click(lambda _: on_cancel())
        return [ipw.HTML(f"<strong>{escape(question)}</strong>"), yes, no]
    edit = button(t("edit"), "quiet")
    edit.on_click(lambda _: on_edit())
    if on_ask is None:
        return [edit]
    remove = button(t("delete"), "danger")
    remove.on_click(lambda _: on_ask())
    return [edit, remove]


def muted(text: str) -> ipw.HTML:
    return ipw.HTML(f"<div class='rl-muted'>{escape(text)}</div>")


def field_chip(key: str) -> str:
    return f"<span class='rl-field-chip rl-field-{key}'>{escape(ALL_FIELDS[key])}</span>"


def field_checkboxes() -> dict[str, ipw.Checkbox]:
    """One checkbox per Handlungsfeld (the cross-cutting one included), for forms that link several."""
    return {key: ipw.Checkbox(value=False, description=label, indent=False,
                              layout=ipw.Layout(width="auto", margin="0 14px 0 0"))
            for key, label in ALL_FIELDS.items()}


def field_options(empty: str | None = None) -> list[tuple[str, str]]:
    """The Handlungsfelder for a drop-down, optionally with a first choice meaning "none" (its value is "").

    A drop-down whose value is None shows nothing selected, so "none" is the empty string.
    """
    return ([(empty, "")] if empty is not None else []) + [(label, key) for key, label in ALL_FIELDS.items()]


def findings_html(findings: list[tuple[str, str]]) -> str:
    """A list of check results, each (severity, text) with severity 'error', 'warning' or 'ok'."""
    kinds = {"error": "error", "warning": "warning", "ok": "success"}
    return "".join(f"<div class='rl-notice rl-notice-{kinds[severity]} rl-finding'>{escape(text)}</div>"
                   for severity, text in findings)


def figures_html(figures: Figures) -> str:
    """Population, area and density as three boxes, with date and source, and what the data lacks."""
    population, area_km2, density = figures.population, figures.area_km2, figures.density
    if population is None and area_km2 is None:
        return f"<div class='rl-muted'>{escape(t('region.figures_none'))}</div>"
    cells = [
        (format_int(population) if population is not None else "–", t("region.population")),
        (f"{format_decimal(area_km2)} km²" if area_km2 is not None else "–", t("region.area")),
        (format_int(density) if density is not None else "–", t("region.density")),
    ]
    boxes = "".join(
        f"<div class='rl-figure'><div class='rl-figure-value'>{escape(v)}</div>"
        f"<div class='rl-figure-label'>{escape(caption)}</div></div>" for v, caption in cells
    )
    notes_html = ""
    if figures.missing_population:
        missing = t("region.population_missing", names=", ".join(figures.missing_population))
        notes_html = f"<div class='rl-notice rl-notice-warning'>{escape(missing)}</div>"
    return f"<div class='rl-figures'>{boxes}</div>{source_line(figures.stand, figures.sources)}{notes_html}"


def source_line(stand: str | None, sources) -> str:
    """'Stand 31.12.2020 · Quelle: …' under every figure, chart and table."""
    text = f"Stand {escape(stand)} · " if stand else ""
    return f"<div class='rl-source'>{text}Quelle: {escape('; '.join(sources))}</div>"


def download_link(filename: str, mime: str, raw: bytes) -> str:
    """A link that saves ``raw`` as ``filename``: the data travels in the page, no server route needed."""
    payload = base64.b64encode(raw).decode("ascii")
    return (f"<a class='rl-download' download='{escape(filename)}' href='data:{mime};base64,{payload}'>"
            f"⬇ {escape(filename)}</a>")


def document_links(document, stem: str) -> list[str]:
    """Download links for a printable document: ``stem``.html to open and ``stem``.pdf to print."""
    return [download_link(f"{stem}.html", "text/html", to_html(document).encode("utf-8")),
            download_link(f"{stem}.pdf", "application/pdf", to_pdf(document))]


def downloads_html(links: list[str]) -> str:
    return f"<div class='rl-downloads'>{''.join(links)}</div>"


def close_tree(widget: ipw.Widget) -> None:
    """Close a widget and everything inside it, so the kernel and the page forget their models."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


class RowCache:
    """The rows of a list, kept between refreshes: only rows with a new key are built, gone ones are closed.

    A row's key says everything its widgets show that may change (e.g. id, version, place in the list):
    a refresh after one added card then sends one new row to the page instead of rebuilding them all.
    """

    def __init__(self, build: Callable[..., ipw.Widget]):
        self.build = build
        self._rows: dict[object, ipw.Widget] = {}

    def rows(self, keyed: list[tuple[object, tuple]]) -> list[ipw.Widget]:
        """``keyed`` is [(key, arguments for build), …] in display order."""
        kept: dict[object, ipw.Widget] = {}
        for key, args in keyed:
            kept[key] = self._rows.pop(key, None) or self.build(*args)
        for gone in self._rows.values():
            close_tree(gone)
        self._rows = kept
        return list(kept.values())


def offer(widget: ipw.Dropdown | ipw.Combobox, options: list) -> None:
    """Give a drop-down or combobox new options, only if they changed; a drop-down keeps its choice if still offered."""
    if list(widget.options) == options:
        return
    current = widget.value
    widget.options = options
    if isinstance(widget, ipw.Dropdown):
        values = [option[1] if isinstance(option, tuple) else option for option in options]
        widget.value = current if current in values else values[0]


class Pager:
    """How much of a long list is shown: a page at first, one more per click, the first page again after a filter change."""

    def __init__(self, on_change: Callable[[], None], page_size: int = 20):
        self.page_size = page_size
        self.shown = page_size
        self.on_change = on_change
        self.more = button("", "quiet")
        self.more.on_click(lambda _: self.next_page())

    def next_page(self) -> None:
        self.shown += self.page_size
        self.on_change()

    def reset(self) -> None:
        self.shown = self.page_size
        self.on_change()

    def page(self, found: list) -> list:
        """The rows to show of ``found``; sets the "Weitere … anzeigen" button for the rest."""
        visible = found[: self.shown]
        rest = len(found) - len(visible)
        self.more.description = t("list.more", count=min(rest, self.page_size))
        self.more.layout.display = "" if rest > 0 else "none"
        return visible


class RecordListTool(WorkbookTool):
    """A tool with a form above a list of records: add, edit (the form loads the record), remove.

    Subclasses set ``MODEL`` and define ``records()`` (in display order), ``form_values()``,
    ``load_form(record)``, ``clear_form()``, ``row_html(stored)`` and ``saved_message(record)``;
    ``show_extra(records)`` may add checks above or below the list.
    """

    MODEL: type

    def __init__(self, workbook, add_label: str, **kwargs):
        super().__init__(workbook, **kwargs)
        self.add_label = add_label
        self.editing: Stored | None = None
        self.form_title = ipw.HTML()
        self.submit = button(add_label, "primary")
        self.submit.on_click(lambda _: self.save())
        self.cancel = button(t("cancel"), "quiet")
        self.cancel.on_click(lambda _: self.clear())
        self.buttons = ipw.HBox([self.submit, self.cancel])
        self.list = ipw.VBox()

    def refresh(self) -> None:
        records = self.records()
        self.list.children = [self._row(stored) for stored in records] or [muted(self.empty_text())]
        self.show_extra(records)

    def show_extra(self, records: list[Stored]) -> None:
        """Checks shown with the list; nothing by default."""

    def row_classes(self, stored: Stored) -> tuple[str, ...]:
        return ()

    def row_controls(self, stored: Stored) -> list[ipw.Widget]:
        """Widgets at the start of a row (a done checkbox); none by default."""
        return []

    def _row(self, stored: Stored) -> ipw.HBox:
        edit = button(t("edit"), "quiet")
        edit.on_click(lambda _: self.load(stored))
        remove = button("✕", "quiet", tooltip=t("delete"))
        remove.on_click(lambda _: self.remove(stored))
        text = ipw.HTML(self.row_html(stored), layout=ipw.Layout(flex="1 1 auto"))
        return css(ipw.HBox([*self.row_controls(stored), text, edit, remove]), "rl-member", "rl-record-row",
                   *self.row_classes(stored))

    def load(self, stored: Stored) -> None:
        self.editing = stored
        self.load_form(stored.record)
        self.form_title.value = f"<h4 class='rl-heading'>{escape(t('form.editing'))}</h4>"
        self.submit.description = t("save")
        self.cancel.layout.display = ""

    def clear(self) -> None:
        self.editing = None
        self.clear_form()
        self.form_title.value = f"<h4 class='rl-heading'>{escape(self.add_label)}</h4>"
        self.submit.description = self.add_label
        self.cancel.layout.display = "none"

    def save(self) -> Stored | None:
        try:
            values = self.form_values()
            if self.editing is None:
                stored = self.write(self.MODEL(**values), None)
            else:
                record = self.MODEL.model_validate({**self.editing.record.model_dump(), **values})
                stored = self.write(record, self.editing.version)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", self.saved_message(stored.record))
        self.clear()
        self.refresh()
        return stored

    def write(self, record, version: int | None) -> Stored:
        """Store a new (``version`` None) or changed record; subclasses route it through their domain's rules."""
        return self.workbook.save(record, version)

    def remove(self, stored: Stored) -> None:
        if self.editing is not None and self.editing.record.id == stored.record.id:
            self.clear()
        self.remove_record(self.MODEL, stored, t("form.removed", text=self.title_of(stored.record)))

    def title_of(self, record) -> str:
        return record.title
