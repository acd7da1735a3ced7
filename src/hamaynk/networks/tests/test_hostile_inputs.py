
"""The attack run's findings in networks: a negative co-financing in the council texts, a
council decision dated in year one; both refused next to the field, never stored."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hamaynk.networks.models import CouncilTemplate, MembershipApplication

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, settings):
    client.raise_request_exception = False
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _texts(template):
    return {"title": template.title, "legal_basis": template.legal_basis,
            "points": template.points, "entry_into_force": template.entry_into_force,
            "justification": template.justification}


@pytest.mark.parametrize("value", ["-1", "-0.01"])
def test_a_negative_co_financing_is_refused_and_every_budget_note_still_opens(web, world, m4eg,
                                                                             value):
    template = CouncilTemplate.objects.get(network=m4eg, language="hy")
    web.force_login(world.secretariat)
    url = reverse("networks:council_template", args=["m4eg", "hy"])
    response = web.post(url, {**_texts(template), "co_financing": value})
    assert response.status_code == 200
    assert response.context["form"].errors["co_financing"] == [
        "Ensure this value is greater than or equal to 0."]
    template.refresh_from_db()
    assert template.co_financing is None
    web.force_login(world.staff)
    note = reverse("networks:council_document",
                   args=["m4eg", world.akunk.pk, "budget_note", "docx"])
    assert web.get(note).status_code == 200


def test_the_database_refuses_a_negative_co_financing(world, m4eg):
    template = CouncilTemplate.objects.get(network=m4eg, language="hy")
    template.co_financing = Decimal("-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        template.save()


@pytest.mark.parametrize("value", ["0001-01-01", "1999-12-31", "9999-12-31"])
def test_a_council_decision_date_outside_the_programme_years_is_refused(web, world, m4eg,
                                                                       value):
    application = MembershipApplication.objects.create(network=m4eg, community=world.akunk,
                                                       prepared_by=world.staff)
    web.force_login(world.staff)
    url = reverse("networks:application_edit", args=[application.pk])
    response = web.post(url, {"version": application.version, "motivation": "Ուզում ենք",
                              "decision_number": "45-Ա", "decision_date": value})
    assert response.status_code == 200
    assert response.context["form"].errors["decision_date"] == [
        "Enter a date from the year 2000 to the year 2100."]
    application.refresh_from_db()
    assert application.decision_date is None


def test_a_council_decision_dated_in_the_future_is_refused_beside_the_field(web, world, m4eg):
    application = MembershipApplication.objects.create(network=m4eg, community=world.akunk,
                                                       prepared_by=world.staff)
    web.force_login(world.staff)
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    response = web.post(reverse("networks:application_edit", args=[application.pk]), {
        "version": application.version, "motivation": "Ուզում ենք",
        "decision_number": "45-Ա", "decision_date": tomorrow.isoformat()})
    assert response.status_code == 200
    assert response.context["form"].errors["decision_date"] == [
        "A council decision cannot be dated in the future: give the date the council "
        "adopted it."]
    assert response.context["form"]["decision_number"].value() == "45-Ա"
    application.refresh_from_db()
    assert application.decision_date is None
