"""Numbers in messages (a refusal naming an amount or a limit) written as the reader's
language writes them — hy "30 000,00", en "30,000.00" — through Django's number formatting
and the project's formats (src/hamaynk/formats), never by hand."""

import datetime
from decimal import Decimal

from django.utils import formats


def amount(value: Decimal | int | float, decimal_places: int | None = 2) -> str:
    """`value` grouped and with the decimal separator of the active language."""
    return formats.number_format(value, decimal_pos=decimal_places, use_l10n=True,
                                 force_grouping=True)


def limit(value: object) -> str:
    """A validator's limit as the active language writes it: numbers grouped (decimals as
    given), dates in the language's date format; anything else as text."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        places = max(0, -value.as_tuple().exponent) if isinstance(
            value.as_tuple().exponent, int) else None
        return amount(value, places)
    if isinstance(value, int | float):
        return amount(value, None)
    if isinstance(value, datetime.date):
        return str(formats.date_format(value, "DATE_FORMAT"))
    return str(value)
