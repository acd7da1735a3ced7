"""Template filters for generated documents (agreements, letters, copies):
`{% load documents %}`."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from hamaynk.documents.armenian import date_hy
from hamaynk.documents.numbers import CURRENCIES, money_words_hy

register = template.Library()


@register.filter
def formal_date(value: Any) -> str:
    """`{{ grant.awarded_at|formal_date }}`: "2026 թ. դեկտեմբերի 31" in Armenian, the
    locale's long date ("31 December 2026") otherwise; a datetime is its local day."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if translation.get_language() == "hy":
        return date_hy(value)
    return date_filter(value, "j F Y")


@register.filter
def amount_in_words(value: Any, currency: str = "AMD") -> str:
    """`{{ grant.amount|amount_in_words:grant.currency }}`: "երեսունութ հազար եվրո" in
    Armenian; "" in other languages or for a currency without words."""
    if value in (None, "") or translation.get_language() != "hy" or currency not in CURRENCIES:
        return ""
    return money_words_hy(Decimal(value), currency)
