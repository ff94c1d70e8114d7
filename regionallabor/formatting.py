"""Numbers and dates the way a German reader expects them."""

from __future__ import annotations

from datetime import datetime


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
