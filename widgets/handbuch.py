"""Links from a course page into the handbook „Mitmach-Konferenz“."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import t
from regionallabor.course import MODULES
from regionallabor.handbuch.build import Chapter, chapter, chapters, index_url, pdf_url


class HandbookLinks(ipw.HTML):
    """The chapters a module points to – or, without a module, the whole table of contents and the PDF.

    Links open in a new tab: the course page keeps its place and its kernel.
    """

    def __init__(self, module: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.add_class("rl-handbook")
        if module is None:
            shown, intro = chapters(), t("handbook.intro_all")
        else:
            shown = tuple(chapter(slug) for slug in MODULES[module - 1].handbook)
            intro = t("handbook.intro_module")
        self.value = (
            f"<div class='rl-handbook-box' data-module='{module or ''}'>"
            f"<div class='rl-handbook-title'>📖 {escape(t('handbook.heading'))}</div>"
            f"<div class='rl-help'>{escape(intro)}</div>"
            f"<ul>{''.join(_item(c) for c in shown)}</ul>{_footer(module is None)}</div>"
        )


def _item(shown: Chapter) -> str:
    return (
        f"<li><a href='{escape(shown.url)}' target='_blank' rel='noopener' data-chapter='{escape(shown.slug)}'>"
        f"<span class='rl-handbook-number'>{escape(t('handbook.chapter', number=shown.number))}</span> "
        f"{escape(shown.title)}</a></li>"
    )


def _footer(whole: bool) -> str:
    if not whole:
        return ""
    links = [
        f"<a class='rl-link-button' href='{escape(index_url())}' target='_blank' rel='noopener'>"
        f"{escape(t('handbook.whole'))} →</a>"
    ]
    pdf = pdf_url()
    if pdf:
        links.append(
            f"<a class='rl-download' href='{escape(pdf)}' target='_blank' rel='noopener' download>"
            f"{escape(t('handbook.pdf'))}</a>"
        )
    return f"<div class='rl-handbook-footer'>{''.join(links)}</div>"
