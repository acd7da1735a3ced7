import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.grants import eligibility, services
from hamaynk.grants.models import Grant, GrantReport
from hamaynk.grants.tests.conftest import call_values
from hamaynk.grants.tests.test_review import in_review  # noqa: F401
from hamaynk.notifications.models import Notification

pytestmark = pytest.mark.django_db


def first_due(grant):
    """A month after the award: the schedule follows the award, whatever day the suite runs."""
    return grant.awarded_at.date() + datetime.timedelta(days=30)


@pytest.fixture
def grant(world, in_review) -> Grant:  # noqa: F811
    services.determination_record(application=in_review, actor=world.secretariat,
                                  outcome="award", amount=Decimal("12000"), reason="ok")
    return Grant.objects.get()


def schedule(world, grant):
    return services.tranches_set(grant=grant, actor=world.secretariat, items=[
        services.TrancheInput(Decimal("6000"), first_due(grant)),
        services.TrancheInput(Decimal("6000"), first_due(grant) + datetime.timedelta(days=180),
                              "progress")])



def ready_to_close(world, grant):
    """Both tranches paid, the report between them accepted: the grant may be closed."""
    first, second = schedule(world, grant)
    services.report_save(report=second.report, actor=world.staff, answers={"progress": "x"},
                         expected_version=second.report.version)
    services.report_submit(report=second.report, actor=world.staff)
    services.report_decide(report=second.report, actor=world.secretariat, accept=True)
    for tranche in (first, second):
        services.tranche_pay(tranche=tranche, actor=world.secretariat)

def test_schedule_must_add_up_to_the_award(world, grant):
    with pytest.raises(DomainError, match="add up"):
        services.tranches_set(grant=grant, actor=world.secretariat,
                              items=[services.TrancheInput(Decimal("5000"), first_due(grant))])
    tranches = schedule(world, grant)
    assert [t.report is not None for t in tranches] == [False, True]
    assert tranches[1].report.form_version.purpose == "progress"


def test_a_tranche_due_before_the_award_is_refused_and_named(world, grant):
    before = grant.awarded_at.date() - datetime.timedelta(days=400)
    with pytest.raises(DomainError, match="before the grant was awarded") as refused:
        services.tranches_set(grant=grant, actor=world.secretariat, items=[
            services.TrancheInput(Decimal("6000"), first_due(grant)),
            services.TrancheInput(Decimal("6000"), before)])
    assert refused.value.field == "1.due_date"
    assert not grant.tranches.exists()


def test_the_schedule_refusal_writes_amounts_as_the_language_does(world, grant):
    from django.utils import translation

    with translation.override("hy"), pytest.raises(DomainError, match="5\xa0000,00"):
        services.tranches_set(grant=grant, actor=world.secretariat,
                              items=[services.TrancheInput(Decimal("5000"), first_due(grant))])
    with pytest.raises(DomainError, match="5,000.00; the grant is 12,000.00"):
        services.tranches_set(grant=grant, actor=world.secretariat,
                              items=[services.TrancheInput(Decimal("5000"), first_due(grant))])


def test_a_refused_schedule_comes_back_as_typed_with_the_error_beside_the_date(
        client, world, grant):
    client.force_login(world.secretariat)
    response = client.post(reverse("grants:grant", args=[grant.pk]), {
        "tranches-TOTAL_FORMS": "3", "tranches-INITIAL_FORMS": "0",
        "tranches-0-amount": "6000", "tranches-0-due_date": "2020-05-01",
        "tranches-1-amount": "6000",
        "tranches-1-due_date": first_due(grant).isoformat()})
    assert response.status_code == 200
    forms = response.context["formset"].forms
    assert forms[0]["due_date"].value() == "2020-05-01" and forms[0]["amount"].value() == "6000"
    assert forms[0].errors["due_date"]
    assert "<details class=\"reason mt-l\" open>" in response.content.decode()
    assert not grant.tranches.exists()


def test_tranche_waits_for_its_report(world, grant):
    first, second = schedule(world, grant)
    services.tranche_pay(tranche=first, actor=world.secretariat, reference="PP-1")
    with pytest.raises(DomainError, match="report"):
        services.tranche_pay(tranche=second, actor=world.secretariat)
    with pytest.raises(DomainError):  # the schedule is fixed once something is paid
        schedule(world, grant)
    report = second.report
    with pytest.raises(DomainError, match="not complete"):
        services.report_submit(report=report, actor=world.staff)
    services.report_save(report=report, actor=world.staff, answers={"progress": "Կառուցվեց"},
                         expected_version=report.version)
    services.report_submit(report=report, actor=world.staff)
    with pytest.raises(DomainError):
        services.report_decide(report=report, actor=world.secretariat, accept=False, message="")
    services.report_decide(report=report, actor=world.secretariat, accept=True)
    services.tranche_pay(tranche=second, actor=world.secretariat, reference="PP-2")
    assert AuditEntry.objects.filter(action="grants.tranche.paid").count() == 2


def test_closing_a_seed_grant_opens_the_development_stage(world, grant):
    development = services.call_create(network=world.network, actor=world.secretariat,
                                       **call_values(slug="development", kind="development",
                                                     requires_completed_kind="seed"))
    assert not eligibility.is_eligible(development, world.akunk)
    with pytest.raises(DomainError):
        services.grant_close(grant=grant, actor=world.secretariat)
    ready_to_close(world, grant)
    services.grant_close(grant=grant, actor=world.secretariat)
    grant.refresh_from_db()
    assert grant.status == "completed"
    assert eligibility.is_eligible(development, world.akunk)


def test_report_reminders_a_week_before_and_when_overdue(world, grant, time_machine):
    schedule(world, grant)
    report = GrantReport.objects.get()
    due = report.due_date
    time_machine.move_to(datetime.datetime.combine(due - datetime.timedelta(days=10),
                                                   datetime.time(9), tzinfo=datetime.UTC))
    assert services.send_report_reminders() == 0
    time_machine.move_to(datetime.datetime.combine(due - datetime.timedelta(days=7),
                                                   datetime.time(9), tzinfo=datetime.UTC))
    assert services.send_report_reminders() == 1
    assert services.send_report_reminders() == 0
    time_machine.move_to(datetime.datetime.combine(due + datetime.timedelta(days=1),
                                                   datetime.time(9), tzinfo=datetime.UTC))
    assert services.send_report_reminders() == 1
    assert services.send_report_reminders() == 0
    assert Notification.objects.filter(kind="grants.report.reminder",
                                       recipient=world.head).count() == 2


def test_grant_pages(client, world, grant):
    schedule(world, grant)
    url = reverse("grants:grant", args=[grant.pk])
    for user, status in ((world.other_head, 404), (world.reviewer, 404), (world.staff, 200),
                         (world.secretariat, 200)):
        client.force_login(user)
        assert client.get(url).status_code == status
    client.force_login(world.staff)
    pdf = client.get(reverse("grants:grant_agreement", args=[grant.pk]) + "?lang=hy")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Ակունք" in text and "տասներկու հազար" in text
    report = GrantReport.objects.get()
    response = client.post(reverse("grants:report", args=[report.pk]),
                           {"progress": "Աշխատանքները ավարտվեցին", "submit": "1",
                            "draft-version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"
    client.force_login(world.secretariat)
    client.post(reverse("grants:report", args=[report.pk]), {"decide": "accept", "text": ""})
    report.refresh_from_db()
    assert report.status == "accepted"


def test_closing_a_grant_asks_to_confirm_and_says_what_follows(client, world, grant):
    ready_to_close(world, grant)
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    url = reverse("grants:grant_action", args=[grant.pk, "close"])
    page = client.post(url).content.decode()
    assert "no payment or report can be recorded" in page
    grant.refresh_from_db()
    assert grant.status == "active"
    assert client.post(url, {"confirmed": "yes"}).status_code == 302
    grant.refresh_from_db()
    assert grant.status == "completed"
