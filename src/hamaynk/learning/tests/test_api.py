"""The learning API's certificate check and coaching reads: what each shows, who may read
it (the pages' own permissions; 404 for what one may not see), and bounded queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from hamaynk.learning.services import coaching as services
from hamaynk.learning.services import cohorts as cohort_services
from hamaynk.learning.services.certificates import certificate_issue, certificate_revoke
from hamaynk.tests_support import ROLES, CommunityFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _get(client, user, url, **params):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url, params)


@pytest.fixture
def certificate(world):
    return certificate_issue(
        network=world.network, actor=world.secretariat, person=world.staff,
        community=world.akunk, name="Անահիտ Սարգսյան", title_hy="«Թվային հմտություններ»",
        title_en="“Digital skills”", hours=Decimal("12.5"),
        completed_on=datetime.date(2026, 5, 14), source_kind="learning.enrolment", source_id=7)


def test_anyone_checks_a_certificate_by_its_code_and_sees_the_public_page_only(
        client, world, certificate):
    typed = certificate.code.lower().replace("-", " ")
    body = client.get(f"/api/learning/certificates/{typed}").json()
    assert body == {
        "code": certificate.code, "status": "genuine", "name": "Անահիտ Սարգսյան",
        "participation": False, "title_hy": "«Թվային հմտություններ»",
        "title_en": "“Digital skills”", "hours": 12.5, "completed_on": "2026-05-14",
        "issued_by_hy": world.network.name_hy, "issued_by_en": world.network.name_en,
        "community_id": world.akunk.pk, "community_name_hy": "Ակունք",
        "community_name_en": "Akunk", "revoked_on": None, "revoked_reason": ""}
    assert "person" not in body and "email" not in str(body)


def test_a_revoked_certificate_says_when_and_why(client, world, certificate):
    certificate_revoke(certificate=certificate, actor=world.secretariat,
                       reason="Issued in error")
    body = client.get(f"/api/learning/certificates/{certificate.code}").json()
    assert body["status"] == "revoked" and body["revoked_reason"] == "Issued in error"
    assert body["revoked_on"] == timezone.now().date().isoformat()


@pytest.mark.parametrize("code", ["NOPE-NOPE-NOPE", "x" * 41, "%00"])
def test_an_unknown_or_hostile_code_is_a_404(client, db, code):
    assert client.get(f"/api/learning/certificates/{code}").status_code == 404


@pytest.fixture
def logged(world, akunk):
    today = services.today_of(akunk.cohort)
    step = services.step_save(cohort=akunk.cohort, actor=world.secretariat,
                              values=services.StepValues(kind="assignment",
                                                         title_hy="Քարտեզ",
                                                         due_date=today - DAY))
    services.session_log(member=akunk, actor=world.coach, held_on=today - 2 * DAY,
                         attendees=[world.staff], notes="Քննարկեցինք",
                         actions=[services.ActionValues(text="Map the challenges",
                                                        owner=world.staff,
                                                        due_date=today + 7 * DAY)])
    return step


def test_a_cohorts_members_come_with_their_progress(client, world, cohort, akunk, logged):
    body = _get(client, world.secretariat, f"/api/learning/cohorts/{cohort.pk}/members").json()
    assert body["count"] == 1
    (row,) = body["items"]
    assert row == {"id": akunk.pk, "community_id": world.akunk.pk,
                   "community_name_hy": "Ակունք", "community_name_en": "Akunk",
                   "region": "AM-KT", "coach": world.coach.get_full_name(), "team_size": 2,
                   "steps_total": 1, "steps_done": 0, "steps_overdue": 1, "open_actions": 1,
                   "last_session": (services.today_of(cohort) - 2 * DAY).isoformat()}


def test_a_communitys_coaching_log_lists_its_sessions_and_actions(client, world, akunk,
                                                                   logged):
    body = _get(client, world.staff, f"/api/learning/coaching/{akunk.pk}/log").json()
    (session,) = body["items"]
    assert session["coach"] == world.coach.get_full_name()
    assert session["attendees"] == [world.staff.get_full_name()]
    assert session["notes"] == "Քննարկեցինք"
    assert [(a["text"], a["owner"], a["done"]) for a in session["actions"]] == [
        ("Map the challenges", world.staff.get_full_name(), False)]


def _expected(role, allowed):
    return 200 if role in allowed else 401 if role == "anonymous" else 404


@pytest.mark.parametrize("role", ROLES)
def test_the_coaching_reads_open_to_whoever_may_see_the_pages(client, world, cohort, akunk,
                                                              role):
    user = world.people()[role]
    members = _get(client, user, f"/api/learning/cohorts/{cohort.pk}/members").status_code
    log = _get(client, user, f"/api/learning/coaching/{akunk.pk}/log").status_code
    assert members == _expected(role, {"secretariat", "coach"}), role
    assert log == _expected(role, {"secretariat", "coach", "staff", "head"}), role


def test_a_missing_cohort_or_community_is_the_same_404(client, world):
    client.force_login(world.secretariat)
    assert client.get("/api/learning/cohorts/999999/members").status_code == 404
    assert client.get("/api/learning/coaching/999999/log").status_code == 404


def test_the_coaching_reads_cost_the_same_for_one_or_many(client, world, cohort, akunk, logged):
    client.force_login(world.secretariat)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    members_url = f"/api/learning/cohorts/{cohort.pk}/members"
    log_url = f"/api/learning/coaching/{akunk.pk}/log"
    few = (count(members_url), count(log_url))
    for _ in range(5):
        cohort_services.cohort_add_community(cohort=cohort, actor=world.secretariat,
                                             community=CommunityFactory(region=world.kotayk),
                                             reason="Պատրաստ է")
    today = services.today_of(cohort)
    for days in range(3, 8):
        services.session_log(member=akunk, actor=world.coach, held_on=today - days * DAY,
                             attendees=[world.staff, world.head],
                             actions=[services.ActionValues(text=f"Action {days}",
                                                            owner=world.head,
                                                            due_date=today + DAY)])
    assert (count(members_url), count(log_url)) == few
