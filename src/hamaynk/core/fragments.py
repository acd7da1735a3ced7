"""What decides a cached template fragment (docs/architecture.md, "Caching").

A page caches a fragment with Django's own tag, in the shared cache (`CACHES["default"]`:
Redis in production), keyed on what the fragment shows, the language and the time zone:

    {% load cache %}
    {% cache FRAGMENT_SECONDS "awards-rows" rows_version LANGUAGE_CODE TIME_ZONE %}…{% endcache %}

`version()` gives `rows_version`: each listed object's model, `pk` and `updated_at`, the
same of the related objects it names, and plain values (a rank, a sum) as they are. A
service that changes an object saves it, which moves `updated_at`, so a changed row has
another key: nothing is ever forgotten by hand, old entries fall out of the cache by age.
A fragment never holds anything personal (no user, no CSRF token, no messages).
"""

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Manager, Model


def _stamp(obj: Model, checked: set[str]) -> tuple[Any, ...]:
    # A list loads its rows alike: whether `updated_at` was loaded is asked of the first
    # object of each model only (asking every row cost a fifth of a 50-row key).
    label = obj._meta.label
    if label not in checked and "updated_at" in obj.get_deferred_fields():
        raise ImproperlyConfigured(f"{obj._meta.label} listed without its updated_at: "
                                   "load it (.only(…, 'updated_at')) to key a fragment on it")
    checked.add(label)
    return (label, obj.pk, getattr(obj, "updated_at", None))


def _related(obj: Model, path: str) -> list[Model]:
    """The objects reached from `obj` by a dotted path (a to-many relation's loaded rows)."""
    found: list[Any] = [obj]
    for name in path.split("."):
        reached: list[Any] = []
        for item in found:
            value = getattr(item, name)
            if isinstance(value, Manager):
                reached.extend(value.all())  # prefetched with the list: no query
            elif value is not None:
                reached.append(value)
        found = reached
    return found


def _part(value: Any, related: Sequence[str], checked: set[str]) -> Any:
    if isinstance(value, Model):
        return (_stamp(value, checked),
                *(_stamp(r, checked) for path in related for r in _related(value, path)))
    if isinstance(value, dict):
        return tuple((k, _part(v, related, checked)) for k, v in sorted(value.items()))
    if isinstance(value, list | tuple):
        return tuple(_part(v, related, checked) for v in value)
    return repr(value)


def version(objects: Iterable[Any], *, related: Sequence[str] = (), also: Any = None) -> str:
    """The key of a fragment that shows `objects` (and `also`), as a short digest."""
    checked: set[str] = set()
    text = repr((_part(list(objects), related, checked), _part(also, (), checked)))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def query_version(request: Any, *, also: Any = None) -> str:
    """The key of a list's filter fields: its query string without the page number (every
    page of one search shows the same fields) and what the fields' choices come from."""
    query = request.GET.copy()
    query.pop("page", None)
    return version([], also=(sorted(query.lists()), also))
