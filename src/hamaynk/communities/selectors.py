"""Reads of the registry used by pages and the API: filtered, paginated, prefetched."""

import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import translation

from hamaynk.accounts.permissions import is_secretariat, network_ids_served
from hamaynk.communities.models import Affiliation, Community, Country, Region
from hamaynk.core.audit import history_for
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.core.models import AuditEntry
from hamaynk.core.parsing import parse_id

CHOICES_SECONDS = 600


def _all_filter_choices() -> dict[str, Any]:
    """Every country and region in the current language, with the countries that have
    communities in the registry: read once and kept (they change only when the registry
    is imported or edited; `forget_filter_choices` runs then; a community in a country
    that had none shows there within CHOICES_SECONDS)."""
    key = f"filter-choices:{translation.get_language()}"
    choices = cache.get(key)
    if choices is None:
        choices = {
            "countries": [(c.code, c.name, c.pk) for c in Country.objects.order_by("code")],
            "regions": [(r.code, r.name, r.pk, r.country.code)
                        for r in Region.objects.select_related("country").order_by("code")],
            "populated": sorted(set(Community.objects.values_list("region__country__code",
                                                                  flat=True).distinct())),
        }
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


def filter_choices(countries: Iterable[str] | None = None
                   ) -> dict[str, list[tuple[str, str, int]]]:
    """The options of the country and region filters in the current language, as
    (code, label, id), of `countries` only (ISO codes: a network's countries, a viewer's
    community's country), or, by default, of the countries the registry has communities
    in — an Armenian list is never offered Moldova's and Ukraine's regions. A region's
    label names its country only when the list spans more than one. (The network filter's
    options are `networks.selectors.network_choices`.)"""
    everything = _all_filter_choices()
    wanted = set(countries) if countries is not None else set(everything["populated"])
    known = {code for code, _name, _pk in everything["countries"]}
    wanted = (wanted & known) or set(everything["populated"]) or known
    country_names = {code: name for code, name, _pk in everything["countries"]}
    several = len(wanted) > 1
    return {
        "countries": [row for row in everything["countries"] if row[0] in wanted],
        "regions": [(code, f"{name} ({country_names[country]})" if several else name, pk)
                    for code, name, pk, country in everything["regions"] if country in wanted],
    }


def filter_choices_version(countries: Iterable[str] | None = None) -> str:
    """What the filters' options (and the region and country names lists show) are made
    of, as a digest: part of a cached fragment's key (core/fragments.py)."""
    text = repr(sorted(filter_choices(countries).items()))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def viewer_country_codes(*, user: Any) -> list[str] | None:
    """The countries of the communities `user` acts for (verified), or None: the scope of
    a region filter where no network gives one."""
    if not getattr(user, "is_authenticated", False):
        return None
    codes = sorted(set(Affiliation.objects.filter(
        user=user, status=Affiliation.Status.VERIFIED)
        .values_list("community__region__country__code", flat=True)))
    return codes or None


def forget_filter_choices(**_kwargs: Any) -> None:
    from django.conf import settings

    cache.delete_many([f"filter-choices:{code}" for code, _name in settings.LANGUAGES])


def normalise_query(text: str) -> str:
    return " ".join(text.split()).casefold()


def community_directory(*, country: Country | int | None = None,
                        region: Region | int | None = None, query: str = "",
                        include_unverified: bool = False) -> QuerySet[Community]:
    """The registry's current communities, filtered, in directory order. (The public
    directory, which shows and filters by networks, is `networks.selectors`'s.)"""
    qs = Community.objects.select_related("region__country").filter(
        valid_to__isnull=True, merged_into__isnull=True)
    if not include_unverified:
        qs = qs.filter(is_verified=True)
    if country is not None:
        qs = qs.filter(region__country=country)
    if region is not None:
        qs = qs.filter(region=region)
    for word in normalise_query(query).split():
        qs = qs.filter(search_text__contains=word)
    # Region ids follow the import order of the marzes (by ISO code), so this ordering walks
    # the community_directory_order index instead of sorting every row for a deep page.
    return qs.order_by("region_id", "name_hy", "name_en", "pk")


def directory_listing(qs: QuerySet[Community]) -> QuerySet[Community]:
    """Only the columns the directory page shows."""
    return qs.only(
        "region_id", "is_verified", "updated_at", "region__code", "region__country_id",
        "region__country__code", *language_columns(), *language_columns(via="region"),
        *language_columns(via="region__country"))


def community_for_viewer(*, pk: Any, user: Any) -> Community:
    """A community's profile; an unverified row is visible only to the secretariat.
    (`networks.selectors.with_memberships` adds its networks.)"""
    pk = parse_id(pk)
    if pk is None:
        raise Http404
    qs = Community.objects.select_related("region__country", "merged_into__region", "emblem")
    community = one(qs.filter(pk=pk))
    if community is None or (not community.is_verified and not is_secretariat(user)):
        raise Http404
    return community


def community_people(*, community: Community, user: Any) -> list[Affiliation]:
    """Verified heads are public; staff, and pending requests, only to those allowed."""
    qs = Affiliation.objects.filter(community=community).select_related("user")
    if user.has_perm("communities.view_private", community):
        return list(qs.filter(status__in=["verified", "pending"]).order_by("role", "created_at"))
    return list(qs.filter(status="verified", role="head"))


def community_history(*, community: Community, user: Any) -> list[AuditEntry]:
    if not user.has_perm("communities.view_private", community):
        return []
    return list(history_for(community))


def communities_served_by(user: Any) -> Q:
    """The communities whose people this user, as a secretariat, is responsible for: those
    that work with one of the user's networks (a membership or a membership application)
    and those that work with no network yet (`Community.ownership()` says the same for one
    community)."""
    if getattr(user, "is_superuser", False):
        return Q()
    mine = network_ids_served(user)
    # asked of each community row (a probe of its memberships and applications by index),
    # rather than as the set of every community that works with a network, built first
    this = Community.objects.filter(pk=OuterRef("pk"))
    with_mine = this.filter(Q(memberships__network_id__in=mine)
                            | Q(membership_applications__network_id__in=mine))
    with_any = this.filter(Q(memberships__isnull=False)
                           | Q(membership_applications__isnull=False))
    return Q(Exists(with_mine)) | ~Q(Exists(with_any))


def affiliation_queue(*, user: Any, status: str = "pending") -> QuerySet[Affiliation]:
    """The requests this secretariat officer may decide: of the communities they serve."""
    if not is_secretariat(user):
        raise Http404
    if status not in Affiliation.Status.values:
        status = Affiliation.Status.PENDING
    served = Community.objects.filter(communities_served_by(user)).values("pk")
    return (Affiliation.objects.filter(status=status, community_id__in=served)
            .select_related("user", "community__region", "decided_by")
            .order_by("-created_at", "-pk"))


def affiliation_for_decision(*, pk: Any, user: Any) -> Affiliation:
    affiliation = one(Affiliation.objects.select_related("user", "community").filter(pk=pk))
    if affiliation is None or not user.has_perm("communities.decide_affiliation", affiliation):
        raise Http404
    return affiliation


def unverified_communities(*, user: Any) -> QuerySet[Community]:
    if not is_secretariat(user):
        raise Http404
    return (Community.objects.filter(communities_served_by(user), is_verified=False)
            .select_related("region__country")
            .order_by("region__code", "name_hy"))


def my_affiliations(*, user: Any) -> list[Affiliation]:
    if not user.is_authenticated:
        return []
    return list(Affiliation.objects.filter(user=user).select_related("community__region")
                .order_by("-created_at"))


def people_acting_for(community_id: int, *, roles: tuple[str, ...] | None = None
                      ) -> list[Any]:
    """The active people with a verified role for the community (of `roles` only, when
    given: `("head",)` for who may sign and submit): whom to tell about it."""
    from hamaynk.accounts.models import User

    role = {"affiliations__role__in": roles} if roles is not None else {}
    return list(User.objects.filter(affiliations__community_id=community_id,  # one join
                                    affiliations__status="verified", is_active=True, **role)
                .distinct())
