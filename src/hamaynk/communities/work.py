"""The communities module's items in the work queue (`core.workqueue`): for a secretariat,
the people who asked to act for a community it is responsible for, and the registry rows
of its communities still to be confirmed."""

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from hamaynk.accounts.permissions import is_secretariat
from hamaynk.communities.models import Affiliation, Community
from hamaynk.communities.selectors import communities_served_by
from hamaynk.core import counts
from hamaynk.core.workqueue import Source, WorkItem, register


def sources(user: Any, now: datetime) -> list[Source]:
    if not is_secretariat(user):
        return []
    queue = reverse("communities:affiliations")
    candidates = reverse("communities:candidates")
    served = Community.objects.filter(communities_served_by(user)).values("pk")
    pending = (Affiliation.objects
               .filter(status=Affiliation.Status.PENDING, community_id__in=served)
               .select_related("user", "community").order_by("created_at", "pk"))
    # (a registry row has no "since": it came with an import; such items come last)
    unverified = (Community.objects.filter(communities_served_by(user), is_verified=False)
                  .select_related("region").order_by("region__code", "name_hy", "pk"))
    return [
        Source.of_queryset(
            kind="communities-affiliations", title=_("People to verify"), queryset=pending,
            see_all=queue + "?status=pending",
            item=lambda a: WorkItem(
                what=_("Verify or reject: %(role)s") % {"role": a.get_role_display()},
                whom=f"{a.user.get_full_name()} · {a.community.name}",
                url=f"{queue}?status=pending#affiliation-{a.pk}", since=a.created_at)),
        Source.of_queryset(
            kind="communities-registry", title=_("Registry entries to confirm"),
            queryset=unverified, see_all=candidates,
            item=lambda c: WorkItem(what=_("Check and confirm the registry entry"),
                                    whom=c.name, detail=c.region.name,
                                    url=f"{candidates}#community-{c.pk}")),
    ]


def register_work() -> None:
    register("communities", sources=sources)
    counts.track(Affiliation)  # the header's count follows its rows (core/workqueue.py)
