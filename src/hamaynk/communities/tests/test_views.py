import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.communities.models import Affiliation, Community
from hamaynk.networks.models import Membership
from hamaynk.tests_support import CommunityFactory, RegionFactory

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    """The communities listed on a directory page, in order (read from the HTML: the rows
    are a cached fragment, not in the page's template context)."""
    ids = [int(i) for i in re.findall(r'href="/communities/(\d+)/"', response.content.decode())]
    by_id = dict(Community.objects.filter(pk__in=ids).values_list("pk", "name_en"))
    return [by_id[i] for i in ids]


def test_directory_search_finds_a_name_in_either_script_and_any_case(client, world):
    for query in ("akunk", "AKUNK", "Ակունք", "ակունք", "ԱԿՈՒՆՔ", "  ակ "):
        assert names(client.get("/communities/", {"q": query})) == ["Akunk"], query


def test_directory_filters_by_country_region_and_network(client, world):
    assert names(client.get("/communities/", {"region": "AM-KT"})) == ["Akunk"]
    assert names(client.get("/communities/", {"network": "m4eg"})) == ["Dilijan"]
    assert set(names(client.get("/communities/", {"country": "AM"}))) == {"Akunk", "Dilijan"}


def test_directory_hides_withdrawn_members_from_the_network_filter(client, world):
    Membership.objects.filter(community=world.dilijan).update(status="withdrawn")
    assert names(client.get("/communities/", {"network": "m4eg"})) == []


def test_directory_forged_filter_value_shows_an_error_next_to_the_field(client, world):
    response = client.get("/communities/", {"region": "AM-XX", "country": "'; drop"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_region_error"' in body and 'id="id_country_error"' in body
    assert 'id="id_network_error"' not in body
    assert set(names(response)) == {"Akunk", "Dilijan"}


@pytest.mark.parametrize("page", ["99999", "abc", "-1", "0", "1" * 40])
def test_directory_any_page_number_answers(client, world, page):
    assert client.get("/communities/", {"page": page}).status_code == 200


def test_directory_htmx_request_gets_only_the_results(client, world):
    response = client.get("/communities/", {"q": "dili"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body and "Dilijan" in body


def test_directory_paginates_and_runs_a_fixed_number_of_queries(client, world):
    def count_queries() -> int:
        cache.clear()  # each measure starts cold: kept filter options are forgotten on their own
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/communities/").status_code == 200
        return len(ctx.captured_queries)

    few = count_queries()
    region = RegionFactory(code="AM-SH", name_en="Shirak")
    for i in range(60):
        c = CommunityFactory(region=region, name_en=f"Village {i:02}", name_hy=f"Գյուղ {i:02}")
        Membership.objects.create(network=world.network, community=c, status="junior")
    many = count_queries()
    assert many == few <= 10
    response = client.get("/communities/")
    assert len(response.context["page_obj"].object_list) == 25


def test_profile_shows_networks_and_public_head_only(client, world):
    response = client.get(world.dilijan.get_absolute_url())
    body = response.content.decode()
    assert "Mayors for Economic Growth" in body or "Համայնքի ղեկավարները" in body
    response = client.get(world.akunk.get_absolute_url())
    people = response.context["people"]
    assert [a.role for a in people] == ["head"]
    assert response.context["history"] == []


def test_profile_shows_staff_and_history_to_the_community_itself(client, world):
    client.force_login(world.staff)
    response = client.get(world.akunk.get_absolute_url())
    assert {a.user for a in response.context["people"]} >= {world.head, world.staff}


def test_profile_query_count_is_bounded(client, world):
    client.force_login(world.secretariat)
    with CaptureQueriesContext(connection) as ctx:
        client.get(world.akunk.get_absolute_url())
    assert len(ctx.captured_queries) <= 15


def test_unverified_community_is_404_for_the_public_and_visible_to_the_secretariat(client, world):
    candidate = CommunityFactory(region=world.kotayk, is_verified=False)
    assert client.get(candidate.get_absolute_url()).status_code == 404
    client.force_login(world.secretariat)
    assert client.get(candidate.get_absolute_url()).status_code == 200
    response = client.post(reverse("communities:confirm", args=[candidate.pk]), follow=True)
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.is_verified


def test_affiliation_request_through_the_page(client, world):
    client.force_login(world.outsider)
    response = client.post(reverse("communities:affiliation_request"),
                           {"community": world.dilijan.pk, "role": "staff", "position": "ՏՏ"})
    assert response.status_code == 302
    assert Affiliation.objects.filter(user=world.outsider, status="pending").exists()


def test_affiliation_request_with_a_forged_community_id_shows_a_field_error(client, world):
    client.force_login(world.outsider)
    candidate = CommunityFactory(region=world.kotayk, is_verified=False)
    for forged in ("999999", "abc", str(candidate.pk)):
        response = client.post(reverse("communities:affiliation_request"),
                               {"community": forged, "role": "staff"})
        assert response.status_code == 200
        assert "community" in response.context["form"].errors
    assert not Affiliation.objects.filter(user=world.outsider).exists()


def test_affiliation_double_click_makes_one_request(client, world):
    client.force_login(world.outsider)
    data = {"community": world.dilijan.pk, "role": "staff"}
    client.post(reverse("communities:affiliation_request"), data)
    response = client.post(reverse("communities:affiliation_request"), data)
    assert response.status_code == 200 and response.context["form"].errors
    assert Affiliation.objects.filter(user=world.outsider).count() == 1


def test_secretariat_verifies_from_the_queue(client, world):
    client.force_login(world.secretariat)
    response = client.get(reverse("communities:affiliations"))
    assert [a.user for a in response.context["page_obj"]] == [world.pending]
    pending = Affiliation.objects.get(user=world.pending)
    client.post(reverse("communities:affiliation_decide", args=[pending.pk, "verify"]))
    pending.refresh_from_db()
    assert pending.status == "verified"


def test_reject_without_reason_is_refused_with_a_message(client, world):
    client.force_login(world.secretariat)
    pending = Affiliation.objects.get(user=world.pending)
    response = client.post(reverse("communities:affiliation_decide", args=[pending.pk, "reject"]),
                           {"reason": ""}, follow=True)
    assert list(response.context["messages"])
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_edit_profile_rejects_a_file_that_is_not_an_image(client, world):
    client.force_login(world.head)
    fake = __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
        "emblem.png", b"MZ\x90\x00 this is an exe", content_type="image/png")
    response = client.post(reverse("communities:edit", args=[world.akunk.pk]),
                           {"website": "https://kotayk-akunk.am", "population": "1200",
                            "official_code": "", "emblem_upload": fake})
    assert response.status_code == 200
    assert "emblem_upload" in response.context["form"].errors
    world.akunk.refresh_from_db()
    assert world.akunk.website == "" and world.akunk.emblem is None


def test_edit_profile_saves_and_records_history(client, world):
    client.force_login(world.staff)
    response = client.post(reverse("communities:edit", args=[world.akunk.pk]),
                           {"website": "https://kotayk-akunk.am", "population": "1 200"})
    assert response.status_code == 200  # "1 200" is not a number: error next to the field
    assert "population" in response.context["form"].errors
    response = client.post(reverse("communities:edit", args=[world.akunk.pk]),
                           {"website": "https://kotayk-akunk.am", "population": "1200"})
    assert response.status_code == 302
    world.akunk.refresh_from_db()
    assert world.akunk.population == 1200
    history = client.get(world.akunk.get_absolute_url()).context["history"]
    assert history[0].action == "communities.community.profile_changed"


def test_community_names_are_unique_per_region(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Community.objects.create(region=world.kotayk, name_hy="Ակունք", name_en="Akunk 2")


@pytest.mark.parametrize("url", ["/communities/{huge}/", "/communities/{huge}/edit/",
                                 "/files/{huge}/", "/communities/999999/",
                                 "/api/communities/{huge}"])
def test_forged_or_huge_ids_are_404_never_500(client, world, url):
    client.force_login(world.secretariat)
    response = client.get(url.format(huge="9" * 30))
    assert response.status_code in (404, 422)
    assert client.get(url.format(huge="99999999999999999999")).status_code in (404, 422)


def test_profile_shows_an_edit_at_once_and_the_edit_link_only_to_the_head(client, world,
                                                                          settings):
    """Visitors and the head see an edit at once; only the head has the edit link."""
    from hamaynk.communities import services

    url = world.akunk.get_absolute_url()
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    assert "12,345" not in client.get(url).content.decode()
    services.community_update_profile(community=world.akunk, actor=world.head,
                                      website="https://akunk.am", population=12345,
                                      official_code="")
    seen = client.get(url).content.decode()
    assert "12,345" in seen and "Edit profile" not in seen
    client.force_login(world.head)
    fresh = client.get(url).content.decode()
    assert "12,345" in fresh and "Edit profile" in fresh
    client.logout()
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "hy"})
    armenian = client.get(url).content.decode()
    assert re.search(r"12\D?345", armenian) and "Բնակչություն" in armenian
