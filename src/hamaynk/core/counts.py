"""A list's total, kept in the shared cache until the rows it counts change.

A list page shows how many rows match ("2,514 communities") and numbers its pages from it.
Counting 25,000 communities or 7,500 members on every request costs more than the rest of
the page's SQL, so a list names its count — the list and its filters, as the view parsed
them — and the count is kept under that name and the *generations* of the models it counts:

    page = paginate(qs, number, count_key=counts.key("directory", country, region, q),
                    count_models=(Membership,))  # the queryset's own model is always one

Each counted model's app calls `track(Model)` in its `ready()`: saving one of its rows
moves the model's generation (at once, and again when the transaction commits, so a count
made by a request that read the old rows meanwhile is not kept under the new generation),
so the next request counts again. Deletes and bulk writes (`QuerySet.update`, `bulk_create`)
are not followed — a receiver of deletes would make Django load every row a bulk delete
removes — so code that deletes or bulk-writes a tracked model calls `changed()` (the
services never delete these rows; the scale dataset does both).

The generations live in the shared cache (Redis in production), so every process sees a
change at once. With the local-memory cache each process keeps its own: run one process
(the demo does), or set REDIS_URL — `settings.HAMAYNK_COUNT_CACHE_SECONDS` bounds how long a
count another process changed can be shown.
"""

import hashlib
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import post_save


def _generation_key(model: type[Model]) -> str:
    return f"count-generation:{model._meta.label_lower}"


def changed(model: type[Model]) -> None:
    """The rows of `model` changed: counts made before are no longer used."""
    _bump(model)
    transaction.on_commit(lambda: _bump(model))


def _bump(model: type[Model]) -> None:
    # A new generation is a random name: never one used before, even after the cache forgot
    # the last one, and even under a frozen clock (a moment would repeat there).
    cache.set(_generation_key(model), uuid.uuid4().hex, None)


def _on_write(sender: type[Model], **_kwargs: Any) -> None:
    changed(sender)


_TRACKED: list[type[Model]] = []


def changed_all() -> None:
    """Every tracked model changed (after a bulk load; a test measuring a list's first visit)."""
    for model in _TRACKED:
        changed(model)


def track(*models: type[Model]) -> None:
    """Count lists of these models with `count()`: their writes move their generation."""
    for model in models:
        if model not in _TRACKED:
            _TRACKED.append(model)
        label = model._meta.label_lower
        post_save.connect(_on_write, sender=model, dispatch_uid=f"counts-save-{label}")


def key(*parts: Any) -> str:
    """A count's name from the list's name and its parsed filters."""
    return ":".join("" if part is None else str(getattr(part, "pk", part)) for part in parts)


def kept(name: str, *, models: Sequence[type[Model]], compute: Callable[[], Any],
         seconds: int | None = None) -> Any:
    """`compute()` (a number, or a few plain values: a page's first work items), kept under
    `name` until a row of one of `models` is saved (or `seconds` pass: for what also moves
    with time)."""
    counted = sorted(set(models), key=lambda m: m._meta.label_lower)
    untracked = [m._meta.label for m in counted if m not in _TRACKED]
    if untracked:  # its saves would not move anything: the number would never change
        raise ImproperlyConfigured(f"counts.track() {', '.join(untracked)} in its app's ready()")
    generations = cache.get_many([_generation_key(m) for m in counted])
    for model in counted:
        if _generation_key(model) not in generations:  # first use since the cache started
            fresh = uuid.uuid4().hex
            cache.add(_generation_key(model), fresh, None)
            generations[_generation_key(model)] = cache.get(_generation_key(model), fresh)
    stamp = ".".join(str(generations[_generation_key(m)]) for m in counted)
    digest = hashlib.blake2b(f"{name}|{stamp}".encode(), digest_size=16).hexdigest()
    cache_key = f"count:{digest}"  # short, whatever the number of models
    total = cache.get(cache_key)
    if total is None:
        total = compute()
        cache.set(cache_key, total, settings.HAMAYNK_COUNT_CACHE_SECONDS
                  if seconds is None else seconds)
    return total


def tracked() -> list[type[Model]]:
    """Every model whose saves are followed."""
    return list(_TRACKED)


def count(qs: QuerySet[Any], *, name: str, models: Sequence[type[Model]] = ()) -> int:
    """`qs.count()`, kept under `name` until a row of its model or of `models` changes."""
    return int(kept(name, models=[qs.model, *models], compute=qs.count))
