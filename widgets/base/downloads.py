"""Files the team takes away, in one click: a button that makes the file when pressed and hands it to the
browser, which saves it (download.js). The file is made from the workbook as it is at that moment, so it is
never out of date, and it travels once as bytes – not as base64 kept in the page.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import anywidget
import ipywidgets as ipw
import traitlets

from regionallabor.core.messages import t
from regionallabor.dokumente.dokument import Document, to_html, to_pdf

from .elements import css

if TYPE_CHECKING:
    from .tool import GuardedActions

HERE = Path(__file__).parent

# what a download hands over: the file's name and its content
DownloadFile = tuple[str, bytes]


class DownloadButton(anywidget.AnyWidget):
    """A button that saves a file. The tool connects what makes the file with ``GuardedActions.on_download``;
    ``deliver`` sends it, ``refuse`` tells the browser that nothing comes (the tool's notice says why)."""

    _esm = HERE / "download.js"
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)

    def __init__(self, description: str, tooltip: str = "", **kwargs):
        super().__init__(description=description, tooltip=tooltip, **kwargs)

    def on_press(self, handler: Callable[[], object]) -> None:
        self.on_msg(lambda _widget, content, _buffers: handler() if content == {"event": "download"} else None)

    def press(self) -> None:
        """What the browser does when the button is clicked – for tests and for the message handler alike."""
        self._handle_custom_msg({"event": "download"}, [])

    def deliver(self, file: DownloadFile) -> None:
        filename, raw = file
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        self.send({"event": "file", "filename": filename, "mime": mime}, [raw])

    def refuse(self) -> None:
        self.send({"event": "failed"})


def document_downloads(owner: GuardedActions, what: str, make: Callable[[], tuple[Document, str] | None]) -> ipw.HBox:
    """„⬇ … als PDF“ and „⬇ … als HTML“ for the printable document ``make`` returns with its file stem."""

    def file(suffix: str) -> DownloadFile | None:
        made = make()
        if made is None:
            return None
        document, stem = made
        return (f"{stem}.pdf", to_pdf(document)) if suffix == "pdf" else (f"{stem}.html", to_html(document).encode())

    buttons = []
    for suffix in ("pdf", "html"):
        download = DownloadButton(t(f"download.{suffix}", what=what), t(f"download.{suffix}_help"))
        owner.on_download(download, lambda suffix=suffix: file(suffix))
        buttons.append(download)
    return css(ipw.HBox(buttons), "rl-downloads")
