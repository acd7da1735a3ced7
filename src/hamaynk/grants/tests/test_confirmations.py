"""A final action (submit, withdraw, award, reject, close) first says what happens next and
asks to confirm; the confirmation posts the same fields again, so nothing typed is lost
and the version still guards against a double decision."""

import pytest
from django.urls import reverse

from hamaynk.grants.models import Determination
from hamaynk.grants.tests.conftest import fill
from hamaynk.grants.tests.test_review import in_review  # noqa: F401

pytestmark = pytest.mark.django_db


def hidden(page, name, value):
    return f'<input type="hidden" name="{name}" value="{value}">' in page


def test_submitting_asks_to_confirm_and_says_what_happens_next(client, world, draft):
    application = fill(world, draft)
    client.force_login(world.head)
    client.cookies["hamaynk_language"] = "en"
    url = reverse("grants:application_submit", args=[application.pk])
    page = client.post(url, {"version": application.version}).content.decode()
    assert "can no longer be changed" in page and "PDF copy" in page
    assert hidden(page, "version", application.version)
    application.refresh_from_db()
    assert application.status == "draft"


def test_an_incomplete_application_is_refused_without_a_confirmation(client, world, draft):
    client.force_login(world.head)
    response = client.post(reverse("grants:application_submit", args=[draft.pk]),
                           {"version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_withdrawing_asks_to_confirm(client, world, draft):
    client.force_login(world.staff)
    url = reverse("grants:application_withdraw", args=[draft.pk])
    assert client.post(url).status_code == 200
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert client.post(url, {"confirmed": "yes"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "withdrawn"


@pytest.mark.parametrize("outcome", ["award", "reject"])
def test_an_award_or_a_rejection_asks_to_confirm_and_keeps_the_reason(
        client, world, in_review, outcome):  # noqa: F811
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    url = reverse("grants:determine", args=[in_review.pk])
    data = {"version": in_review.version, "outcome": outcome, "amount": "12000",
            "reason": "Համայնքի կարիքը հիմնավորված է"}
    page = client.post(url, data).content.decode()
    assert "The decision is final" in page and "decision letter" in page
    assert hidden(page, "reason", "Համայնքի կարիքը հիմնավորված է")
    assert not Determination.objects.exists()
    assert client.post(url, {**data, "confirmed": "yes"}).status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == {"award": "awarded", "reject": "rejected"}[outcome]
    twice = client.post(url, {**data, "confirmed": "yes"})  # the same page posted again
    assert twice.status_code == 200 and Determination.objects.count() == 1
