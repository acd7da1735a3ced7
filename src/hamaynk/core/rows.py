"""List rows rendered once and kept by what they show.

A row of a staff list (the secretariat's applications, the ranking, a reviewer's queue) is
rendered by a template from a few loaded values; Django's template engine spends ~8 µs a
variable, ~150 µs a row, most of a list page's time. The same rows come back again and
again: the officer goes back to the list after each application, turns the pages of one
filter, decides one row of the ranking and sees the others unchanged.

`rendered_rows` renders the rows it does not have yet in one pass of a fragment template
(`"app/list.html#rows"`: labels translated once, a boundary before each row) and keeps each
row's HTML in the per-process cache `rows`, under a digest of everything the fragment can
see: the fragment's name, the language and time zone, every field value loaded on the row's
model objects (and on the objects loaded with them through `select_related`), and the
shared context. A value that changes gives another key, so a kept row is never stale and
nothing has to be forgotten when data changes; old keys fall out of the cache by age and
size.

What this asks of a fragment: it shows only what it is given. It is rendered without the
request (no `user`, `perms`, `request`, CSRF token or messages); a field not loaded with the
row would cost a query per row, which the lists' query-count tests refuse. Keeping is off
where templates are edited while the server runs (DEBUG, unless `KEEP_RENDERED_ROWS`)."""

import datetime
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

_PLAIN = frozenset((str, int, float, bool, Decimal, datetime.datetime, datetime.date,
                    datetime.time, datetime.timedelta, type(None)))


def fingerprint(value: Any, _seen: set[int] | None = None) -> Any:
    """What a fragment can show of `value`, as plain nested tuples: a model object's loaded
    fields and the objects loaded with it (an object met again, as a reverse one-to-one
    points back, by its class and key); a mapping's or a sequence's items. (Written for
    speed: it runs for every row of every list page.)"""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if _seen is None:
        _seen = set()
    if isinstance(value, Model):
        if id(value) in _seen:
            return (kind.__qualname__, value.pk)
        _seen.add(id(value))
        state = value.__dict__
        parts: list[Any] = [kind.__qualname__]
        for k, v in state.items():
            if k[0] != "_":
                parts.append(k)
                parts.append(v if type(v) in _PLAIN else fingerprint(v, _seen))
        for k, v in sorted(value._state.fields_cache.items()):
            parts.append(k)
            parts.append(fingerprint(v, _seen))
        for k, v in sorted(state.get("_prefetched_objects_cache", {}).items()):
            parts.append(k)
            parts.append(fingerprint(list(v), _seen))
        return tuple(parts)
    if isinstance(value, Mapping):
        return tuple((k, fingerprint(v, _seen)) for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(v, _seen) for v in value)
    # anything else (a lazy translation, an enum member) by its class and text
    return (kind.__qualname__, str(value))


def _key(fragment: str, language: str, shared: str, row: Any) -> str:
    text = repr((fragment, language, shared, fingerprint(row)))
    return "row:" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _render(template: Any, rows: list[Any], context: dict[str, Any]) -> list[str]:
    """Render the rows in one pass: labels translated once, each row after a boundary that no
    row's text can hold (random, as in a multipart message)."""
    sep = mark_safe(f"<!--row {secrets.token_hex(16)}-->")  # noqa: S308 - our own text
    parts = str(template.render({**context, "rows": rows, "sep": sep})).split(sep)[1:]
    if len(parts) != len(rows):
        raise ImproperlyConfigured(f"{template.origin.template_name} must write {{{{ sep }}}} "
                                   f"before each row: {len(parts)} parts for {len(rows)} rows")
    return parts


def rendered_rows(fragment: str, rows: Iterable[Any], *,
                  context: Mapping[str, Any] | None = None) -> list[SafeString]:
    """The HTML of each row. `fragment` renders `rows` with `context`, writing `{{ sep }}`
    before each: `{% for a in rows %}{{ sep }}<tr>…</tr>{% endfor %}`."""
    rows = list(rows)
    context = dict(context or {})
    template = get_template(fragment)
    if not settings.HAMAYNK_KEEP_RENDERED_ROWS:
        return [mark_safe(text) for text in _render(template, rows, context)]  # noqa: S308 - a template's output
    language = f"{get_language()}:{timezone.get_current_timezone_name()}"  # dates show in it
    shared = repr(fingerprint(context))
    keys = [_key(fragment, language, shared, row) for row in rows]
    cache = caches["rows"]
    kept = cache.get_many(keys)
    missing = [(key, row) for key, row in zip(keys, rows, strict=True) if key not in kept]
    if missing:
        made = dict(zip([key for key, _ in missing],
                        _render(template, [row for _, row in missing], context), strict=True))
        cache.set_many(made)
        kept.update(made)
    return [mark_safe(kept[key]) for key in keys]  # noqa: S308 - a template's output, escaped there
