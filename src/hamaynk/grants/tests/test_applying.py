import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.grants import eligibility, services
from hamaynk.grants.models import Application, Call, Grant
from hamaynk.grants.tests.conftest import call_values, fill
from hamaynk.networks.models import Membership

pytestmark = pytest.mark.django_db
YEREVAN = ZoneInfo("Asia/Yerevan")


def test_eligibility_rules_are_data(world, open_call):
    open_call.eligible_statuses = ["junior", "acting"]
    open_call.requires_completed_kind = "seed"
    open_call.save()
    rules = {r.code: r.ok for r in eligibility.check(open_call, world.akunk)}
    assert rules == {"membership": False, "country": True, "previous_stage": False}
    Membership.objects.create(network=world.network, community=world.akunk, status="junior")
    previous = services.call_create(network=world.network, actor=world.secretariat,
                                    **call_values(slug="seed-2025"))
    application = Application.objects.create(call=previous, community=world.akunk,
                                             form_version=previous.current_form)
    Grant.objects.create(application=application, call=previous, community=world.akunk,
                         amount=1, currency="USD", awarded_at=previous.opens_at,
                         status="completed")
    assert eligibility.is_eligible(open_call, world.akunk)


def test_an_ineligible_community_cannot_start(world, open_call):
    open_call.eligible_countries = ["MD"]
    open_call.save()
    with pytest.raises(DomainError, match="not eligible"):
        services.application_start(call=open_call, community=world.akunk, actor=world.staff)
    assert not Application.objects.exists()


def test_one_application_per_community_and_call(world, draft):
    with pytest.raises(DomainError):
        services.application_start(call=draft.call, community=world.akunk, actor=world.head)
    assert Application.objects.count() == 1


@pytest.mark.parametrize("who", ["other_head", "reviewer", "coach", "outsider", "pending",
                                 "secretariat"])
def test_only_the_communitys_people_start(world, open_call, who):
    with pytest.raises(PermissionDenied):
        services.application_start(call=open_call, community=world.akunk,
                                   actor=getattr(world, who))


def test_answers_are_saved_typed_and_audited(world, draft):
    application = fill(world, draft)
    assert application.title == "Ակունքի գյուղատնտեսական կոոպերատիվ"
    assert (application.amount_requested, application.own_contribution,
            application.total_cost) == (Decimal("15000"), Decimal("2000"), Decimal("17000"))
    changed = AuditEntry.objects.filter(action="grants.application.budget_changed").get()
    assert changed.data["after"]["requested"] == "15000.00" or \
        changed.data["after"]["requested"] == "15000"


def test_missing_answers_are_listed_before_submitting(world, draft):
    problems = services.submission_problems(draft)
    assert any("title" in p.casefold() or "Նախագծի" in p for p in problems)
    assert "Add at least one budget line." in problems


@pytest.mark.parametrize(("requested", "own", "problem"), [
    ("4000", "1000", "below the call's minimum"), ("25000", "5000", "above the call's maximum"),
    ("15000", "500", "Co-financing is 3.2%")])
def test_budget_is_checked_against_the_call(world, draft, requested, own, problem):
    application = fill(world, draft, requested=requested, own=own)
    assert any(problem in p for p in services.budget_problems(application))
    with pytest.raises(DomainError, match="not complete"):
        services.application_submit(application=application, actor=world.head,
                                    expected_version=None)


def test_only_the_head_submits(world, draft):
    application = fill(world, draft)
    with pytest.raises(PermissionDenied):
        services.application_submit(application=application, actor=world.staff,
                                    expected_version=None)
    services.application_submit(application=application, actor=world.head,
                                expected_version=application.version)
    application.refresh_from_db()
    assert application.status == "submitted" and application.submitted_by == world.head


def test_submission_sends_a_pdf_copy(world, draft, mailoutbox,
                                     django_capture_on_commit_callbacks):
    application = fill(world, draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, actor=world.head,
                                    expected_version=None)
    copies = [m for m in mailoutbox if m.attachments]
    assert {m.to[0] for m in copies} == {world.head.email, world.staff.email}
    name, content, mime = copies[0].attachments[0]
    assert mime == "application/pdf" and content.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(content)).pages)
    assert "Ակունքի գյուղատնտեսական կոոպերատիվ" in text


def _deadline(open_call: Call) -> datetime.datetime:
    """Midnight in Yerevan ten days from now (the test's own 'now', whatever today is)."""
    day = (timezone.now().astimezone(YEREVAN) + datetime.timedelta(days=10)).date()
    closes = datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=YEREVAN)
    Call.objects.filter(pk=open_call.pk).update(closes_at=closes)
    return closes


def test_submission_at_235959_yerevan_is_accepted(world, draft, time_machine):
    closes = _deadline(draft.call)
    application = fill(world, draft)
    time_machine.move_to(closes - datetime.timedelta(seconds=1))
    draft.call.refresh_from_db()
    services.application_submit(application=application, actor=world.head,
                                expected_version=None)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_submission_at_000000_yerevan_is_refused(world, draft, time_machine):
    closes = _deadline(draft.call)
    application = fill(world, draft)
    time_machine.move_to(closes)
    with pytest.raises(DomainError, match="closed"):
        services.application_submit(application=application, actor=world.head,
                                    expected_version=None)
    application.refresh_from_db()
    assert application.status == "draft"


def test_withdraw_before_the_deadline_only(world, draft, time_machine):
    closes = _deadline(draft.call)
    time_machine.move_to(closes + datetime.timedelta(minutes=1))
    with pytest.raises(DomainError):
        services.application_withdraw(application=draft, actor=world.staff)
    time_machine.move_to(closes - datetime.timedelta(days=1))
    services.application_withdraw(application=draft, actor=world.staff)
    draft.refresh_from_db()
    assert draft.status == "withdrawn"


def test_stale_submission_is_refused(world, draft):
    application = fill(world, draft)
    with pytest.raises(DomainError, match="changed"):
        services.application_submit(application=application, actor=world.head,
                                    expected_version=application.version - 1)


def test_clarification_round_trip(world, draft):
    asked = services.clarification_ask(application=draft, actor=world.secretariat,
                                       question="Ո՞վ է նախագծի ղեկավարը")
    with pytest.raises(PermissionDenied):
        services.clarification_ask(application=draft, actor=world.head, question="x")
    services.clarification_answer(clarification=asked, actor=world.staff, answer="Աննան")
    with pytest.raises(DomainError):
        services.clarification_answer(clarification=asked, actor=world.staff, answer="again")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # reset by hand
@given(lines=st.lists(st.tuples(st.decimals(min_value=0, max_value=50000, places=2),
                                st.decimals(min_value=0, max_value=50000, places=2)),
                      min_size=1, max_size=5))
def test_budget_totals_are_the_sums_of_the_lines(world, open_call, lines):
    Application.objects.all().delete()
    application = services.application_start(call=open_call, community=world.akunk,
                                             actor=world.staff)
    category = open_call.budget_categories.first()
    for requested, own in lines:
        services.budget_line_save(application=application, actor=world.staff,
                                  category=category, description="x", requested=requested,
                                  own_contribution=own)
    application.refresh_from_db()
    assert application.amount_requested == sum(r for r, _ in lines)
    assert application.own_contribution == sum(o for _, o in lines)
    assert application.total_cost == application.amount_requested + application.own_contribution
    problems = services.budget_problems(application)
    within = open_call.min_award <= application.amount_requested <= open_call.max_award
    assert within == (not any("award" in p or "minimum" in p or "maximum" in p
                              for p in problems))
