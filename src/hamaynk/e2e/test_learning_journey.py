"""The learning catalogue in a browser (issue 15, first half): the secretariat publishes a
workshop in Chișinău with 2 seats per community; Akunk's staff enrol three people (the
third waits), one cancels and the waiting one is promoted and told — in Armenian and in
English, at desk and phone width. Screenshots go to /tmp/learning-shots."""

import datetime
import re
import tempfile
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.learning.models import Enrolment, Opportunity, Session
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
    assert page.locator("#id_ends_at_error").is_visible()
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
def test_a_workshop_is_published_enrolled_waitlisted_and_promoted(page, world, live_server,
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
