"""Attendance and the quiz in a browser (issue 15, second half), on a 375 px phone in
Armenian and English: the organiser fills the day with "everyone present", marks one person
late and saves; the person then takes the quiz, passes, and finds the certificate."""

import datetime

import pytest
from django.utils import timezone

from hamaynk.e2e.test_layout import open_as
from hamaynk.learning.models import Attendance, Certificate
from hamaynk.learning.tests.attendance_support import add_quiz, confirmed
from hamaynk.tests_support import SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide on a 375px phone"


@pytest.mark.parametrize("language", ["hy", "en"])
def test_the_organiser_takes_attendance_and_the_person_passes_the_quiz(
        browser, live_server, shot, world, language):
    now = timezone.now()
    session = SessionFactory(opportunity__network=world.network,
                             opportunity__days_required=1,
                             starts_at=now - datetime.timedelta(hours=3),
                             ends_at=now + datetime.timedelta(minutes=30),
                             enrolment_deadline=now - datetime.timedelta(days=2))
    add_quiz(session.opportunity, pass_mark=75)
    ann, ben = confirmed(session, world, 2)

    context, page = open_as(browser, live_server, world.secretariat.email, language, 375)
    page.goto(f"/learning/session/{session.pk}/attendance/")
    _no_sideways_scroll(page)
    page.click("a[href*='fill=present']")
    assert page.locator("input[value=present]:checked").count() == 2
    page.click(f"label[for='m-{ben.pk}-late']")
    shot(page, f"70-attendance-sheet-{language}")
    page.click("form.attendance button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".messages .success").count() == 1
    _no_sideways_scroll(page)
    context.close()
    marks = dict(Attendance.objects.values_list("enrolment_id", "mark"))
    assert marks == {ann.pk: "present", ben.pk: "late"}
    assert not Certificate.objects.exists()  # the quiz is still to pass

    context, page = open_as(browser, live_server, ann.person.email, language, 375)
    page.goto(f"/learning/enrolment/{ann.pk}/quiz/")
    page.check("input[name=q1][value=b]")
    page.check("input[name=q2][value=x]")
    page.check("input[name=q2][value=y]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    certificate = Certificate.objects.get()
    assert page.locator(f"a[href='{certificate.get_absolute_url()}']").count() == 1
    _no_sideways_scroll(page)
    shot(page, f"71-quiz-passed-{language}")
    context.close()
