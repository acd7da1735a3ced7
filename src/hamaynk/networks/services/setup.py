"""The secretariat sets up its network: membership rules, commitments, and the texts of the
council decision package."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock
from hamaynk.networks.models import Commitment, CouncilTemplate, Network
from hamaynk.networks.services._common import require

RULE_FIELDS = ("status_on_approval", "requires_plan", "plan_due_months", "suspension_grace_days",
               "requires_edo", "dues_amount", "dues_currency", "description_hy",
               "description_en")


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


@transaction.atomic
def network_rules_update(*, network: Network, actor: User, **values: Any) -> Network:
    require(actor, "networks.manage_settings", network)
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if values.get("dues_amount") is not None and not values.get("dues_currency"):
        raise DomainError(_("Choose the currency of the dues."), field="dues_currency")
    locked = lock(Network, network.pk)
    before = {k: _plain(getattr(locked, k)) for k in values}
    for key, value in values.items():
        setattr(locked, key, value)
    locked.save()
    after = {k: _plain(getattr(locked, k)) for k in values}
    if before != after:
        audit.record(action="networks.network.rules_changed", actor=actor, target=locked,
                     data={"before": before, "after": after})
    return locked


@dataclass(frozen=True)
class CommitmentInput:
    pk: int | None
    text_hy: str
    text_en: str
    is_active: bool = True


@transaction.atomic
def commitments_save(*, network: Network, actor: User,
                     items: list[CommitmentInput]) -> list[Commitment]:
    """Replace the order and texts of the network's commitments. A commitment is never
    deleted (applications point to it); one that is no longer used is made inactive."""
    require(actor, "networks.manage_settings", network)
    existing = {c.pk: c for c in network.commitments.select_for_update()}
    saved = []
    for order, item in enumerate(items, start=1):
        if not item.text_hy.strip():
            continue
        commitment = existing.get(item.pk) if item.pk else None
        if commitment is None:
            commitment = Commitment(network=network)
        commitment.order, commitment.is_active = order, item.is_active
        commitment.text_hy, commitment.text_en = item.text_hy.strip(), item.text_en.strip()
        commitment.save()
        saved.append(commitment)
    audit.record(action="networks.network.commitments_changed", actor=actor, target=network,
                 data={"commitments": [[c.pk, c.is_active, c.text_hy[:80]] for c in saved]})
    return saved


TEMPLATE_FIELDS = ("title", "legal_basis", "points", "entry_into_force", "justification",
                   "co_financing")


@transaction.atomic
def council_template_save(*, network: Network, actor: User, language: str,
                          **values: Any) -> CouncilTemplate:
    require(actor, "networks.manage_settings", network)
    co_financing = values.get("co_financing")
    if co_financing is not None and (not co_financing.is_finite() or co_financing < 0):
        raise DomainError(_("The co-financing cannot be negative."), field="co_financing")
    template = CouncilTemplate.objects.select_for_update().filter(
        network=network, language=language).first() or CouncilTemplate(
        network=network, language=language)
    before = {k: _plain(getattr(template, k, None)) for k in TEMPLATE_FIELDS}
    for key in TEMPLATE_FIELDS:
        if key in values:
            setattr(template, key, values[key])
    template.save()
    audit.record(action="networks.network.council_template_changed", actor=actor,
                 target=network, data={"language": language, "before": before,
                                       "after": {k: _plain(getattr(template, k))
                                                 for k in TEMPLATE_FIELDS}})
    return template
