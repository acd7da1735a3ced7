"""Numbers in messages (a refusal naming an amount or a limit) written as the reader's
language writes them — hy "30 000,00", en "30,000.00" — through Django's number formatting
and the project's formats (src/hamaynk/formats), never by hand."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats

# The currencies amounts are kept in (DESIGN.md: money is a Decimal with a currency).
CURRENCIES = [(c, c) for c in ("AMD", "EUR", "USD", "MDL", "UAH")]


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
        exponent = value.as_tuple().exponent
        return amount(value, max(0, -exponent) if isinstance(exponent, int) else None)
    if isinstance(value, int | float):
        return amount(value, None)
    if isinstance(value, datetime.date):
        return str(formats.date_format(value, "DATE_FORMAT"))
    return str(value)


class LocalizedMinValueValidator(MinValueValidator):
    """Django's validator, its limit written as the reader's language writes numbers."""

    def __call__(self, value: object) -> None:
        try:
            super().__call__(value)
        except ValidationError as exc:
            raise ValidationError(exc.message, code=exc.code, params={
                **(exc.params or {}), "limit_value": limit(self.limit_value)}) from None


class LocalizedMaxValueValidator(MaxValueValidator):
    """Django's validator, its limit written as the reader's language writes numbers."""

    def __call__(self, value: object) -> None:
        try:
            super().__call__(value)
        except ValidationError as exc:
            raise ValidationError(exc.message, code=exc.code, params={
                **(exc.params or {}), "limit_value": limit(self.limit_value)}) from None


def localize_limits(fields: Iterable[Any]) -> None:
    """Give these form fields' min/max validators limits written in the reader's language
    ("30 000,00" in hy, "30,000.00" in en); their messages are kept."""
    for field in fields:
        swapped = []
        for validator in field.validators:
            kind = type(validator)
            if kind is MinValueValidator:
                validator = LocalizedMinValueValidator(validator.limit_value, validator.message)
            elif kind is MaxValueValidator:
                validator = LocalizedMaxValueValidator(validator.limit_value, validator.message)
            swapped.append(validator)
        field.validators = swapped
