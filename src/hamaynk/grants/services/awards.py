"""After the award: the tranche schedule, reports on the call's report forms and their
review, payments marked as made, reminders before report deadlines, and closure. A
completed grant makes the community eligible for the next stage (seed → development)."""

import datetime
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit, counts, numbers
from hamaynk.core.errors import DomainError
from hamaynk.core.files import discard_dropped
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import SAVED_ELSEWHERE, check_version, require
from hamaynk.grants.models import Grant, GrantReport, Tranche
from hamaynk.grants.services.calls import report_form
from hamaynk.grants.states import GRANT_TRANSITIONS, REPORT_TRANSITIONS, TRANCHE_TRANSITIONS
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.notifications.services import announce
from hamaynk.questionnaires.answers import (
    file_ids,
    missing_summary,
    validate_answers,
    visible_questions,
)
from hamaynk.questionnaires.services import store_file_answers

R, G = GrantReport.Status, Grant.Status
GRANT_JOINS = ("call__network",)
REPORT_JOINS = ("grant__call__network", "form_version")


@dataclass(frozen=True)
class TrancheInput:
    amount: Decimal
    due_date: datetime.date
    waits_for: str = ""


@transaction.atomic
def tranches_set(*, grant: Grant, actor: User, items: list[TrancheInput]) -> list[Tranche]:
    """Set the payment schedule: amounts adding up to the award, each possibly waiting for a
    report (created here, due on the tranche's date). Refused once a tranche is paid, and for
    a tranche due before the day of the award (in the network's zone); a refusal about one
    tranche names it as `field="<index in items>.<amount|due_date>"`."""
    require(actor, "grants.manage_call", grant.call)
    locked = lock(Grant, grant.pk, select_related=GRANT_JOINS)
    if locked.status != G.ACTIVE:
        raise DomainError(_("The grant is closed."))
    if locked.tranches.filter(status=Tranche.Status.PAID).exists():
        raise DomainError(_("A tranche is already paid: the schedule can no longer change."))
    awarded_on = timezone.localtime(
        locked.awarded_at, zoneinfo.ZoneInfo(locked.call.network.time_zone)).date()
    if not items:
        raise DomainError(_("Add at least one tranche."))
    total = sum((i.amount for i in items), Decimal("0"))
    if total != locked.amount:
        raise DomainError(_("The tranches add up to %(total)s; the grant is %(amount)s.")
                          % {"total": numbers.amount(total),
                             "amount": numbers.amount(locked.amount)})
    for index, item in enumerate(items):
        if item.amount <= 0:
            raise DomainError(_("Every tranche needs a positive amount."),
                              field=f"{index}.amount")
        # A secretariat schedules payments from the award on: a date before it (2020) is a typo.
        if item.due_date < awarded_on:
            raise DomainError(_("A tranche cannot fall due before the grant was awarded "
                                "(%(date)s).") % {"date": date_format(awarded_on,
                                                                      "DATE_FORMAT")},
                              field=f"{index}.due_date")
    before = [[str(t.amount), t.due_date.isoformat(), t.waits_for]
              for t in locked.tranches.all()]
    old_reports = [t.report_id for t in locked.tranches.all() if t.report_id]
    locked.tranches.all().delete()
    GrantReport.objects.filter(pk__in=old_reports, status=R.DUE).delete()
    counts.changed(Tranche)  # deletes are not followed by themselves (core/counts.py)
    counts.changed(GrantReport)
    created = []
    for order, item in enumerate(sorted(items, key=lambda i: i.due_date), start=1):
        report = None
        if item.waits_for:
            report = GrantReport.objects.create(
                grant=locked, purpose=item.waits_for, due_date=item.due_date,
                form_version=report_form(locked.call, item.waits_for))
        created.append(Tranche.objects.create(grant=locked, order=order, amount=item.amount,
                                              due_date=item.due_date, waits_for=item.waits_for,
                                              report=report))
    audit.record(action="grants.grant.schedule_set", actor=actor, target=locked,
                 data={"before": before, "after": [[str(t.amount), t.due_date.isoformat(),
                                                    t.waits_for] for t in created]})
    return created


@transaction.atomic
def report_save(*, report: GrantReport, actor: User, answers: dict[str, Any],
                expected_version: int | None,
                uploads: Mapping[str, UploadedFile] | None = None) -> GrantReport:
    """Merge one section's answers and its new `uploads` (by question key; stored here,
    after the checks, so a refused save stores nothing) into the report. Refused
    (`StaleVersion`, nothing written) when the report moved on from `expected_version`, the
    version the page was rendered on, unless the save changes nothing."""
    require(actor, "grants.prepare_application", report.grant.application)
    locked = lock(GrantReport, report.pk, select_related=REPORT_JOINS)
    if locked.status not in (R.DUE, R.RETURNED):
        raise DomainError(_("This report can no longer be changed."))
    definition = locked.form_version.parsed
    if uploads:  # a new file always changes the answers
        check_version(locked, expected_version, SAVED_ELSEWHERE)
        answers = {**answers, **store_file_answers(uploads=uploads, owner=locked, actor=actor)}
    merged = {**locked.answers, **answers}
    visible = {q.key for q in visible_questions(definition, merged)}
    merged = {k: v for k, v in merged.items() if k in visible and v not in (None, "")}
    if merged == locked.answers:
        return locked
    check_version(locked, expected_version, SAVED_ELSEWHERE)
    if locked.status == R.DUE:  # never submitted: a replaced file is no evidence, it goes
        discard_dropped(before=file_ids(locked.answers),
                        after=file_ids(merged), actor=actor, owner=locked)
    changed = sorted(k for k in set(merged) | set(locked.answers)
                     if merged.get(k) != locked.answers.get(k))
    locked.answers = merged
    return record_change(locked, actor=actor, action="grants.report.saved",
                         audit_target=locked.grant,
                         details={"report": locked.pk, "questions": changed}, fields=["answers"])


@transaction.atomic
def report_submit(*, report: GrantReport, actor: User) -> GrantReport:
    require(actor, "grants.prepare_application", report.grant.application)
    locked = lock(GrantReport, report.pk, select_related=REPORT_JOINS)
    definition = locked.form_version.parsed
    problems = validate_answers(definition, locked.answers)
    missing = missing_summary(definition, locked.answers, actor.preferred_language)
    if problems or missing:
        raise DomainError(_("The report is not complete: %(items)s") % {"items": "; ".join(
            [label for _s, _k, label in missing] + [m for ms in problems.values() for m in ms])})
    locked.submitted_at, locked.submitted_by = timezone.now(), actor
    transition(locked, to=R.SUBMITTED, table=REPORT_TRANSITIONS, actor=actor,
               action="grants.report.submitted", audit_target=locked.grant,
               details={"report": locked.pk, "purpose": locked.purpose},
               notify=announce(secretariat_officers(network=locked.grant.call.network),
                               kind="grants.report.submitted",
                               params={"report": locked}, url=locked.get_absolute_url()))
    return locked


@transaction.atomic
def report_decide(*, report: GrantReport, actor: User, accept: bool,
                  message: str = "") -> GrantReport:
    require(actor, "grants.manage_call", report.grant.call)
    locked = lock(GrantReport, report.pk, select_related=REPORT_JOINS)
    if not accept and not message.strip():
        raise DomainError(_("Write what the community should change."), field="message")
    REPORT_TRANSITIONS.check(locked, R.ACCEPTED if accept else R.RETURNED)
    locked.reviewed_by, locked.reviewed_at = actor, timezone.now()
    locked.message = message.strip()
    transition(locked, to=R.ACCEPTED if accept else R.RETURNED, table=REPORT_TRANSITIONS,
               actor=actor, action="grants.report.accepted" if accept else "grants.report.returned",
               audit_target=locked.grant, details={"report": locked.pk, "message": locked.message},
               notify=announce(people_acting_for(locked.grant.community_id),
                               kind="grants.report.decided", essential=True,
                               params={"report": locked}, url=locked.get_absolute_url()))
    return locked


@transaction.atomic
def tranche_pay(*, tranche: Tranche, actor: User, reference: str = "") -> Tranche:
    """Mark a tranche as paid — only once the report it waits for is accepted."""
    require(actor, "grants.manage_call", tranche.grant.call)
    # the report is a nullable join: lock only the tranche row (PostgreSQL refuses otherwise)
    locked = lock(Tranche, tranche.pk, select_related=("report", "grant"), of=("self",))
    if locked.status == Tranche.Status.PAID:
        raise DomainError(_("This tranche is already paid."))
    if locked.report is not None and locked.report.status != R.ACCEPTED:
        raise DomainError(_("This tranche waits for its report to be accepted."))
    locked.paid_at, locked.paid_by = timezone.now(), actor
    locked.payment_reference = reference.strip()
    transition(locked, to=Tranche.Status.PAID, table=TRANCHE_TRANSITIONS, actor=actor,
               action="grants.tranche.paid", audit_target=locked.grant,
               details={"tranche": locked.order, "amount": str(locked.amount),
                        "reference": locked.payment_reference},
               notify=announce(people_acting_for(locked.grant.community_id),
                               kind="grants.tranche.paid", essential=True,
                               params={"tranche": locked}, url=locked.grant.get_absolute_url()))
    return locked


def closure_problems(grant: Grant) -> list[str]:
    problems = []
    if not grant.tranches.exists():
        problems.append(_("There is no payment schedule."))
    if grant.tranches.exclude(status=Tranche.Status.PAID).exists():
        problems.append(_("Not every tranche is paid."))
    if grant.reports.exclude(status=R.ACCEPTED).exists():
        problems.append(_("Not every report is accepted."))
    return problems


@transaction.atomic
def grant_close(*, grant: Grant, actor: User) -> Grant:
    """Close a grant whose tranches are all paid and reports all accepted. The community
    then counts as having completed this stage (eligibility for the next one)."""
    require(actor, "grants.manage_call", grant.call)
    locked = lock(Grant, grant.pk, select_related=GRANT_JOINS)
    problems = closure_problems(locked)
    if problems:
        raise DomainError(" ".join(problems))
    transition(locked, to=G.COMPLETED, table=GRANT_TRANSITIONS, actor=actor,
               action="grants.grant.completed", fields=[])
    return locked


def send_report_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the community 7 days before a report is due (once), and again when overdue."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    due = (GrantReport.objects.filter(status__in=[R.DUE, R.RETURNED],
                                      due_date__lte=today + datetime.timedelta(days=7))
           .select_related("grant__call", "grant__community"))
    for report in due:
        if report.reminded_at and (report.due_date >= today
                                   or timezone.localdate(report.reminded_at) > report.due_date):
            continue
        with transaction.atomic():
            locked = lock(GrantReport, report.pk, select_related=REPORT_JOINS)
            locked.reminded_at = now
            locked.save(update_fields=["reminded_at", "updated_at"])
            announce(people_acting_for(locked.grant.community_id), kind="grants.report.reminder",
                     essential=True,
                     params={"report": locked, "overdue": locked.due_date < today},
                     url=locked.get_absolute_url())()
        sent += 1
    return sent
