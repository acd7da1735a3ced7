"""No developer text in the pages, and names in the reader's language (issue 14): region
filters offer only the regions of the countries in question, the registry check says
where its data came from once, eligibility names countries."""

import pytest
from django.urls import reverse
from django.utils import translation

from hamaynk.communities.models import Community
from hamaynk.grants import eligibility
from hamaynk.tests_support import CallFactory, CountryFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moldova(world):
    country = CountryFactory(code="MD", name_hy="Մոլդովա", name_en="Moldova")
    return RegionFactory(country=country, code="MD-CU", name_hy="", name_en="Chișinău")


def region_options(response):
    return [code for code, _label in response.context["form"].fields["region"].choices if code]


@pytest.mark.parametrize("page", ["members", "applications"])
def test_a_networks_lists_offer_only_the_regions_of_its_countries(client, world, moldova, page):
    client.force_login(world.secretariat)
    response = client.get(reverse(f"networks:{page}", args=["m4eg"]))
    assert set(region_options(response)) == {"AM-KT", "AM-TV"}


def test_a_region_names_its_country_only_where_the_list_spans_several(client, world, moldova):
    Community.objects.create(region=moldova, name_hy="", name_en="Chișinău")
    client.cookies["hamaynk_language"] = "hy"
    labels = dict(client.get(reverse("communities:directory"))
                  .context["filter"].form.fields["region"].choices)
    assert labels["AM-KT"] == "Կոտայք (Հայաստան)"
    assert labels["MD-CU"] == "Chișinău (Մոլդովա)"  # no Armenian name: the English one

    client.force_login(world.head)  # of Akunk, in Armenia
    labels = dict(client.get(reverse("communities:directory"))
                  .context["filter"].form.fields["region"].choices)
    assert "MD-CU" not in labels and labels["AM-KT"] == "Կոտայք"


def test_the_directory_offers_no_regions_of_a_country_without_communities(client, world,
                                                                          moldova):
    labels = dict(client.get(reverse("communities:directory"))
                  .context["filter"].form.fields["region"].choices)
    assert "MD-CU" not in labels and "AM-KT" in labels


def test_choosing_a_country_offers_its_regions(client, world, moldova):
    Community.objects.create(region=moldova, name_hy="", name_en="Chișinău")
    client.force_login(world.head)
    labels = dict(client.get(reverse("communities:directory"), {"country": "MD"})
                  .context["filter"].form.fields["region"].choices)
    assert "MD-CU" in labels and "AM-KT" not in labels


def test_a_calls_application_filter_offers_the_regions_of_its_eligible_countries(
        client, world, moldova):
    call = CallFactory(network=world.network, eligible_countries=["MD"])
    client.force_login(world.secretariat)
    response = client.get(reverse("grants:call_applications", args=[call.slug]))
    assert region_options(response) == ["MD-CU"]


def test_eligibility_names_the_countries_in_the_readers_language(world, moldova):
    call = CallFactory(network=world.network, eligible_countries=["AM", "MD"])
    with translation.override("hy"):
        rule = next(r for r in eligibility.check(call, world.akunk) if r.code == "country")
        assert "Հայաստան, Մոլդովա" in rule.message and "AM" not in rule.message
    with translation.override("en"):
        rule = next(r for r in eligibility.check(call, world.akunk) if r.code == "country")
        assert "Armenia, Moldova" in rule.message


def test_the_registry_check_says_once_where_its_data_came_from(client, world):
    Community.objects.create(region=world.kotayk, name_hy="Նոր", name_en="Nor",
                             is_verified=False,
                             provenance="Armenian names copied from a seed/mock-data file")
    Community.objects.create(region=world.kotayk, name_hy="Հին", name_en="Hin",
                             is_verified=False,
                             provenance="Armenian names copied from a seed/mock-data file")
    client.cookies["hamaynk_language"] = "hy"
    client.force_login(world.secretariat)
    html = client.get(reverse("communities:candidates")).content.decode()
    assert "Նոր" in html and "Հին" in html
    assert "seed/mock-data" not in html
    with translation.override("hy"):
        note = translation.gettext("The Armenian names come from an unofficial list; the "
                                   "English names are transliterations.")
    assert note.endswith("։") and html.count(note) == 1  # once, translated, above the list
