"""The portfolio page's long sections (challenges with their evidence, stakeholders,
interventions) are cached fragments keyed on the portfolio's generation and the shared
registry's (core/fragments.py): a cached page reads none of their rows. Saving or deleting
any row those sections show moves the generation — connected here to the rows' own signals,
so no service has to remember it. (Bulk writes send no signal: code that bulk-writes these
rows calls `fragments.moved(portfolio_name(pk))`; the scale data starts with none cached.)"""

from collections.abc import Callable
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from hamaynk.communities.models import Contact, Organisation
from hamaynk.core import fragments
from hamaynk.portfolios.models import Challenge, Cluster, Evidence, Intervention, Stakeholder

REGISTRY = "portfolio-registry"  # organisations and people: their names are in every portfolio


def portfolio_name(portfolio_id: int) -> str:
    return f"portfolio:{portfolio_id}"


def page_generation(portfolio: Any) -> str:
    """The key part of the portfolio page's cached sections."""
    return fragments.generation(portfolio_name(portfolio.pk), REGISTRY)


def _part_changed(sender: type, instance: Any, **_kwargs: Any) -> None:
    if isinstance(instance, Evidence):
        portfolio_id = Challenge.objects.filter(pk=instance.challenge_id).values_list(
            "portfolio_id", flat=True).first()
    else:
        portfolio_id = instance.portfolio_id
    if portfolio_id is not None:
        fragments.moved(portfolio_name(portfolio_id))


def _registry_changed(sender: type, instance: Any, **_kwargs: Any) -> None:
    fragments.moved(REGISTRY)


def _follow(models: tuple[type[Model], ...], receiver: Callable[..., None]) -> None:
    for model in models:
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, dispatch_uid=f"page-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"page-delete-{label}")


def connect() -> None:
    _follow((Challenge, Evidence, Stakeholder, Intervention, Cluster), _part_changed)
    _follow((Organisation, Contact), _registry_changed)
