"""Public lists (the directory, the awarded grants) are the same for every visitor, change a
few times a day and are read far more often: their rendered rows are kept for
`PUBLIC_LIST_CACHE_SECONDS` (60 by default; 0 turns it off), per language and query string.
The page around them (menu, messages, the visitor's own links) is rendered every time. A
community's profile as visitors who are not signed in see it is kept the same way.

List filters (the directory's, the secretariat's application filter) are kept the same way:
their fields depend only on the query string, the language and choices that change a few
times a year."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def cached_html(name: str, variant: str, render: Callable[[], str]) -> SafeString:
    seconds = settings.HAMAYNK_PUBLIC_LIST_CACHE_SECONDS
    if seconds <= 0:
        return mark_safe(render())  # noqa: S308 - rendered by a template, escaped there
    digest = hashlib.blake2b(variant.encode(), digest_size=12).hexdigest()
    key = f"html:{name}:{get_language()}:{digest}"
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, seconds)
    return mark_safe(html)  # noqa: S308 - rendered by a template, escaped there


def cached_filter_fields(name: str, request: HttpRequest, render: Callable[[], str]) -> SafeString:
    """A list filter's fields, kept per query string without its page number: every page of
    one search shows the same fields."""
    query = request.GET.copy()
    query.pop("page", None)
    return cached_html(name, query.urlencode(), render)
