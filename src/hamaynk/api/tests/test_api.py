import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamaynk.tests_support import CommunityFactory

pytestmark = pytest.mark.django_db


def test_openapi_document_and_docs_are_served_offline(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/communities", "/api/regions", "/api/countries"} <= set(spec["paths"])
    docs = client.get("/api/docs").content.decode()
    assert "cdn.jsdelivr" not in docs and "unpkg" not in docs


def test_communities_filters_and_pagination(client, world):
    data = client.get("/api/communities", {"region": "AM-KT"}).json()
    assert data["count"] == 1 and data["items"][0]["name_hy"] == "Ակունք"
    data = client.get("/api/communities", {"network": "m4eg"}).json()
    assert [c["name_en"] for c in data["items"]] == ["Dilijan"]
    assert data["items"][0]["networks"] == [{"network": "m4eg", "status": "acting",
                                             "since": None}]
    assert client.get("/api/communities", {"q": "ԱԿՈՒՆՔ"}).json()["count"] == 1
    assert client.get("/api/communities", {"region": "AM-XX"}).json()["count"] == 0


def test_communities_page_size_is_capped_and_bad_page_is_a_clear_error(client, world):
    for _ in range(5):
        CommunityFactory(region=world.kotayk)
    data = client.get("/api/communities", {"page_size": 2, "page": 2}).json()
    assert data["count"] == 7 and len(data["items"]) == 2
    response = client.get("/api/communities", {"page": "abc"})
    assert response.status_code == 422


def test_community_list_query_count_is_fixed(client, world):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/communities")
        return len(ctx.captured_queries)

    before = queries()
    for _ in range(30):
        CommunityFactory(region=world.tavush)
    assert queries() == before <= 4


def test_unverified_community_is_404_in_the_api(client, world):
    candidate = CommunityFactory(region=world.kotayk, is_verified=False)
    assert client.get(f"/api/communities/{candidate.pk}").status_code == 404
    assert client.get(f"/api/communities/{world.akunk.pk}").json()["region"] == "AM-KT"


def test_regions_and_countries(client, registry):
    regions = client.get("/api/regions", {"country": "am"}).json()
    assert len(regions) == 11
    kotayk = next(r for r in regions if r["code"] == "AM-KT")
    assert kotayk["genitive_hy"] == "Կոտայքի"
    assert {c["code"] for c in client.get("/api/countries").json()} == {"AM", "MD", "UA"}


@pytest.mark.parametrize("page", ["99999999999999999999", "0", "-3", "1e9"])
def test_absurd_page_numbers_are_a_clear_answer_never_500(client, world, page):
    response = client.get("/api/communities", {"page": page})
    assert response.status_code in (200, 422)


def test_networks_and_public_members(client, world):
    networks = client.get("/api/networks").json()
    assert [(n["slug"], n["member_count"]) for n in networks] == [("caa", 0), ("m4eg", 1)]
    members = client.get("/api/networks/m4eg/members").json()
    assert members["items"][0]["community_en"] == "Dilijan"
    assert members["items"][0]["status"] == "acting"
    assert client.get("/api/networks/nope/members").status_code == 404


def test_my_applications_needs_sign_in_and_shows_only_my_communities(client, world):
    from hamaynk.networks.models import MembershipApplication

    MembershipApplication.objects.create(network=world.network, community=world.akunk)
    MembershipApplication.objects.create(network=world.network, community=world.dilijan,
                                         status="rejected")
    assert client.get("/api/me/applications").status_code == 401
    client.force_login(world.staff)
    items = client.get("/api/me/applications").json()["items"]
    assert [(a["community_hy"], a["status"]) for a in items] == [("Ակունք", "draft")]
    client.force_login(world.outsider)
    assert client.get("/api/me/applications").json()["items"] == []
