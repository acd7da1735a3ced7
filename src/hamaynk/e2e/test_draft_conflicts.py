"""A grant application page in a browser: one person's autosaves follow each other, and a
save on a version someone else has changed since is refused next to the form with the typed
text still there — by autosave (htmx) and by the Save button (issue 12)."""

import pytest
from django.urls import reverse
from django.utils import translation

from hamaynk.core.workflow import SAVED_ELSEWHERE
from hamaynk.e2e.test_journeys import sign_in
from hamaynk.grants import services
from hamaynk.grants.models import Application
from hamaynk.grants.tests.conftest import draft, open_call  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_for_version(page, version: int) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        f"() => document.querySelector('#id_draft-version').value === '{version}'")


@pytest.mark.parametrize("language", ["hy", "en"])
def test_autosaves_follow_each_other_and_a_stale_save_keeps_the_text(
        page, shot, world, draft, live_server, language):  # noqa: F811
    page.context.add_cookies([{"name": "hamaynk_language", "value": language,
                               "url": live_server.url}])
    sign_in(page, world.staff.email)
    page.wait_for_load_state()
    page.goto(reverse("grants:application_section", args=[draft.pk, "project"]))
    version = draft.version
    page.fill("#id_title", "Ակունքի կոոպերատիվ")
    page.fill("#id_months", "12")
    for n, text in enumerate(["Առաջին", "Առաջին տարբերակ", "Առաջին տարբերակը"], start=1):
        page.fill("#id_summary", text)
        page.press("#id_summary", "Tab")  # "change": the autosave follows 600 ms later
        wait_for_version(page, version + n)
    draft.refresh_from_db()
    assert draft.version == version + 3 and draft.answers["summary"] == "Առաջին տարբերակը"

    services.application_save_section(  # someone else, in another office
        application=draft, actor=world.head, expected_version=draft.version,
        answers={"summary": "Ղեկավարի տեքստը"})
    with translation.override(language):
        message = str(SAVED_ELSEWHERE)
    page.fill("#id_summary", "Իմ երկար տեքստը, որը չպետք է կորչի")
    page.press("#id_summary", "Tab")
    page.wait_for_selector("#save-alert li.error")
    assert page.inner_text("#save-alert li.error") == message
    assert page.input_value("#id_summary") == "Իմ երկար տեքստը, որը չպետք է կորչի"
    assert page.input_value("#id_draft-version") == str(version + 3)  # still stale
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"50-stale-autosave-{language}-{width}")

    page.click("main form button[name=save]")  # the plain post says the same
    page.wait_for_load_state()
    assert page.inner_text("#save-alert li.error") == message
    assert page.input_value("#id_summary") == "Իմ երկար տեքստը, որը չպետք է կորչի"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, f"51-stale-save-{language}-{width}")
    assert Application.objects.get().answers["summary"] == "Ղեկավարի տեքստը"
