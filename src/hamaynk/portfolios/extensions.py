"""What portfolios add to grants (grants/extensions.py), registered when the app is ready:
a requirement a scaling call may ask (an intervention in scaling with a completed
development grant), and, on an application's page, the intervention it funds."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamaynk.grants import extensions
from hamaynk.grants.models import Call, Grant
from hamaynk.portfolios.models import GrantLink, Intervention
from hamaynk.portfolios.selectors.funding import fundable_interventions, funded_by

SCALING_AFTER_DEVELOPMENT = "portfolio_scaling_after_development"


def scales_after_development(call: Any, community: Any) -> bool:
    """An intervention of the community's portfolio is in scaling and a completed
    development grant funded it."""
    return GrantLink.objects.filter(
        intervention__portfolio__community=community,
        intervention__status=Intervention.Status.SCALING,
        application__call__kind=Call.Kind.DEVELOPMENT,
        application__grant__status=Grant.Status.COMPLETED).exists()


def funded_intervention(application: Any, user: Any) -> list[extensions.Link]:
    """The intervention the application funds, for whoever may see its portfolio; and the
    way to say or change it, for whoever may."""
    link = funded_by(application)
    links = []
    if link is not None and user.has_perm("portfolios.view_portfolio", link.intervention):
        links.append(extensions.Link(_("Funds the intervention"), link.intervention.title,
                                     link.intervention.get_absolute_url()))
    if (user.has_perm("portfolios.name_funded_intervention", application)
            and (link is not None or fundable_interventions(application).exists())):
        links.append(extensions.Link(
            _("Intervention it funds"),
            _("Change the intervention") if link else _("Name the intervention it funds"),
            reverse("portfolios:application_funds", args=[application.pk])))
    return links


def register() -> None:
    extensions.register_requirement(extensions.Requirement(
        SCALING_AFTER_DEVELOPMENT,
        gettext_lazy("An intervention in scaling in the community's portfolio, funded by a "
                     "completed development grant."),
        scales_after_development))
    extensions.register_application_links(funded_intervention)
