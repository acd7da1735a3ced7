"""What a notification is: a registered kind and its parameters, rendered when it is shown.

A notification row stores its `kind` (a code each app registers with the templates that
say it) and `params`: JSON of plain values and references to objects — never rendered
text. The text is made when someone reads it, in the reader's active language (the bell)
or the recipient's preferred one (email, digest), so a person who switches language reads
every notification, old ones included, in the new one.

A referenced object is stored as its model, key and a snapshot of its own fields (its
status, reason, message, dates; the ids it points to), so the message still says what was
true when it was sent: "your role is now: verified" stays so after the role is revoked.
Related objects
(a community's name) are read as they are now. Each app registers the models its
notifications refer to, with what to `select_related` for their templates, so a page of
notifications costs one query per model, whatever the number of rows.
"""

from __future__ import annotations

import copy
import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from hamaynk.notifications.models import Notification

logger = logging.getLogger(__name__)

#: The kind of rows written before kinds were registered: their text was stored then.
LEGACY = "notifications.legacy"
MAX_TEXT = 4000  # a snapshot keeps at most this much of a text field


@dataclass(frozen=True)
class Kind:
    code: str
    template: str  # "<template>_subject.txt" and "<template>_body.txt"


_KINDS: dict[str, Kind] = {}
_MODELS: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {}


def register_kinds(kinds: Mapping[str, str]) -> None:
    """`{"grants.review.assigned": "grants/notifications/review_assigned", ...}`: each code
    with the template pair that says it."""
    for code, template in kinds.items():
        _KINDS[code] = Kind(code, template)


def register_models(refs: Mapping[type[models.Model], tuple[str, ...]]) -> None:
    """The models notifications may refer to, each with the relations its templates read."""
    for model, related in refs.items():
        _MODELS[model._meta.label_lower] = (model, related)


def kind(code: str) -> Kind:
    try:
        return _KINDS[code]
    except KeyError:
        raise LookupError(f"notification kind {code!r} is not registered") from None


def registered_kinds() -> frozenset[str]:
    return frozenset(_KINDS)


# ------------------------------------------------------------------ params: to and from


def _snapshot(obj: models.Model) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or isinstance(field, models.JSONField):
            continue
        value = field.value_from_object(obj)  # a foreign key: its id
        if value is None:
            fields[field.attname] = None
        else:
            text = field.value_to_string(obj)
            fields[field.attname] = text[:MAX_TEXT] if isinstance(text, str) else text
    return fields


def to_params(context: Mapping[str, Any] | None) -> dict[str, Any]:
    """JSON for `context`: plain values as they are, objects as references with a
    snapshot. Anything else (a form, a lazy string) is refused: store what it is made of."""
    return {key: _encode(key, value) for key, value in (context or {}).items()}


def _encode(key: str, value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        label = value._meta.label_lower
        if label not in _MODELS:
            raise TypeError(f"notification parameter {key!r}: register {label} first "
                            "(notifications.kinds.register_models)")
        return {"$model": label, "pk": value.pk, "fields": _snapshot(value)}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, list | tuple):
        return [_encode(key, item) for item in value]
    raise TypeError(f"notification parameter {key!r} is a {type(value).__name__}: "
                    "pass ids, objects and plain values")


def _references(value: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(value, dict) and "$model" in value:
        yield value["$model"], value["pk"]
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


def _decode(value: Any, loaded: Mapping[str, Mapping[Any, models.Model]]) -> Any:
    if isinstance(value, list):
        return [_decode(item, loaded) for item in value]
    if not isinstance(value, dict):
        return value
    if "$datetime" in value:
        return datetime.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return datetime.date.fromisoformat(value["$date"])
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    if "$model" in value:
        model, _related = _MODELS[value["$model"]]
        found = loaded.get(value["$model"], {}).get(value["pk"])
        obj = copy.copy(found) if found is not None else model(pk=value["pk"])
        for field in model._meta.concrete_fields:
            if field.attname in value.get("fields", {}):
                raw = value["fields"][field.attname]
                setattr(obj, field.attname, None if raw is None else field.to_python(raw))
        return obj
    return value


def _load(notifications: Iterable[Notification]) -> dict[str, dict[Any, models.Model]]:
    """Every object the notifications refer to: one query per model."""
    wanted: dict[str, set[Any]] = defaultdict(set)
    for notification in notifications:
        for value in (notification.params or {}).values():
            for label, pk in _references(value):
                wanted[label].add(pk)
    loaded: dict[str, dict[Any, models.Model]] = {}
    for label, pks in wanted.items():
        if label not in _MODELS:
            continue
        model, related = _MODELS[label]
        loaded[label] = model._default_manager.select_related(*related).in_bulk(pks)
    return loaded


# ------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


def _render_one(notification: Notification, loaded: Mapping[str, Mapping[Any, models.Model]],
                language: str) -> Rendered:
    if notification.kind == LEGACY or notification.kind not in _KINDS:
        return Rendered(notification.stored_subject or _("Notification"),
                        notification.stored_body)
    template = _KINDS[notification.kind].template
    context = {key: _decode(value, loaded) for key, value in (notification.params or {}).items()}
    context.update({"recipient": notification.recipient, "url": notification.url})
    with translation.override(language):
        try:
            subject = render_to_string(f"{template}_subject.txt", context).strip()
            body = render_to_string(f"{template}_body.txt", context).strip()
        except Exception:  # an object gone since: say what was stored, never fail the page
            logger.exception("notification %s (%s) could not be rendered", notification.pk,
                             notification.kind)
            return Rendered(notification.stored_subject or _("Notification"),
                            notification.stored_body)
    return Rendered(" ".join(subject.split())[:300], body)


def render_all(notifications: Iterable[Notification], *, language: str | None = None
               ) -> list[Notification]:
    """Render each notification in `language` (the active one by default), reading what
    they refer to in one query per model; each keeps its text for `subject` / `body`."""
    items = list(notifications)
    language = language or translation.get_language() or "hy"
    loaded = _load(items)
    for item in items:
        item.remember_rendering(language, _render_one(item, loaded, language))
    return items
