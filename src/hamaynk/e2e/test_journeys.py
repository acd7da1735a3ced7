"""The journeys of the foundation issue, in a real browser: browse the directory, open a
profile, switch language, sign in, and the secretariat verifying a community role."""

import re

import pytest

from hamaynk.communities.models import Affiliation

PASSWORD = "secret-pass-123"  # noqa: S105 - the factories' test password
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARMENIAN = re.compile("[\u0531-\u0587]")


def sign_in(page, email: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")


def test_visitor_browses_the_directory_and_switches_language(page, shot, world):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "hy"  # even for an English browser
    shot(page, "01-home-hy")
    page.fill("#home-q", "Ակունք")
    page.press("#home-q", "Enter")
    page.wait_for_url(re.compile(r"/communities/\?q="))
    assert page.locator("#results tbody tr").count() == 1
    shot(page, "02-directory-search-hy")
    page.click("#results a:has-text('Ակունք')")
    page.wait_for_url(re.compile(r"/communities/\d+/$"))
    assert page.locator("h1").inner_text() == "Ակունք"
    shot(page, "03-profile-hy")
    page.click("button[lang=en]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Akunk"
    shot(page, "04-profile-en")
    page.goto("/communities/")  # remembered on the next page
    assert page.locator("html").get_attribute("lang") == "en"
    page.select_option("#id_network", "m4eg")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile("network=m4eg"))
    assert [t.strip() for t in page.locator("#results tbody td:first-child a").all_inner_texts()
            ] == ["Dilijan"]
    shot(page, "05-directory-filtered-en")
    page.goto("/communities/?q=nothing-like-this")
    assert page.locator(".empty").is_visible()
    shot(page, "06-directory-empty-en")
    page.goto("/no-such-page/")
    shot(page, "07-404-en")


def test_directory_on_a_phone(browser, live_server, shot, world):
    context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/communities/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page is {width}px wide on a 375px phone"
    shot(page, "08-directory-phone-hy")
    page.goto(f"/communities/{world.akunk.pk}/")
    shot(page, "09-profile-phone-hy")
    for url in ("/", "/networks/m4eg/", "/networks/m4eg/members/", "/accounts/login/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, url
    context.close()


def test_directory_works_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/communities/")
    page.select_option("#id_region", "AM-KT")
    page.click("form.filters button[type=submit]")
    assert page.locator("#results tbody tr").count() == 1
    context.close()


def test_head_signs_in_and_secretariat_verifies_a_role(page, shot, world):
    sign_in(page, "head.akunk@example.am", "wrong-password")
    assert page.locator(".messages .error").is_visible()
    shot(page, "10-login-error-hy")
    sign_in(page, "head.akunk@example.am")
    page.wait_for_url(re.compile("/my/$"))
    shot(page, "11-dashboard-head-hy")
    page.goto(f"/communities/{world.akunk.pk}/edit/")
    page.fill("#id_website", "not a web address")
    page.click("main button[type=submit]")
    page.locator("#id_website_error").wait_for(state="visible")  # the refused page has loaded
    shot(page, "12-edit-error-hy")
    page.fill("#id_population", "6500")
    page.fill("#id_website", "https://kotayk-akunk.am")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(rf"/communities/{world.akunk.pk}/$"))
    assert "6" in page.locator("dl.facts").inner_text()
    shot(page, "13-profile-with-history-hy")
    page.click("header form button[type=submit]:not([name=language])")  # sign out
    page.wait_for_load_state()

    sign_in(page, "secretariat@example.am")
    page.goto("/communities/affiliations/")
    shot(page, "14-affiliations-queue-hy")
    page.click("button:has-text('Հաստատել'), button:has-text('Verify')")
    page.wait_for_load_state()
    shot(page, "15-affiliation-verified-hy")
    assert Affiliation.objects.get(user=world.pending).status == "verified"
