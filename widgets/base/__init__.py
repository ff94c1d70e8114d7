"""Pieces every course tool uses: the page, its look, notices, keeping in step, lists, downloads."""

from .datefield import DateField, TimeField
from .deferred import when_page_loaded
from .downloads import DownloadButton, document_downloads
from .elements import (
    button,
    close_children,
    close_tree,
    css,
    heading,
    help_line,
    html,
    label,
    labelled,
    muted,
    shared,
    stylesheet,
    upload_button,
    wide,
)
from .fields import field_checkboxes, field_chip, field_options, offer_members, person_field, short_choices
from .figures import figures_html, source_line
from .lists import (
    ConfirmsRemoval,
    EditsInForm,
    PagedRows,
    Pager,
    RecordListTool,
    RowCache,
    ShownOrder,
    offer,
    show_page,
)
from .notices import Notice, findings_html
from .page import open_course_page
from .sync import WorkbookSync, sync_for
from .tool import GuardedActions, WorkbookTool, WorkbookView

__all__ = [
    "button",
    "close_children",
    "close_tree",
    "ConfirmsRemoval",
    "css",
    "DateField",
    "document_downloads",
    "DownloadButton",
    "EditsInForm",
    "field_checkboxes",
    "field_chip",
    "offer_members",
    "person_field",
    "field_options",
    "figures_html",
    "findings_html",
    "heading",
    "help_line",
    "label",
    "labelled",
    "muted",
    "Notice",
    "offer",
    "open_course_page",
    "PagedRows",
    "Pager",
    "RecordListTool",
    "RowCache",
    "ShownOrder",
    "TimeField",
    "short_choices",
    "show_page",
    "source_line",
    "stylesheet",
    "upload_button",
    "sync_for",
    "wide",
    "html",
    "shared",
    "when_page_loaded",
    "WorkbookSync",
    "GuardedActions",
    "WorkbookTool",
    "WorkbookView",
]
