"""Numbers and money as the team's country writes them: Germany, Austria, Switzerland, South Tyrol."""

from __future__ import annotations

import pytest

from regionallabor.core import formatting
from regionallabor.core.formatting import (
    conventions_for,
    format_amount,
    format_decimal,
    format_figure,
    format_int,
    format_money,
    parse_amount,
    use_conventions,
)
from regionallabor.core.model import Region
from regionallabor_widgets.base import open_course_page

NBSP = "\xa0"


@pytest.fixture(autouse=True)
def german_again():
    yield
    use_conventions(conventions_for("DE"))


@pytest.mark.parametrize(
    ("country", "integer", "decimal", "money", "whole", "figure"),
    [
        ("DE", "1.234.567", "1.234,6", f"1.234,50{NBSP}€", f"2.500.000{NBSP}€", "2,5 %"),
        ("AT", "1.234.567", "1.234,6", f"€{NBSP}1.234,50", f"€{NBSP}2.500.000", "2,5 %"),
        ("CH", "1’234’567", "1’234.6", f"CHF{NBSP}1’234.50", f"CHF{NBSP}2’500’000", "2.5 %"),
        ("BZ", "1.234.567", "1.234,6", f"1.234,50{NBSP}€", f"2.500.000{NBSP}€", "2,5 %"),
    ],
)
def test_each_country_writes_its_own_numbers_and_money(country, integer, decimal, money, whole, figure):
    use_conventions(conventions_for(country))
    assert format_int(1234567) == integer
    assert format_decimal(1234.56) == decimal
    assert format_money(1234.5) == money
    assert format_money(2_500_000) == whole  # whole sums without cents
    assert format_figure(2.5, "%") == figure


def test_a_swiss_million_keeps_its_separators():
    """Babel 2.19 drops a plain ' from a formatted number as if it quoted a literal; ours uses ’."""
    use_conventions(conventions_for("CH"))
    assert format_int(12_345_678) == "12’345’678"
    assert format_amount(1200.5) == "1’200.50" and format_amount(1500) == "1’500"


@pytest.mark.parametrize(
    "typed", ["1.200,50", "1200.50", "1.200,50 €", "EUR 1200,50", "CHF 1’200.50", "Fr. 1'200.50", "1 200,50"]
)
def test_amounts_are_read_as_people_type_them_in_any_of_the_countries(typed):
    assert parse_amount(typed) == 1200.5


def test_unknown_countries_and_none_write_as_germany():
    assert conventions_for(None) == conventions_for("DE") == conventions_for("XX")


def test_the_page_takes_the_conventions_of_the_teams_region(workbook):
    workbook.save(Region(name="Emmental", country="CH", area_ids=["CH-0903"]), None)
    open_course_page(workbook)
    assert formatting.conventions().currency == "CHF"
    from regionallabor_widgets.modul5.budget import ConferenceBudget

    budget = ConferenceBudget(workbook)
    budget.title.value, budget.planned.value = "Saalmiete", "1’250.50"
    budget.save()
    assert f"CHF{NBSP}1’250.50" in budget.totals.value


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1.5.2027", "2027-05-01"),
        ("01.05.27", "2027-05-01"),
        (" 1. 5. 2027 ", "2027-05-01"),
        ("2027-05-01", "2027-05-01"),
    ],
)
def test_a_date_is_read_as_people_type_it(typed, read):
    assert formatting.parse_date(typed).isoformat() == read


@pytest.mark.parametrize("typed", ["31.02.2027", "5/1/2027", "1.5.", "morgen", "1.5.1850", "2027-13-01"])
def test_text_that_is_no_date_is_refused(typed):
    with pytest.raises(ValueError):
        formatting.parse_date(typed)


@pytest.mark.parametrize(
    ("typed", "read"), [("9", "09:00"), ("9:30", "09:30"), ("14.45", "14:45"), ("14 Uhr", "14:00")]
)
def test_a_time_is_read_as_people_type_it(typed, read):
    assert f"{formatting.parse_time(typed):%H:%M}" == read


@pytest.mark.parametrize("typed", ["25:00", "9:75", "halb zehn", "9:3"])
def test_text_that_is_no_time_is_refused(typed):
    with pytest.raises(ValueError):
        formatting.parse_time(typed)
