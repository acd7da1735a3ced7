"""A coaching session in a browser (issue 15): the coach logs a session for Akunk with an
action agreed and owned by Akunk's staff member; the action waits in that person's work
queue, which leads to the coaching log where it is marked done. In Armenian and English, at
1280 and 375 px; screenshots go to /tmp (never into the repository)."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.learning.models import AgreedAction
from hamaynk.learning.services import coaching as services
from hamaynk.learning.services import cohorts as cohort_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/hamaynk-coaching-shots")  # noqa: S108 - screenshots, outside the repo
ACTION = "Հանդիպել տեղական արտադրողների հետ և կազմել համագործակցության քարտեզը"
EMPTY_ACTION = {"hy": "Բաց գործողություններ չկան", "en": "No open action"}


def snap(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("header form button[type=submit]:not([name=language])")
    page.wait_for_load_state()


def a_cohort_with_akunk(world):  # type: ignore[no-untyped-def]
    cohort = cohort_services.cohort_create(
        network=world.network, actor=world.secretariat,
        name_hy="Առաքելությանը միտված պորտֆելներ 2026–2027",
        name_en="Mission-oriented portfolios 2026–2027")
    cohort_services.cohort_set_coaches(cohort=cohort, coaches=[world.coach],
                                       actor=world.secretariat)
    member = cohort_services.cohort_add_community(
        cohort=cohort, community=world.akunk, actor=world.secretariat,
        reason="Գյուղատնտեսական արտադրանքի վերամշակման հստակ գաղափար")
    cohort_services.member_assign_coach(member=member, coach=world.coach,
                                        actor=world.secretariat)
    cohort_services.member_set_team(member=member, people=[world.head, world.staff],
                                    actor=world.head)
    today = timezone.localdate()
    for kind, title, days in (("module", "Առաքելության ներածություն", -5),
                              ("assignment", "Մարտահրավերի քարտեզ", 10)):
        services.step_save(cohort=cohort, actor=world.secretariat, values=services.StepValues(
            kind=kind, title_hy=title, title_en=title, due_date=today + datetime.timedelta(
                days=days)))
    return cohort, member


def switch_to(page, language: str) -> None:  # type: ignore[no-untyped-def]
    if language == "en":
        page.click("header .lang button[value=en]")
        page.wait_for_load_state()


@pytest.mark.parametrize("language", ["hy", "en"])
def test_a_coach_logs_a_session_and_akunks_staff_marks_the_action_done(page, world, language):
    cohort, member = a_cohort_with_akunk(world)
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()

    # the coach: from the work queue's cohort to Akunk's page, then the session
    sign_in(page, world.coach.email)
    page.wait_for_load_state()
    switch_to(page, language)
    page.goto(cohort.get_absolute_url())
    assert page.locator(f"#community-{world.akunk.pk}").is_visible()
    snap(page, f"cohort-{language}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    snap(page, f"cohort-{language}-375")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click(f"#community-{world.akunk.pk} a[href='{member.get_absolute_url()}']")
    page.wait_for_url(re.compile(r"/learning/coaching/\d+/$"))
    snap(page, f"member-{language}-1280")
    page.click(f"a[href='/learning/coaching/{member.pk}/log/new/']")
    # a row with no owner is refused beside its field, the typed text kept
    page.fill("#id_action-0-text", ACTION)
    page.click("main form button[type=submit]")
    page.locator("#id_action-0-owner_error").wait_for(state="visible")  # once the page loads
    assert page.input_value("#id_action-0-text") == ACTION
    snap(page, f"log-new-error-{language}-1280")
    page.check(f"input[name=attendees][value='{world.staff.pk}']")
    page.check(f"input[name=attendees][value='{world.coach.pk}']")
    page.fill("#id_notes", "Քննարկեցինք վերամշակման արտադրամասի գաղափարը։")
    page.select_option("#id_action-0-owner", str(world.staff.pk))
    page.fill("#id_action-0-due_date", due)
    page.set_viewport_size({"width": 375, "height": 800})
    snap(page, f"log-new-{language}-375")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/log/$"))
    assert ACTION in page.locator("main").inner_text()
    snap(page, f"log-{language}-375")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_out(page)

    # Akunk's staff member: the action waits in their queue, leads to the log, marked done
    action = AgreedAction.objects.get()
    sign_in(page, world.staff.email)
    page.wait_for_load_state()
    switch_to(page, language)
    page.goto("/")
    page.click("header a.work")
    page.wait_for_url(re.compile(r"/my/work/$"))
    group = page.locator("section#learning-actions")
    assert group.is_visible() and ACTION in group.inner_text()
    snap(page, f"work-staff-{language}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    snap(page, f"work-staff-{language}-375")
    group.locator("a.work-link").first.click()
    page.wait_for_url(re.compile(r"/log/"))
    assert page.locator(f"#action-{action.pk}").is_visible()
    page.click(f"#action-{action.pk} button[name=done]")
    page.wait_for_url(re.compile(r"/log/"))
    assert EMPTY_ACTION[language] in page.locator("#actions").inner_text()
    snap(page, f"log-done-{language}-375")
    action.refresh_from_db()
    assert action.done_by == world.staff
    page.goto("/my/work/")
    assert page.locator("section#learning-actions").count() == 0
