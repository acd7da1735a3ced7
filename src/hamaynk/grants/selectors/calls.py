"""Reads of calls: the public list, the secretariat's, a call's page and who may apply."""

from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import serves, verified_community_ids
from hamaynk.accounts.viewer import Viewer
from hamaynk.communities.models import Community
from hamaynk.core.lookups import one
from hamaynk.grants import eligibility
from hamaynk.grants.models import Application, Call, CallQuestion


def public_calls() -> QuerySet[Call]:
    """Open calls first (closing soonest first), then announced, then closed and decided."""
    from django.db.models import Case, IntegerField, Value, When

    order = Case(When(status="open", then=Value(0)), When(status="published", then=Value(1)),
                 When(status="closed", then=Value(2)), default=Value(3),
                 output_field=IntegerField())
    return (Call.objects.filter(status__in=Call.PUBLIC_STATUSES).select_related("network")
            .annotate(public_order=order).order_by("public_order", "closes_at", "pk"))


def open_calls(*, now: datetime | None = None) -> QuerySet[Call]:
    """The public calls open at `now` (`Call.is_open`'s rule), closing soonest first."""
    return public_calls().filter(Call.open_at(now))


def calls_for_secretariat(*, user: User) -> QuerySet[Call]:
    if getattr(user, "is_superuser", False):
        qs = Call.objects.all()
    else:
        qs = Call.objects.filter(network__roles__user=user, network__roles__role="secretariat")
    return (qs.select_related("network")
            .annotate(submitted=Count("applications", filter=Q(applications__status="submitted")))
            .order_by("-opens_at", "pk").distinct())


def call_for_viewer(*, slug: str, user: Viewer) -> Call:
    call = one(Call.objects.select_related("network").filter(slug=slug))
    if call is None or (call.status not in Call.PUBLIC_STATUSES
                        and not serves(user, call.network_id)):
        raise Http404
    return call


def call_for_manager(*, slug: str, user: Viewer) -> Call:
    call = one(Call.objects.select_related("network").filter(slug=slug))
    if call is None or not user.has_perm("grants.manage_call", call):
        raise Http404
    return call


def call_questions(*, call: Call) -> QuerySet[CallQuestion]:
    return call.questions.order_by("created_at")


def standing_in_call(*, call: Call, user: Viewer) -> list[dict[str, Any]]:
    """For each community the user acts for: eligibility and its application, if any."""
    ids = verified_community_ids(user)
    if not ids:
        return []
    applications = {a.community_id: a for a in Application.objects.filter(call=call,
                                                                           community_id__in=ids)}
    rows = []
    for community in Community.objects.filter(pk__in=ids).select_related("region__country"):
        rules = eligibility.check(call, community)
        rows.append({"community": community, "rules": rules,
                     "eligible": all(r.ok for r in rules),
                     "application": applications.get(community.pk)})
    return rows
