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

A fragment that shows many rows of one thing (a portfolio's stakeholders) may instead be
keyed on that thing's *generation* (`generation("portfolio:12")`), so that a cached page
reads none of its rows: whatever saves or deletes one of those rows calls `moved(name)`
(the module connects it to the rows' signals), and the next request renders afresh. As in
`core.counts`, a generation is a random name kept in the shared cache, moved at once and
again when the transaction commits.
"""

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
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


def _generation_key(name: str) -> str:
    return f"fragment-generation:{name}"


def generation(*names: str) -> str:
    """The current generation of each name, as one key part (new names start one)."""
    keys = [_generation_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            found[key] = uuid.uuid4().hex
            cache.add(key, found[key], None)
            found[key] = cache.get(key, found[key])  # another process may have been first
    return "-".join(str(found[key]) for key in keys)


def moved(name: str) -> None:
    """What the fragments of `name` show changed: they are rendered again (now, and at commit,
    so a request that read the old rows meanwhile does not keep them under the new name)."""
    cache.set(_generation_key(name), uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(_generation_key(name), uuid.uuid4().hex, None))
