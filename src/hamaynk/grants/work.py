"""The grants module's items in the work queue (`core.workqueue`).

* Secretariat, per network it serves: submitted applications to screen, applications in
  review with no reviewer yet, questions of a call's public Q&A to answer, submitted reports
  to accept or return, and tranches that may be paid (no report awaited, or it is accepted)
  and fall due within `PAYMENT_NOTICE_DAYS`.
* Reviewer: the reviews assigned to them and not yet submitted, due `REVIEW_DAYS` after
  the assignment (a call has no review deadline of its own yet).
* A community's people: drafts in a call that is still open (due when it closes), the
  secretariat's questions to answer, reports due or returned, and — as a suggestion — open
  calls the community may apply to and has not.
* Those who follow communities (a coach, the secretariat on a cohort's page): the same
  drafts, questions and reports of the given communities, worded for the follower and linked
  to the call's public page (the application and the report are the community's own)."""

import datetime
from functools import lru_cache
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hamaynk.accounts.permissions import (
    network_ids_served,
    network_role_pairs,
    verified_community_ids,
)
from hamaynk.communities.models import Community
from hamaynk.core import counts
from hamaynk.core.workqueue import LIMIT, Source, WorkItem, register
from hamaynk.grants import eligibility
from hamaynk.grants.models import (
    Application,
    Call,
    CallQuestion,
    Clarification,
    Grant,
    GrantReport,
    Review,
    Tranche,
)

REVIEW_DAYS = 14  # a review is expected within two weeks of its assignment
PAYMENT_NOTICE_DAYS = 30  # a planned tranche becomes work to do a month before it is due
MAX_PAIRS = 20  # (open call, community) pairs whose eligibility a page checks at most
AS = Application.Status
RS = Review.Status
R = GrantReport.Status


def _secretariat_sources(user: Any, now: datetime.datetime) -> list[Source]:
    served = network_ids_served(user)
    if not served:
        return []
    manage = reverse("grants:manage")
    to_screen = (Application.objects.filter(call__network_id__in=served, status=AS.SUBMITTED)
                 .select_related("call", "community").order_by("submitted_at", "pk"))
    unassigned = (Application.objects
                  .filter(call__network_id__in=served, status=AS.IN_REVIEW,
                          reviewers_assigned=0)
                  .select_related("call", "community").order_by("submitted_at", "pk"))
    questions = (CallQuestion.objects.filter(call__network_id__in=served, answered_at__isnull=True)
                 .select_related("call").order_by("created_at", "pk"))
    reports = (GrantReport.objects.filter(grant__call__network_id__in=served, status=R.SUBMITTED)
               .select_related("grant__community", "grant__call").order_by("submitted_at", "pk"))
    payable = (Tranche.objects
               .filter(grant__call__network_id__in=served, status=Tranche.Status.PLANNED,
                       grant__status=Grant.Status.ACTIVE,
                       due_date__lte=timezone.localdate(now)
                       + datetime.timedelta(days=PAYMENT_NOTICE_DAYS))
               .filter(Q(report__isnull=True) | Q(report__status=R.ACCEPTED))
               .select_related("grant__community", "grant__call").order_by("due_date", "pk"))
    return [
        Source.of_queryset(
            kind="grants-screen", title=_("Applications to screen"), queryset=to_screen,
            see_all=manage,
            item=lambda a: WorkItem(what=_("Screen the application for eligibility"),
                                    whom=a.community.name, detail=a.call.title,
                                    url=reverse("grants:screening", args=[a.pk]),
                                    since=a.submitted_at)),
        Source.of_queryset(
            kind="grants-assign", title=_("Applications without reviewers"),
            queryset=unassigned, see_all=manage,
            item=lambda a: WorkItem(what=_("Assign reviewers"), whom=a.community.name,
                                    detail=a.call.title,
                                    url=reverse("grants:call_review", args=[a.call.slug]),
                                    since=a.submitted_at)),
        Source.of_queryset(
            kind="grants-questions", title=_("Questions about calls to answer"),
            queryset=questions, see_all=manage,
            item=lambda q: WorkItem(what=_("Answer the question publicly"),
                                    whom=q.call.title, detail=q.question[:120],
                                    url=q.call.get_absolute_url() + "#questions",
                                    since=q.created_at)),
        Source.of_queryset(
            kind="grants-reports-review", title=_("Reports to review"), queryset=reports,
            item=lambda r: WorkItem(what=(_("Accept or return the financial report")
                                          if r.purpose == "financial"
                                          else _("Accept or return the progress report")),
                                    whom=r.grant.community.name, detail=r.grant.call.title,
                                    url=r.get_absolute_url(), since=r.submitted_at)),
        Source.of_queryset(
            kind="grants-payments", title=_("Payments to make"), queryset=payable,
            item=lambda t: WorkItem(what=_("Pay tranche %(order)s") % {"order": t.order},
                                    whom=t.grant.community.name, detail=t.grant.call.title,
                                    url=t.grant.get_absolute_url(), due=t.due_date)),
    ]


def _reviewer_sources(user: Any) -> list[Source]:
    if not any(role == "reviewer" for role, _network in network_role_pairs(user)):
        return []
    open_reviews = (Review.objects.filter(reviewer=user, status__in=[RS.ASSIGNED, RS.IN_PROGRESS])
                    .select_related("application__call", "application__community")
                    .order_by("created_at", "pk"))
    return [Source.of_queryset(
        kind="grants-reviews", title=_("Reviews to complete"), queryset=open_reviews,
        see_all=reverse("grants:reviews"),
        item=lambda r: WorkItem(
            what=(_("Continue the review") if r.status == RS.IN_PROGRESS
                  else _("Declare any conflict of interest and score the proposal")),
            whom=r.application.community.name, detail=r.application.call.title,
            url=r.get_absolute_url(), since=r.created_at,
            due=r.created_at + datetime.timedelta(days=REVIEW_DAYS)))]


def _community_sources(user: Any, now: datetime.datetime) -> list[Source]:
    mine = verified_community_ids(user)
    if not mine:
        return []
    drafts = (Application.objects
              .filter(community_id__in=mine, status=AS.DRAFT)
              .filter(call__in=Call.objects.filter(Call.open_at(now)).values("pk"))
              .select_related("call", "community").order_by("call__closes_at", "pk"))
    unanswered = (Clarification.objects
                  .filter(application__community_id__in=mine, answered_at__isnull=True)
                  .select_related("application__call", "application__community")
                  .order_by("created_at", "pk"))
    reports = (GrantReport.objects
               .filter(grant__community_id__in=mine, status__in=[R.DUE, R.RETURNED],
                       grant__status=Grant.Status.ACTIVE)
               .select_related("grant__community", "grant__call").order_by("due_date", "pk"))

    def report_item(r: GrantReport) -> WorkItem:
        financial = r.purpose == "financial"
        if r.status == R.RETURNED:
            what = (_("Correct and submit the financial report again") if financial
                    else _("Correct and submit the progress report again"))
        else:
            what = (_("Submit the financial report") if financial
                    else _("Submit the progress report"))
        return WorkItem(what=what, whom=r.grant.community.name, detail=r.grant.call.title,
                        url=r.get_absolute_url(), due=r.due_date)

    return [
        Source.of_queryset(
            kind="grants-drafts", title=_("Grant applications to submit"), queryset=drafts,
            item=lambda a: WorkItem(what=_("Finish and submit the application"),
                                    whom=a.community.name, detail=a.call.title,
                                    url=a.get_absolute_url(), since=a.created_at,
                                    due=a.call.closes_at)),
        Source.of_queryset(
            kind="grants-clarifications", title=_("Questions from the secretariat"),
            queryset=unanswered,
            item=lambda c: WorkItem(what=_("Answer the secretariat's question"),
                                    whom=c.application.community.name,
                                    detail=c.application.call.title,
                                    url=c.application.get_absolute_url(),
                                    since=c.created_at)),
        Source.of_queryset(
            kind="grants-reports-due", title=_("Grant reports due"), queryset=reports,
            item=report_item),
        _calls_to_apply(mine, now),
    ]


def _calls_to_apply(mine: set[int], now: datetime.datetime) -> Source:
    """Open calls (the `LIMIT` closing first) that a community of the person may apply to
    by the call's own eligibility rules and has not applied to (the first `MAX_PAIRS` pairs
    of a call and a community are checked: a bound, whatever the number of either). Worked
    out only when the page asks: a suggestion is not in the header's count."""

    @lru_cache(maxsize=1)
    def items() -> list[WorkItem]:
        calls = list(Call.objects.filter(Call.open_at(now)).select_related("network",
                                                                           "eligible_cohort")
                     .order_by("closes_at", "pk")[:LIMIT])
        if not calls:
            return []
        taken = set(Application.objects.filter(call__in=calls, community_id__in=mine)
                    .exclude(status=AS.WITHDRAWN).values_list("call_id", "community_id"))
        communities = list(Community.objects.filter(pk__in=mine)
                           .select_related("region__country").order_by("name_hy", "pk"))
        # each pair asks the call's own rules (a query or two each): at most MAX_PAIRS
        pairs = [(call, community) for call in calls for community in communities
                 if (call.pk, community.pk) not in taken][:MAX_PAIRS]
        return [WorkItem(what=_("Apply to “%(call)s”") % {"call": call.title},
                         whom=community.name, detail=call.network.short_name,
                         url=call.get_absolute_url(), due=call.closes_at)
                for call, community in pairs if eligibility.is_eligible(call, community)]

    return Source(kind="grants-calls", title=_("Open calls your community may apply to"),
                  count=lambda: len(items()), fetch=lambda limit: items()[:limit],
                  counted=False)


def followed(community_ids: set[int], now: datetime.datetime) -> list[Source]:
    """What the communities have pending in grants, for someone who follows them."""
    drafts = (Application.objects
              .filter(community_id__in=community_ids, status=AS.DRAFT)
              .filter(call__in=Call.objects.filter(Call.open_at(now)).values("pk"))
              .select_related("call").order_by("call__closes_at", "pk"))
    unanswered = (Clarification.objects
                  .filter(application__community_id__in=community_ids, answered_at__isnull=True)
                  .select_related("application__call").order_by("created_at", "pk"))
    reports = (GrantReport.objects
               .filter(grant__community_id__in=community_ids, status__in=[R.DUE, R.RETURNED],
                       grant__status=Grant.Status.ACTIVE)
               .select_related("grant__call").order_by("due_date", "pk"))

    def report_item(r: GrantReport) -> WorkItem:
        financial = r.purpose == "financial"
        if r.status == R.RETURNED:
            what = (_("The financial report was returned for changes") if financial
                    else _("The progress report was returned for changes"))
        else:
            what = (_("A financial report is due") if financial
                    else _("A progress report is due"))
        return WorkItem(what=what, whom=r.grant.call.title, url=r.grant.call.get_absolute_url(),
                        due=r.due_date, community_id=r.grant.community_id)

    return [
        Source.of_queryset(
            kind="grants-drafts", title=_("Grant applications not yet submitted"),
            queryset=drafts,
            item=lambda a: WorkItem(what=_("A draft application, not yet submitted"),
                                    whom=a.call.title, url=a.call.get_absolute_url(),
                                    since=a.created_at, due=a.call.closes_at,
                                    community_id=a.community_id)),
        Source.of_queryset(
            kind="grants-clarifications", title=_("Questions from the secretariat"),
            queryset=unanswered,
            item=lambda c: WorkItem(what=_("A question from the secretariat, not yet answered"),
                                    whom=c.application.call.title,
                                    url=c.application.call.get_absolute_url(),
                                    since=c.created_at,
                                    community_id=c.application.community_id)),
        Source.of_queryset(kind="grants-reports-due", title=_("Grant reports due"),
                           queryset=reports, item=report_item),
    ]


def sources(user: Any, now: datetime.datetime) -> list[Source]:
    return (_secretariat_sources(user, now) + _reviewer_sources(user)
            + _community_sources(user, now))


def register_work() -> None:
    register("grants", sources=sources, followed=followed)
    # the header's count follows their rows (core/workqueue.py)
    counts.track(Call, CallQuestion, Clarification, GrantReport, Review, Tranche)
