"""The audit trail: services call `record()`; pages show `history_for()`."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from hamaynk.core.models import AuditEntry


def record(*, action: str, actor: Any, target: models.Model, data: dict[str, Any] | None = None
           ) -> AuditEntry:
    """Write one audit entry. `action` is a dotted code: `communities.affiliation.verified`."""
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        data=data or {},
    )


def history_for(target: models.Model, *, limit: int = 50) -> models.QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


_ACTION_LABELS: dict[str, Any] = {}


def register_actions(labels: dict[str, Any]) -> None:
    """Apps register readable (translatable) labels for their action codes."""
    _ACTION_LABELS.update(labels)


def action_label(code: str) -> Any:
    """The readable label of `code` in the active language; never the code itself (an
    unregistered one — a module that forgot — reads as a plain "Change recorded")."""
    return _ACTION_LABELS.get(code) or _("Change recorded")


def registered_actions() -> frozenset[str]:
    return frozenset(_ACTION_LABELS)
