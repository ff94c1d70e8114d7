"""Helpers the tests and benchmarks share: servers on a free port, what a PDF or a download link holds."""

from __future__ import annotations

import base64
import io
import socket
import subprocess
import time
import urllib.request
from html.parser import HTMLParser

import ipywidgets as ipw


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, timeout: float) -> bool:
    """True once ``url`` answers; False if the process ends or ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=30).close()
            return True
        except OSError:
            if process.poll() is not None:
                return False
            time.sleep(0.3)
    return False


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()


def pdf_text(raw: bytes) -> str:
    """A PDF's words in reading order; table cells wrap, so tests compare words, not lines."""
    from pypdf import PdfReader

    assert raw.startswith(b"%PDF-")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages).split())


def data_link_bytes(href: str) -> bytes:
    """What a download link that carries its file in the page (``data:…;base64,…``) holds."""
    return base64.b64decode(href.split(",", 1)[1])


def html_of(box) -> str:
    """All HTML a widget tree shows."""
    parts = [getattr(box, "value", "")] if isinstance(getattr(box, "value", None), str) else []
    for child in getattr(box, "children", ()):
        parts.append(html_of(child))
    return "".join(parts)


def assert_all_open(widget: ipw.Widget) -> None:
    """Every widget in the tree still has its model: a closed one would leave the page at „Loading widget…“."""
    assert widget.comm is not None, f"closed widget in the tree: {widget!r}"[:200]
    for child in getattr(widget, "children", ()):
        assert_all_open(child)


def download(button) -> tuple[str, bytes] | None:
    """Click a DownloadButton as the browser does; the file the kernel hands over, or None when it refuses."""
    sent = []
    button.send = lambda content, buffers=None: sent.append((content, buffers))
    try:
        button.press()
    finally:
        del button.send
    ((content, buffers),) = sent  # exactly one answer: the file, or that none comes (the button is usable again)
    if content["event"] == "failed":
        return None
    assert content["event"] == "file" and content["mime"], content
    return content["filename"], bytes(buffers[0])


def downloads(tree: ipw.Widget) -> dict[str, bytes]:
    """Every file the download buttons in ``tree`` hand over when clicked, by file name."""
    from regionallabor_widgets.base import DownloadButton

    files = [download(w) for w in widgets_in(tree) if isinstance(w, DownloadButton)]
    return dict(file for file in files if file is not None)


def widgets_in(tree: ipw.Widget):
    """The widget and everything inside it, depth first."""
    yield tree
    for child in getattr(tree, "children", ()):
        yield from widgets_in(child)


def control(tree: ipw.Widget, kind: type, label: str | None = None) -> ipw.Widget:
    """The first ``kind`` widget in ``tree`` whose description or tooltip is ``label``: a handle by name, not place."""
    for widget in widgets_in(tree):
        if isinstance(widget, kind) and label in (
            None,
            getattr(widget, "description", None),
            getattr(widget, "tooltip", None),
        ):
            return widget
    raise LookupError(f"no {kind.__name__} {label or ''} in {type(tree).__name__}")


def page_code(notebook) -> str:
    """A course notebook's code cells as one script: what its page runs, without a kernel."""
    import nbformat

    return "\n".join(cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "code")


# A course page is usable when its tools are drawn (the start page: its module cards).
PAGE_READY = ".rl-tool, .rl-modules"


def kernels_of(server: subprocess.Popen) -> list:
    """The kernel processes a Jupyter or Voila server started (its ipykernel children)."""
    import psutil

    kernels = []
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "ipykernel_launcher" in " ".join(child.cmdline()):
                kernels.append(child)
        except psutil.Error:  # a kernel that ended while we looked is not a kernel left
            continue
    return kernels


def memory_mb(server: subprocess.Popen) -> float:
    """What the server and all its kernels hold in memory (resident set), in MB."""
    import psutil

    root = psutil.Process(server.pid)
    processes = [root, *root.children(recursive=True)]
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


# Markup a team might write into any free-text field; each, if it ran, would set window.rl_xss.
HOSTILE_MARKUP = (
    "<script>window.rl_xss = 'script'</script>",
    "<img src=x onerror=\"window.rl_xss = 'img'\">",
    "<svg onload=\"window.rl_xss = 'svg'\"><circle r=5 /></svg>",
    "<iframe srcdoc=\"<script>parent.rl_xss = 'iframe'</script>\"></iframe>",
    "[Hier klicken](javascript:window.rl_xss='link')",
    "<a href=\"javascript:window.rl_xss='a'\">Auch hier</a>",
)
HOSTILE_TEXT = "Unsere Antwort. " + " ".join(HOSTILE_MARKUP)


LIVE_ATTRIBUTES = {"href", "src", "srcdoc", "action", "formaction", "xlink:href", "data", "style"}


class _LiveMarker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            # a label or tooltip is text; a handler, a link or a frame's content runs
            if "rl_xss" in (value or "") and (name.startswith("on") or name in LIVE_ATTRIBUTES):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed"):
            self.live.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "rl_xss" in data:
            self.live.append(f"<script>{data[:60]}")


def live_markup(html: str) -> list[str]:
    """Where ``html`` carries HOSTILE_MARKUP in a form that runs: scripts, handlers, frames, javascript: links.

    The markup shown as text (escaped) is fine and not listed.
    """
    parser = _LiveMarker()
    parser.feed(html)
    parser.close()
    return parser.live


def mark_up_every_text(workbook) -> int:
    """Append one of HOSTILE_MARKUP to every text of every record the model accepts it in; returns how many."""
    from pydantic import ValidationError

    from regionallabor.core.model import RECORD_TYPES

    changed, records = 0, []
    for kind, rows in workbook.export_data()["records"].items():
        cls = RECORD_TYPES[kind]
        for row in rows:
            record = cls.model_validate(row)
            for number, (field, value) in enumerate(row.items()):
                if field in ("id", "kind") or not isinstance(value, str) or not value:
                    continue
                try:
                    record = cls.model_validate(
                        {**record.model_dump(), field: value + " " + HOSTILE_MARKUP[number % 6]}
                    )
                    changed += 1
                except ValidationError:  # an e-mail address, a date, a choice: no free text
                    pass
            records.append(record)
    workbook.replace_all(records)
    return changed


def edited(record):
    """The record with one of its values changed, as a member's edit would."""
    from pydantic import ValidationError

    data = record.model_dump()
    for field, value in data.items():
        if field == "id":
            continue
        for new in (
            ([value + " (geändert)"] if isinstance(value, str) else [])
            + ([value + 1] if isinstance(value, int | float) and not isinstance(value, bool) else [])
            + ([not value] if isinstance(value, bool) else [])
        ):
            try:
                return type(record).model_validate({**data, field: new})
            except ValidationError:
                continue
    raise AssertionError(f"nothing to change in {record.KIND}")
