"""Grants that fund interventions: an application names the intervention it funds (or no
longer any), and an intervention's community applies to an open call for it in one step.
Grants' own services start the application; the link is kept here (grants knows nothing of
portfolios)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change
from hamaynk.core.workflow import require
from hamaynk.grants.models import Application, Call
from hamaynk.grants.services import application_start
from hamaynk.portfolios.models import GrantLink, Intervention

NAME = "portfolios.name_funded_intervention"
NOT_WHEN_STOPPED = _("A stopped intervention cannot be funded: choose another, or bring it "
                     "back as an idea first.")


def _check_fundable(intervention: Intervention, application: Application) -> None:
    if intervention.portfolio.community_id != application.community_id:
        raise DomainError(_("An application funds an intervention of its own community's "
                            "portfolio."), field="intervention")
    if intervention.status == Intervention.Status.STOPPED:
        raise DomainError(NOT_WHEN_STOPPED, field="intervention")


@transaction.atomic
def application_fund(*, application: Application, intervention: Intervention | None,
                     actor: User) -> GrantLink | None:
    """Say which intervention `application` funds (None: no longer any). The community
    says it while the application is a draft; the secretariat may correct it later."""
    require(actor, NAME, application)
    current = (GrantLink.objects.select_for_update(of=("self",))
               .select_related("intervention__portfolio").filter(application=application)
               .order_by("pk").first())
    if intervention is not None and current is not None and (
            current.intervention_id == intervention.pk):
        return current  # nothing changes (even if it was stopped since)
    if intervention is not None:
        _check_fundable(intervention, application)
    if current is not None:  # it named another one (or no longer names any)
        audit.record(action="portfolios.grant.unnamed", actor=actor,
                     target=current.intervention.portfolio,
                     data={"intervention": current.intervention_id,
                           "application": application.pk})
        current.delete()
    if intervention is None:
        return None
    link = GrantLink.objects.create(intervention=intervention, application=application,
                                    linked_by=actor)
    locked = lock(Intervention, intervention.pk)
    if locked.funding == Intervention.Funding.NONE:  # now to be funded by a Hamaynk grant
        locked.funding = Intervention.Funding.GRANT
        record_change(locked, actor=actor, action="portfolios.intervention.changed",
                      fields=["funding"], audit_target=intervention.portfolio,
                      details={"intervention": locked.pk, "changed": ["funding"]})
    audit.record(action="portfolios.grant.named", actor=actor, target=intervention.portfolio,
                 data={"intervention": intervention.pk, "application": application.pk,
                       "call": application.call_id})
    return link


@transaction.atomic
def intervention_apply(*, intervention: Intervention, call: Call, actor: User) -> Application:
    """Start the community's application to `call` for this intervention: grants' own
    service checks that the call is open and the community eligible; the new draft names
    the intervention (a stopped one is refused there, and the draft is not kept)."""
    require(actor, "portfolios.edit_portfolio", intervention.portfolio)
    application = application_start(call=call, community=intervention.portfolio.community,
                                    actor=actor)
    application_fund(application=application, intervention=intervention, actor=actor)
    return application
