"""Every list page runs the same number of queries with 1 row and with 30."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.networks.models import Membership, Network, NetworkRole
from hamaynk.tests_support import AffiliationFactory, CommunityFactory, UserFactory

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    cache.clear()  # each measure starts cold: kept filter options are forgotten on their own
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def grow(world, n: int) -> None:
    for i in range(n):
        community = CommunityFactory(region=world.tavush, is_verified=i % 2 == 1)
        AffiliationFactory(community=community, status="pending")
        Membership.objects.create(network=world.network, community=community, status="junior")
        NetworkRole.objects.create(user=UserFactory(), network=world.network, role="reviewer")
        n = Network.objects.count()
        Network.objects.create(slug=f"net{n}", short_name=f"N{n}", name_hy="Ցանց", name_en="Net")


@pytest.mark.parametrize(("who", "url"), [
    ("secretariat", reverse("communities:affiliations")),
    ("secretariat", reverse("communities:affiliations") + "?status=verified"),
    ("secretariat", reverse("communities:candidates")),
    ("secretariat", reverse("networks:team", args=["m4eg"])),
    (None, reverse("home")),
    (None, reverse("communities:directory") + "?network=m4eg"),
    ("head", reverse("dashboard")),
])
def test_list_page_query_count_does_not_grow_with_rows(client, world, who, url):
    if who:
        client.force_login(getattr(world, who))
    grow(world, 1)
    small = queries(client, url)
    grow(world, 30)
    assert queries(client, url) == small <= 14
