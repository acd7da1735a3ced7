"""The portfolio's core pages: who may open them, what they refuse (beside the field, never a
500), and a bounded number of queries whatever the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamaynk.communities.models import Contact, Organisation
from hamaynk.core import counts
from hamaynk.portfolios.models import Challenge, Mission, Portfolio, Stakeholder
from hamaynk.tests_support import (
    ROLES,
    ChallengeFactory,
    CohortMemberFactory,
    CommunityFactory,
    ContactFactory,
    EvidenceFactory,
    OrganisationFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db
WRITERS = {"staff", "head"}
READERS = {"staff", "head", "coach", "secretariat"}


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


def status_for(role, allowed):
    return 200 if role in allowed else 302 if role == "anonymous" else 404


def pages(portfolio):
    challenge = ChallengeFactory(portfolio=portfolio)
    stakeholder = StakeholderFactory(portfolio=portfolio)
    return {
        reverse("portfolios:portfolio", args=[portfolio.pk]): READERS,
        reverse("portfolios:stakeholder_grid", args=[portfolio.pk]): READERS,
        reverse("portfolios:mission", args=[portfolio.pk]): WRITERS,
        reverse("portfolios:challenge_new", args=[portfolio.pk]): WRITERS,
        reverse("portfolios:challenge", args=[challenge.pk]): WRITERS,
        reverse("portfolios:stakeholder_new", args=[portfolio.pk]) + "?q=a": WRITERS,
        reverse("portfolios:registry_new", args=[portfolio.pk, "organisation"]): WRITERS,
        reverse("portfolios:registry_new", args=[portfolio.pk, "person"]): WRITERS,
        reverse("portfolios:stakeholder", args=[stakeholder.pk]): WRITERS,
    }


@pytest.mark.parametrize("role", ROLES)
def test_core_pages_permission_matrix(client, world, portfolio, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for url, allowed in pages(portfolio).items():
        assert client.get(url).status_code == status_for(role, allowed), url
    assert client.get(reverse("portfolios:index")).status_code == (
        302 if role == "anonymous" else 200)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_head_changes_who_sees_it(client, world, portfolio, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    response = client.post(reverse("portfolios:sharing", args=[portfolio.pk]),
                           {"sharing": "cohort", "version": portfolio.version})
    assert response.status_code == (302 if role in {"head", "anonymous"} else 404)
    portfolio.refresh_from_db()
    assert portfolio.sharing == ("cohort" if role == "head" else "private")


def test_the_sharing_form_explains_each_choice_and_refuses_nonsense(client, world, portfolio):
    client.force_login(world.head)
    page = client.get(portfolio.get_absolute_url()).content.decode()
    assert "also everyone: a summary" in page and 'name="sharing"' in page
    for bad in ({"sharing": "everyone", "version": 1}, {"sharing": "public", "version": "x"},
                {"sharing": "public\x00", "version": 10**30}):
        response = client.post(reverse("portfolios:sharing", args=[portfolio.pk]), bad)
        assert response.status_code == 302
    portfolio.refresh_from_db()
    assert portfolio.sharing == "private"
    stale = client.post(reverse("portfolios:sharing", args=[portfolio.pk]),
                        {"sharing": "public", "version": portfolio.version + 5}, follow=True)
    assert stale.status_code == 200
    client.force_login(world.staff)
    assert 'name="sharing"' not in client.get(portfolio.get_absolute_url()).content.decode()


def test_the_index_groups_what_each_viewer_follows_and_starts_a_portfolio(client, world, member):
    client.force_login(world.head)
    page = client.get(reverse("portfolios:index")).content.decode()
    assert 'id="mine"' in page and f'name="start" value="{member.pk}"' in page
    response = client.post(reverse("portfolios:index"), {"start": member.pk})
    started = Portfolio.objects.get(member=member)
    assert response.url == started.get_absolute_url()
    client.force_login(world.coach)
    page = client.get(reverse("portfolios:index")).content.decode()
    assert 'id="coached"' in page and started.get_absolute_url() in page
    client.force_login(world.secretariat)
    assert 'id="network"' in client.get(reverse("portfolios:index")).content.decode()


def test_the_index_says_what_a_portfolio_is_when_there_is_none(client, world):
    client.force_login(world.other_head)
    page = client.get(reverse("portfolios:index")).content.decode()
    assert "You follow no portfolio yet" in page


@pytest.mark.parametrize("start", ["", "x", "9" * 30, "1\x00", "-1", "99999"])
def test_starting_another_or_no_portfolio_is_a_404(client, world, member, start):
    client.force_login(world.other_head)
    assert client.post(reverse("portfolios:index"), {"start": start}).status_code == 404
    client.force_login(world.head)
    assert client.post(reverse("portfolios:index"), {"start": start}).status_code == 404
    assert client.post(reverse("portfolios:index"), {"start": member.pk}).status_code == 302
    client.force_login(world.other_head)
    assert client.post(reverse("portfolios:index"), {"start": member.pk}).status_code == 404


def test_the_secretariat_index_runs_the_same_queries_for_1_and_30_communities(
        client, world, cohort, member):
    client.force_login(world.secretariat)

    def measure():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("portfolios:index")).status_code == 200
        return len(ctx.captured_queries)

    one = measure()
    for _ in range(29):
        CohortMemberFactory(cohort=cohort, community=CommunityFactory(region=world.tavush))
    assert measure() == one


def mission_data(**changes):
    year = timezone.localdate().year
    data = {"statement_hy": "Մինչև 2030 թ.", "horizon": year + 4, "indicator_hy": "տնային",
            "target": "30", "unit": "%", "building_blocks": ["skills"]}
    return {**data, **changes}


def test_the_mission_is_written_and_shown_with_its_blocks(client, world, portfolio):
    client.force_login(world.staff)
    url = reverse("portfolios:mission", args=[portfolio.pk])
    assert client.post(url, mission_data()).status_code == 302
    page = client.get(portfolio.get_absolute_url()).content.decode()
    assert "Մինչև 2030 թ." in page and "Skills and human capital" in page
    assert client.get(url).context["form"].initial["target"] == Mission.objects.get().target


@pytest.mark.parametrize(("changes", "field"), [
    ({"horizon": "1999"}, "horizon"), ({"horizon": "9" * 40}, "horizon"),
    ({"horizon": "two thousand"}, "horizon"), ({"target": "1e20"}, "target"),
    ({"target": "NaN"}, "target"), ({"baseline": "-" + "9" * 30}, "baseline"),
    ({"statement_hy": "a\x00b"}, "statement_hy"), ({"building_blocks": ["moon"]},
                                                    "building_blocks"),
    ({"statement_hy": ""}, "statement_hy"), ({"unit": "x" * 500}, "unit"),
])
def test_a_bad_mission_is_refused_beside_its_field(client, world, portfolio, changes, field):
    client.force_login(world.head)
    response = client.post(reverse("portfolios:mission", args=[portfolio.pk]),
                           mission_data(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert not Mission.objects.exists()


def test_a_challenge_is_added_given_evidence_and_removed_after_confirming(client, world,
                                                                            portfolio):
    client.force_login(world.staff)
    response = client.post(reverse("portfolios:challenge_new", args=[portfolio.pk]),
                           {"title_hy": "Ջուր չկա", "description": "Ամռանը"})
    challenge = Challenge.objects.get()
    url = reverse("portfolios:challenge", args=[challenge.pk])
    assert response.url == url
    bad = client.post(url, {"add_evidence": "1", "evidence-kind": "link",
                            "evidence-url": "javascript:alert(1)"})
    assert "web address" in str(bad.context["evidence_form"].errors["url"])
    client.post(url, {"add_evidence": "1", "evidence-kind": "link",
                      "evidence-url": "https://armstat.am/am/"})
    assert challenge.evidence.get().url == "https://armstat.am/am/"
    other = EvidenceFactory()  # another portfolio's
    assert client.post(url, {"remove_evidence": other.pk}).status_code == 404
    assert client.post(url, {"remove_evidence": "x" * 40}).status_code == 200
    confirm = client.post(url, {"remove": "1"})
    assert confirm.status_code == 200 and Challenge.objects.filter(pk=challenge.pk).exists()
    client.post(url, {"remove": "1", "confirmed": "yes"})
    assert not Challenge.objects.filter(pk=challenge.pk).exists()


@pytest.mark.parametrize("data", [
    {"title_hy": ""}, {"title_hy": "x" * 400}, {"title_hy": "\x00"},
    {"add_evidence": "1", "evidence-kind": "gossip"},
    {"add_evidence": "1", "evidence-kind": "note", "evidence-text": ""},
    {"add_evidence": "1", "evidence-kind": "file"},
    {"add_evidence": "1", "evidence-kind": "data", "evidence-text": "x" * 6000},
])
def test_a_bad_challenge_or_evidence_is_refused_without_a_500(client, world, portfolio, data):
    challenge = ChallengeFactory(portfolio=portfolio)
    client.force_login(world.head)
    response = client.post(reverse("portfolios:challenge", args=[challenge.pk]), data)
    assert response.status_code == 200
    form = response.context["evidence_form" if "add_evidence" in data else "form"]
    assert form.errors


def test_a_stakeholder_is_found_in_the_registry_chosen_and_rated(client, world, portfolio):
    ministry = OrganisationFactory(name_hy="Էկոնոմիկայի նախարարություն", name_en="Ministry")
    client.force_login(world.staff)
    url = reverse("portfolios:stakeholder_new", args=[portfolio.pk])
    found = client.get(url, {"q": "նախարար"}).content.decode()
    assert "Էկոնոմիկայի նախարարություն" in found and f'value="{ministry.pk}"' in found
    chosen = client.get(url, {"organisation": ministry.pk})
    assert chosen.context["chosen"].organisation == ministry
    bad = client.post(url, {"organisation": ministry.pk, "influence": "9", "interest": "x"})
    assert set(bad.context["form"].errors) == {"influence", "interest"}
    client.post(url, {"organisation": ministry.pk, "influence": "5", "interest": "2",
                      "role": "Թույլտվություններ"})
    assert Stakeholder.objects.get().influence == 5
    again = client.post(url, {"organisation": ministry.pk, "influence": "1", "interest": "1"})
    assert "already a stakeholder" in str(again.context["form"].errors)
    grid = client.get(reverse("portfolios:stakeholder_grid", args=[portfolio.pk]))
    assert grid["Content-Type"].startswith("image/svg+xml")
    assert "Ministry" in grid.content.decode() and "Keep satisfied" in grid.content.decode()
    narrow = client.get(reverse("portfolios:stakeholder_grid", args=[portfolio.pk]),
                        {"layout": "narrow"}).content.decode()
    # numbers only, larger: the name stays in the dot's tooltip but is not drawn beside it
    assert 'r="18"' in narrow and 'fill="#111"' not in narrow
    assert 'fill="#111"' in grid.content.decode()


@pytest.mark.parametrize("query", ["", "x" * 5000, "\x00", "%", "' OR 1=1 --"])
@pytest.mark.parametrize("extra", [{}, {"opage": "x"}, {"ppage": "9" * 40},
                                   {"organisation": "x"}, {"contact": "1\x00"}])
def test_the_registry_search_takes_any_input(client, world, portfolio, query, extra):
    client.force_login(world.head)
    response = client.get(reverse("portfolios:stakeholder_new", args=[portfolio.pk]),
                          {"q": query, **extra})
    assert response.status_code == 200


def test_choosing_a_registry_row_that_is_not_there_is_a_404(client, world, portfolio):
    client.force_login(world.head)
    url = reverse("portfolios:stakeholder_new", args=[portfolio.pk])
    assert client.get(url, {"organisation": 99999}).status_code == 404
    assert client.post(url, {"contact": 99999, "influence": 1, "interest": 1}).status_code == 404
    assert client.post(url, {"influence": 1, "interest": 1}).status_code == 404


def test_a_new_organisation_then_person_is_added_to_the_registry_and_chosen(client, world,
                                                                           portfolio):
    client.force_login(world.head)
    org_url = reverse("portfolios:registry_new", args=[portfolio.pk, "organisation"])
    response = client.post(org_url, {"kind": "donor", "name_en": "EU4Business",
                                     "website": "eu4business.eu"})
    added = Organisation.objects.get()
    assert response.url.endswith(f"?organisation={added.pk}")
    duplicate = client.post(org_url, {"kind": "donor", "name_hy": "eu4business"})
    assert "already in the registry" in str(duplicate.context["form"].errors["name_hy"])
    for bad in ({"kind": "club", "name_hy": "Ա"}, {"kind": "ngo"},
                {"kind": "ngo", "name_hy": "Բ", "country": "9" * 30},
                {"kind": "ngo", "name_hy": "Գ", "website": "javascript:x"}):
        assert client.post(org_url, bad).context["form"].errors
    StakeholderFactory(portfolio=portfolio, organisation=added)
    person_url = reverse("portfolios:registry_new", args=[portfolio.pk, "person"])
    response = client.post(person_url, {"full_name": "Արամ Պետրոսյան", "position": "Տնօրեն",
                                        "organisation": added.pk})
    assert response.url.endswith(f"?contact={Contact.objects.get().pk}")
    foreign = OrganisationFactory()  # not one of the portfolio's stakeholders
    refused = client.post(person_url, {"full_name": "Բ", "organisation": foreign.pk})
    assert refused.context["form"].errors["organisation"]
    assert client.get(reverse("portfolios:registry_new", args=[portfolio.pk, "x"])
                      ).status_code == 404


def test_a_stakeholder_is_changed_and_removed_after_confirming(client, world, portfolio):
    stakeholder = StakeholderFactory(portfolio=portfolio, contact=ContactFactory())
    client.force_login(world.staff)
    url = reverse("portfolios:stakeholder", args=[stakeholder.pk])
    bad = client.post(url, {"influence": "0", "interest": "3"})
    assert bad.context["form"].errors["influence"]
    client.post(url, {"influence": "2", "interest": "3", "role": "Ֆինանսավորող"})
    stakeholder.refresh_from_db()
    assert (stakeholder.influence, stakeholder.role) == (2, "Ֆինանսավորող")
    assert client.post(url, {"remove": "1"}).status_code == 200
    client.post(url, {"remove": "1", "confirmed": "yes"})
    assert not Stakeholder.objects.exists() and Contact.objects.exists()


def test_other_portfolios_ids_are_404_on_every_edit_page(client, world, portfolio):
    mine_not = StakeholderFactory()
    client.force_login(world.head)
    assert client.get(reverse("portfolios:stakeholder", args=[mine_not.pk])).status_code == 404
    other = ChallengeFactory()
    assert client.get(reverse("portfolios:challenge", args=[other.pk])).status_code == 404
    assert client.get(reverse("portfolios:mission", args=[mine_not.portfolio_id])
                      ).status_code == 404


def test_the_portfolio_page_and_grid_run_the_same_queries_for_1_and_30_rows(client, world,
                                                                           portfolio):
    client.force_login(world.head)
    page_url = portfolio.get_absolute_url()
    grid_url = reverse("portfolios:stakeholder_grid", args=[portfolio.pk])

    def measure(url):
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def add_rows(n):
        for _ in range(n):
            EvidenceFactory(challenge=ChallengeFactory(portfolio=portfolio))
            StakeholderFactory(portfolio=portfolio, contact=ContactFactory())

    add_rows(1)
    first = measure(page_url), measure(grid_url)
    add_rows(29)
    assert (measure(page_url), measure(grid_url)) == first
    grid = client.get(grid_url).content.decode()
    assert "+" in grid  # a crowded cell says how many more it holds


def test_the_registry_search_runs_the_same_queries_for_1_and_30_matches(client, world,
                                                                        portfolio):
    client.force_login(world.head)
    url = reverse("portfolios:stakeholder_new", args=[portfolio.pk]) + "?q=Civic"

    def measure():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    ContactFactory(full_name="Civic person")
    first = measure()
    for n in range(29):
        ContactFactory(full_name=f"Civic person {n}")
    assert measure() == first


def test_the_challenge_page_runs_the_same_queries_for_1_and_30_evidence(client, world,
                                                                        portfolio):
    challenge = ChallengeFactory(portfolio=portfolio)
    client.force_login(world.head)
    url = reverse("portfolios:challenge", args=[challenge.pk])

    def measure():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    EvidenceFactory(challenge=challenge)
    first = measure()
    for _ in range(29):
        EvidenceFactory(challenge=challenge)
    assert measure() == first
