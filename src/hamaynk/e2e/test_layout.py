"""Pages laid out for their content (issue 14): no horizontal scroll on a 375 px phone, cards
of a readable width at 1280 px, date inputs wide enough for their digits, directory filters
that show their whole label — in Armenian and English, with long names."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from hamaynk.e2e.test_journeys import sign_in
from hamaynk.networks.models import Membership
from hamaynk.tests_support import (
    AffiliationFactory,
    CallFactory,
    CommunityFactory,
    GrantApplicationFactory,
    GrantFactory,
    RegionFactory,
    TrancheFactory,
    configure_m4eg,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONG_COMMUNITY = "Սևանի լճի ափամերձ Ծովագյուղ-Շորժա-Ճամբարակ-Վարդենիսի խոշորացված"
LONG_HEAD = "Աստղիկ-Մարիամ Տեր-Ղևոնդյան-Հովհաննիսյան"


@pytest.fixture
def long_world(world):
    configure_m4eg(world.network)
    region = RegionFactory(code="AM-GR", name_hy="Գեղարքունիք", name_en="Gegharkunik",
                           genitive_hy="Գեղարքունիքի")
    community = CommunityFactory(region=region, name_hy=LONG_COMMUNITY,
                                 name_en="Sevan Lakeside Tsovagyugh-Shorzha-Chambarak")
    head = AffiliationFactory(community=community, role="head",
                              user__full_name=LONG_HEAD, user__email="long@example.am").user
    membership = Membership.objects.create(network=world.network, community=community,
                                           status="junior", since=datetime.date(2026, 3, 2),
                                           plan_due=datetime.date(2027, 3, 2))
    now = timezone.now()
    call = CallFactory(network=world.network, slug="seed-long", status="open",
                       title_hy="Մեկնարկային դրամաշնորհներ համայնքային նորարարական "
                                "նախագծերի համար", title_en="Seed grants",
                       opens_at=now - datetime.timedelta(days=1),
                       closes_at=now + datetime.timedelta(days=30))
    grant = GrantFactory(application=GrantApplicationFactory(
        call=call, community=community, title="Ծովագյուղի երիտասարդական նորարարական կենտրոն"),
        amount=Decimal("38000"))
    TrancheFactory(grant=grant, order=1, amount=Decimal("38000"),
                   due_date=(now + datetime.timedelta(days=60)).date())
    return {"community": community, "head": head, "membership": membership, "call": call,
            "grant": grant}


def pages_for(world, long_world):  # type: ignore[no-untyped-def]
    community = long_world["community"]
    head_pages = ["/networks/m4eg/", f"/networks/memberships/{long_world['membership'].pk}/",
                  f"/communities/{community.pk}/", "/communities/", "/my/",
                  f"/grants/calls/{long_world['call'].slug}/", "/networks/m4eg/members/",
                  f"/grants/grants/{long_world['grant'].pk}/"]
    secretariat_pages = ["/grants/new/m4eg/", f"/grants/grants/{long_world['grant'].pk}/",
                         "/networks/m4eg/applications/"]
    return [(long_world["head"].email, head_pages),
            (world.secretariat.email, secretariat_pages)]


def open_as(browser, live_server, email, language, width):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  base_url=live_server.url)
    context.add_cookies([{"name": "hamaynk_language", "value": language,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return context, page


@pytest.mark.parametrize("language", ["hy", "en"])
def test_no_touched_page_scrolls_sideways_on_a_phone(browser, live_server, shot, world,
                                                     long_world, language):
    for email, urls in pages_for(world, long_world):
        context, page = open_as(browser, live_server, email, language, 375)
        for url in urls:
            response = page.goto(url)
            assert response is not None and response.ok, url
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{url} is {width}px wide on a 375px phone ({language})"
        shot(page, f"60-phone-last-page-{language}")
        context.close()


@pytest.mark.parametrize("language", ["hy", "en"])
def test_wide_screen_gives_cards_inputs_and_filters_room(browser, live_server, shot, world,
                                                         long_world, language):
    context, page = open_as(browser, live_server, long_world["head"].email, language, 1280)
    page.goto("/networks/m4eg/")
    # "How to join" and the commitments: two readable columns, not a quarter of the page each.
    for card in page.locator("main section.card").all():
        assert card.bounding_box()["width"] >= 480
    shot(page, f"61-network-wide-{language}")
    page.goto("/communities/")
    # Each filter select is at least as wide as the label it shows (no «Բոլոր մարզերը / շր…»).
    cut = page.evaluate("""() => [...document.querySelectorAll('form.filters select')].filter(s => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(s).font; probe.style.whiteSpace = 'nowrap';
        probe.style.position = 'absolute';
        probe.textContent = s.options[s.selectedIndex].text;
        document.body.appendChild(probe);
        const needed = probe.getBoundingClientRect().width; probe.remove();
        return needed > s.clientWidth - 24;  // the arrow and the padding
    }).map(s => s.name)""")
    assert cut == [], f"filter labels cut in {language}: {cut}"
    context.close()
    context, page = open_as(browser, live_server, world.secretariat.email, language, 1280)
    page.goto("/grants/new/m4eg/")
    for name in ("opens_at", "closes_at"):
        assert page.locator(f"input[name={name}]").bounding_box()["width"] >= 200, name
    shot(page, f"62-call-form-wide-{language}")
    context.close()
