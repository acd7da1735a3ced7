"""The public pages: the list of published portfolios and a published portfolio's summary
with its canvas, open to everyone; an unpublished one is a 404 there for whoever may not
see it inside; the summary shows no person's name, no evidence, risk or comment; lists keep
their number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.grants import services as grants
from hamaynk.grants.models import Application, Grant
from hamaynk.grants.tests.conftest import call_values
from hamaynk.portfolios.models import GrantLink, Portfolio
from hamaynk.tests_support import (
    ROLES,
    ChallengeFactory,
    ContactFactory,
    EvidenceFactory,
    InterventionFactory,
    PortfolioFactory,
    RiskFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


def publish(portfolio):
    Portfolio.objects.filter(pk=portfolio.pk).update(sharing="public")
    portfolio.refresh_from_db()
    return portfolio


def test_a_published_summary_shows_the_mission_interventions_organisations_and_grants(
        client, world, portfolio):
    publish(portfolio)
    challenge = ChallengeFactory(portfolio=portfolio, title_en="Young people leave")
    EvidenceFactory(challenge=challenge, text="Secret census note")
    intervention = InterventionFactory(portfolio=portfolio, title_en="Guest houses")
    StakeholderFactory(portfolio=portfolio, organisation__name_en="Park office")
    StakeholderFactory(portfolio=portfolio, organisation=None,
                       contact=ContactFactory(full_name="Anna Private"))
    RiskFactory(portfolio=portfolio, description="Secret risk")
    call = grants.call_create(network=world.network, actor=world.secretariat,
                              **call_values(slug="seed-2025", title_en="Seed 2025"))
    application = Application.objects.create(call=call, community=world.akunk,
                                             form_version=call.current_form, status="awarded")
    Grant.objects.create(application=application, call=call, community=world.akunk,
                         amount=15000, currency="USD", awarded_at=call.opens_at)
    GrantLink.objects.create(intervention=intervention, application=application)
    page = client.get(reverse("portfolios:summary", args=[portfolio.pk])).content.decode()
    for shown in ("Young people leave", "Guest houses", "Park office", "Seed 2025", "15,000"):
        assert shown in page, shown
    for hidden in ("Secret census note", "Anna Private", "Secret risk"):
        assert hidden not in page, hidden
    svg = client.get(reverse("portfolios:summary_canvas_svg", args=[portfolio.pk]))
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")


def test_the_published_list_names_only_published_portfolios(client, world, portfolio, peer):
    other = PortfolioFactory(member=peer)
    publish(other)
    page = client.get(reverse("portfolios:published")).content.decode()
    assert reverse("portfolios:summary", args=[other.pk]) in page
    assert reverse("portfolios:summary", args=[portfolio.pk]) not in page


SEE = {"staff", "head", "coach", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_summary_is_seen_only_by_who_sees_the_portfolio(client, world,
                                                                       portfolio, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for name in ("portfolios:summary", "portfolios:summary_canvas_svg"):
        status = client.get(reverse(name, args=[portfolio.pk])).status_code
        assert status == (200 if role in SEE else 404), name
    publish(portfolio)
    for name in ("portfolios:summary", "portfolios:summary_canvas_svg",
                 "portfolios:published"):
        assert client.get(reverse(name, args=[portfolio.pk] if "summary" in name else []
                                  )).status_code == 200


def test_a_missing_or_odd_summary_is_a_404(client):
    for url in ("/portfolios/99999/summary/", f"/portfolios/{'9' * 25}/summary/",
                "/portfolios/99999/summary/canvas.svg"):
        assert client.get(url).status_code == 404


def test_the_published_list_and_summary_keep_their_queries(client, world, cohort):
    from hamaynk.learning.services import cohorts as cohort_services
    from hamaynk.tests_support import CommunityFactory

    def add(n):
        for _ in range(n):
            member = cohort_services.cohort_add_community(
                cohort=cohort, community=CommunityFactory(region=world.kotayk),
                actor=world.secretariat, reason="Ունի ծրագիր")
            found = publish(PortfolioFactory(member=member))
            InterventionFactory(portfolio=found)
            StakeholderFactory(portfolio=found)

    def queries(url):
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(1)
    one = queries(reverse("portfolios:published"))
    add(29)
    assert queries(reverse("portfolios:published")) == one
    first = Portfolio.objects.order_by("pk").first()
    assert first is not None
    summary = reverse("portfolios:summary", args=[first.pk])
    before = queries(summary)
    for _ in range(20):
        InterventionFactory(portfolio=first)
        StakeholderFactory(portfolio=first)
    assert queries(summary) == before
