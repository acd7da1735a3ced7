"""Akunk's path from council decision to member, in a real browser, as Akunk's head and the
M4EG secretariat (issue 3)."""

import datetime
import re

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import PASSWORD, sign_in
from hamaynk.networks.models import Membership, MembershipApplication
from hamaynk.tests_support import configure_m4eg, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = {"name": "decision-45.pdf", "mimeType": "application/pdf",
       "buffer": pdf_bytes()}


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("header form button[type=submit]:not([name=language])")
    page.wait_for_load_state()


def test_akunk_joins_m4eg(page, shot, world):
    configure_m4eg(world.network)
    # The head opens the network page and starts the application for Akunk.
    sign_in(page, world.head.email)
    page.goto("/networks/m4eg/")
    shot(page, "20-network-page-head-hy")
    package = page.request.get(f"/networks/m4eg/council/{world.akunk.pk}/decision.pdf")
    assert package.ok and package.headers["content-type"] == "application/pdf"
    page.click(f"form[action='/networks/m4eg/join/{world.akunk.pk}/'] button")
    page.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    page.fill("#id_motivation", "Ակունքը ցանկանում է կիրառել առաքելությանը միտված մոտեցումը։")
    page.fill("#id_edo_name", "Աննա Սարգսյան")
    page.fill("#id_edo_email", "edo@kotayk-akunk.am")
    page.fill("#id_decision_number", "45-Ա")
    adopted = timezone.localdate() - datetime.timedelta(days=12)
    page.fill("#id_decision_date", (adopted + datetime.timedelta(days=30)).isoformat())
    for box in page.locator("input[name=commitments]").all():
        box.check()
    page.click("main form button[type=submit]")  # a decision dated in the future: refused
    page.wait_for_load_state()
    page.locator("#id_decision_date_error").wait_for(state="visible")  # the refused page has loaded
    assert page.input_value("#id_decision_number") == "45-Ա"  # what was typed is kept
    page.fill("#id_decision_date", adopted.isoformat())
    page.set_input_files("#id_decision_scan_upload", PDF)
    shot(page, "21-application-form-hy")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/applications/\d+/$"))
    shot(page, "22-application-ready-hy")
    # Sign: confirm the password, type the full name, submit.
    page.click("a[href$='/sign/']")
    page.wait_for_url(re.compile("reauthenticate"))
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/sign/$"))
    page.fill("#id_typed_name", world.head.full_name)
    page.check("#id_confirm")
    shot(page, "23-sign-hy")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/applications/\d+/$"))
    application = MembershipApplication.objects.get(community=world.akunk)
    assert application.status == "submitted" and application.signed_by == world.head
    sign_out(page)

    # The secretariat reviews and approves.
    sign_in(page, world.secretariat.email)
    page.goto("/networks/m4eg/applications/")
    shot(page, "24-application-queue-hy")
    page.click(f"a[href='/networks/applications/{application.pk}/']")
    page.check("input[name=decision][value=approve]")
    shot(page, "25-application-review-hy")
    page.click("form[action$='/decide/'] button[type=submit]")
    page.wait_for_load_state()
    membership = Membership.objects.get(community=world.akunk)
    assert membership.status == "junior" and membership.plan_due
    sign_out(page)

    # The head submits the LEDP; the secretariat approves it; Akunk becomes acting.
    sign_in(page, world.head.email)
    page.goto(f"/networks/memberships/{membership.pk}/")
    page.fill("#id_title", "Ակունքի ՏՏԶԾ 2027–2030")
    page.set_input_files("#id_file", {**PDF, "name": "ledp.pdf"})
    page.check("input[name=building_blocks][value=finance]")
    page.check("input[name=building_blocks][value=skills]")
    page.click(f"form[action='/networks/memberships/{membership.pk}/plan/'] button")
    page.wait_for_load_state()
    shot(page, "26-membership-plan-submitted-hy")
    sign_out(page)
    sign_in(page, world.secretariat.email)
    page.goto(f"/networks/memberships/{membership.pk}/")
    page.check("input[name=decision][value=approve]")
    page.click("form[action$='/decide/'] button[type=submit]")
    page.wait_for_load_state()
    membership.refresh_from_db()
    assert membership.status == "acting"
    shot(page, "27-membership-acting-hy")
    page.goto("/networks/m4eg/members/")
    assert page.locator("td a:has-text('Ակունք')").count() == 1
    shot(page, "28-member-directory-hy")
    page.click("button[lang=en]")
    page.wait_for_load_state()
    shot(page, "29-member-directory-en")
