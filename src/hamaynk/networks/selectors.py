from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from hamaynk.networks.models import Membership, Network, NetworkRole


def networks_with_counts() -> QuerySet[Network]:
    return Network.objects.annotate(
        member_count=Count("memberships", filter=Q(
            memberships__status__in=Membership.VISIBLE_STATUSES))).order_by("slug")


def network_by_slug(*, slug: str) -> Network:
    network = networks_with_counts().filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


def network_team(*, network: Network, user: Any) -> QuerySet[NetworkRole]:
    if not user.has_perm("networks.manage_team", network):
        raise Http404
    return network.roles.select_related("user").order_by("role", "user__email")


def my_network_roles(*, user: Any) -> list[NetworkRole]:
    if not user.is_authenticated:
        return []
    return list(NetworkRole.objects.filter(user=user).select_related("network"))
