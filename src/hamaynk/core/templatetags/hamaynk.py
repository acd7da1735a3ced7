from typing import Any

from django import template
from django.http import QueryDict

from hamaynk.core.i18n import label_mark, localized
from hamaynk.core.links import object_url

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


@register.simple_tag
def colon() -> str:
    """`{% translate "Due" %}{% colon %} …` — the mark between a label and its value in the
    current language (core.i18n.label_mark)."""
    return label_mark()
