"""Review: the rubric, eligibility screening, reviewer assignment (by hand or balanced by
workload), conflict-of-interest declarations, scoring, and the secretariat's
determination with its decision letter. Reviewers never see an application from their own
community, and see others' scores only after submitting their own."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit, numbers
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, transition
from hamaynk.core.workflow import require
from hamaynk.grants import scoring
from hamaynk.grants.models import (
    Application,
    Call,
    Clarification,
    Criterion,
    Determination,
    Grant,
    Review,
    Score,
    Screening,
)
from hamaynk.grants.states import APPLICATION_TRANSITIONS, REVIEW_TRANSITIONS
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.notifications.services import announce, notify

AS, RS = Application.Status, Review.Status
JOINS = ("call__network", "community")


@dataclass(frozen=True)
class CriterionInput:
    pk: int | None
    name_hy: str
    name_en: str
    guidance_hy: str
    guidance_en: str
    weight: Decimal
    scale_max: int


@transaction.atomic
def criteria_save(*, call: Call, actor: User, items: list[CriterionInput]) -> list[Criterion]:
    """Replace the call's rubric; refused once a review has been submitted."""
    require(actor, "grants.manage_call", call)
    if Review.objects.filter(application__call=call, status=RS.SUBMITTED).exists():
        raise DomainError(_("Reviews have been submitted: the rubric can no longer change."))
    existing = {c.pk: c for c in call.criteria.select_for_update()}
    kept = []
    for order, item in enumerate(items, start=1):
        if not item.name_hy.strip():
            continue
        criterion = existing.pop(item.pk, None) if item.pk else None
        criterion = criterion or Criterion(call=call)
        criterion.order, criterion.name_hy, criterion.name_en = order, item.name_hy.strip(), \
            item.name_en.strip()
        criterion.guidance_hy, criterion.guidance_en = item.guidance_hy, item.guidance_en
        criterion.weight, criterion.scale_max = item.weight, item.scale_max
        criterion.save()
        kept.append(criterion)
    Score.objects.filter(criterion__in=list(existing.values())).delete()
    Criterion.objects.filter(pk__in=list(existing)).delete()
    audit.record(action="grants.call.rubric_changed", actor=actor, target=call,
                 data={"criteria": [[c.name_hy, str(c.weight), c.scale_max] for c in kept]})
    return kept


@transaction.atomic
def screening_record(*, application: Application, actor: User, checks: list[dict[str, Any]],
                     note: str = "") -> Screening:
    """Record the eligibility checklist; eligible → in review, otherwise not eligible."""
    require(actor, "grants.manage_call", application.call)
    locked = lock(Application, application.pk, select_related=JOINS)
    eligible = bool(checks) and all(c.get("ok") for c in checks)
    if not eligible and not note.strip():
        raise DomainError(_("Say why the application is not eligible."), field="note")
    target = AS.IN_REVIEW if eligible else AS.INELIGIBLE
    APPLICATION_TRANSITIONS.check(locked, target)
    screening, _created = Screening.objects.update_or_create(
        application=locked, defaults={"checks": checks, "eligible": eligible,
                                      "note": note.strip(), "screened_by": actor})
    transition(locked, to=target, table=APPLICATION_TRANSITIONS, actor=actor,
               action="grants.application.screened", fields=[],
               details={"checks": checks, "note": note.strip()})
    return screening


def _conflicted_by_affiliation(reviewer: User, application: Application) -> bool:
    return reviewer.affiliations.filter(community_id=application.community_id,
                                        status__in=["pending", "verified"]).exists()


def _check_reviewer(reviewer: User, application: Application) -> None:
    if not reviewer.network_roles.filter(network_id=application.call.network_id,
                                         role="reviewer").exists():
        raise DomainError(_("This person is not a reviewer of the network."), field="reviewer")
    if _conflicted_by_affiliation(reviewer, application):
        raise DomainError(_("A reviewer cannot review an application of their own community."),
                          field="reviewer")


@transaction.atomic
def review_assign(*, application: Application, reviewer: User, actor: User | None) -> Review:
    if actor is not None:
        require(actor, "grants.manage_call", application.call)
    locked = lock(Application, application.pk, select_related=JOINS)
    if locked.status not in Application.REVIEWABLE_STATUSES:
        raise DomainError(_("Only an application in review can be assigned."))
    _check_reviewer(reviewer, locked)
    review, created = Review.objects.get_or_create(application=locked, reviewer=reviewer,
                                                   defaults={"assigned_by": actor})
    if not created:
        raise DomainError(_("This reviewer is already assigned."), field="reviewer")
    Application.objects.filter(pk=locked.pk).update(
        reviewers_assigned=F("reviewers_assigned") + 1)
    audit.record(action="grants.review.assigned", actor=actor, target=locked,
                 data={"reviewer": reviewer.email})
    notify(recipient=reviewer, kind="grants.review.assigned", params={"review": review},
           url=review.get_absolute_url())
    return review


@transaction.atomic
def reviews_auto_assign(*, call: Call, actor: User, per_application: int) -> int:
    """Give every application in review `per_application` reviewers, each time choosing the
    eligible reviewer with the lightest load in this call (ties: the earliest account)."""
    require(actor, "grants.manage_call", call)
    if not 1 <= per_application <= 10:
        raise DomainError(_("Choose between 1 and 10 reviewers per application."),
                          field="per_application")
    reviewers = list(User.objects.filter(network_roles__network=call.network_id,
                                         network_roles__role="reviewer", is_active=True)
                     .annotate(load=Count("grant_reviews", filter=Q(
                         grant_reviews__application__call=call)
                         & ~Q(grant_reviews__status=RS.CONFLICT)))
                     .order_by("pk").distinct())
    load = {r.pk: r.load for r in reviewers}  # type: ignore[attr-defined]
    made = 0
    applications = (Application.objects
                    .filter(call=call, status__in=Application.REVIEWABLE_STATUSES)
                    .prefetch_related("reviews").order_by("pk"))
    for application in applications:
        taken = {r.reviewer_id for r in application.reviews.all()}
        active = sum(1 for r in application.reviews.all() if r.status != RS.CONFLICT)
        for reviewer in sorted(reviewers, key=lambda r: (load[r.pk], r.pk)):
            if active >= per_application:
                break
            if reviewer.pk in taken or _conflicted_by_affiliation(reviewer, application):
                continue
            review_assign(application=application, reviewer=reviewer, actor=actor)
            load[reviewer.pk] += 1
            active += 1
            made += 1
    return made


def _own_review(review: Review, actor: User) -> Review:
    """The reviewer's own review, locked; anyone else's is refused."""
    locked = lock(Review, review.pk, select_related=("application__call",))
    if locked.reviewer_id != actor.pk:
        raise PermissionDenied
    return locked


@transaction.atomic
def review_declare(*, review: Review, actor: User, conflict: bool, note: str = "") -> Review:
    """Before anything else the reviewer declares a conflict of interest (or none). A
    declared conflict removes them from the application."""
    locked = _own_review(review, actor)
    if conflict and not note.strip():
        raise DomainError(_("Describe the conflict of interest."), field="note")
    locked.conflict_note = note.strip()
    if conflict:  # stood down: the application needs another reviewer
        Application.objects.filter(pk=locked.application_id, reviewers_assigned__gt=0).update(
            reviewers_assigned=F("reviewers_assigned") - 1)
    officers = secretariat_officers(network=locked.application.call.network) if conflict else []
    transition(locked, to=RS.CONFLICT if conflict else RS.IN_PROGRESS, table=REVIEW_TRANSITIONS,
               actor=actor, action="grants.review.conflict_declared" if conflict
               else "grants.review.no_conflict", audit_target=locked.application,
               details={"reviewer": actor.email, "note": locked.conflict_note},
               notify=announce(officers, kind="grants.review.conflict",
                               params={"review": locked},
                               url=locked.application.get_absolute_url()))
    return locked


def _refresh_aggregates(application: Application) -> None:
    totals = list(application.reviews.filter(status=RS.SUBMITTED)
                  .values_list("total", flat=True))
    mean, spread = scoring.mean_and_spread([t for t in totals if t is not None])
    application.review_count = len(totals)
    application.score_mean, application.score_spread = mean, spread
    application.save(update_fields=["review_count", "score_mean", "score_spread", "updated_at"])


@transaction.atomic
def review_save(*, review: Review, actor: User, scores: dict[int, int], comment: str,
                submit: bool) -> Review:
    """Save the reviewer's scores (and comment); with `submit`, the review is final and the
    application's mean and spread are recomputed. Each reviewer writes only their own row,
    so two reviewers saving at once lose nothing."""
    locked = _own_review(review, actor)
    if locked.status != RS.IN_PROGRESS:
        raise DomainError(_("Declare your conflict of interest first, or this review is "
                            "already submitted."))
    criteria = list(locked.application.call.criteria.all())
    if not criteria:
        raise DomainError(_("The call has no rubric yet."))
    before = {s.criterion_id: s.value for s in locked.scores.all()}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None:
            if submit:
                raise DomainError(_("Score every criterion before submitting."),
                                  field=f"score_{criterion.pk}")
            continue
        if not 0 <= value <= criterion.scale_max:
            raise DomainError(_("A score of “%(name)s” must be between 0 and %(max)d.")
                              % {"name": criterion, "max": criterion.scale_max},
                              field=f"score_{criterion.pk}")
        Score.objects.update_or_create(review=locked, criterion=criterion,
                                       defaults={"value": value})
    locked.comment = comment.strip()
    values = {s.criterion_id: s.value for s in locked.scores.all()}
    if len(values) == len(criteria):
        locked.total = scoring.weighted_total(
            [(values[c.pk], c.scale_max, c.weight) for c in criteria])
    details = {"reviewer": actor.email, "scores_before": before, "scores": values,
               "total": str(locked.total) if locked.total is not None else None}
    if not submit:
        locked.save()
        audit.record(action="grants.review.saved", actor=actor, target=locked.application,
                     data=details)
        return locked
    locked.submitted_at = timezone.now()
    transition(locked, to=RS.SUBMITTED, table=REVIEW_TRANSITIONS, actor=actor,
               action="grants.review.submitted", audit_target=locked.application,
               details=details)
    _refresh_aggregates(lock(Application, locked.application_id))
    return locked


def awarded_total(call: Call) -> Decimal:
    return call.grants.aggregate(total=Sum("amount"))["total"] or Decimal("0")


def ranked(call: Call) -> list[Application]:
    """Applications in review or decided, best mean score first (unscored last)."""
    from django.db.models import F

    return list(Application.objects.filter(
        call=call, status__in=[*Application.REVIEWABLE_STATUSES, AS.AWARDED, AS.REJECTED])
        .order_by(F("score_mean").desc(nulls_last=True), "pk"))


def _rank_conflict(application: Application, outcome: str) -> bool:
    """Does this decision go against the ranking? (awarding below a rejected one, or
    rejecting above an awarded one)"""
    order = ranked(application.call)
    position = next((i for i, a in enumerate(order) if a.pk == application.pk), None)
    if position is None or application.score_mean is None:
        return False
    above, below = order[:position], order[position + 1:]
    if outcome == Determination.Outcome.AWARD:
        return any(a.status == AS.REJECTED and a.score_mean is not None
                   and a.score_mean > application.score_mean for a in above)
    if outcome == Determination.Outcome.REJECT:
        return any(a.status == AS.AWARDED and a.score_mean is not None
                   and a.score_mean < application.score_mean for a in below)
    return False


@transaction.atomic
def determination_record(*, application: Application, actor: User, outcome: str,
                         reason: str, amount: Decimal | None = None, justification: str = "",
                         expected_version: int | None = None) -> Determination:
    """Award (with an amount within the call's limits and the remaining envelope), reject,
    or ask for more information — always with a written reason, and with a justification
    when the decision goes against the ranking. The community gets a decision letter."""
    require(actor, "grants.manage_call", application.call)
    locked = lock(Application, application.pk, select_related=JOINS,
                  expected_version=expected_version)
    if not reason.strip():
        raise DomainError(_("Write the reason: it goes into the decision letter."),
                          field="reason")
    call = locked.call
    if outcome == Determination.Outcome.AWARD:
        if amount is None or not call.min_award <= amount <= call.max_award:
            raise DomainError(_("The amount must be between the call's minimum and maximum."),
                              field="amount")
        if amount > locked.amount_requested:
            raise DomainError(_("The amount cannot exceed what the community requested."),
                              field="amount")
        remaining = call.envelope - awarded_total(call)
        if amount > remaining:
            raise DomainError(_("Only %(remaining)s %(currency)s remain in the envelope.")
                              % {"remaining": numbers.amount(remaining), "currency": call.currency},
                              field="amount")
    target = {"award": AS.AWARDED, "reject": AS.REJECTED, "more_info": AS.MORE_INFO}.get(outcome)
    if target is None:
        raise DomainError(_("Choose a decision."), field="outcome")
    off_ranking = _rank_conflict(locked, outcome)
    if off_ranking and not justification.strip():
        raise DomainError(_("This decision differs from the ranking: record why."),
                          field="justification")
    order = [a.pk for a in ranked(call)]
    APPLICATION_TRANSITIONS.check(locked, target)
    determination = Determination.objects.create(
        application=locked, outcome=outcome, amount=amount if outcome == "award" else None,
        reason=reason.strip(), off_ranking_justification=justification.strip(),
        rank_at_decision=order.index(locked.pk) + 1 if locked.pk in order else None,
        decided_by=actor)
    if outcome == Determination.Outcome.AWARD:
        assert amount is not None
        Grant.objects.create(application=locked, call=call, community=locked.community,
                             amount=amount, currency=call.currency, awarded_at=timezone.now())
    elif outcome == Determination.Outcome.MORE_INFO:
        Clarification.objects.create(application=locked, question=reason.strip(),
                                     asked_by=actor)
    people = people_acting_for(locked.community_id)
    transition(locked, to=target, table=APPLICATION_TRANSITIONS, actor=actor,
               action=f"grants.application.{target}", fields=[],
               details={"amount": str(amount) if amount is not None else None,
                        "reason": reason.strip(), "off_ranking": off_ranking,
                        "justification": justification.strip()},
               notify=announce(people, kind="grants.application.decided", essential=True,
                               params={"application": locked, "determination": determination},
                               url=locked.get_absolute_url()),
               after_commit=[_letter(determination.pk, person.pk) for person in people])
    return determination


def _letter(determination_id: int, person_id: int) -> Callable[[], object]:
    from hamaynk.grants.tasks import send_decision_letter

    return lambda: send_decision_letter.enqueue(determination_id, person_id)
