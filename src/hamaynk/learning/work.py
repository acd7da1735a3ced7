"""The learning module's items in the work queue (`core.workqueue`):

* a coach's cohorts, each with its communities, linked to the cohort's page (ongoing work
  rather than a task with a date, so not in the header's count);
* the organiser (a network's secretariat): enrolments awaiting approval, oldest first,
  each linked to its session's enrolment list (counted);
* a community's people: their community's confirmed enrolments in sessions that start
  within `SOON_DAYS` (a reminder, not counted)."""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamaynk.accounts.permissions import is_coach, network_ids_served, verified_community_ids
from hamaynk.core.workqueue import Source, WorkItem, register
from hamaynk.learning.models import Cohort, Enrolment

SOON_DAYS = 7


def sources(user: Any, now: datetime) -> list[Source]:
    if not is_coach(user):
        return []
    cohorts = (Cohort.objects.filter(coaches=user).select_related("network")
               .order_by("-created_at", "pk"))

    def item(cohort: Any) -> WorkItem:
        return WorkItem(
            what=_("Follow the communities of the cohort"), whom=str(cohort),
            detail=ngettext("%(network)s · %(count)s community",
                            "%(network)s · %(count)s communities", cohort.size)
            % {"network": cohort.network.short_name, "count": cohort.size},
            url=cohort.get_absolute_url(), since=cohort.created_at)

    return [Source.of_queryset(kind="learning-cohorts", title=_("Coaching cohorts you follow"),
                               queryset=cohorts, item=item, counted=False,
                               rows=cohorts.annotate(size=Count("members", distinct=True)))]


def enrolment_sources(user: Any, now: datetime) -> list[Source]:
    found = []
    served = network_ids_served(user)
    if served:
        to_approve = (Enrolment.objects
                      .filter(session__opportunity__network_id__in=served,
                              status=Enrolment.Status.REQUESTED)
                      .select_related("session__opportunity", "community", "person")
                      .order_by("created_at", "pk"))
        found.append(Source.of_queryset(
            kind="learning-approve", title=_("Enrolments to approve"), queryset=to_approve,
            item=lambda e: WorkItem(
                what=_("Approve or decline the enrolment"),
                whom=f"{e.person.get_full_name()} ({e.community.name})",
                detail=str(e.session), since=e.created_at, due=e.session.enrolment_deadline,
                url=reverse("learning:session_enrolments", args=[e.session_id])
                + "?status=requested")))
    communities = verified_community_ids(user)
    if communities:
        soon = (Enrolment.objects
                .filter(community_id__in=communities, status=Enrolment.Status.CONFIRMED,
                        session__starts_at__gte=now,
                        session__starts_at__lt=now + timedelta(days=SOON_DAYS))
                .select_related("session__opportunity", "person")
                .order_by("session__starts_at", "pk"))
        found.append(Source.of_queryset(
            kind="learning-soon", title=_("Learning starting within a week"), queryset=soon,
            counted=False, see_all=reverse("learning:our_learning"),
            item=lambda e: WorkItem(
                what=_("Take part in the session"), whom=e.person.get_full_name(),
                detail=str(e.session), due=e.session.starts_at,
                url=e.session.get_absolute_url())))
    return found


def register_work() -> None:
    register("learning", sources=lambda user, now: [*sources(user, now),
                                                    *enrolment_sources(user, now)])
