"""The learning catalogue in a browser (issue 15): the secretariat publishes a workshop in
Chișinău with 2 seats per community; Akunk's staff enrol three people (the third waits),
one cancels and the waiting one is promoted and told; when the workshop's days come, the
organiser takes attendance on a phone, the certificates are issued, and anyone verifies one
on the public page by its code — in Armenian and in English, at desk and phone width.
Screenshots go to /tmp/learning-shots. (The coach's session log and its agreed actions in
the community's work queue: test_coaching_journey.py.)"""

import datetime
import re
import tempfile
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.learning.models import Certificate, Enrolment, Opportunity, Session
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import AffiliationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(tempfile.gettempdir()) / "learning-shots"
CHISINAU = zoneinfo.ZoneInfo("Europe/Chisinau")


def _moment(days: int, hour: int) -> str:
    day = (timezone.now() + datetime.timedelta(days=days)).astimezone(CHISINAU).date()
    return f"{day.isoformat()}T{hour:02d}:00"


def _shots(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("header form button[type=submit]:not([name=language])")
    page.wait_for_load_state()


def _publish_a_workshop(page, language: str) -> Session:  # type: ignore[no-untyped-def]
    page.goto("/learning/manage/m4eg/")
    page.click("main a.btn")
    page.select_option("#id_kind", "workshop")
    page.select_option("#id_format", "offline")
    page.fill("#id_title_hy", "Ռեսուրսների ներգրավում և ֆինանսավորման նոր աղբյուրներ "
                              "համայնքների համար")
    page.fill("#id_title_en", "Resource mobilisation and new funding sources")
    page.check("input[name=languages][value=hy]")
    page.check("input[name=languages][value=en]")
    page.fill("#id_hours", "12")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/learning/opportunity/\d+/$"))
    page.click("a[href$='/sessions/new/']")
    page.select_option("#id_time_zone", "Europe/Chisinau")
    page.fill("#id_place_hy", "Քիշնև, Ստեֆան չել Մարե պողոտա 1")
    page.fill("#id_starts_at", _moment(20, 10))
    page.fill("#id_ends_at", _moment(20, 9))  # a slip: it ends before it starts
    page.fill("#id_enrolment_deadline", _moment(15, 18))
    page.fill("#id_capacity", "10")
    page.fill("#id_community_quota", "2")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    page.locator("#id_ends_at_error").wait_for(state="visible")  # the refused page has loaded
    assert "session_ends_after_start" not in page.content()
    _shots(page, f"l1-session-refused-{language}")
    page.fill("#id_ends_at", _moment(21, 17))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/learning/session/\d+/$"))
    session = Session.objects.get()
    page.goto(session.opportunity.get_absolute_url())
    page.click("button[name=to][value=publish]")
    page.wait_for_load_state()
    assert Opportunity.objects.get().status == "published"
    _shots(page, f"l2-opportunity-{language}")
    return session


def _enrol(page, person_pk: int) -> None:  # type: ignore[no-untyped-def]
    page.select_option("#id_person", str(person_pk))
    page.click("form:has(#id_person) button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["hy", "en"])
def test_a_workshop_is_published_enrolled_attended_and_certified(page, world, live_server,
                                                                  language):
    page.context.add_cookies([{"name": "hamaynk_language", "value": language,
                               "url": live_server.url}])
    third = AffiliationFactory(community=world.akunk, user__full_name="Անահիտ "
                               "Գալստյան-Տեր-Մինասյան", user__email="finance@example.am").user
    sign_in(page, world.secretariat.email)
    page.wait_for_load_state()
    session = _publish_a_workshop(page, language)
    _sign_out(page)

    sign_in(page, world.staff.email)
    page.wait_for_load_state()
    page.goto("/learning/")
    _shots(page, f"l3-catalogue-{language}")
    page.click(f"a[href='{session.opportunity.get_absolute_url()}']")
    page.click(f"a[href='{session.get_absolute_url()}']")
    assert "Europe/Chisinau" in page.content() and "Asia/Yerevan" in page.content()
    for person in (world.staff, world.head, third):
        _enrol(page, person.pk)
    statuses = dict(Enrolment.objects.values_list("person_id", "status"))
    assert statuses == {world.staff.pk: "confirmed", world.head.pk: "confirmed",
                        third.pk: "waitlisted"}
    _shots(page, f"l4-session-enrolled-{language}")

    page.click("header a[href='/learning/our/']")
    page.wait_for_url(re.compile(r"/learning/our/"))
    first = Enrolment.objects.get(person=world.staff)
    page.click(f"form[action$='/enrolment/{first.pk}/cancel/'] button")
    page.wait_for_load_state()
    statuses = dict(Enrolment.objects.values_list("person_id", "status"))
    assert statuses[world.staff.pk] == "cancelled" and statuses[third.pk] == "confirmed"
    assert Notification.objects.filter(recipient=third,
                                       kind="learning.enrolment.promoted").exists()
    _shots(page, f"l5-our-learning-{language}")

    _sign_out(page)  # the organiser's list: who holds a seat, who waits
    sign_in(page, world.secretariat.email)
    page.wait_for_load_state()
    page.goto(f"/learning/session/{session.pk}/enrolments/")
    assert page.locator("table.list tbody tr").count() == 3
    _shots(page, f"l6-session-enrolments-{language}")

    _the_days_come(session)
    _take_attendance_on_a_phone(page, session, language)
    _sign_out(page)
    _verify_a_certificate(page, third, language)


def _the_days_come(session: Session) -> None:
    """The clock moves on: the workshop took place last week (its two days in its zone)."""
    now = timezone.now()
    start = (now - datetime.timedelta(days=8)).astimezone(CHISINAU).replace(
        hour=10, minute=0, second=0, microsecond=0)
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(days=1, hours=7),
        enrolment_deadline=start - datetime.timedelta(days=3), cancellation_cutoff=None)


def _take_attendance_on_a_phone(page, session: Session, language: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/learning/session/{session.pk}/enrolments/")
    page.click(f"a[href='/learning/session/{session.pk}/attendance/']")
    page.wait_for_url(re.compile(r"/attendance/"))
    days = Session.objects.get(pk=session.pk).days()
    assert len(days) == 2
    for day in days:
        page.goto(f"/learning/session/{session.pk}/attendance/?day={day.isoformat()}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.click("a[href*='fill=present']")
        page.wait_for_load_state()
        assert page.locator("input[value=present]:checked").count() == 2
        page.click("form.attendance button[type=submit]")
        page.wait_for_load_state()
        assert page.locator(".messages .success").count() == 1
    page.screenshot(path=str(SHOTS / f"l7-attendance-{language}-375.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    completed = Enrolment.objects.filter(session=session, completed_at__isnull=False)
    assert completed.count() == 2
    assert Certificate.objects.filter(source_kind="learning.enrolment").count() == 2


def _verify_a_certificate(page, person, language: str) -> None:  # type: ignore[no-untyped-def]
    certificate = Certificate.objects.get(person=person)
    page.goto("/learning/certificates/")
    page.fill("input[name=code]", certificate.code.lower())
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/learning/certificates/[0-9A-Z-]+/$"))
    assert certificate.code in page.content()
    assert page.locator(".notice.ok").count() == 1
    _shots(page, f"l8-certificate-verified-{language}")
