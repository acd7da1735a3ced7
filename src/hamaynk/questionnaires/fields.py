"""The Django form field of each question type, and the conversions between a stored answer
and what its field expects or returns."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hamaynk.core.numbers import localize_limits
from hamaynk.core.parsing import validate_answer_date
from hamaynk.questionnaires.schema import (
    MONEY_MAX_DIGITS,
    MONEY_PLACES,
    NUMBER_MAX_DIGITS,
    NUMBER_PLACES,
    NUMBER_TYPES,
    REQUIRED,
    Question,
    as_decimal,
    iso_date,
    label,
    token,
)


def _error_messages() -> dict[str, Any]:
    """Messages a community head understands, shared by the form and `validate_answers`."""
    return {
        "required": REQUIRED,
        "max_length": _("Please keep this answer to at most %(limit_value)d characters "
                        "(it now has %(show_value)d)."),
        "min_value": _("The smallest allowed value is %(limit_value)s."),
        "max_value": _("The largest allowed value is %(limit_value)s."),
        "max_decimal_places": _("Use at most %(max)s digits after the decimal point."),
        "max_digits": _("This number is too large."),
        "max_whole_digits": _("This number is too large."),
        "invalid_choice": _("“%(value)s” is not one of the choices."),
        "invalid_list": _("Please choose from the list."),
    }


def _choices(q: Question, language: str) -> list[tuple[str, str]]:
    return [(c.value, label(c, "label", language)) for c in q.choices]


def _short_text(q: Question, language: str) -> forms.Field:
    return forms.CharField(max_length=q.length_limit)


def _long_text(q: Question, language: str) -> forms.Field:
    return forms.CharField(max_length=q.length_limit, widget=forms.Textarea)


def _number(q: Question, language: str) -> forms.Field:
    return forms.DecimalField(max_digits=NUMBER_MAX_DIGITS, decimal_places=NUMBER_PLACES,
                              min_value=q.min_value, max_value=q.max_value,
                              error_messages={"invalid": _("Please enter a number.")})


def _money(q: Question, language: str) -> forms.Field:
    return forms.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=2,
        min_value=q.min_value if q.min_value is not None else 0,  # money is never negative
        max_value=q.max_value,
        error_messages={"invalid": _("Please enter an amount, for example 1500 or 1500.50.")})


def _date(q: Question, language: str) -> forms.Field:
    return forms.DateField(
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        validators=[validate_answer_date],
        error_messages={"invalid": _("Please enter a date, for example 2025-03-31.")})


def _single_choice(q: Question, language: str) -> forms.Field:
    return forms.ChoiceField(choices=_choices(q, language), widget=forms.RadioSelect)


def _multiple_choice(q: Question, language: str) -> forms.Field:
    return forms.MultipleChoiceField(choices=_choices(q, language),
                                     widget=forms.CheckboxSelectMultiple)


def _is_yes(value: str) -> bool:
    return value == "yes"


def _yes_no(q: Question, language: str) -> forms.Field:
    return forms.TypedChoiceField(choices=[("yes", gettext("Yes")), ("no", gettext("No"))],
                                  coerce=_is_yes, empty_value=None, widget=forms.RadioSelect)


def _file(q: Question, language: str) -> forms.Field:
    # A plain input: the stored file is kept by the caller, so there is nothing to "clear".
    return forms.FileField(widget=forms.FileInput)


_BUILDERS: dict[str, Callable[[Question, str], forms.Field]] = {
    "short_text": _short_text, "long_text": _long_text, "number": _number, "money": _money,
    "date": _date, "single_choice": _single_choice, "multiple_choice": _multiple_choice,
    "yes_no": _yes_no, "file": _file,
}


def bare_field(q: Question, language: str) -> forms.Field:
    """The field with its type's rules only, never required: requiredness depends on
    visibility, which the form and `validate_answers` decide."""
    field = _BUILDERS[q.type](q, language)
    field.required = False
    field.error_messages = {**field.error_messages, **_error_messages()}
    localize_limits([field])
    return field




def to_answer(q: Question, value: Any) -> Any:
    """A cleaned form value as stored in the answers JSON (see the module docstring)."""
    if value is None or (value is False and q.type == "file"):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Decimal):
        return format(value.quantize(MONEY_PLACES) if q.type == "money" else value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value] or None
    return value  # bool, UploadedFile, or the stored file dict


def initial_value(q: Question, value: Any) -> Any:
    """A stored answer as its form field expects it; an unreadable one is shown as it is."""
    if value is None:
        return None
    if q.type == "date" and isinstance(value, str):
        return iso_date(value) or value
    if q.type in NUMBER_TYPES and not isinstance(value, bool):
        number = as_decimal(value)
        return value if number is None else number
    if q.type == "yes_no":
        return token(value) if isinstance(value, bool) else None
    return value
