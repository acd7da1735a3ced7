from typing import Any

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import translation

from hamaynk.accounts.permissions import verified_community_ids
from hamaynk.communities import selectors as registry
from hamaynk.communities.models import Community, Country, Region
from hamaynk.core.lookups import one
from hamaynk.networks.models import (
    DevelopmentPlan,
    Membership,
    MembershipApplication,
    Network,
    NetworkRole,
)


def networks_with_counts() -> QuerySet[Network]:
    return Network.objects.annotate(
        member_count=Count("memberships", filter=Q(
            memberships__status__in=Membership.VISIBLE_STATUSES))).order_by("slug")


def network_by_slug(*, slug: str, counts: bool = True) -> Network:
    """A network by its short address, with its member counts unless `counts=False` (they
    count every membership of the network: 3 ms at 15,000)."""
    network = one((networks_with_counts() if counts else Network.objects.all()).filter(slug=slug))
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


# --- the public directory of communities, with their networks ---------------------------
# The registry (`communities`) knows nothing of networks; the directory and a community's
# profile show and filter by them, so their reads live here.

def network_choices() -> list[tuple[str, str, int]]:
    """The options of the directory's network filter, as (slug, short name, id): kept like
    the registry's (`forget_network_choices` runs when a network is saved or deleted)."""
    key = f"network-choices:{translation.get_language()}"
    choices = cache.get(key)
    if choices is None:
        choices = [(n.slug, str(n.short_name), n.pk) for n in Network.objects.order_by("slug")]
        cache.set(key, choices, registry.CHOICES_SECONDS)
    return choices


def forget_network_choices(**_kwargs: Any) -> None:
    from django.conf import settings

    cache.delete_many([f"network-choices:{code}" for code, _name in settings.LANGUAGES])


def _membership_prefetch(*, narrow: bool = False) -> Prefetch:
    qs = Membership.objects.filter(status__in=Membership.VISIBLE_STATUSES).select_related(
        "network").order_by("network__slug")
    if narrow:  # the directory shows the network's short name and the status
        qs = qs.only("community_id", "status", "updated_at", "network__slug",
                     "network__short_name", "network__updated_at")
    return Prefetch("memberships", queryset=qs)


def community_directory(*, country: Country | int | None = None,
                        region: Region | int | None = None,
                        network: Network | int | None = None, query: str = "",
                        include_unverified: bool = False) -> QuerySet[Community]:
    """The registry's directory, filtered by a network too (its current members, suspended
    included), each community with its visible memberships."""
    qs = registry.community_directory(country=country, region=region, query=query,
                                      include_unverified=include_unverified)
    if network is not None:
        qs = qs.filter(memberships__network=network,
                       memberships__status__in=Membership.VISIBLE_STATUSES).distinct()
    return qs.prefetch_related(_membership_prefetch())


def directory_listing(qs: QuerySet[Community]) -> QuerySet[Community]:
    """Only the columns the directory page shows, memberships included."""
    return registry.directory_listing(qs).prefetch_related(None).prefetch_related(
        _membership_prefetch(narrow=True))


def with_memberships(community: Community) -> Community:
    """The community's visible network memberships loaded onto it (one query)."""
    prefetch_related_objects([community], _membership_prefetch())
    return community


def community_profile(*, pk: Any, user: Any) -> Community:
    """A community's profile (the registry's visibility rule) with its memberships."""
    return with_memberships(registry.community_for_viewer(pk=pk, user=user))


def network_by_slug_or_none(slug: str) -> Network | None:
    return Network.objects.filter(slug=slug).first()


# --- membership applications and members -------------------------------------------------

def network_for_secretariat(*, slug: str, user: Any, perm: str = "networks.manage_settings"
                            ) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None or not user.has_perm(perm, network):
        raise Http404
    return network


def application_queue(*, network: Network, user: Any, status: str = "", country: str = "",
                      region: str = "", query: str = "") -> QuerySet[MembershipApplication]:
    if not user.has_perm("networks.review_applications", network):
        raise Http404
    qs = (MembershipApplication.objects.filter(network=network)
          .exclude(status=MembershipApplication.Status.DRAFT)
          .select_related("community__region__country", "signed_by")
          .order_by("-submitted_at", "-pk"))
    if status in MembershipApplication.Status.values:
        qs = qs.filter(status=status)
    if country:
        qs = qs.filter(community__region__country__code=country)
    if region:
        qs = qs.filter(community__region__code=region)
    for word in " ".join(query.split()).casefold().split():
        qs = qs.filter(community__search_text__contains=word)
    return qs


def application_for_viewer(*, pk: Any, user: Any) -> MembershipApplication:
    application = (MembershipApplication.objects
                   .select_related("network", "community__region__country", "decision_scan",
                                   "signed_scan", "signed_by", "prepared_by", "decided_by")
                   .prefetch_related("accepted_commitments").filter(pk=pk).first())
    if application is None or not user.has_perm("networks.view_application", application):
        raise Http404
    return application


def community_for_actor(*, pk: Any, user: Any, perm: str = "networks.prepare_application"
                        ) -> Community:
    community = Community.objects.select_related("region__country").filter(
        pk=pk, is_verified=True).first()
    if community is None or not user.has_perm(perm, community):
        raise Http404
    return community


def standing_for_communities(*, network: Network, user: Any) -> list[dict[str, Any]]:
    """For each community the user acts for: its membership or open application here."""
    ids = verified_community_ids(user)
    if not ids:
        return []
    communities = Community.objects.filter(pk__in=ids).select_related("region").order_by(
        "name_hy")
    memberships = {m.community_id: m for m in Membership.objects.filter(
        network=network, community_id__in=ids)}
    applications = {a.community_id: a for a in MembershipApplication.objects.filter(
        network=network, community_id__in=ids,
        status__in=MembershipApplication.OPEN_STATUSES)}
    return [{"community": c, "membership": memberships.get(c.pk),
             "application": applications.get(c.pk)} for c in communities]


def network_members(*, network: Network, country: str = "", region: str = "",
                    status: str = "") -> QuerySet[Membership]:
    qs = (Membership.objects.filter(network=network, status__in=Membership.VISIBLE_STATUSES)
          .select_related("community__region__country")
          .order_by("listed_region", "listed_name", "pk"))  # the region code, the name
    if country:
        qs = qs.filter(community__region__country__code=country)
    if region:
        qs = qs.filter(listed_region=region)
    if status in Membership.VISIBLE_STATUSES:
        qs = qs.filter(status=status)
    return qs


def membership_for_viewer(*, pk: Any, user: Any) -> Membership:
    membership = (Membership.objects.select_related("network", "community__region__country",
                                                    "application")
                  .prefetch_related("plans__file").filter(pk=pk).first())
    if membership is None or not user.has_perm("networks.view_membership", membership):
        raise Http404
    return membership


def plan_for_decision(*, pk: Any, user: Any) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.select_related("membership__network").filter(pk=pk).first()
    if plan is None or not user.has_perm("networks.decide_plan", plan):
        raise Http404
    return plan


def my_applications(*, user: Any) -> QuerySet[MembershipApplication]:
    return (MembershipApplication.objects.filter(community_id__in=verified_community_ids(user))
            .select_related("network", "community").order_by("-updated_at"))


def my_memberships(*, user: Any) -> QuerySet[Membership]:
    return (Membership.objects.filter(community_id__in=verified_community_ids(user))
            .select_related("network", "community").order_by("network__slug"))


def application_history(*, application: MembershipApplication) -> list[Any]:
    from hamaynk.core.audit import history_for

    return list(history_for(application))


def network_country_codes(network: Network) -> list[str]:
    """The countries a network works in: those of its members and applicants (the scope
    of its lists' country and region filters), kept until a membership, an application or
    a community is saved (core/counts.py: two DISTINCTs over every member cost more than the
    rest of a members' page)."""
    from hamaynk.core import counts

    def compute() -> list[str]:
        members = Membership.objects.filter(network=network).values_list(
            "community__region__country__code", flat=True)
        applicants = MembershipApplication.objects.filter(network=network).values_list(
            "community__region__country__code", flat=True)
        return sorted(set(members.distinct()) | set(applicants.distinct()))

    return list(counts.kept(f"network-countries:{network.pk}", compute=compute,
                            models=(Membership, MembershipApplication, Community)))


def country_and_region_choices(countries: list[str] | None = None
                               ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The filters' options of `countries` (a network's: `network_country_codes`)."""
    from hamaynk.communities.selectors import filter_choices

    options = filter_choices(countries or None)
    return ([(code, label) for code, label, _pk in options["countries"]],
            [(code, label) for code, label, _pk in options["regions"]])


def community_for_package(*, network: Network, pk: Any, user: Any) -> Community:
    """The council package is for the community's own people and for the secretariat."""
    from hamaynk.accounts.permissions import serves

    community = Community.objects.select_related("region__country").filter(
        pk=pk, is_verified=True).first()
    if community is None or not (serves(user, network.pk)
                                 or community.pk in verified_community_ids(user)):
        raise Http404
    return community


def membership_history(*, membership: Membership) -> list[Any]:
    from hamaynk.core.audit import history_for

    return list(history_for(membership))


def secretariat_officers(*, network: Network) -> list[Any]:
    """The people to tell when something needs the network's secretariat."""
    from hamaynk.accounts.models import User

    return list(User.objects.filter(network_roles__network=network,
                                    network_roles__role="secretariat", is_active=True).distinct())
