"""The learning module's items in the work queue (`core.workqueue`).

* A community's people: the actions agreed in coaching that are still open (the owner's and
  the community's), due on their day, linked to the coaching log where they are marked
  done; the assignments of the path to hand in (or hand in again), due on the step's day.
* A coach: the assignments handed in to review; per cohort, what the communities they coach
  have pending anywhere in the platform (`core.workqueue.followed_work`: a report due, a call
  closing, an action or a step due …), linked to the cohort's page at the community — the
  items with a due day are counted in the header, the others are shown only; and, as a
  suggestion, the cohorts they follow.
* Those who follow communities (`followed`): the communities' open actions and the steps
  of their path due within `STEP_HORIZON_DAYS` or overdue, not done.
* The organiser (a network's secretariat): enrolments awaiting approval, oldest first, each
  linked to its session's enrolment list (counted); the sessions under way or ended within
  `ATTENDANCE_DAYS` where someone confirmed has no attendance marked yet, linked to the
  attendance sheet (counted).
* A community's people, besides: their community's confirmed enrolments in sessions that
  start within `SOON_DAYS` (a reminder, not counted)."""

import datetime
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamaynk.accounts.permissions import is_coach, network_ids_served, verified_community_ids
from hamaynk.core import counts
from hamaynk.core.workqueue import Source, WorkItem, followed_work, register
from hamaynk.learning.models import (
    AgreedAction,
    Attendance,
    Cohort,
    CohortMember,
    Enrolment,
    PathStep,
    Session,
    StepProgress,
    Submission,
)

SOON_DAYS = 7  # an enrolment's session shows this many days before it starts
ATTENDANCE_DAYS = 3  # a session's attendance waits this many days after it ends
STEP_HORIZON_DAYS = 14  # a step not done shows this many days before it is due
S = Submission.Status


def _steps_due(community_ids: set[int], horizon: datetime.date,
               kinds: tuple[str, ...] | None = None) -> Any:
    """(step, member) pairs of the communities' paths due by `horizon` and not done, each step
    row carrying `member_pk` and `community_pk`."""
    steps = (PathStep.objects
             .filter(cohort__members__community_id__in=community_ids, due_date__lte=horizon)
             .annotate(member_pk=F("cohort__members__pk"),
                       community_pk=F("cohort__members__community_id"))
             .filter(~Exists(StepProgress.objects.filter(step=OuterRef("pk"),
                                                         member=OuterRef("member_pk")))))
    if kinds is not None:
        handed = Submission.objects.filter(step=OuterRef("pk"), member=OuterRef("member_pk"),
                                           status__in=[S.SUBMITTED, S.ACCEPTED])
        steps = steps.filter(kind__in=kinds).filter(~Exists(handed))
    return steps.select_related("cohort").order_by("due_date", "order", "pk")


def followed(community_ids: set[int], now: datetime.datetime) -> list[Source]:
    horizon = now.date() + datetime.timedelta(days=STEP_HORIZON_DAYS)
    actions = (AgreedAction.objects
               .filter(member__community_id__in=community_ids, done_at__isnull=True)
               .select_related("owner", "member").order_by("due_date", "pk"))
    return [
        Source.of_queryset(
            kind="learning-actions", title=_("Agreed actions open"), queryset=actions,
            item=lambda a: WorkItem(what=_("Agreed action: %(text)s") % {"text": a.text},
                                    whom=a.owner.get_full_name(), url=a.get_absolute_url(),
                                    since=a.created_at, due=a.due_date,
                                    community_id=a.member.community_id)),
        Source.of_queryset(
            kind="learning-steps", title=_("Steps of the path due"),
            queryset=_steps_due(community_ids, horizon),
            item=lambda s: WorkItem(what=_("Step due: %(title)s") % {"title": s.title},
                                    whom="", due=s.due_date,
                                    url=f"{s.cohort.get_absolute_url()}#community-"
                                        f"{s.community_pk}",
                                    community_id=s.community_pk)),
    ]


def _community_sources(user: Any, now: datetime.datetime) -> list[Source]:
    mine = verified_community_ids(user)
    actions = (AgreedAction.objects
               .filter(Q(member__community_id__in=mine) | Q(owner=user), done_at__isnull=True)
               .select_related("member__community").order_by("due_date", "pk"))
    sources = [Source.of_queryset(
        kind="learning-actions", title=_("Actions agreed in coaching"), queryset=actions,
        item=lambda a: WorkItem(what=_("Do the agreed action and mark it done"),
                                whom=a.member.community.name, detail=a.text,
                                url=a.get_absolute_url(), since=a.created_at, due=a.due_date))]
    if mine:
        horizon = now.date() + datetime.timedelta(days=STEP_HORIZON_DAYS)
        steps = _steps_due(mine, horizon, kinds=(PathStep.Kind.ASSIGNMENT,))
        sources.append(Source.of_queryset(
            kind="learning-assignments", title=_("Assignments to hand in"), queryset=steps,
            item=lambda s: WorkItem(what=_("Hand in the assignment “%(title)s”")
                                    % {"title": s.title}, whom=str(s.cohort),
                                    url=reverse("learning:step", args=[s.member_pk, s.pk]),
                                    due=s.due_date)))
    return sources


def _followed_sources(members: list[CohortMember],
                      pending: Callable[[], dict[int, list[WorkItem]]]) -> list[Source]:
    """One cohort's communities' pending work, worded for their coach and linked to the
    cohort's page at the community: the items with a due day (counted), and the others."""
    cohort = members[0].cohort
    names = {m.community_id: m.community.name for m in members}
    url = cohort.get_absolute_url()

    def items(dated: bool) -> list[WorkItem]:
        return [WorkItem(what=item.what, whom=names[cid],
                         detail=" · ".join(p for p in (item.whom, item.detail) if p),
                         url=f"{url}#community-{cid}", since=item.since, due=item.due)
                for cid in names for item in pending().get(cid, [])
                if (item.due is not None) == dated]

    def source(dated: bool) -> Source:
        return Source(kind=f"learning-follow-{cohort.pk}" + ("" if dated else "-other"),
                      title=(_("Due in the communities you coach") if dated
                             else _("Other pending work of the communities you coach")),
                      context=str(cohort), counted=dated, count=lambda: len(items(dated)),
                      fetch=lambda limit: items(dated)[:limit])

    return [source(True), source(False)]


def _coach_sources(user: Any, now: datetime.datetime) -> list[Source]:
    if not is_coach(user):
        return []
    to_review = (Submission.objects.filter(member__coach=user, status=S.SUBMITTED)
                 .select_related("step", "member__community").order_by("submitted_at", "pk"))
    sources = [Source.of_queryset(
        kind="learning-review", title=_("Assignments to review"), queryset=to_review,
        item=lambda s: WorkItem(what=_("Accept the assignment or return it for changes"),
                                whom=s.member.community.name, detail=s.step.title,
                                url=s.get_absolute_url(), since=s.submitted_at))]
    cohorts = (Cohort.objects.filter(coaches=user).select_related("network")
               .order_by("-created_at", "pk"))
    members = list(CohortMember.objects.filter(coach=user, cohort__coaches=user)
                   .select_related("community", "cohort").order_by("cohort_id", "pk")[:200])

    @lru_cache(maxsize=1)
    def pending() -> dict[int, list[WorkItem]]:
        return followed_work(community_ids={m.community_id for m in members}, now=now)

    by_cohort: dict[int, list[CohortMember]] = defaultdict(list)
    for member in members:
        by_cohort[member.cohort_id].append(member)
    for followed_members in by_cohort.values():
        sources += _followed_sources(followed_members, pending)
    sources.append(Source.of_queryset(
        kind="learning-cohorts", title=_("Coaching cohorts you follow"), queryset=cohorts,
        counted=False, rows=cohorts.annotate(size=Count("members", distinct=True)),
        item=lambda c: WorkItem(
            what=_("Follow the communities of the cohort"), whom=str(c),
            detail=ngettext("%(network)s · %(count)s community",
                            "%(network)s · %(count)s communities", c.size)
            % {"network": c.network.short_name, "count": c.size},
            url=c.get_absolute_url(), since=c.created_at)))
    return sources


def sources(user: Any, now: datetime.datetime) -> list[Source]:
    return _community_sources(user, now) + _coach_sources(user, now)


def enrolment_sources(user: Any, now: datetime.datetime) -> list[Source]:
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
        found.append(_attendance_source(served, now))
    communities = verified_community_ids(user)
    if communities:
        soon = (Enrolment.objects
                .filter(community_id__in=communities, status=Enrolment.Status.CONFIRMED,
                        session__starts_at__gte=now,
                        session__starts_at__lt=now + datetime.timedelta(days=SOON_DAYS))
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


def _attendance_source(served: Any, now: datetime.datetime) -> Source:
    unmarked = Enrolment.objects.filter(
        session=OuterRef("pk"), status=Enrolment.Status.CONFIRMED).filter(
        ~Exists(Attendance.objects.filter(enrolment=OuterRef("pk"))))
    sessions = (Session.objects
                .filter(opportunity__network_id__in=served, starts_at__lte=now,
                        ends_at__gte=now - datetime.timedelta(days=ATTENDANCE_DAYS))
                .filter(Exists(unmarked)).select_related("opportunity")
                .order_by("ends_at", "pk"))  # the longest waiting first (the ends_at index)
    return Source.of_queryset(
        kind="learning-attendance", title=_("Attendance to take"), queryset=sessions,
        item=lambda s: WorkItem(what=_("Take the attendance of the session"), whom=str(s),
                                since=s.starts_at,
                                url=reverse("learning:attendance", args=[s.pk])))


def register_work() -> None:
    register("learning", sources=lambda user, now: [*sources(user, now),
                                                    *enrolment_sources(user, now)],
             followed=followed)
    # the header's count follows their rows (core/workqueue.py)
    counts.track(AgreedAction, Submission, StepProgress, CohortMember, PathStep, Attendance)
