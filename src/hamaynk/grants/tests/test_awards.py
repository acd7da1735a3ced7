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
TODAY = datetime.date(2027, 3, 1)


@pytest.fixture
def grant(world, in_review) -> Grant:  # noqa: F811
    services.determination_record(application=in_review, actor=world.secretariat,
                                  outcome="award", amount=Decimal("12000"), reason="ok")
    return Grant.objects.get()


def schedule(world, grant):
    return services.tranches_set(grant=grant, actor=world.secretariat, items=[
        services.TrancheInput(Decimal("6000"), TODAY),
        services.TrancheInput(Decimal("6000"), TODAY + datetime.timedelta(days=180),
                              "progress")])


def test_schedule_must_add_up_to_the_award(world, grant):
    with pytest.raises(DomainError, match="add up"):
        services.tranches_set(grant=grant, actor=world.secretariat,
                              items=[services.TrancheInput(Decimal("5000"), TODAY)])
    tranches = schedule(world, grant)
    assert [t.report is not None for t in tranches] == [False, True]
    assert tranches[1].report.form_version.purpose == "progress"


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
    first, second = schedule(world, grant)
    services.report_save(report=second.report, actor=world.staff, answers={"progress": "x"},
                         expected_version=second.report.version)
    services.report_submit(report=second.report, actor=world.staff)
    services.report_decide(report=second.report, actor=world.secretariat, accept=True)
    for tranche in (first, second):
        services.tranche_pay(tranche=tranche, actor=world.secretariat)
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
