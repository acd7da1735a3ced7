"""The feedback questionnaire: answered by a confirmed person once the session has ended,
once; the organiser's summary counts the choices and lists the texts."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from hamaynk.core.errors import DomainError
from hamaynk.learning.models import Response
from hamaynk.learning.services import enrolment as enrolling
from hamaynk.learning.services import feedback as services
from hamaynk.learning.services import forms as building
from hamaynk.tests_support import ROLES, SessionFactory

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
            {"key": "useful", "type": "single_choice", "label_hy": "Օգտակա՞ր էր",
             "label_en": "Was it useful?", "required": True,
             "choices": [{"value": "yes", "label_hy": "Այո", "label_en": "Yes"},
                         {"value": "no", "label_hy": "Ոչ", "label_en": "No"}]},
            {"key": "better", "type": "long_text", "label_hy": "Ի՞նչը բարելավել",
             "label_en": "What to improve?"}):
        building.learning_form_question_save(
            opportunity=session.opportunity, purpose="feedback", actor=world.secretariat,
            section_key="questions", question=question)
    return session


@pytest.fixture
def enrolment(world, session):
    return enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                           actor=world.staff)


def _after(session):
    return time_machine.travel(session.ends_at + datetime.timedelta(hours=1), tick=False)


def test_feedback_is_refused_before_the_session_ends(world, session, enrolment):
    with pytest.raises(DomainError, match="opens when the session ends"):
        services.feedback_submit(enrolment=enrolment, actor=world.staff,
                                 answers={"useful": "yes"})
    assert not Response.objects.exists()


def test_feedback_is_given_once_after_the_end(world, session, enrolment):
    with _after(session):
        response = services.feedback_submit(enrolment=enrolment, actor=world.staff,
                                            answers={"useful": "yes", "better": "Ավելի երկար"})
        assert response.answers == {"useful": "yes", "better": "Ավելի երկար"}
        assert response.form.frozen
        with pytest.raises(DomainError, match="already recorded"):
            services.feedback_submit(enrolment=enrolment, actor=world.staff,
                                     answers={"useful": "no"})
    assert Response.objects.get().answers["useful"] == "yes"


def test_feedback_needs_the_required_answers_and_a_confirmed_seat(world, session, enrolment):
    with _after(session):
        with pytest.raises(DomainError, match="This question is required") as caught:
            services.feedback_submit(enrolment=enrolment, actor=world.staff, answers={})
        assert caught.value.field == "useful"
    enrolling.cancel(enrolment=enrolment, actor=world.staff)
    with _after(session):
        with pytest.raises(DomainError, match="Only a confirmed participant"):
            services.feedback_submit(enrolment=enrolment, actor=world.staff,
                                     answers={"useful": "yes"})


def test_only_the_person_enrolled_gives_their_feedback(world, session, enrolment):
    with _after(session), pytest.raises(PermissionDenied):
        services.feedback_submit(enrolment=enrolment, actor=world.head,
                                 answers={"useful": "yes"})


def test_the_person_answers_on_the_page_and_the_organiser_reads_the_summary(client, world,
                                                                          session, enrolment):
    url = reverse("learning:feedback", args=[enrolment.pk])
    client.force_login(world.staff)
    assert "opens when the session ends" in client.get(url).content.decode()
    with _after(session):
        client.force_login(world.staff)  # a new day: a new sign-in
        html = client.get(url).content.decode()
        assert "Was it useful?" in html
        refused = client.post(url, {"better": "Ավելի երկար"})
        assert "This question is required." in refused.content.decode()
        assert "Ավելի երկար" in refused.content.decode()  # what was typed is kept
        assert client.post(url, {"useful": "yes", "better": "Ավելի երկար"}).status_code == 302
        assert "Your feedback" in client.get(url).content.decode()
        client.force_login(world.secretariat)
        summary = client.get(reverse("learning:session_feedback", args=[session.pk]))
    html = summary.content.decode()
    assert "1 answer from 1 confirmed participants" in html
    assert "<td>Yes</td><td>1</td>" in html and "<td>No</td><td>0</td>" in html
    assert "Ավելի երկար" in html


@pytest.mark.parametrize("role", ROLES)
def test_the_feedback_pages_permission_matrix(client, world, session, enrolment, role):
    user = world.people()[role]
    client.logout()
    if user is not None:
        client.force_login(user)
    mine = client.get(reverse("learning:feedback", args=[enrolment.pk])).status_code
    assert mine == {"staff": 200, "anonymous": 302}.get(role, 404), role
    summary = client.get(reverse("learning:session_feedback", args=[session.pk])).status_code
    assert summary == {"secretariat": 200, "anonymous": 302}.get(role, 404), role


def test_the_session_page_links_the_person_to_the_feedback_after_the_end(client, world,
                                                                        session, enrolment):
    client.force_login(world.staff)
    assert "Give your feedback" not in client.get(session.get_absolute_url()).content.decode()
    with _after(session):
        client.force_login(world.staff)
        html = client.get(session.get_absolute_url()).content.decode()
    assert reverse("learning:feedback", args=[enrolment.pk]) in html


def test_the_summary_runs_the_same_queries_for_1_and_30_answers(client, world, session,
                                                               enrolment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hamaynk.core import counts
    from hamaynk.tests_support import EnrolmentFactory

    url = reverse("learning:session_feedback", args=[session.pk])

    def count():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    with _after(session):
        services.feedback_submit(enrolment=enrolment, actor=world.staff,
                                 answers={"useful": "yes", "better": "Ավելի երկար"})
        client.force_login(world.secretariat)
        count()  # warm: the first page of a sign-in reads its session
        one = count()
        for i in range(29):
            other = EnrolmentFactory(session=session, community=world.dilijan)
            services.feedback_submit(enrolment=other, actor=other.person,
                                     answers={"useful": "no", "better": f"Տեքստ {i}"})
        assert count() == one
        assert "Տեքստ 28" in client.get(url).content.decode()
