"""Coaching paths: the writes. The secretariat edits a cohort's path; a community's coach logs
its sessions and reviews its assignments; the community marks its steps and actions done and
hands in its assignments. Each function checks its permission, writes in one transaction,
audits, and notifies (the email goes after commit)."""

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.files import DOCUMENTS, XLSX, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import require
from hamaynk.learning.models import (
    AgreedAction,
    CoachingSession,
    Cohort,
    CohortMember,
    PathStep,
    StepProgress,
    Submission,
)
from hamaynk.learning.states import SUBMISSION_TRANSITIONS
from hamaynk.notifications.services import announce

S = Submission.Status
MAX_FILES = 5  # files handed in with one assignment
MAX_ACTIONS = 20  # actions agreed in one session


def today_of(cohort: Cohort, now: datetime.datetime | None = None) -> datetime.date:
    """The day it is for the cohort, in its network's time zone (a session's day and a
    step's due date are the network's days)."""
    try:
        zone = zoneinfo.ZoneInfo(cohort.network.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = None
    return timezone.localdate(now or timezone.now(), timezone=zone)


# ------------------------------------------------------------------------------ the path

@dataclass(frozen=True)
class StepValues:
    kind: str
    title_hy: str
    due_date: datetime.date | None
    title_en: str = ""
    description_hy: str = ""
    description_en: str = ""


def _checked_step(values: StepValues) -> StepValues:
    if values.kind not in PathStep.Kind.values:
        raise DomainError(_("Choose the kind of step."), field="kind")
    if not values.title_hy.strip():
        raise DomainError(_("Give the step a title in Armenian."), field="title_hy")
    if values.due_date is None:
        raise DomainError(_("Give the step a due date."), field="due_date")
    return values


@transaction.atomic
def step_save(*, cohort: Cohort, actor: User, values: StepValues,
              step: PathStep | None = None) -> PathStep:
    """Add a step at the end of the path, or change one of its steps."""
    require(actor, "learning.manage_cohort", cohort)
    values = _checked_step(values)
    if step is not None and step.cohort_id != cohort.pk:
        raise DomainError(_("This step is not on the cohort's path."))
    if step is None:
        last = cohort.steps.order_by("-order").values_list("order", flat=True).first() or 0
        step = PathStep(cohort=cohort, order=last + 1)
    step.kind = values.kind
    step.title_hy, step.title_en = values.title_hy.strip(), values.title_en.strip()
    step.description_hy = values.description_hy.strip()
    step.description_en = values.description_en.strip()
    step.due_date = values.due_date  # type: ignore[assignment]
    created = step.pk is None
    step.save()
    audit.record(action="learning.step.added" if created else "learning.step.changed",
                 actor=actor, target=cohort,
                 data={"step": step.pk, "title": step.title_hy, "due": str(step.due_date)})
    return step


@transaction.atomic
def step_remove(*, cohort: Cohort, actor: User, step_id: int) -> None:
    require(actor, "learning.manage_cohort", cohort)
    step = cohort.steps.filter(pk=step_id).first()
    if step is None:
        raise DomainError(_("This step is not on the cohort's path."))
    if step.submissions.exists():
        raise DomainError(_("A community has handed in this assignment: the step stays."))
    audit.record(action="learning.step.removed", actor=actor, target=cohort,
                 data={"step": step.pk, "title": step.title_hy})
    step.delete()


@transaction.atomic
def step_move(*, cohort: Cohort, actor: User, step_id: int, up: bool) -> None:
    """Move a step one place earlier (`up`) or later on the path."""
    require(actor, "learning.manage_cohort", cohort)
    steps = list(cohort.steps.select_for_update().order_by("order", "pk"))
    index = next((i for i, s in enumerate(steps) if s.pk == step_id), None)
    if index is None:
        raise DomainError(_("This step is not on the cohort's path."))
    other = index - 1 if up else index + 1
    if 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
    for order, step in enumerate(steps, start=1):
        if step.order != order:
            step.order = order
            step.save(update_fields=["order", "updated_at"])
    audit.record(action="learning.step.moved", actor=actor, target=cohort,
                 data={"step": step_id, "up": up})


@transaction.atomic
def step_set_done(*, member: CohortMember, step: PathStep, actor: User, done: bool) -> None:
    """Mark a step (not an assignment: the coach's acceptance does that) done or not done."""
    require(actor, "learning.follow_up", member)
    if step.cohort_id != member.cohort_id:
        raise DomainError(_("This step is not on the cohort's path."))
    if step.kind == PathStep.Kind.ASSIGNMENT:
        raise DomainError(_("An assignment is done when the coach accepts it."))
    if done:
        StepProgress.objects.get_or_create(step=step, member=member, defaults={
            "done_at": timezone.now(), "done_by": actor})
    else:
        StepProgress.objects.filter(step=step, member=member).delete()
    audit.record(action="learning.step.done" if done else "learning.step.undone",
                 actor=actor, target=member, data={"step": step.pk})


# ------------------------------------------------------------------ the coaching log

@dataclass(frozen=True)
class ActionValues:
    text: str
    owner: User | None
    due_date: datetime.date | None


def _checked_actions(member: CohortMember, held_on: datetime.date,
                     actions: list[ActionValues]) -> list[ActionValues]:
    if len(actions) > MAX_ACTIONS:
        raise DomainError(_("At most %(n)s actions a session.") % {"n": MAX_ACTIONS},
                          field="actions")
    team = set(member.team.values_list("pk", flat=True))
    for action in actions:
        if not action.text.strip():
            raise DomainError(_("Say what the action is."), field="actions")
        if action.owner is None or action.owner.pk not in team:
            raise DomainError(_("An action's owner must be on the community's team."),
                              field="actions")
        if action.due_date is None or action.due_date < held_on:
            raise DomainError(_("An action is due on or after the day of the session."),
                              field="actions")
    return actions


def _follow_up(member: CohortMember, session: CoachingSession, actor: User,
               follow_up: dict[int, str]) -> dict[str, list[int]]:
    """The previous sessions' open actions: each marked done or carried over."""
    done: list[int] = []
    carried: list[int] = []
    open_actions = member.actions.filter(done_at__isnull=True).exclude(session=session)
    for action in open_actions.filter(pk__in=list(follow_up)).select_for_update():
        choice = follow_up[action.pk]
        if choice == "done":
            action.done_at, action.done_by = timezone.now(), actor
            done.append(action.pk)
        elif choice == "carried":
            action.carried_over_in = session
            carried.append(action.pk)
        else:
            continue
        action.save(update_fields=["done_at", "done_by", "carried_over_in", "updated_at"])
    return {"done": done, "carried": carried}


@transaction.atomic
def session_log(*, member: CohortMember, actor: User, held_on: datetime.date | None,
                attendees: list[User], notes: str = "",
                actions: list[ActionValues] | None = None,
                follow_up: dict[int, str] | None = None) -> CoachingSession:
    """Log a coaching session of the community: the day, who came (team members, the coach),
    the notes, the actions agreed (each owned by a team member, due on a day), and the
    follow-up of the open actions of earlier sessions (done, or carried over)."""
    require(actor, "learning.log_session", member)
    if held_on is None:
        raise DomainError(_("Give the day of the session."), field="held_on")
    if held_on > today_of(member.cohort):
        raise DomainError(_("A session is logged once it is held: the day is in the future."),
                          field="held_on")
    allowed = set(member.team.values_list("pk", flat=True)) | {member.coach_id}
    if any(person.pk not in allowed for person in attendees):
        raise DomainError(_("Those who attended are the team and the coach."),
                          field="attendees")
    agreed = _checked_actions(member, held_on, actions or [])
    session = CoachingSession.objects.create(member=member, held_on=held_on, notes=notes.strip(),
                                             coach=member.coach, logged_by=actor)
    session.attendees.set(attendees)
    made = [AgreedAction.objects.create(session=session, member=member, text=a.text.strip(),
                                        owner=a.owner, due_date=a.due_date)  # type: ignore[misc]
            for a in agreed]
    followed = _follow_up(member, session, actor, follow_up or {})
    audit.record(action="learning.session.logged", actor=actor, target=member,
                 data={"session": session.pk, "held_on": str(held_on),
                       "actions": [a.pk for a in made], **followed})
    for action in made:
        if action.owner_id != actor.pk:
            announce([action.owner], kind="learning.action.agreed",
                     params={"action": action},
                     url=action.get_absolute_url())()
    return session


@transaction.atomic
def action_mark_done(*, action: AgreedAction, actor: User) -> AgreedAction:
    """Mark an agreed action done (its owner, the community's people, the coach)."""
    require(actor, "learning.follow_up", action.member)
    locked = lock(AgreedAction, action.pk)
    if locked.done_at is not None:
        raise DomainError(_("This action is already done."))
    locked.done_at, locked.done_by = timezone.now(), actor
    record_change(locked, actor=actor, action="learning.action.done",
                  fields=["done_at", "done_by"], audit_target=action.member,
                  details={"action": locked.pk})
    return locked


# ---------------------------------------------------------------- assignments

def _community_people(member: CohortMember) -> list[User]:
    """Who hears of the community's coaching: its team, or else its verified head and staff."""
    team = list(member.team.all())
    if team:
        return team
    return list(User.objects.filter(affiliations__community_id=member.community_id,
                                    affiliations__status="verified").distinct())


def _store(uploads: list[Any], actor: User, owner: Submission) -> list[StoredFile]:
    stored = []
    for upload in uploads:
        try:
            stored.append(store_upload(upload=upload, uploaded_by=actor,
                                       allowed=DOCUMENTS | {XLSX}, owner=owner,
                                       visibility=StoredFile.Visibility.COMMUNITY))
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="files") from exc
    return stored


@transaction.atomic
def submission_hand_in(*, member: CohortMember, step: PathStep, actor: User, text: str,
                       uploads: list[Any] | None = None) -> Submission:
    """Hand in an assignment (text, files or both): a first time, again after the coach
    returned it, or a changed hand-in the coach has not yet reviewed."""
    require(actor, "learning.hand_in", member)
    uploads = uploads or []
    if step.cohort_id != member.cohort_id or step.kind != PathStep.Kind.ASSIGNMENT:
        raise DomainError(_("This step is not an assignment of the cohort's path."))
    existing = Submission.objects.filter(step=step, member=member).first()
    kept = existing.files.count() if existing else 0
    if kept + len(uploads) > MAX_FILES:
        raise DomainError(_("At most %(n)s files an assignment.") % {"n": MAX_FILES},
                          field="files")
    if not text.strip() and not uploads and not kept:
        raise DomainError(_("Write the assignment or attach a file."), field="text")
    now = timezone.now()
    if existing is None:
        submission = Submission.objects.create(step=step, member=member, text=text.strip(),
                                               submitted_at=now, submitted_by=actor)
        audit.record(action="learning.submission.handed_in", actor=actor, target=submission)
    else:
        submission = lock(Submission, existing.pk)
        submission.text, submission.submitted_at = text.strip(), now
        submission.submitted_by = actor
        fields = ["text", "submitted_at", "submitted_by"]
        if submission.status == S.RETURNED:
            transition(submission, to=S.SUBMITTED, table=SUBMISSION_TRANSITIONS, actor=actor,
                       action="learning.submission.handed_in", fields=fields)
        elif submission.status == S.SUBMITTED:
            record_change(submission, actor=actor, action="learning.submission.changed",
                          fields=fields)
        else:
            raise DomainError(_("The coach has accepted this assignment."))
    submission.files.add(*_store(uploads, actor, submission))
    if member.coach is not None:
        announce([member.coach], kind="learning.submission.handed_in",
                 params={"submission": submission},
                 url=submission.get_absolute_url())()
    return submission


@transaction.atomic
def submission_review(*, submission: Submission, actor: User, accept: bool,
                      comment: str = "", expected_version: int | None = None) -> Submission:
    """The coach accepts the assignment (the step is done) or returns it for changes (with
    a comment saying what to change); the community is told."""
    require(actor, "learning.review_submission", submission)
    comment = comment.strip()
    if not accept and not comment:
        raise DomainError(_("Say what to change before returning the assignment."),
                          field="comment")
    locked = lock(Submission, submission.pk, select_related=("member__community", "step"),
                  expected_version=expected_version)
    locked.comment, locked.reviewed_at, locked.reviewed_by = comment, timezone.now(), actor
    member = locked.member
    transition(locked, to=S.ACCEPTED if accept else S.RETURNED, table=SUBMISSION_TRANSITIONS,
               actor=actor, action="learning.submission.reviewed",
               fields=["comment", "reviewed_at", "reviewed_by"],
               notify=[announce(_community_people(member), kind="learning.submission.reviewed",
                                params={"submission": locked},
                                url=locked.get_absolute_url())])
    if accept:
        StepProgress.objects.get_or_create(step=locked.step, member=member, defaults={
            "done_at": locked.reviewed_at, "done_by": actor})
    return locked
