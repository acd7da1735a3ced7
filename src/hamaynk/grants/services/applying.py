"""A community applies: starts an application (only if eligible and the call is open),
answers section by section (saved as it types), fills the budget table, and — the head —
submits before the closing moment. The secretariat may ask for clarification."""

import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit, numbers
from hamaynk.core.errors import DomainError
from hamaynk.core.files import discard_dropped
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import SAVED_ELSEWHERE, check_version, require
from hamaynk.grants import eligibility
from hamaynk.grants.models import Application, BudgetCategory, BudgetLine, Call, Clarification
from hamaynk.grants.states import APPLICATION_TRANSITIONS
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.notifications.services import announce
from hamaynk.questionnaires.answers import (
    file_ids,
    missing_summary,
    validate_answers,
    visible_questions,
)
from hamaynk.questionnaires.services import store_file_answers

AS = Application.Status
JOINS = ("call__network", "form_version", "community")


@transaction.atomic
def application_start(*, call: Call, community: Community, actor: User) -> Application:
    require(actor, "grants.prepare_application", community)
    if not call.is_open():
        raise DomainError(_("This call is not open for applications."))
    failed = [r.message for r in eligibility.check(call, community) if not r.ok]
    if failed:
        raise DomainError(_("%(community)s is not eligible: %(reasons)s")
                          % {"community": community.name, "reasons": " ".join(failed)})
    form = call.current_form
    assert form is not None and form.frozen
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call, community=community, form_version=form, created_by=actor,
                language=actor.preferred_language)
    except IntegrityError as exc:
        raise DomainError(_("%(community)s already has an application to this call.")
                          % {"community": community.name}) from exc
    audit.record(action="grants.application.started", actor=actor, target=application)
    return application


def _editable(application: Application) -> None:
    if application.status != AS.DRAFT:
        raise DomainError(_("A submitted application can no longer be changed."))
    if not application.call.is_open():
        raise DomainError(_("The call is closed: the application can no longer be changed."))


@transaction.atomic
def application_save_section(*, application: Application, actor: User,
                             answers: dict[str, Any],
                             expected_version: int | None,
                             uploads: Mapping[str, UploadedFile] | None = None) -> Application:
    """Merge the answers of one section (already cleaned by the section form) and its new
    `uploads` (by question key; stored here, after the checks, so a refused save stores
    nothing) into the draft. Hidden questions' answers are dropped.
    Refused (`StaleVersion`, nothing written) when the application moved on from
    `expected_version`, the version the page was rendered on — unless the save changes
    nothing, when there is nothing to lose. The returned application carries the new
    version for the page's next save."""
    require(actor, "grants.prepare_application", application)
    locked = lock(Application, application.pk, select_related=JOINS)
    _editable(locked)
    definition = locked.form_version.parsed
    if uploads:  # a new file always changes the answers
        check_version(locked, expected_version, SAVED_ELSEWHERE)
        answers = {**answers, **store_file_answers(uploads=uploads, owner=locked, actor=actor)}
    merged = {**locked.answers, **answers}
    visible = {q.key for q in visible_questions(definition, merged)}
    merged = {k: v for k, v in merged.items() if k in visible and v not in (None, "", [])}
    changed = sorted(k for k in set(merged) | set(locked.answers)
                     if merged.get(k) != locked.answers.get(k))
    if not changed:
        return locked
    check_version(locked, expected_version, SAVED_ELSEWHERE)
    # A draft's replaced or hidden file answers are no evidence: they go.
    discard_dropped(before=file_ids(locked.answers), after=file_ids(merged),
                    actor=actor, owner=locked)
    locked.answers = merged
    locked.title = str(merged.get("title", ""))[:300]
    return record_change(locked, actor=actor, action="grants.application.answers_changed",
                         details={"questions": changed}, fields=["answers", "title"])


def _recompute_totals(application: Application) -> None:
    sums = application.budget_lines.aggregate(requested=Sum("requested"),
                                              own=Sum("own_contribution"))
    application.amount_requested = sums["requested"] or Decimal("0")
    application.own_contribution = sums["own"] or Decimal("0")


def _line_data(line: BudgetLine) -> dict[str, str]:
    return {"category": str(line.category_id), "description": line.description,
            "requested": str(line.requested), "own_contribution": str(line.own_contribution)}


@transaction.atomic
def budget_line_save(*, application: Application, actor: User, category: BudgetCategory,
                     description: str, requested: Decimal, own_contribution: Decimal,
                     line: BudgetLine | None = None,
                     client_token: uuid.UUID | None = None) -> BudgetLine:
    """Add or change one budget line; the application's totals follow. Audited with
    before/after. An addition carrying the `client_token` of an earlier one (the same form
    posted twice) returns the line that one added and changes nothing."""
    require(actor, "grants.prepare_application", application)
    locked = lock(Application, application.pk, select_related=JOINS)
    _editable(locked)
    if line is None and client_token is not None:
        added = locked.budget_lines.filter(client_token=client_token).first()
        if added is not None:
            return added
    if category.call_id != locked.call_id:
        raise DomainError(_("Choose a category of this call."), field="category")
    if requested < 0 or own_contribution < 0:
        raise DomainError(_("Amounts cannot be negative."), field="requested")
    before = None
    if line is None:
        line = BudgetLine(application=locked, order=locked.budget_lines.count() + 1,
                          client_token=client_token)
    else:
        if line.application_id != locked.pk:
            raise DomainError(_("There is no such budget line."))
        before = _line_data(line)
    line.category, line.description = category, description.strip()
    line.requested, line.own_contribution = requested, own_contribution
    try:
        with transaction.atomic():
            line.save()
    except IntegrityError:  # the row lock makes this unreachable; the constraint is the floor
        return locked.budget_lines.get(client_token=client_token)
    _recompute_totals(locked)
    record_change(locked, actor=actor, action="grants.application.budget_changed",
                  details={"line": line.pk, "before": before, "after": _line_data(line),
                           "requested_total": str(locked.amount_requested)},
                  fields=["amount_requested", "own_contribution"])
    return line


@transaction.atomic
def budget_line_delete(*, application: Application, actor: User, line_id: int) -> None:
    require(actor, "grants.prepare_application", application)
    locked = lock(Application, application.pk, select_related=JOINS)
    _editable(locked)
    line = locked.budget_lines.filter(pk=line_id).first()
    if line is None:
        raise DomainError(_("There is no such budget line."))
    before = _line_data(line)
    line.delete()
    _recompute_totals(locked)
    record_change(locked, actor=actor, action="grants.application.budget_changed",
                  details={"line": line_id, "before": before, "after": None,
                           "requested_total": str(locked.amount_requested)},
                  fields=["amount_requested", "own_contribution"])


def budget_problems(application: Application) -> list[str]:
    """The budget against the call's limits: requested amount and co-financing share."""
    call, problems = application.call, []
    if not application.budget_lines.exists():
        return [_("Add at least one budget line.")]
    requested = application.amount_requested
    def money(value: Decimal) -> str:
        return f"{numbers.amount(value)} {call.currency}"

    if requested < call.min_award:
        problems.append(_("The amount requested (%(amount)s) is below the call's minimum "
                          "(%(limit)s).") % {"amount": money(requested),
                                             "limit": money(call.min_award)})
    if requested > call.max_award:
        problems.append(_("The amount requested (%(amount)s) is above the call's maximum "
                          "(%(limit)s).") % {"amount": money(requested),
                                             "limit": money(call.max_award)})
    if call.min_cofinancing_pct and application.total_cost:
        share = application.own_contribution * 100 / application.total_cost
        if share < call.min_cofinancing_pct:
            problems.append(_("Co-financing is %(share)s%% of the total; the call asks for at "
                              "least %(min)s%%.") % {"share": f"{share:.1f}",
                                                    "min": f"{call.min_cofinancing_pct:g}"})
    return problems


def submission_problems(application: Application, *, missing: bool = True) -> list[str]:
    """Everything that stops a submission, in plain words: missing or invalid answers and
    the budget against the call's limits. `missing=False` leaves the unanswered questions
    out, for a page that lists them itself (with links to their fields)."""
    definition = application.form_version.parsed
    unanswered = missing_summary(definition, application.answers, application.language)
    missing_keys = {key for _section, key, _label in unanswered}
    problems = [_("%(question)s: not answered.") % {"question": label}
                for _section, _key, label in unanswered] if missing else []
    for key, messages in validate_answers(definition, application.answers).items():
        if key not in missing_keys:
            problems += messages
    if any(q.type == "budget" for s in definition.sections for q in s.questions):
        problems += budget_problems(application)
    return problems


@transaction.atomic
def application_submit(*, application: Application, actor: User,
                       expected_version: int | None) -> Application:
    """The community head submits. Refused at or after the closing moment (in the
    network's time zone, to the second), when anything is missing, or when the budget is
    outside the call's limits. Sends a confirmation with a PDF copy after commit."""
    require(actor, "grants.submit_application", application)
    locked = lock(Application, application.pk, select_related=JOINS,
                  expected_version=expected_version)
    if not locked.call.is_open():
        raise DomainError(_("The call closed at %(moment)s: submissions are no longer "
                            "accepted.") % {"moment": timezone.localtime(
                                locked.call.closes_at).strftime("%Y-%m-%d %H:%M:%S")})
    problems = submission_problems(locked)
    if problems:
        raise DomainError(_("The application is not complete yet: %(problems)s")
                          % {"problems": " ".join(problems)})
    APPLICATION_TRANSITIONS.check(locked, AS.SUBMITTED)
    locked.submitted_by, locked.submitted_at = actor, timezone.now()
    people = people_acting_for(locked.community_id)
    transition(locked, to=AS.SUBMITTED, table=APPLICATION_TRANSITIONS, actor=actor,
               action="grants.application.submitted",
               details={"amount_requested": str(locked.amount_requested)},
               notify=[announce(people, kind="grants.application.submitted", essential=True,
                                params={"application": locked},
                                url=locked.get_absolute_url()),
                       announce(secretariat_officers(network=locked.call.network),
                                kind="grants.application.received",
                                params={"application": locked},
                                url=locked.get_absolute_url())],
               after_commit=[_send_copy(locked.pk, person.pk) for person in people])
    return locked


def _send_copy(application_id: int, recipient_id: int) -> Callable[[], object]:
    from hamaynk.grants.tasks import send_submission_copy

    return lambda: send_submission_copy.enqueue(application_id, recipient_id)


@transaction.atomic
def application_withdraw(*, application: Application, actor: User) -> Application:
    require(actor, "grants.prepare_application", application)
    locked = lock(Application, application.pk, select_related=JOINS)
    if not locked.call.is_open():
        raise DomainError(_("The call is closed: the application can no longer be withdrawn."))
    transition(locked, to=AS.WITHDRAWN, table=APPLICATION_TRANSITIONS, actor=actor,
               action="grants.application.withdrawn")
    return locked


@transaction.atomic
def clarification_ask(*, application: Application, actor: User, question: str) -> Clarification:
    require(actor, "grants.ask_clarification", application)
    if not question.strip():
        raise DomainError(_("Write your question."), field="question")
    asked = Clarification.objects.create(application=application, question=question.strip(),
                                         asked_by=actor)
    audit.record(action="grants.clarification.asked", actor=actor, target=application,
                 data={"clarification": asked.pk})
    announce(people_acting_for(application.community_id), kind="grants.clarification.asked",
             essential=True,
             params={"application": application, "clarification": asked},
             url=application.get_absolute_url())()
    return asked


@transaction.atomic
def clarification_answer(*, clarification: Clarification, actor: User,
                         answer: str) -> Clarification:
    require(actor, "grants.prepare_application", clarification.application)
    locked = lock(Clarification, clarification.pk)
    if locked.answered_at:
        raise DomainError(_("This question is already answered."))
    if not answer.strip():
        raise DomainError(_("Write your answer."), field="answer")
    locked.answer, locked.answered_by, locked.answered_at = answer.strip(), actor, timezone.now()
    locked.save()
    application = lock(Application, locked.application_id, select_related=JOINS)
    locked.application = application
    notice = announce(secretariat_officers(network=application.call.network),
                      kind="grants.clarification.answered",
                      params={"application": application, "clarification": locked},
                      url=application.get_absolute_url())
    if application.status == AS.MORE_INFO:  # the answer brings the proposal back to review
        transition(application, to=AS.IN_REVIEW, table=APPLICATION_TRANSITIONS, actor=actor,
                   action="grants.clarification.answered", details={"clarification": locked.pk},
                   fields=[], notify=notice)
    else:
        audit.record(action="grants.clarification.answered", actor=actor, target=application,
                     data={"clarification": locked.pk})
        notice()
    return locked
