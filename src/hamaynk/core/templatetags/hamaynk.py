from typing import Any

from django import template
from django.http import QueryDict

from hamaynk.core.dates import when as format_when
from hamaynk.core.i18n import localized
from hamaynk.core.links import object_url
from hamaynk.core.numbers import number as format_number

register = template.Library()


@register.filter
def loc(obj: Any, field: str = "name") -> str:
    """`{{ community|loc:"name" }}` — the name in the current language, with fallback."""
    return localized(obj, field)


@register.filter
def link(key: Any, name: str) -> str:
    """`{{ a.pk|link:"grants:determine" }}` — `{% url %}` for one object, made quickly (a
    list page makes one per row; see core.links)."""
    return object_url(name, key)


@register.filter(is_safe=True)
def number(value: Any, arg: Any = -1) -> str:
    """`{{ amount|number:"0g" }}` — Django's `floatformat`, faster (see core.numbers)."""
    return format_number(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def when(value: Any, arg: str = "DATE_FORMAT") -> str:
    """`{{ moment|when:"DATETIME_FORMAT" }}` — Django's `date`, faster (see core.dates)."""
    return format_when(value, arg)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters replaced (pagination, sorting)."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return params.urlencode()
