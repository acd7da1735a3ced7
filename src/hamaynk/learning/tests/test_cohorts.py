import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hamaynk.core.errors import DomainError
from hamaynk.grants import eligibility
from hamaynk.grants import services as grant_services
from hamaynk.grants.tests.conftest import call_values
from hamaynk.learning.models import Cohort
from hamaynk.learning.services import cohorts as services
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(world) -> Cohort:
    cohort = services.cohort_create(network=world.network, actor=world.secretariat,
                                    name_hy="Պորտֆելներ 2026", name_en="Portfolios 2026")
    services.cohort_add_community(cohort=cohort, community=world.dilijan,
                                  actor=world.secretariat, reason="Ունի զբոսաշրջության ծրագիր")
    services.cohort_set_coaches(cohort=cohort, coaches=[world.coach], actor=world.secretariat)
    return cohort


def test_only_the_secretariat_manages_cohorts(world, cohort):
    for person in (world.head, world.coach, world.reviewer):
        with pytest.raises(PermissionDenied):
            services.cohort_add_community(cohort=cohort, community=world.akunk, actor=person,
                                          reason="Փորձ")
    with pytest.raises(DomainError):
        services.cohort_add_community(cohort=cohort, community=world.dilijan,
                                      actor=world.secretariat, reason="Կրկին")
    with pytest.raises(DomainError):
        services.cohort_set_coaches(cohort=cohort, coaches=[world.reviewer],
                                    actor=world.secretariat)


def test_a_call_can_be_limited_to_a_cohort(world, cohort):
    call = grant_services.call_create(network=world.network, actor=world.secretariat,
                                      **call_values(eligible_cohort=cohort))
    assert eligibility.is_eligible(call, world.dilijan)
    assert not eligibility.is_eligible(call, world.akunk)
    assert {r.code for r in eligibility.check(call, world.akunk) if not r.ok} == {"cohort"}


@pytest.mark.parametrize("role", ROLES)
def test_cohort_pages_permission_matrix(client, world, cohort, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for url, allowed in ((reverse("learning:cohorts", args=["m4eg"]), {"secretariat"}),
                         (cohort.get_absolute_url(), {"secretariat", "coach"})):
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 302 if role == "anonymous" else 404), (
            role, url)


def test_secretariat_adds_a_community_in_the_page(client, world, cohort):
    client.force_login(world.secretariat)
    response = client.post(cohort.get_absolute_url(), {"community": world.akunk.pk})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert set(cohort.communities.all()) == {world.dilijan}
    client.post(cohort.get_absolute_url(), {"community": world.akunk.pk,
                                            "reason": "Նոր ղեկավարը պատրաստ է"})
    assert set(cohort.communities.all()) == {world.dilijan, world.akunk}
    assert cohort.members.get(community=world.akunk).reason == "Նոր ղեկավարը պատրաստ է"
    client.post(cohort.get_absolute_url(), {"remove": world.akunk.pk})
    assert set(cohort.communities.all()) == {world.dilijan}


def test_cohort_pages_are_paginated_with_fixed_queries(client, world, cohort):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hamaynk.tests_support import CommunityFactory

    client.force_login(world.secretariat)

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response

    urls = [cohort.get_absolute_url(), reverse("learning:cohorts", args=["m4eg"])]
    before = [count(u)[0] for u in urls]
    for i in range(30):
        services.cohort_add_community(cohort=cohort, actor=world.secretariat, reason="Թիմ",
                                      community=CommunityFactory(region=world.tavush))
        services.cohort_create(network=world.network, actor=world.secretariat,
                               name_hy=f"Խումբ {i}")
    after = [count(u) for u in urls]
    assert [n for n, _r in after] == before
    assert len(after[0][1].context["page_obj"].object_list) == 25


def test_the_form_listing_every_community_is_shown_only_when_asked_for(client, world, cohort):
    client.force_login(world.secretariat)
    page = client.get(cohort.get_absolute_url())
    assert page.context["form"] is None and "?add=1" in page.content.decode()
    asked = client.get(cohort.get_absolute_url() + "?add=1")
    assert asked.context["form"] is not None and 'name="community"' in asked.content.decode()
    client.force_login(world.coach)
    assert client.get(cohort.get_absolute_url() + "?add=1").context["form"] is None
