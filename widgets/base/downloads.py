"""Files the team takes away: a link that carries the file in the page, and a document as HTML and PDF."""

from __future__ import annotations

import base64
from html import escape

from regionallabor.dokumente.dokument import to_html, to_pdf


def download_link(filename: str, mime: str, raw: bytes) -> str:
    """A link that saves ``raw`` as ``filename``: the data travels in the page, no server route needed."""
    payload = base64.b64encode(raw).decode("ascii")
    return (
        f"<a class='rl-download' download='{escape(filename)}' href='data:{mime};base64,{payload}'>"
        f"⬇ {escape(filename)}</a>"
    )


def document_links(document, stem: str) -> list[str]:
    """Download links for a printable document: ``stem``.html to open and ``stem``.pdf to print."""
    return [
        download_link(f"{stem}.html", "text/html", to_html(document).encode("utf-8")),
        download_link(f"{stem}.pdf", "application/pdf", to_pdf(document)),
    ]


def downloads_html(links: list[str]) -> str:
    return f"<div class='rl-downloads'>{''.join(links)}</div>"
