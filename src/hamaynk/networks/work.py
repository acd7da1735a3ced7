"""The networks module's items in the work queue (`core.workqueue`).

Secretariat: membership applications to decide and development plans to approve, per network
it serves. A community's people: an application to finish (or to change, as asked), the
development plan that is due, and — as a suggestion — the networks it may join. Those who
follow communities (a coach): the same applications not yet submitted and plans due of the
given communities, linked to the community's public page."""

from datetime import datetime
from functools import lru_cache
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from hamaynk.accounts.permissions import network_ids_served, verified_community_ids
from hamaynk.communities.models import Community
from hamaynk.core import counts
from hamaynk.core.workqueue import Source, WorkItem, register
from hamaynk.networks.models import (
    DevelopmentPlan,
    Membership,
    MembershipApplication,
    Network,
    NetworkRole,
)

A = MembershipApplication.Status


def _secretariat_sources(user: Any) -> list[Source]:
    served = network_ids_served(user)
    if not served:
        return []
    sources = []
    # one query, always (a cached list would make a page's queries depend on what ran before)
    for network_id, slug, short_name in (Network.objects.filter(pk__in=served).order_by("slug")
                                         .values_list("pk", "slug", "short_name")):
        decide = (MembershipApplication.objects
                  .filter(network_id=network_id, status=A.SUBMITTED)
                  .select_related("community").order_by("submitted_at", "pk"))
        sources.append(Source.of_queryset(
            kind=f"networks-decide-{slug}", title=_("Membership applications to decide"),
            context=short_name, queryset=decide,
            see_all=reverse("networks:applications", args=[slug]) + "?status=submitted",
            item=lambda a: WorkItem(what=_("Decide on the membership application"),
                                    whom=a.community.name, url=a.get_absolute_url(),
                                    since=a.submitted_at)))
        plans = (DevelopmentPlan.objects
                 .filter(membership__network_id=network_id,
                         status=DevelopmentPlan.Status.SUBMITTED)
                 .select_related("membership__community").order_by("created_at", "pk"))
        sources.append(Source.of_queryset(
            kind=f"networks-plans-{slug}", title=_("Development plans to review"),
            context=short_name, queryset=plans,
            item=lambda p: WorkItem(what=_("Approve or return the development plan"),
                                    whom=p.membership.community.name,
                                    url=p.membership.get_absolute_url(),
                                    since=p.created_at, detail=p.title)))
    return sources


def _community_sources(user: Any) -> list[Source]:
    mine = verified_community_ids(user)
    if not mine:
        return []
    editable = MembershipApplication.EDITABLE_STATUSES
    open_applications = (MembershipApplication.objects
                         .filter(community_id__in=mine, status__in=editable)
                         .select_related("community", "network")
                         .order_by("status", "created_at", "pk"))

    def application_item(a: MembershipApplication) -> WorkItem:
        what = (_("Make the changes the secretariat asked for and submit again")
                if a.status == A.CHANGES_REQUESTED
                else _("Complete, sign and submit the membership application"))
        return WorkItem(what=what, whom=a.community.name, url=a.get_absolute_url(),
                        since=a.created_at, detail=a.network.short_name)

    plans_due = (Membership.objects
                 .filter(community_id__in=mine, status=Membership.Status.JUNIOR,
                         plan_due__isnull=False)
                 .exclude(plans__status=DevelopmentPlan.Status.SUBMITTED)
                 .select_related("community", "network").order_by("plan_due", "pk"))
    sources = [
        Source.of_queryset(
            kind="networks-application", title=_("Membership applications to finish"),
            queryset=open_applications, item=application_item),
        Source.of_queryset(
            kind="networks-plan-due", title=_("Development plans due"), queryset=plans_due,
            item=lambda m: WorkItem(what=_("Submit the Local Economic Development Plan"),
                                    whom=m.community.name, url=m.get_absolute_url(),
                                    since=m.since, due=m.plan_due,
                                    detail=m.network.short_name))]
    sources.append(_invitations(mine))
    return sources


def _invitations(mine: set[int]) -> Source:
    """The networks a community of the person neither belongs to nor has applied to: a
    suggestion to join, linked to the network's page where the application is started.
    Worked out only when the page asks (the header's count leaves suggestions out)."""

    @lru_cache(maxsize=1)
    def items() -> list[WorkItem]:
        return _invitation_items(mine)

    return Source(kind="networks-join", title=_("Networks your community may join"),
                  count=lambda: len(items()), fetch=lambda limit: items()[:limit],
                  counted=False)


def _invitation_items(mine: set[int]) -> list[WorkItem]:
    taken = set(Membership.objects.filter(community_id__in=mine)
                .exclude(status=Membership.Status.WITHDRAWN)
                .values_list("community_id", "network_id"))
    taken |= set(MembershipApplication.objects
                 .filter(community_id__in=mine, status__in=MembershipApplication.OPEN_STATUSES)
                 .values_list("community_id", "network_id"))
    communities = list(Community.objects.filter(pk__in=mine).order_by("name_hy", "pk"))
    networks = list(Network.objects.order_by("slug"))
    return [WorkItem(what=_("Join “%(network)s”") % {"network": network.name},
                     whom=community.name, url=network.get_absolute_url(),
                     detail=network.short_name)
            for community in communities for network in networks
            if (community.pk, network.pk) not in taken]


def followed(community_ids: set[int], now: datetime) -> list[Source]:
    """What the communities have pending with networks, for someone who follows them."""
    applications = (MembershipApplication.objects
                    .filter(community_id__in=community_ids,
                            status__in=MembershipApplication.EDITABLE_STATUSES)
                    .select_related("community", "network").order_by("created_at", "pk"))
    plans_due = (Membership.objects
                 .filter(community_id__in=community_ids, status=Membership.Status.JUNIOR,
                         plan_due__isnull=False)
                 .exclude(plans__status=DevelopmentPlan.Status.SUBMITTED)
                 .select_related("community", "network").order_by("plan_due", "pk"))
    return [
        Source.of_queryset(
            kind="networks-application", title=_("Membership applications not yet submitted"),
            queryset=applications,
            item=lambda a: WorkItem(
                what=(_("Membership application returned for changes")
                      if a.status == A.CHANGES_REQUESTED
                      else _("Membership application not yet submitted")),
                whom=a.network.short_name, url=a.community.get_absolute_url(),
                since=a.created_at, community_id=a.community_id)),
        Source.of_queryset(
            kind="networks-plan-due", title=_("Development plans due"), queryset=plans_due,
            item=lambda m: WorkItem(what=_("The Local Economic Development Plan is due"),
                                    whom=m.network.short_name, url=m.community.get_absolute_url(),
                                    since=m.since, due=m.plan_due,
                                    community_id=m.community_id))]


def sources(user: Any, now: datetime) -> list[Source]:
    return _secretariat_sources(user) + _community_sources(user)


def register_work() -> None:
    register("networks", sources=sources, followed=followed)
    # the header's count follows their rows (core/workqueue.py)
    counts.track(MembershipApplication, DevelopmentPlan, NetworkRole)

