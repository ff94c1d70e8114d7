"""The course's look and its building blocks: stylesheet, headings, labelled fields, buttons."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

from regionallabor.core.paths import COURSE_CSS


def stylesheet() -> ipw.HTML:
    """The course's stylesheet as a widget; display it once per page."""
    css_text = COURSE_CSS.read_text(encoding="utf-8")
    return html(f"<style>{css_text}</style>", layout=ipw.Layout(display="none"))


def css(widget: ipw.DOMWidget, *classes: str) -> ipw.DOMWidget:
    """Add the course's CSS classes – in one message to the page, not one per class."""
    new = tuple(name for name in classes if name not in widget._dom_classes)
    if new:
        widget._dom_classes = (*widget._dom_classes, *new)
    return widget


def heading(text: str, level: int = 3) -> ipw.HTML:
    return html(f"<h{level} class='rl-heading'>{escape(text)}</h{level}>")


def label(text: str) -> ipw.HTML:
    return html(f"<div class='rl-label'>{escape(text)}</div>")


def muted(text: str, **kwargs) -> ipw.HTML:
    return html(f"<div class='rl-muted'>{escape(text)}</div>", **kwargs)


def labelled(text: str, widget: ipw.Widget, help_text: str = "", layout: ipw.Layout | None = None) -> ipw.VBox:
    """A form field: its label, an optional line of help, the widget."""
    parts = [label(text), *([html(f"<div class='rl-help'>{escape(help_text)}</div>")] if help_text else []), widget]
    return ipw.VBox(parts, layout=layout or ipw.Layout())


def help_line(text: str) -> ipw.HTML:
    return html(f"<div class='rl-help'>{escape(text)}</div>")


class FixedLayout(ipw.Layout):
    """A default layout many widgets share; it refuses changes, which would reach every widget holding it.
    A widget that is shown and hidden gets a layout of its own (``html(..., layout=ipw.Layout())``)."""

    def __setattr__(self, name: str, value) -> None:
        if self.__dict__.get("_fixed") and not name.startswith("_") and name in self.keys:
            raise AttributeError(f"FixedLayout.{name}: a shared layout is not changed; give the widget its own")
        super().__setattr__(name, value)

    def fix(self) -> FixedLayout:
        self._fixed = True
        return self


_shared: dict[type, ipw.Widget] = {}


def shared(cls: type[ipw.Widget]) -> ipw.Widget:
    """One model of ``cls`` – a style, or the fixed default layout – for every widget that keeps the default.

    A page holds hundreds of HTML pieces and buttons; with a style and a layout each, every one is two more
    models the kernel sends and the browser builds before the page is usable (about a millisecond each), and
    that closing the widget leaves behind. The course styles with CSS classes, so the defaults are shared.
    """
    model = _shared.get(cls)
    if model is None or model.comm is None:  # none yet, or closed (Widget.close_all)
        model = _shared[cls] = cls().fix() if cls is FixedLayout else cls()
    return model


def html(value: str = "", **kwargs) -> ipw.HTML:
    """An HTML widget with the shared style and, unless it brings its own, the shared fixed layout."""
    kwargs.setdefault("style", shared(HTMLStyle))
    kwargs.setdefault("layout", shared(FixedLayout))
    return ipw.HTML(value, **kwargs)


def button(description: str, style: str = "", tooltip: str = "") -> ipw.Button:
    """A button in the course's look: style is '', 'primary', 'quiet' or 'danger'.

    No icons: they come from Font Awesome, which the course template does not load (it would come from a CDN,
    and the course must work offline).
    """
    widget = ipw.Button(
        description=description,
        tooltip=tooltip or description,
        layout=ipw.Layout(width="auto"),
        style=shared(ipw.ButtonStyle),
    )
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
