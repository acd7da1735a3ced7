"""Registration questions at enrolment: asked on the session's page, required ones enforced
by the service, kept with the enrolment, shown to the organiser (per row and in the CSV)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.learning.models import Enrolment, LearningForm, Response
from hamaynk.learning.services import enrolment as enrolling
from hamaynk.learning.services import forms as services
from hamaynk.tests_support import AffiliationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["hamaynk_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def session(world):
    session = SessionFactory(opportunity__network=world.network)
    for question in (
            {"key": "role", "type": "short_text", "label_hy": "Պաշտոնը",
             "label_en": "Your role", "required": True},
            {"key": "diet", "type": "single_choice", "label_hy": "Սնունդ", "label_en": "Meals",
             "choices": [{"value": "any", "label_hy": "Ցանկացած", "label_en": "Any"},
                         {"value": "vegetarian", "label_hy": "Բուսակերային",
                          "label_en": "Vegetarian"}]}):
        services.learning_form_question_save(
            opportunity=session.opportunity, purpose="registration", actor=world.secretariat,
            section_key="questions", question=question)
    return session


def test_a_required_registration_question_is_refused_unanswered_and_nothing_is_kept(world,
                                                                                   session):
    with pytest.raises(DomainError, match="This question is required") as caught:
        enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                        actor=world.staff, answers={"diet": "any"})
    assert caught.value.field == "role"
    assert not Enrolment.objects.exists() and not Response.objects.exists()
    assert not LearningForm.objects.get().frozen


def test_the_answers_are_kept_with_the_enrolment_and_freeze_the_version(world, session):
    enrolment = enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                                actor=world.staff, answers={"role": "Քարտուղար",
                                                            "diet": "vegetarian"})
    response = Response.objects.get(enrolment=enrolment)
    assert response.purpose == "registration"
    assert response.answers == {"role": "Քարտուղար", "diet": "vegetarian"}
    assert response.form.frozen and response.form.number == 1


def test_an_opportunity_without_questions_enrols_as_before(world):
    plain = SessionFactory(opportunity__network=world.network)
    enrolment = enrolling.enrol(session=plain, community=world.akunk, person=world.staff,
                                actor=world.staff)
    assert enrolment.status == "confirmed" and not Response.objects.exists()


def test_the_session_page_asks_the_questions_and_keeps_what_was_typed_on_error(client, world,
                                                                              session):
    client.force_login(world.staff)
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Your role" in html and 'name="reg-role"' in html and "Vegetarian" in html
    response = client.post(session.get_absolute_url(), {
        "community": world.akunk.pk, "person": world.staff.pk, "reg-diet": "vegetarian"})
    assert response.status_code == 200
    assert "This question is required." in response.content.decode()
    assert re.search(r'name="reg-diet" value="vegetarian"[^>]*checked',
                     response.content.decode())  # what was chosen is kept
    assert not Enrolment.objects.exists()
    response = client.post(session.get_absolute_url(), {
        "community": world.akunk.pk, "person": world.staff.pk, "reg-role": "Քարտուղար",
        "reg-diet": "vegetarian"})
    assert response.status_code == 302
    assert Response.objects.get().answers["role"] == "Քարտուղար"


def test_the_organiser_sees_the_answers_per_row_and_in_the_csv(client, world, session):
    enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                    actor=world.staff, answers={"role": "Քարտուղար", "diet": "vegetarian"})
    client.force_login(world.secretariat)
    html = client.get(reverse("learning:session_enrolments", args=[session.pk])).content.decode()
    assert "<details" in html and "Your role" in html and "Քարտուղար" in html
    assert "Vegetarian" in html
    response = client.get(reverse("learning:session_enrolments_csv", args=[session.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.endswith("Your role,Meals")
    assert row.endswith("Քարտուղար,Vegetarian") and world.staff.email in row
    client.force_login(world.other_secretariat)
    assert client.get(reverse("learning:session_enrolments_csv",
                              args=[session.pk])).status_code == 404


def test_the_enrolment_list_with_answers_runs_the_same_queries_for_1_and_30_rows(client, world,
                                                                                session):
    session.capacity = 100
    session.save()
    url = reverse("learning:session_enrolments", args=[session.pk])
    client.force_login(world.secretariat)

    def count():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                    actor=world.staff, answers={"role": "Քարտուղար"})
    one = count()
    for i in range(29):
        person = AffiliationFactory(community=world.dilijan).user
        enrolling.enrol(session=session, community=world.dilijan, person=person,
                        actor=person, answers={"role": f"Աշխատակից {i}"})
    assert count() == one


def test_the_csv_reads_in_the_organisers_language_to_its_last_row(client, world, session):
    enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                    actor=world.staff, answers={"role": "Քարտուղար", "diet": "vegetarian"})
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "hy"
    response = client.get(reverse("learning:session_enrolments_csv", args=[session.pk]))
    header, row = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[:2]
    assert header.startswith("Անձ,") and header.endswith("Պաշտոնը,Սնունդ")
    assert "հաստատված" in row and row.endswith("Բուսակերային")
