"""Coaching paths: what the pages read. Every list is one page of rows with its figures
annotated as subqueries, so a page costs the same number of queries whatever the cohort's
size; what the communities have pending elsewhere comes from `core.workqueue.followed_work`
(one fetch per source for the whole page)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, Exists, Func, IntegerField, Max, OuterRef, Subquery
from django.db.models import QuerySet as QS
from django.db.models.functions import Coalesce
from django.http import Http404

from hamaynk.core.pagination import paginate
from hamaynk.core.workqueue import WorkItem, followed_work
from hamaynk.learning.models import (
    AgreedAction,
    CoachingSession,
    Cohort,
    CohortMember,
    PathStep,
    StepProgress,
    Submission,
)

SESSIONS_PER_PAGE = 10


def _count(qs: QS[Any]) -> Coalesce:
    return Coalesce(Subquery(qs.order_by().annotate(n=Func("pk", function="COUNT"))
                             .values("n")[:1], output_field=IntegerField()), 0)


def members_with_figures(members: QS[CohortMember], today: datetime.date) -> QS[CohortMember]:
    """The members with their team size, steps done and overdue, open actions and the day of
    their last session, each a subquery."""
    team = CohortMember.team.through.objects.filter(cohortmember_id=OuterRef("pk"))
    done = StepProgress.objects.filter(member=OuterRef("pk"))
    overdue = (PathStep.objects.filter(cohort=OuterRef("cohort_id"), due_date__lt=today)
               .filter(~Exists(StepProgress.objects.filter(step=OuterRef("pk"),
                                                           member=OuterRef(OuterRef("pk"))))))
    actions = AgreedAction.objects.filter(member=OuterRef("pk"), done_at__isnull=True)
    last = (CoachingSession.objects.filter(member=OuterRef("pk")).order_by()
            .values("member").annotate(last=Max("held_on")).values("last")[:1])
    return (members.select_related("community__region", "coach", "cohort")
            .annotate(team_size=_count(team), steps_done=_count(done),
                      steps_overdue=_count(overdue), open_actions=_count(actions),
                      last_session=Subquery(last)))


def member_figures(member: CohortMember) -> tuple[Any, ...]:
    """A cohort row's figures and pending work, for the key of its cached fragment."""
    return (member.team_size, member.steps_done, member.steps_overdue,  # type: ignore[attr-defined]
            member.open_actions, member.last_session, member.pending)  # type: ignore[attr-defined]


@dataclass
class CohortProgress:
    page_obj: Page
    steps_total: int
    pending: dict[int, list[WorkItem]] = field(default_factory=dict)


def cohort_progress(*, cohort: Cohort, page: Any, today: datetime.date,
                    now: datetime.datetime | None = None) -> CohortProgress:
    """One page of the cohort's communities with their progress, and what each has pending
    elsewhere in the platform (the coaching figures are in the row: left out there)."""
    page_obj = paginate(cohort_members(cohort=cohort, today=today), page)
    rows = list(page_obj.object_list)
    pending = followed_work(community_ids=[m.community_id for m in rows], now=now,
                            exclude=("learning",))
    for row in rows:
        row.pending = pending.get(row.community_id, [])  # type: ignore[attr-defined]
    page_obj.object_list = rows
    return CohortProgress(page_obj=page_obj, steps_total=cohort.steps.count(), pending=pending)


@dataclass
class StepRow:
    step: PathStep
    done: bool
    overdue: bool
    submission: Submission | None


def member_path(*, member: CohortMember, today: datetime.date) -> list[StepRow]:
    """The cohort's path as this community follows it: each step done or not, overdue, and
    its hand-in (for an assignment)."""
    done = set(member.progress.values_list("step_id", flat=True))
    submissions = {s.step_id: s for s in member.submissions.all()}
    return [StepRow(step=step, done=step.pk in done,
                    overdue=step.is_overdue(today, step.pk in done),
                    submission=submissions.get(step.pk))
            for step in member.cohort.steps.order_by("order", "pk")]


def open_actions(member: CohortMember) -> QS[AgreedAction]:
    return (member.actions.filter(done_at__isnull=True).select_related("owner", "session")
            .order_by("due_date", "pk"))


def member_log(*, member: CohortMember, page: Any) -> Page:
    """One page of the community's sessions, the latest first, with who came and the
    actions agreed there and carried over."""
    return paginate(member_sessions(member), page, per_page=SESSIONS_PER_PAGE)


def member_sessions(member: CohortMember) -> QS[CoachingSession]:
    """The community's coaching sessions, the latest first, with who came and the actions
    agreed there and carried over (the log page and the API)."""
    return (member.sessions.select_related("coach")
            .prefetch_related("attendees", "actions__owner", "carried_actions__owner")
            .annotate(n_actions=Count("actions", distinct=True))
            .order_by("-held_on", "-pk"))


def cohort_members(*, cohort: Cohort, today: datetime.date) -> QS[CohortMember]:
    """The cohort's communities by name with their figures (the cohort page and the API)."""
    return members_with_figures(cohort.members.order_by("community__name_hy", "pk"), today)


def cohort_for_viewer(*, pk: int, user: Any) -> Cohort:
    """A cohort whose page the viewer may see (its network's secretariat, its coaches);
    anything else is a 404, as a missing one."""
    cohort = Cohort.objects.select_related("network").filter(pk=pk).first()
    if cohort is None or not user.has_perm("learning.view_cohort", cohort):
        raise Http404
    return cohort


def member_for_viewer(*, pk: int, user: Any) -> CohortMember:
    """A cohort community whose coaching page and log the viewer may see (the secretariat,
    its coach, its own people); else a 404."""
    member = (CohortMember.objects.select_related("cohort__network", "community__region",
                                                  "coach").filter(pk=pk).first())
    if member is None or not user.has_perm("learning.view_member", member):
        raise Http404
    return member


def members_to_follow(*, user: Any) -> QS[CohortMember]:
    """The cohort communities a person acts for (their My page links to each)."""
    from hamaynk.accounts.permissions import verified_community_ids

    return (CohortMember.objects.filter(community_id__in=verified_community_ids(user))
            .select_related("cohort", "community").order_by("-cohort__created_at", "pk"))
