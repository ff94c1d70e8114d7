"""Numbers, money and dates the way readers in the team's country expect them, and numbers as people type them.

Numbers and money go through Babel (CLDR) with the team's conventions: 1.234,5 and 1.234,50 € in Germany and
South Tyrol, € 1.234,50 in Austria, 1’234.5 and CHF 1’234.50 in Switzerland. A kernel serves one team's
workbook, so the conventions are set once per page (``use_conventions``, from the region chosen in Modul 1)
and hold for every thread of it; until then, and outside a page, they are Germany's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from zoneinfo import ZoneInfo

from babel import Locale
from babel.numbers import format_currency, get_currency_symbol
from babel.numbers import format_decimal as babel_decimal

GERMAN_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
TIMEZONE = ZoneInfo("Europe/Berlin")  # the course's four countries share it: dates in calendars and course files


class _SwissLocale(Locale):
    """de_CH with the typographic apostrophe as group separator (1’234’567), as the Federal Chancellery writes it.

    Babel 2.19 removes a plain ' in a formatted number as if it quoted a literal: with CLDR's ' for de_CH,
    1234567 came out as "1234567" (two separators, one "quoted" pair).
    """

    @cached_property
    def number_symbols(self):
        symbols = {system: dict(values) for system, values in super().number_symbols.items()}
        symbols["latn"]["group"] = "\u2019"
        return symbols


@dataclass(frozen=True)
class Conventions:
    """How a team writes numbers and money: a CLDR locale and an ISO 4217 currency."""

    locale: str = "de_DE"
    currency: str = "EUR"

    @cached_property
    def babel_locale(self) -> Locale:  # computed once per conventions: every number on a page asks for it
        return _SWISS if self.locale == "de_CH" else Locale.parse(self.locale)

    @property
    def decimal_sign(self) -> str:
        return self.babel_locale.number_symbols["latn"]["decimal"]

    @property
    def currency_symbol(self) -> str:
        return get_currency_symbol(self.currency, self.babel_locale)


_SWISS = _SwissLocale("de", "CH")
BY_COUNTRY = {
    "DE": Conventions("de_DE", "EUR"),
    "AT": Conventions("de_AT", "EUR"),
    "CH": Conventions("de_CH", "CHF"),
    "BZ": Conventions("de_IT", "EUR"),  # South Tyrol writes German with Italy's conventions, as Germany's
}
_current = Conventions()


def use_conventions(conventions: Conventions) -> None:
    """The conventions of this kernel's page from now on."""
    global _current
    _current = conventions


def conventions() -> Conventions:
    return _current


def conventions_for(country: str | None) -> Conventions:
    """The conventions of a region's country; Germany's for none or an unknown one."""
    return BY_COUNTRY.get(country or "", Conventions())


def format_int(value: int | float) -> str:
    return babel_decimal(round(value), format="#,##0", locale=_current.babel_locale)


def format_decimal(value: float, digits: int = 1) -> str:
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_decimal(value, format=pattern, locale=_current.babel_locale)


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


def format_money(value: float) -> str:
    """1234.5 -> '1.234,50 €' (CHF 1’234.50 in Switzerland); whole amounts without cents: '1.500 €'."""
    whole = float(value).is_integer()
    return format_currency(
        value,
        _current.currency,
        format=None if not whole else _whole_currency_pattern(),
        locale=_current.babel_locale,
        currency_digits=not whole,
    )


def format_amount(value: float) -> str:
    """A sum as it stands in an amount field, without currency: '1.200,50', '1.500' (Switzerland: '1’200.50')."""
    return format_int(value) if float(value).is_integer() else format_decimal(value, 2)


def _whole_currency_pattern() -> str:
    pattern = _current.babel_locale.currency_formats["standard"].pattern.split(";")[0]
    return re.sub(r"0\.0+", "0", pattern)


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
    """A sum of money as people type it – '1.200,50', '1200.50', '80 €', 'CHF 1’200.50' – or None when empty.

    Raises ValueError for text that is not a number.
    """
    return parse_number(re.sub(r"€|EUR|CHF|Fr\.|SFr\.|’|'", "", text))


GERMAN_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
CLOCK_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?$", re.IGNORECASE)


def parse_date(text: str) -> date | None:
    """A date as people in the course's countries type it – '1.5.2027', '01.05.27' – or as a date picker
    sends it ('2027-05-01'); None when empty. Raises ValueError for text that is no date of 1900–2099."""
    text = text.strip()
    if not text:
        return None
    if german := GERMAN_DATE.match(text):
        day, month, year = (int(part) for part in german.groups())
        year += 2000 if year < 100 else 0
    elif iso := ISO_DATE.match(text):
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise ValueError(text)
    if not 1900 <= year <= 2099:
        raise ValueError(text)
    return date(year, month, day)  # ValueError for 31.02.


def parse_time(text: str) -> time | None:
    """A time of day as typed – '9', '9:30', '09.30', '14 Uhr' – or None when empty; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    clock = CLOCK_TIME.match(text)
    if clock is None:
        raise ValueError(text)
    return time(int(clock[1]), int(clock[2] or 0))  # ValueError for 25:00


def format_figure(value: float, unit: str) -> str:
    """A key figure with its unit: whole numbers and large ones without decimals, small ones with up to two."""
    if unit == "Einw./km²" or abs(value) >= 1000 or value == int(value):
        number = format_int(value)
    else:
        sign = _current.decimal_sign
        number = format_decimal(value, 2).rstrip("0").rstrip(sign) if abs(value) < 10 else format_decimal(value)
    return f"{number} {unit}".strip()


def format_indicator(value: float, unit: str, key: str) -> str:
    """Like :func:`format_figure`; a change („change“) carries its sign: „+2,9 %“."""
    text = format_figure(value, unit)
    return ("+" + text) if key == "change" and value > 0 else text
