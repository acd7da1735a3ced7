"""The main pages under the Content-Security-Policy, in a real browser: no violation in the
console, and htmx still works (the directory's live filter, the application's autosave)
(issue 12)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hamaynk.e2e.test_journeys import PASSWORD, sign_in
from hamaynk.grants import services
from hamaynk.tests_support import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIOLATION = re.compile(r"Content Security Policy|Refused to (load|execute|apply|evaluate)", re.I)


def watch(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Every CSP violation the page reports, from the console and from the DOM event."""
    problems: list[str] = []
    page.set_default_timeout(30_000)  # many pages in one test, on a shared machine
    page.on("console", lambda m: problems.append(f"console: {m.text}")
            if m.type in ("error", "warning") and VIOLATION.search(m.text) else None)
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.add_init_script("""document.addEventListener('securitypolicyviolation', e =>
        console.error('Content Security Policy violation: ' + e.violatedDirective + ' '
                      + e.blockedURI + ' ' + (e.sample || '')));""")
    return problems


def open_call(world):  # type: ignore[no-untyped-def]
    now = timezone.now()
    call = services.call_create(
        network=world.network, actor=world.secretariat, kind="seed", slug="seed-2027",
        title_hy="Մեկնարկային դրամաշնորհներ", title_en="Seed grants", description_hy="",
        description_en="", currency="USD", envelope=Decimal("100000"),
        min_award=Decimal("5000"), max_award=Decimal("20000"),
        min_cofinancing_pct=Decimal("10"), opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30), eligible_statuses=[],
        eligible_countries=["AM"], requires_completed_kind="")
    return services.call_move(call=call, actor=world.secretariat, target="open")


def test_main_pages_show_no_policy_violation_and_htmx_works(page, world):
    call = open_call(world)
    application = services.application_start(call=call, community=world.akunk,
                                              actor=world.head)
    problems = watch(page)
    for url in ("/", "/communities/", f"/communities/{world.akunk.pk}/", "/networks/m4eg/",
                "/grants/", f"/grants/calls/{call.slug}/", "/grants/awards/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    # The directory's live filter is htmx: typing swaps the results without a page load.
    page.goto("/communities/")
    page.fill("input[type=search]", "Ակունք")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    assert re.search(r"q=", page.url)  # hx-push-url

    sign_in(page, world.head.email)
    page.wait_for_url(re.compile("/my/$"))
    page.wait_for_load_state("networkidle")
    page.goto(f"/grants/applications/{application.pk}/section/project/")
    page.fill("#id_summary", "Գյուղատնտեսական արտադրանքի վերամշակում։")
    page.fill("#id_title", "Ակունքի կոոպերատիվ")
    page.locator("#id_title").dispatch_event("change")
    expect(page.locator("#save-state")).to_have_text(re.compile(r"\d\d:\d\d:\d\d"))
    application.refresh_from_db()
    assert application.title == "Ակունքի կոոպերատիվ"  # saved by htmx, not by the button

    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)  # rendered offline
    page.wait_for_load_state("networkidle")
    assert problems == []


def test_admin_signs_in_through_the_sign_in_page_and_shows_no_policy_violation(page, world):
    UserFactory(email="admin@example.am", is_staff=True, is_superuser=True)
    problems = watch(page)
    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/accounts/login/\?next=%2Fadmin%2F$"))
    page.fill("#id_login", "admin@example.am")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile("/admin/$"))
    for url in ("/admin/accounts/user/", f"/admin/accounts/user/{world.head.pk}/change/",
                "/admin/communities/community/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert problems == []
