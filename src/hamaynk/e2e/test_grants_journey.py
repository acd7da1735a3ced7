"""A call from the secretariat's form builder to Akunk's submitted application (issue 4,
first part: the review, award and reporting steps come next)."""

import datetime
import re

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.grants.models import Application, Call

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("header form button[type=submit]:not([name=language])")
    page.wait_for_load_state()


def moment(delta_days: int) -> str:
    local = timezone.localtime(timezone.now() + datetime.timedelta(days=delta_days))
    return local.strftime("%Y-%m-%dT%H:%M:%S")


def test_secretariat_opens_a_seed_call_and_akunk_applies(page, shot, world):
    sign_in(page, world.secretariat.email)
    page.goto("/grants/new/m4eg/")
    page.select_option("#id_kind", "seed")
    page.fill("#id_slug", "seed-2027")
    page.fill("#id_title_hy", "Մեկնարկային դրամաշնորհներ 2027")
    page.fill("#id_title_en", "Seed grants 2027")
    page.select_option("#id_currency", "USD")
    page.fill("#id_envelope", "200000")
    page.fill("#id_min_award", "5000")
    page.fill("#id_max_award", "20000")
    page.fill("#id_min_cofinancing_pct", "10")
    page.fill("#id_opens_at", moment(-1))
    page.fill("#id_closes_at", moment(30))
    page.check("input[name=eligible_countries][value=AM]")
    shot(page, "30-call-new-hy")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/grants/calls/seed-2027/form/$"))
    page.click("a[href$='/form/project/question/']")
    page.fill("#id_key", "partners_involved")
    page.select_option("#id_type", "yes_no")
    page.fill("#id_label_hy", "Նախագծում ներգրավվա՞ծ են գործընկերներ")
    page.check("#id_required")
    page.click("main form button[type=submit]")
    page.click("a[href$='/form/project/question/']")
    page.fill("#id_key", "partners")
    page.select_option("#id_type", "long_text")
    page.fill("#id_label_hy", "Թվարկեք գործընկերներին")
    page.check("#id_required")
    page.select_option("#id_show_if_question", "partners_involved")
    page.fill("#id_show_if_value", "այո")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/form/$"))
    shot(page, "31-form-builder-hy")
    page.goto("/grants/calls/seed-2027/")
    page.click("form[action$='/status/open/'] button")
    page.wait_for_load_state()
    assert Call.objects.get(slug="seed-2027").status == "open"
    sign_out(page)

    sign_in(page, world.head.email)
    page.goto("/grants/calls/seed-2027/")
    shot(page, "32-call-page-head-hy")
    page.click(f"form[action='/grants/calls/seed-2027/apply/{world.akunk.pk}/'] button")
    page.wait_for_url(re.compile(r"/section/project/$"))
    page.fill("#id_title", "Ակունքի համայնքային կոոպերատիվ")
    page.fill("#id_summary", "Գյուղատնտեսական արտադրանքի վերամշակում և իրացում։")
    assert page.locator("#id_partners").is_hidden()  # shown only after "yes"
    page.check("input[name=partners_involved][value=yes]")
    assert page.locator("#id_partners").is_visible()
    page.fill("#id_partners", "«Կոտայք» ՀԿ")
    shot(page, "33-application-section-hy")
    page.click("main form button[name=save]")
    page.wait_for_load_state()
    page.goto(f"/grants/applications/{Application.objects.get().pk}/budget/")
    page.select_option("#id_category", index=1)
    page.fill("#id_description", "Սառնարանային սարքավորումներ")
    page.fill("#id_requested", "15000")
    page.fill("#id_own_contribution", "2000")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    shot(page, "34-application-budget-hy")
    page.goto(Application.objects.get().get_absolute_url())
    shot(page, "35-application-overview-hy")
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()
    application = Application.objects.get()
    assert application.status == "submitted" and application.amount_requested == 15000
    shot(page, "36-application-submitted-hy")
    sign_out(page)

    sign_in(page, world.secretariat.email)
    page.goto("/grants/calls/seed-2027/applications/")
    assert page.locator("td a:has-text('Ակունքի համայնքային կոոպերատիվ')").count() == 1
    shot(page, "37-call-applications-hy")
