"""The course's look and its building blocks: stylesheet, headings, labelled fields, buttons."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.paths import COURSE_CSS


def stylesheet() -> ipw.HTML:
    """The course's stylesheet as a widget; display it once per page."""
    css_text = COURSE_CSS.read_text(encoding="utf-8")
    return ipw.HTML(f"<style>{css_text}</style>", layout=ipw.Layout(display="none"))


def css(widget: ipw.DOMWidget, *classes: str) -> ipw.DOMWidget:
    for name in classes:
        widget.add_class(name)
    return widget


def heading(text: str, level: int = 3) -> ipw.HTML:
    return ipw.HTML(f"<h{level} class='rl-heading'>{escape(text)}</h{level}>")


def label(text: str) -> ipw.HTML:
    return ipw.HTML(f"<div class='rl-label'>{escape(text)}</div>")


def muted(text: str) -> ipw.HTML:
    return ipw.HTML(f"<div class='rl-muted'>{escape(text)}</div>")


def labelled(text: str, widget: ipw.Widget, help_text: str = "", layout: ipw.Layout | None = None) -> ipw.VBox:
    """A form field: its label, an optional line of help, the widget."""
    parts = [label(text), *([ipw.HTML(f"<div class='rl-help'>{escape(help_text)}</div>")] if help_text else []), widget]
    return ipw.VBox(parts, layout=layout or ipw.Layout())


def help_line(text: str) -> ipw.HTML:
    return ipw.HTML(f"<div class='rl-help'>{escape(text)}</div>")


def button(description: str, style: str = "", tooltip: str = "") -> ipw.Button:
    """A button in the course's look: style is '', 'primary', 'quiet' or 'danger'.

    No icons: they come from Font Awesome, which the course template does not load (it would come from a CDN,
    and the course must work offline).
    """
    widget = ipw.Button(description=description, tooltip=tooltip or description, layout=ipw.Layout(width="auto"))
    return css(widget, "rl-button", *([f"rl-button-{style}"] if style else []))


def upload_button(description: str, accept: str, multiple: bool = False) -> ipw.FileUpload:
    """A file upload in the course's look: an arrow instead of Font Awesome's icon (see ``button``)."""
    return ipw.FileUpload(
        accept=accept,
        multiple=multiple,
        icon="",
        description="⬆ " + description,
        layout=ipw.Layout(width="auto", align_self="flex-start"),
    )


def close_tree(widget: ipw.Widget) -> None:
    """Close a widget and everything inside it, so the kernel and the page forget their models."""
    close_children(widget)
    widget.close()


def close_children(widget: ipw.Widget) -> None:
    """Close what a widget holds. Layouts stay: one Layout may be shared by many widgets."""
    for child in getattr(widget, "children", ()):
        close_tree(child)


def wide() -> ipw.Layout:
    """A layout filling the row; each widget gets its own."""
    return ipw.Layout(width="100%")
