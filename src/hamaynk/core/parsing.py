"""One place that turns a raw request value into an id, a number, a date or a text.

`str.isdigit()` accepts "²" and "٣" and any length, and `int()` then fails or the database
refuses the number: every id, count or amount read outside a Django form goes through these
functions, which accept only ASCII digits within a range and answer None for anything else.
Free text reaching the database must not hold a NUL character (PostgreSQL refuses it)."""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # a bigint column
_DIGITS = re.compile(r"[0-9]{1,19}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,6})?")

# Dates a person types for the programme's moments (call opening, council decisions):
# nothing before 2000 or after 2100 is a real moment of the programme.
MIN_YEAR = 2000
MAX_YEAR = 2100
# The same bounds for a moment, a day wider on each side so that any time zone fits.
EARLIEST = datetime.datetime(MIN_YEAR - 1, 12, 31, tzinfo=datetime.UTC)
LATEST = datetime.datetime(MAX_YEAR + 1, 1, 1, 23, 59, 59, tzinfo=datetime.UTC)


def _text(value: Any) -> str | None:
    if isinstance(value, list | tuple):  # a list where one value is expected
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    return str(value).strip()


def parse_int(value: Any, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """A whole number written in ASCII digits (no sign, no spaces inside) within
    [minimum, maximum]; anything else is None."""
    text = _text(value)
    if text is None or not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def parse_id(value: Any) -> int | None:
    """A database id: 1 .. 2**63-1 in ASCII digits, else None."""
    return parse_int(value, minimum=1, maximum=MAX_ID)


def parse_decimal(value: Any, *, minimum: Decimal | None = Decimal(0),
                  maximum: Decimal | None = None) -> Decimal | None:
    """A plain decimal ("12", "12.50", "-3" when minimum allows it): no exponent, no NaN or
    Infinity, no grouping; within the bounds; else None."""
    text = _text(value)
    if text is None or not _DECIMAL.fullmatch(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
        return None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number


def has_nul(value: Any) -> bool:
    """True when a text (or any text in a list or dict) holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


def refuse_nul(value: Any) -> None:
    """A validator for a text that is not a Django CharField (JSON answers, API input)."""
    if has_nul(value):
        raise ValidationError(_("Null characters are not allowed."), code="null_characters")


def date_bounds_message(min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> str:
    return str(_("Enter a date from the year %(min)s to the year %(max)s.")
               % {"min": min_year, "max": max_year})


def within_programme_years(value: datetime.date | datetime.datetime) -> bool:
    """A date (or moment, in any time zone) lies within MIN_YEAR..MAX_YEAR."""
    if not MIN_YEAR - 1 <= value.year <= MAX_YEAR + 1:  # before comparing: no overflow
        return False
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return EARLIEST <= value <= LATEST
    return MIN_YEAR <= value.year <= MAX_YEAR


def validate_programme_date(value: datetime.date | datetime.datetime | None) -> None:
    """The validator of a date or moment a person types (a call's opening, a council
    decision): within MIN_YEAR..MAX_YEAR, so nothing is stored before the common era."""
    if value is not None and not within_programme_years(value):
        raise ValidationError(date_bounds_message(), code="date_out_of_range")


ANSWER_MIN_YEAR = 1900  # an answer may name an older date (a founding year), never BC


def validate_answer_date(value: datetime.date | None) -> None:
    """The validator of a date typed as an answer to a question of a form."""
    if value is not None and not ANSWER_MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(date_bounds_message(ANSWER_MIN_YEAR, MAX_YEAR),
                              code="date_out_of_range")
