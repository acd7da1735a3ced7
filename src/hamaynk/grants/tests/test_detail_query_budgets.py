"""Detail pages run the same number of queries with 1 and with 30 related rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.grants import services
from hamaynk.grants.models import BudgetLine, CallQuestion, Clarification, GrantReport, Tranche
from hamaynk.grants.tests.conftest import fill

pytestmark = pytest.mark.django_db


def count(client, url: str) -> int:
    counts.changed_all()  # the header's count and the lists' counts made anew each time
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_call_application_and_grant_pages(client, world, draft):
    application = fill(world, draft)
    call = application.call
    services.application_submit(application=application, actor=world.head,
                                expected_version=None)
    services.screening_record(application=application, actor=world.secretariat,
                              checks=[{"code": "ok", "ok": True}])
    services.determination_record(application=application, actor=world.secretariat,
                                  outcome="award", amount=Decimal("15000"), reason="ok")
    grant = application.grant
    client.force_login(world.secretariat)
    urls = [call.get_absolute_url(), application.get_absolute_url(),
            reverse("grants:grant", args=[grant.pk])]

    def grow(n: int) -> None:
        category = call.budget_categories.first()
        for i in range(n):
            CallQuestion.objects.create(call=call, question=f"Q{i}", answer="A")
            Clarification.objects.create(application=application, question=f"C{i}",
                                         answer="ok")
            BudgetLine.objects.create(application=application, category=category,
                                      description=f"L{i}", requested=1, own_contribution=0)
            report = GrantReport.objects.create(
                grant=grant, purpose="progress", due_date=datetime.date(2027, 1, 1),
                form_version=services.calls.report_form(call, "progress"))
            Tranche.objects.create(grant=grant, order=i + 1, amount=1,
                                   due_date=datetime.date(2027, 1, 1), report=report)

    grow(1)
    [count(client, url) for url in urls]  # warm the content-type cache
    before = [count(client, url) for url in urls]
    grow(29)
    assert [count(client, url) for url in urls] == before
    assert max(before) <= 30


def test_membership_and_application_pages_of_networks(client, world):
    from hamaynk.core.files import DOCUMENTS, store_upload
    from hamaynk.networks.models import DevelopmentPlan, Membership
    from hamaynk.networks.tests.conftest import pdf_upload

    membership = Membership.objects.get(community=world.dilijan)
    client.force_login(world.secretariat)
    url = reverse("networks:membership", args=[membership.pk])

    def grow(n: int) -> None:
        for i in range(n):
            stored = store_upload(upload=pdf_upload(f"p{i}.pdf"), uploaded_by=world.other_head,
                                  allowed=DOCUMENTS)
            DevelopmentPlan.objects.create(membership=membership, title=f"Plan {i}",
                                           file=stored, building_blocks=["finance"],
                                           status="returned")

    grow(1)
    count(client, url)  # warm the content-type cache (the history looks it up once)
    before = count(client, url)
    grow(29)
    assert count(client, url) == before <= 20
