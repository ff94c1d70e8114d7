"""Numbers and dates the way a German reader expects them, and numbers as people type them."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

GERMAN_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
TIMEZONE = ZoneInfo("Europe/Berlin")  # the course's four countries share it: dates in calendars and course files


def format_int(value: int | float) -> str:
    return f"{round(value):,}".replace(",", ".")


def format_decimal(value: float, digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_date(iso: str) -> str:
    """'2020-12-31' -> '31.12.2020'."""
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"


def format_timestamp(iso: str) -> str:
    """'2026-11-23T14:05:00+00:00' -> '23.11.2026, 15:05' in local time."""
    moment = datetime.fromisoformat(iso).astimezone()
    return f"{moment:%d.%m.%Y, %H:%M}"


def german_list(items: list[str] | tuple[str, ...]) -> str:
    """['A', 'B', 'C'] -> 'A, B und C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} und {items[-1]}"


def format_euro(value: float) -> str:
    """1234.5 -> '1.234,50 €'; whole amounts without cents: '1.500 €'."""
    return f"{format_int(value) if float(value).is_integer() else format_decimal(value, 2)} €"


def parse_number(text: str) -> float | None:
    """'1.234,5', '1234.5', '12,5', '4 250' -> a float; '' -> None; anything else raises ValueError."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("\u2009", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        if cleaned.rindex(",") > cleaned.rindex("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif GERMAN_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(text)
    return float(cleaned)


def number_or_text(text: str) -> float | str | None:
    """The typed number, or the text itself so that the model's validation reports it in German."""
    try:
        return parse_number(text)
    except ValueError:
        return text


def parse_amount(text: str) -> float | None:
    """A sum of money as people type it – '1.200,50', '1200.50', '80 €' – or None for an empty field.

    Raises ValueError for text that is not a number.
    """
    return parse_number(text.replace("€", "").replace("EUR", ""))


def format_figure(value: float, unit: str) -> str:
    """A key figure with its unit: whole numbers and large ones without decimals, small ones with up to two."""
    if unit == "Einw./km²" or abs(value) >= 1000 or value == int(value):
        number = format_int(value)
    else:
        number = format_decimal(value, 2).rstrip("0").rstrip(",") if abs(value) < 10 else format_decimal(value)
    return f"{number} {unit}".strip()


def format_indicator(value: float, unit: str, key: str) -> str:
    """Like :func:`format_figure`; a change („change“) carries its sign: „+2,9 %“."""
    text = format_figure(value, unit)
    return ("+" + text) if key == "change" and value > 0 else text
