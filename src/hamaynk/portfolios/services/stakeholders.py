"""The portfolio's stakeholders: organisations and people of the shared registry, each with
their role, influence and interest (1–5). Each function checks its permission, writes in one
transaction and audits on the portfolio."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Contact, Organisation
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import Portfolio, Stakeholder

MAX_NOTES = 5000


@dataclass
class StakeholderValues:
    influence: int
    interest: int
    role: str = ""
    notes: str = ""


def _checked(values: StakeholderValues) -> StakeholderValues:
    for name in ("influence", "interest"):
        if not isinstance(getattr(values, name), int) or not 1 <= getattr(values, name) <= 5:
            raise DomainError(_("Choose from 1 (low) to 5 (high)."), field=name)
    role, notes = values.role.strip(), values.notes.strip()
    if len(role) > 300:
        raise DomainError(_("This is too long (at most %(limit)d characters).")
                          % {"limit": 300}, field="role")
    if len(notes) > MAX_NOTES:
        raise DomainError(_("This is too long (at most %(limit)d characters).")
                          % {"limit": MAX_NOTES}, field="notes")
    return StakeholderValues(influence=values.influence, interest=values.interest,
                             role=role, notes=notes)


@transaction.atomic
def stakeholder_add(*, portfolio: Portfolio, actor: User, values: StakeholderValues,
                    organisation: Organisation | None = None,
                    contact: Contact | None = None) -> Stakeholder:
    """Name an organisation or a person of the registry as a stakeholder, once each."""
    require(actor, "portfolios.edit_portfolio", portfolio)
    if (organisation is None) == (contact is None):
        raise DomainError(_("Choose an organisation or a person of the registry."),
                          field="registry")
    values = _checked(values)
    already = (portfolio.stakeholders.filter(contact=contact) if contact is not None else
               portfolio.stakeholders.filter(organisation=organisation, contact__isnull=True))
    if already.exists():
        raise DomainError(_("«%(name)s» is already a stakeholder of this portfolio.")
                          % {"name": str(contact or organisation)}, field="registry")
    stakeholder = Stakeholder.objects.create(
        portfolio=portfolio, contact=contact,
        organisation=organisation if contact is None else contact.organisation,
        role=values.role, influence=values.influence, interest=values.interest,
        notes=values.notes)
    audit.record(action="portfolios.stakeholder.added", actor=actor, target=portfolio,
                 data={"stakeholder": stakeholder.pk, "name": str(stakeholder),
                       "influence": values.influence, "interest": values.interest})
    return stakeholder


@transaction.atomic
def stakeholder_change(*, stakeholder: Stakeholder, actor: User, values: StakeholderValues
                       ) -> Stakeholder:
    require(actor, "portfolios.edit_portfolio", stakeholder.portfolio)
    values = _checked(values)
    locked = Stakeholder.objects.select_for_update().get(pk=stakeholder.pk)
    changed = {name: {"from": getattr(locked, name), "to": getattr(values, name)}
               for name in ("role", "influence", "interest", "notes")
               if getattr(locked, name) != getattr(values, name)}
    if not changed:
        return locked
    for name, change in changed.items():
        setattr(locked, name, change["to"])
    locked.save()
    audit.record(action="portfolios.stakeholder.changed", actor=actor,
                 target=stakeholder.portfolio,
                 data={"stakeholder": locked.pk, "name": str(stakeholder), "changed": changed})
    return locked


@transaction.atomic
def stakeholder_remove(*, stakeholder: Stakeholder, actor: User) -> None:
    """Remove a stakeholder; the interventions that involved them no longer name them."""
    portfolio = stakeholder.portfolio
    require(actor, "portfolios.edit_portfolio", portfolio)
    involved = list(stakeholder.interventions.values_list("pk", flat=True))
    audit.record(action="portfolios.stakeholder.removed", actor=actor, target=portfolio,
                 data={"stakeholder": stakeholder.pk, "name": str(stakeholder),
                       "interventions": involved})
    stakeholder.delete()
