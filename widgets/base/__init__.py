"""Pieces every course tool uses: the page, its look, notices, keeping in step, lists, downloads."""

from .downloads import document_links, download_link, downloads_html
from .elements import button, close_tree, css, heading, label, labelled, muted, stylesheet
from .fields import field_checkboxes, field_chip, field_options
from .figures import figures_html, source_line
from .lists import Pager, RecordListTool, RowCache, edit_remove_actions, offer
from .notices import Notice, findings_html
from .page import open_course_page
from .sync import WorkbookSync, sync_for
from .tool import WorkbookTool, WorkbookView

__all__ = [
    "Notice",
    "Pager",
    "RecordListTool",
    "RowCache",
    "WorkbookSync",
    "WorkbookTool",
    "WorkbookView",
    "button",
    "close_tree",
    "css",
    "document_links",
    "download_link",
    "downloads_html",
    "edit_remove_actions",
    "field_checkboxes",
    "field_chip",
    "field_options",
    "figures_html",
    "findings_html",
    "heading",
    "label",
    "labelled",
    "muted",
    "offer",
    "open_course_page",
    "source_line",
    "stylesheet",
    "sync_for",
]
