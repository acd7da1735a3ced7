"""The attendance sheet and the quiz as pages: who may open them, saving a day, the
"everyone present" shortcut, the quiz taken and its result, the opportunity's completion
rules in its form, and bounded queries."""

import copy

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.learning.models import Attendance, Certificate, Response
from hamaynk.learning.tests.attendance_support import (
    DAYS,
    NOW,
    add_quiz,
    confirmed,
    three_day_session,
)
from hamaynk.tests_support import ROLES, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_and_english(client):
    client.cookies["hamaynk_language"] = "en"
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def session(world):
    session = three_day_session(world, days_required=2)
    add_quiz(session.opportunity, pass_mark=75)
    return session


def _status(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.mark.parametrize("role", ROLES)
def test_attendance_and_quiz_pages_permission_matrix(client, world, session, role):
    mine = EnrolmentFactory(session=session, community=world.akunk, person=world.staff)
    attendance = reverse("learning:attendance", args=[session.pk])
    quiz = reverse("learning:quiz", args=[mine.pk])
    for url, allowed in ((attendance, {"secretariat"}), (quiz, {"staff"})):
        expected = 200 if role in allowed else 302 if role == "anonymous" else 404
        assert _status(client, world.people()[role], url) == expected, (role, url)


def test_the_organiser_saves_a_day_from_the_sheet(client, world, session):
    ann, ben = confirmed(session, world, 2)
    client.force_login(world.secretariat)
    url = reverse("learning:attendance", args=[session.pk])
    page = client.get(url, {"day": DAYS[0].isoformat()}).content.decode()
    assert "0 of 2 marked" in page and f'name="mark-{ann.pk}"' in page
    response = client.post(url, {"day": DAYS[0].isoformat(), f"mark-{ann.pk}": "present",
                                 f"mark-{ben.pk}": "late"}, follow=True)
    page = response.content.decode()
    assert "is saved" in page and "2 of 2 marked" in page
    assert set(Attendance.objects.values_list("mark", flat=True)) == {"present", "late"}
    # the rows shown before the save were cached: the page shows the marks as saved
    assert f'name="mark-{ann.pk}" value="present" checked' in page
    assert f'name="mark-{ben.pk}" value="late" checked' in page


def test_a_refused_save_keeps_what_was_chosen_and_says_why(client, world, session):
    (ann,) = confirmed(session, world)
    client.force_login(world.secretariat)
    response = client.post(reverse("learning:attendance", args=[session.pk]),
                           {"day": DAYS[0].isoformat(), f"mark-{ann.pk}": "asleep"})
    page = response.content.decode()
    assert response.status_code == 200 and "Choose present, late or absent." in page
    assert not Attendance.objects.exists()


def test_everyone_present_fills_the_sheet_without_saving(client, world, session):
    ann, ben = confirmed(session, world, 2)
    client.force_login(world.secretariat)
    url = reverse("learning:attendance", args=[session.pk])
    page = client.get(url, {"day": DAYS[1].isoformat(), "fill": "present"}).content.decode()
    assert page.count('value="present" checked') == 2
    assert not Attendance.objects.exists()


def test_the_sheet_without_confirmed_people_says_so(client, world, session):
    client.force_login(world.secretariat)
    page = client.get(reverse("learning:attendance", args=[session.pk])).content.decode()
    assert "Nobody is confirmed for this session yet" in page


def test_the_session_enrolments_page_links_to_the_attendance(client, world, session):
    client.force_login(world.secretariat)
    page = client.get(reverse("learning:session_enrolments", args=[session.pk]))
    assert reverse("learning:attendance", args=[session.pk]) in page.content.decode()


def test_the_person_takes_the_quiz_sees_the_result_and_the_certificate(client, world, session):
    (ann,) = confirmed(session, world)
    for day in DAYS[:2]:
        Attendance.objects.create(enrolment=ann, day=day, mark="present",
                                  recorded_by=world.secretariat, recorded_at=NOW)
    client.force_login(ann.person)
    url = reverse("learning:quiz", args=[ann.pk])
    assert "Which is right?" in client.get(url).content.decode()
    page = client.post(url, {"q1": "a", "q2": ["x"]}, follow=True).content.decode()
    assert "25 %" in page and "not passed yet" in page and "Try again" in page
    page = client.post(url, {"q1": "b", "q2": ["x", "y"]}, follow=True).content.decode()
    certificate = Certificate.objects.get()
    assert "100 %" in page and certificate.get_absolute_url() in page
    assert "Send my answers" not in page
    assert Response.objects.get().score == 100


def test_the_quiz_page_refuses_an_empty_required_answer_beside_it(client, world, session):
    (ann,) = confirmed(session, world)
    client.force_login(ann.person)
    response = client.post(reverse("learning:quiz", args=[ann.pk]), {"q2": ["x"]})
    assert response.status_code == 200 and "This question is required." in \
        response.content.decode()
    assert not Response.objects.exists()


def test_our_learning_links_the_person_to_their_quiz(client, world, session):
    mine = EnrolmentFactory(session=session, community=world.akunk, person=world.staff)
    client.force_login(world.staff)
    page = client.get(reverse("learning:our_learning")).content.decode()
    assert reverse("learning:quiz", args=[mine.pk]) in page


@pytest.mark.parametrize("data", [{"day": "2027-13-45"}, {"day": "\x00"}, {"mark-abc": "x"},
                                  {"mark-99999999999999999999": "present"}, {}])
def test_hostile_attendance_posts_are_never_a_500(client, world, session, data):
    confirmed(session, world)
    client.force_login(world.secretariat)
    url = reverse("learning:attendance", args=[session.pk])
    assert client.post(url, data).status_code in (200, 302)
    assert client.get(url, {"day": "yesterday", "page": "-1"}).status_code == 200


def test_the_opportunity_form_checks_the_completion_rules(client, world, session):
    client.force_login(world.secretariat)
    opportunity = session.opportunity
    url = reverse("learning:opportunity_edit", args=[opportunity.pk])
    values = {"kind": "workshop", "format": "offline", "title_hy": "Սեմինար",
              "languages": ["hy"], "version": opportunity.version}
    page = client.post(url, {**values, "days_required": "0", "pass_mark": "101"})
    text = page.content.decode()
    assert "At least one day" in text and "from 0 to 100" in text
    assert client.post(url, {**values, "days_required": "2", "pass_mark": "80"}
                       ).status_code == 302
    opportunity.refresh_from_db()
    assert (opportunity.days_required, opportunity.pass_mark) == (2, 80)


def _queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_the_attendance_sheet_runs_the_same_queries_for_3_and_30_people(client, world, session):
    people = confirmed(session, world, 3)
    client.force_login(world.secretariat)
    url = reverse("learning:attendance", args=[session.pk]) + f"?day={DAYS[0].isoformat()}"
    for e in people[:2]:
        Attendance.objects.create(enrolment=e, day=DAYS[0], mark="present",
                                  recorded_by=world.secretariat, recorded_at=NOW)
    client.get(url)  # the header's own reads, cached for the person after the first page
    few = _queries(client, url)
    for e in confirmed(session, world, 27):
        Attendance.objects.create(enrolment=e, day=DAYS[0], mark="late",
                                  recorded_by=world.secretariat, recorded_at=NOW)
    assert _queries(client, url) == few


def test_the_quiz_page_runs_the_same_queries_for_3_and_30_questions(client, world, session):
    from hamaynk.learning.models import LearningForm
    from hamaynk.learning.tests.attendance_support import QUIZ

    (ann,) = confirmed(session, world)
    client.force_login(ann.person)
    url = reverse("learning:quiz", args=[ann.pk])
    client.get(url)
    few = _queries(client, url)
    section = copy.deepcopy(QUIZ["sections"][0])
    section["questions"] = [{**q, "key": f"{q['key']}_{i}"}
                            for i in range(10) for q in section["questions"]]
    many = {"sections": [section]}
    LearningForm.objects.filter(opportunity=session.opportunity).update(definition=many)
    assert _queries(client, url) == few
