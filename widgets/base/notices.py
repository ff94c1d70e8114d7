"""Telling the team what just happened: saved, refused, or why; and the results of a check."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

NOTICE_KINDS = ("info", "success", "warning", "error")


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


def findings_html(findings: list[tuple[str, str]]) -> str:
    """A list of check results, each (severity, text) with severity 'error', 'warning' or 'ok'."""
    kinds = {"error": "error", "warning": "warning", "ok": "success"}
    return "".join(
        f"<div class='rl-notice rl-notice-{kinds[severity]} rl-finding'>{escape(text)}</div>"
        for severity, text in findings
    )
