"""The Handlungsfelder in forms and lists: a chip, a checkbox each, a drop-down."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.handlungsfelder import ALL_FIELDS


def field_chip(key: str) -> str:
    return f"<span class='rl-field-chip rl-field-{key}'>{escape(ALL_FIELDS[key])}</span>"


def field_checkboxes() -> dict[str, ipw.Checkbox]:
    """One checkbox per Handlungsfeld (the cross-cutting one included), for forms that link several."""
    return {
        key: ipw.Checkbox(
            value=False, description=label, indent=False, layout=ipw.Layout(width="auto", margin="0 14px 0 0")
        )
        for key, label in ALL_FIELDS.items()
    }


def field_options(empty: str | None = None) -> list[tuple[str, str]]:
    """The Handlungsfelder for a drop-down, optionally with a first choice meaning "none" (its value is "").

    A drop-down whose value is None shows nothing selected, so "none" is the empty string.
    """
    return ([(empty, "")] if empty is not None else []) + [(label, key) for key, label in ALL_FIELDS.items()]


def short_choices(all_label: str, labels: dict[str, str]) -> list[tuple[str, str]]:
    """A filter drop-down over a choice list: „any“ first (value ""), each label only up to its dash."""
    return [(all_label, "")] + [(label.split(" – ")[0], key) for key, label in labels.items()]


def person_field(placeholder: str, layout: ipw.Layout | None = None) -> ipw.Combobox:
    """A name field that offers the team's members and still takes anyone else (a partner, a host from outside).
    Fill its choices with ``offer_members`` when the tool refreshes."""
    return ipw.Combobox(placeholder=placeholder, ensure_option=False, layout=layout or ipw.Layout(width="100%"))


def offer_members(widget: ipw.Combobox, workbook) -> None:
    from regionallabor.core.model import Member
    from regionallabor_widgets.base.lists import offer

    offer(widget, [stored.record.name for stored in workbook.list(Member)])
