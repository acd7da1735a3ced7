"""Each role starts at the home page, opens its work queue («Իմ գործերը») and follows every
pending item's link to a page where that work can be done (issue 14)."""

import re

import pytest

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.portal.tests.test_work_queue import make_busy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each kind of work: what the landing page offers to do it.
ACTION = {
    "communities-affiliations": "form[action$='/verify/'] button",
    "grants-screen": "main form[method=post] button[type=submit]",
    "grants-questions": "#questions form[action*='answer='] button",
    "grants-reports-review": "main form button[name=decide]",
    "grants-payments": "form[action$='/pay/'] button",
    "networks-decide-m4eg": "form[action$='/decide/'] button",
    "grants-reviews": "main form button[type=submit]",
    "grants-drafts": "a[href*='/section/']",
    "networks-join": "form[action*='/join/'] button",
    "grants-reports-due": "main form[enctype='multipart/form-data'] button[type=submit]",
    "learning-cohorts": "main section.card a[href*='/coaching/']",  # the cohort's communities
    # the cohort's page at the community followed (its row, what it has pending)
    "learning-follow": "main tr:target a",
}

ROLES = {
    "secretariat": {"communities-affiliations", "grants-screen", "grants-questions",
                    "grants-reports-review", "grants-payments", "networks-decide-m4eg"},
    "reviewer": {"grants-reviews"},
    "head": {"grants-drafts", "networks-join"},
    "other_head": {"grants-reports-due", "networks-join"},
    "coach": {"learning-cohorts", "learning-follow"},  # Dilijan's report is due
}


def open_the_queue_from_home(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.click("header a.work")
    page.wait_for_url(re.compile(r"/my/work/$"))


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_reaches_every_pending_item_from_the_home_page(page, shot, world, role):
    make_busy(world)
    user = world.people()[role]
    sign_in(page, user.email)
    page.wait_for_load_state()
    open_the_queue_from_home(page)
    shot(page, f"60-work-{role}-hy")
    groups = page.locator("section.work-group")
    ids = {groups.nth(i).get_attribute("id") or "" for i in range(groups.count())}
    kinds = {re.sub(r"-\d+", "", kind): kind for kind in ids}  # a cohort's kinds carry its id
    assert set(kinds) == ROLES[role]
    links = [(group, a.get_attribute("href"))
             for group, anchor in kinds.items()
             for a in page.locator(f"section#{anchor} a.work-link").all()]
    assert links
    for group, href in links:
        page.goto(href)
        assert page.locator(ACTION[group]).first.is_visible(), (group, href)
        open_the_queue_from_home(page)


@pytest.mark.parametrize(("language", "empty"), [("hy", "Այժմ Ձեզ սպասող գործեր չկան"),
                                                 ("en", "Nothing waits for you now")])
def test_an_empty_queue_says_why_in_both_languages(page, shot, world, language, empty):
    from hamaynk.communities.models import Affiliation

    Affiliation.objects.filter(status="pending").delete()
    sign_in(page, world.reviewer.email)
    page.wait_for_load_state()
    if language == "en":
        page.click("header .lang button[value=en]")
        page.wait_for_load_state()
    open_the_queue_from_home(page)
    assert empty in page.locator("main").inner_text()
    assert page.locator("header a.work .badge").count() == 0
    page.set_viewport_size({"width": 375, "height": 800})
    shot(page, f"61-work-empty-reviewer-{language}-375")
