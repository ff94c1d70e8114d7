"""Lists of records: rows kept between refreshes, paging, edit and remove buttons, the form-and-list tool."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.history import record_label, when_and_who, when_removed
from regionallabor.core.messages import t
from regionallabor.core.store import StaleRecordError, Stored, WorkbookError

from .elements import button, close_tree, css, html, muted
from .tool import GuardedActions, WorkbookTool


def editing_title_html(title: str, stored: Stored) -> str:
    """A form's title while it edits a record, with who changed the record last and when."""
    changed = t("history.last_changed", when=when_and_who(stored.updated_at, stored.updated_by))
    return f"<h4 class='rl-heading'>{escape(title)}</h4><div class='rl-muted rl-small'>{escape(changed)}</div>"


def form_adds_anew(tool: WorkbookTool, removed: Stored, add_label: str) -> None:
    """The record in a tool's form was removed on another page: the form keeps what was typed, saving adds it
    anew, and the notice says who removed it when."""
    tool.form_title.value = f"<h4 class='rl-heading'>{escape(add_label)}</h4>"
    tool.submit.description = add_label
    when = when_removed(tool.workbook, type(removed.record), removed.record.id)
    tool.notice.show("warning", t("conflict.removed_while_editing", label=record_label(removed.record), when=when))


_ROW_CENTRED = ipw.Layout(align_items="center", flex_flow="row wrap", grid_gap="10px")


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


class ShownOrder:
    """The order a list was shown in, kept while the team works in it: a record whose change would sort it
    elsewhere stays under the cursor, a new one comes first. ``forget()`` lets the list's own order apply
    again; ``differs`` says whether the shown order is not that order."""

    def __init__(self):
        self._ids: list[str] = []
        self.differs = False

    def arrange(self, records: list[Stored]) -> list[Stored]:
        """``records`` in the list's own order, arranged as they were shown before."""
        place = {record_id: i for i, record_id in enumerate(self._ids)}
        new = [s for s in records if s.record.id not in place]
        arranged = new + sorted((s for s in records if s.record.id in place), key=lambda s: place[s.record.id])
        self._ids = [s.record.id for s in arranged]
        self.differs = self._ids != [s.record.id for s in records]
        return arranged

    def forget(self) -> None:
        self._ids = []


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

    def __init__(self, owner: GuardedActions, on_change: Callable[[], None], page_size: int = 20):
        self.page_size = page_size
        self.shown = page_size
        self.on_change = on_change
        self.more = button("", "quiet")
        owner.on_click(self.more, self.next_page)

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
    """A tool with a form above a list of records: add, edit, remove.

    „Bearbeiten“ moves the form into the list, right under the row it edits, so the team edits where it
    clicked; the top of the tool then says what is being edited and offers to add a new record instead.

    Subclasses set ``MODEL`` and define ``records()`` (in display order), ``form_values()``,
    ``load_form(record)``, ``clear_form()``, ``row_html(stored)`` and ``saved_message(record)``; they put
    ``form_area(form)`` where the form stands and show rows with ``show_list(rows)``.
    ``show_extra(records)`` may add checks above or below the list.
    """

    MODEL: type

    def __init__(self, workbook, add_label: str, **kwargs):
        super().__init__(workbook, **kwargs)
        self.add_label = add_label
        self.editing: Stored | None = None
        self.form_title = html()
        self.submit = button(add_label, "primary")
        self.on_click(self.submit, self.save)
        self.cancel = button(t("cancel"), "quiet")
        self.on_click(self.cancel, self.clear)
        self.buttons = ipw.HBox([self.submit, self.cancel])
        self.list = ipw.VBox()
        self.pager = Pager(self, self.refresh)
        self.form: ipw.Box | None = None
        self._form_slot = ipw.VBox()
        self._editing_elsewhere = html()
        self._add_instead = button(add_label, "quiet")
        self.on_click(self._add_instead, self.clear)
        self._rows_shown: list[ipw.Widget] = []

    def form_area(self, form: ipw.Box) -> ipw.VBox:
        """Where the form stands while nothing is edited; put it in the tool's children."""
        self.form = form
        self._form_slot.children = [form]
        return self._form_slot

    def show_list(self, rows: list[ipw.Widget]) -> None:
        """The list's rows; the form stands under the row of the record being edited."""
        self._rows_shown = rows
        at = next(
            (
                i
                for i, row in enumerate(rows)
                if self.editing is not None and getattr(row, "record_id", None) == self.editing.record.id
            ),
            None,
        )
        for i, row in enumerate(rows):
            if i == at:
                row.add_class("rl-row-editing")
            elif "rl-row-editing" in row._dom_classes:
                row.remove_class("rl-row-editing")
        if at is None or self.form is None:
            self.list.children = rows
            self._form_slot.children = [self.form] if self.form is not None else []
            return
        self.list.children = [*rows[: at + 1], self.form, *rows[at + 1 :]]
        self._editing_elsewhere.value = (
            f"<div class='rl-help'>{escape(t('form.editing_below', title=self.title_of(self.editing.record)))}</div>"
        )
        self._form_slot.children = [ipw.HBox([self._editing_elsewhere, self._add_instead], layout=_ROW_CENTRED)]

    def refresh(self) -> None:
        records = self.records()
        if self.editing and not any(s.record.id == self.editing.record.id for s in records):
            # removed on another page while it was in the form: the form keeps what was typed, to add it anew
            removed, self.editing = self.editing, None
            form_adds_anew(self, removed, self.add_label)
        self.show_list([self._row(stored) for stored in self.pager.page(records)] or [muted(self.empty_text())])
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
        self.on_click(edit, lambda: self.load(stored))
        remove = button("✕", "quiet", tooltip=t("delete"))
        self.on_click(remove, lambda: self.remove(stored))
        text = html(self.row_html(stored), layout=ipw.Layout(flex="1 1 auto"))
        row = css(
            ipw.HBox([*self.row_controls(stored), text, edit, remove]),
            "rl-member",
            "rl-record-row",
            *self.row_classes(stored),
        )
        row.record_id = stored.record.id
        return row

    def load(self, stored: Stored) -> None:
        self.editing = stored
        self.load_form(stored.record)
        self.form_title.value = editing_title_html(t("form.editing"), stored)
        self.submit.description = t("save")
        self.cancel.layout.display = ""
        self.show_list(self._rows_shown)

    def clear(self) -> None:
        self.editing = None
        self.clear_form()
        self.form_title.value = f"<h4 class='rl-heading'>{escape(self.add_label)}</h4>"
        self.submit.description = self.add_label
        self.cancel.layout.display = "none"
        self.show_list(self._rows_shown)

    def save(self) -> Stored | None:
        if self.unreadable_input():
            return None
        try:
            values = self.form_values()
            if self.editing is None:
                stored = self.write(self.MODEL(**values), None)
            else:
                record = self.MODEL.model_validate({**self.editing.record.model_dump(), **values})
                stored = self.write(record, self.editing.version)
        except (ValidationError, WorkbookError) as error:
            if self.editing is not None and isinstance(error, StaleRecordError):
                # saving again makes it count; a removed record stays in the form for refresh() to add anew
                self.editing = self.workbook.get(self.MODEL, self.editing.record.id) or self.editing
            self.refused(error, kept_in_form=self.editing is not None)
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


class ConfirmsRemoval:
    """A list whose rows ask before they remove a record: the row asked about shows the question instead.

    Mix it into a tool; ``show_rows()`` redraws the list (the whole tool by default).
    """

    confirming: str | None = None

    def row_actions(
        self,
        record_id: str,
        question: str,
        on_edit: Callable[[], None],
        on_remove: Callable[[], None],
        removable: bool = True,
    ) -> list[ipw.Widget]:
        """„Bearbeiten“ and „Entfernen“ for a row; after „Entfernen“ the question, confirmed by a second click.

        A row that is not ``removable`` can only be edited (e.g. a Schatz on the actor map, removed in Modul 2).
        """
        if self.confirming == record_id:
            yes = button(t("delete"), "danger")
            self.on_click(yes, on_remove)
            no = button(t("cancel"), "quiet")
            self.on_click(no, lambda: self.ask(None))
            return [html(f"<strong>{escape(question)}</strong>"), yes, no]
        edit = button(t("edit"), "quiet")
        self.on_click(edit, on_edit)
        if not removable:
            return [edit]
        remove = button(t("delete"), "danger")
        self.on_click(remove, lambda: self.ask(record_id))
        return [edit, remove]

    def ask(self, record_id: str | None) -> None:
        self.confirming = record_id
        self.show_rows()

    def show_rows(self) -> None:
        self.refresh()


class PagedRows:
    """A tool whose list shows a page at a time: it has ``list``, ``count``, ``pager`` and ``_rows``."""

    def show_page(self, total: int, found: list, key: Callable[[object], object], **texts: str) -> list:
        return show_page(self.list, self.count, self.pager, self._rows, total, found, key, **texts)


def show_page(
    box: ipw.VBox,
    count: ipw.HTML,
    pager: Pager,
    rows: RowCache,
    total: int,
    found: list,
    key: Callable[[object], object],
    *,
    empty: str,
    no_match: str,
    count_key: str,
) -> list:
    """A page of the ``found`` records in ``box`` (rows kept by ``key``), how many of ``total`` it shows, or why none."""
    visible = pager.page(found)
    if not total:
        box.children = [muted(empty)]
    elif not found:
        box.children = [muted(no_match)]
    else:
        box.children = rows.rows([(key(item), (item,)) for item in visible])
    count.value = (
        f"<div class='rl-muted rl-small'>{escape(t(count_key, shown=len(visible), total=total))}</div>" if total else ""
    )
    return visible


class EditsInForm:
    """A form that adds a record, or edits the one loaded into it; its title, button and „Abbrechen“ follow.

    Mix it into a tool with ``form_title``, ``submit`` and ``cancel_edit`` (see ``form_buttons()``). Subclasses
    set ``MODEL`` and ``ADD_LABEL`` and define ``form_fields()`` (record field → widget), ``save_record()``,
    ``saved_text()`` and ``editing_title()``.
    """

    MODEL: type
    ADD_LABEL: str
    _editing: Stored | None = None

    def form_buttons(self) -> ipw.HBox:
        self.form_title = html(f"<h4 class='rl-heading'>{escape(t(self.ADD_LABEL))}</h4>")
        self.submit = button(t(self.ADD_LABEL), "primary")
        self.on_click(self.submit, self.submit_form)
        self.cancel_edit = button(t("cancel"), "quiet")
        self.on_click(self.cancel_edit, self.reset_form)
        self.cancel_edit.layout.display = "none"
        return ipw.HBox([self.submit, self.cancel_edit])

    def submit_form(self) -> Stored | None:
        """Add the record in the form, or save the changes to the one being edited."""
        editing = self._editing
        values = {name: widget.value for name, widget in self.form_fields().items()}
        try:
            record = self.MODEL(id=editing.record.id, **values) if editing else self.MODEL(**values)
            stored = self.save_record(record, editing.version if editing else None)
        except (ValidationError, WorkbookError) as error:
            if editing is not None and isinstance(error, StaleRecordError):
                # saving again makes it count; a removed record stays in the form for refresh() to add anew
                self._editing = self.workbook.get(self.MODEL, editing.record.id) or editing
            self.refused(error, kept_in_form=self._editing is not None)
            return None
        self.written(stored.version)
        self.notice.show("success", self.saved_text(stored.record, editing is not None))
        self.reset_form()
        self.refresh()
        return stored

    def start_edit(self, stored: Stored) -> None:
        self._editing = stored
        for name, widget in self.form_fields().items():
            widget.value = getattr(stored.record, name)
        self.form_title.value = editing_title_html(self.editing_title(stored.record), stored)
        self.submit.description = t("save")
        self.cancel_edit.layout.display = ""

    def reset_form(self) -> None:
        """An empty form for the next record; a choice (a drop-down) keeps what was chosen last."""
        self._editing = None
        for widget in self.form_fields().values():
            if isinstance(widget, ipw.Checkbox):
                widget.value = False
            elif isinstance(widget, ipw.Text | ipw.Textarea):
                widget.value = ""
        self.form_title.value = f"<h4 class='rl-heading'>{escape(t(self.ADD_LABEL))}</h4>"
        self.submit.description = t(self.ADD_LABEL)
        self.cancel_edit.layout.display = "none"

    def forget_removed_edit(self, stored: list[Stored]) -> None:
        """The record in the form was removed on another page: the form says so and keeps what was typed;
        saving it adds the record anew."""
        if self._editing and not any(s.record.id == self._editing.record.id for s in stored):
            removed, self._editing = self._editing, None
            form_adds_anew(self, removed, t(self.ADD_LABEL))
