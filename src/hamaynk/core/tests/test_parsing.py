import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from hamaynk.core.parsing import (
    has_nul,
    parse_decimal,
    parse_id,
    parse_int,
    validate_programme_date,
    within_programme_years,
)


@pytest.mark.parametrize("value", ["", " ", "²", "٣", "9" * 5000, "-1", "0", "1e9", "0x10",
                                   "\x00", "1\x00", "1,5", "NaN", "Infinity", "9223372036854775808",
                                   None, ["1"], True, 1.5, " 1 2 "])
def test_parse_id_refuses_anything_but_ascii_digits_of_a_bigint(value):
    assert parse_id(value) is None


@pytest.mark.parametrize(("value", "expected"), [("1", 1), (" 42 ", 42), (7, 7),
                                                 ("9223372036854775807", 2**63 - 1)])
def test_parse_id_reads_a_plain_id(value, expected):
    assert parse_id(value) == expected


def test_parse_int_keeps_to_its_range():
    assert parse_int("5", minimum=0, maximum=5) == 5
    assert parse_int("6", minimum=0, maximum=5) is None
    assert parse_int("0", minimum=1) is None


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-1", "1e3", "1,5", "²", "", "0x10",
                                   "1" * 30])
def test_parse_decimal_refuses_what_is_not_a_plain_non_negative_amount(value):
    assert parse_decimal(value) is None


def test_parse_decimal_reads_plain_amounts_and_allows_a_sign_when_asked():
    assert parse_decimal("12.50") == Decimal("12.50")
    assert parse_decimal("-3", minimum=None) == Decimal("-3")


def test_has_nul_looks_into_lists_and_dicts():
    assert has_nul("a\x00b") and has_nul(["x", "\x00"]) and has_nul({"k": {"n": "\x00"}})
    assert not has_nul("ա") and not has_nul(5)


@pytest.mark.parametrize("value", [datetime.date(1, 1, 1), datetime.date(1999, 12, 31),
                                   datetime.date(2101, 1, 1), datetime.date(9999, 12, 31),
                                   datetime.datetime(1, 1, 1, tzinfo=datetime.UTC),
                                   datetime.datetime(1999, 12, 30, tzinfo=datetime.UTC)])
def test_dates_outside_the_programme_years_are_refused_naming_the_bounds(value):
    assert not within_programme_years(value)
    for language, message in (("en", "Enter a date from the year 2000 to the year 2100."),
                              ("hy", "Մուտքագրեք ամսաթիվ 2000 թվականից մինչև 2100 թվականը։")):
        with translation.override(language), pytest.raises(ValidationError) as refused:
            validate_programme_date(value)
        assert refused.value.messages == [message]


def test_the_first_moment_of_2000_in_yerevan_is_within_the_years():
    from zoneinfo import ZoneInfo

    moment = datetime.datetime(2000, 1, 1, tzinfo=ZoneInfo("Asia/Yerevan"))
    assert within_programme_years(moment)
    validate_programme_date(moment)
    validate_programme_date(None)
