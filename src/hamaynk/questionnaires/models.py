"""A versioned definition, owned by a module: a concrete subclass (grants' `FormVersion`)
adds what the definition belongs to (a call and a purpose) and its table."""

import threading
from collections import OrderedDict
from typing import Any

from django.db import models

from hamaynk.core.models import TimeStampedModel
from hamaynk.questionnaires import schema

# Frozen definitions parsed in this process, least recently used first. A frozen
# definition never changes, so an entry is never stale; the bound keeps memory flat.
FROZEN_CACHE_SIZE = 512
_frozen: OrderedDict[tuple[Any, ...], schema.FormDefinition] = OrderedDict()
_frozen_lock = threading.Lock()


def _frozen_parsed(key: tuple[Any, ...], data: Any) -> schema.FormDefinition:
    with _frozen_lock:
        parsed = _frozen.get(key)
        if parsed is not None:
            _frozen.move_to_end(key)
            return parsed
    parsed = schema.parse_definition(data)
    with _frozen_lock:
        _frozen[key] = parsed
        while len(_frozen) > FROZEN_CACHE_SIZE:
            _frozen.popitem(last=False)
    return parsed


def forget_parsed() -> None:
    """Empty the per-process cache (tests, whose rolled-back rows reuse primary keys)."""
    with _frozen_lock:
        _frozen.clear()


class VersionedDefinition(TimeStampedModel):
    """One version of a questionnaire. Frozen once people start answering it (a call opens);
    answers point to the version they answered."""

    number = models.PositiveIntegerField(default=1)
    definition = models.JSONField()
    frozen = models.BooleanField(default=False)

    class Meta:
        abstract = True

    @property
    def parsed(self) -> schema.FormDefinition:
        """The definition checked and typed (raises `schema.DefinitionError`). A frozen
        version is parsed once per process (keyed on its model, pk, number and creation);
        an unfrozen one once per instance, again as soon as its definition is replaced."""
        if self.frozen and self.pk is not None:
            key = (self._meta.label_lower, self.pk, self.number, self.created_at)
            return _frozen_parsed(key, self.definition)
        cached = getattr(self, "_questionnaire_parsed", None)
        if cached is not None and cached[0] is self.definition:
            return cached[1]
        parsed = schema.parse_definition(self.definition)
        self._questionnaire_parsed = (self.definition, parsed)
        return parsed
