"""A list's count is kept until a row it counts changes (core/counts.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamaynk.communities.models import Community
from hamaynk.core import counts, pagination
from hamaynk.tests_support import CommunityFactory, RegionFactory


def _count(region, name="test-list"):
    qs = Community.objects.filter(region=region).order_by("pk")
    return pagination.paginate(qs, 1, count_key=counts.key(name, region)).paginator.count


def test_a_named_count_is_counted_once_while_nothing_changes(db):
    region = RegionFactory()
    CommunityFactory.create_batch(3, region=region)
    assert _count(region) == 3
    with CaptureQueriesContext(connection) as ctx:
        assert _count(region) == 3
    assert not any("COUNT" in q["sql"] for q in ctx.captured_queries)


def test_a_named_count_follows_a_new_row_and_a_changed_row_at_once(db):
    region, other = RegionFactory.create(), RegionFactory.create()
    first = CommunityFactory.create(region=region)
    assert _count(region) == 1
    CommunityFactory(region=region)
    assert _count(region) == 2
    first.region = other
    first.save()
    assert _count(region) == 1
    assert _count(other) == 1


def test_a_bulk_write_is_followed_once_it_is_announced(db):
    region = RegionFactory()
    assert _count(region) == 0
    Community.objects.bulk_create([Community(name_hy="Նոր", name_en="New", region=region)])
    assert _count(region) == 0  # bulk inserts send no signal …
    counts.changed(Community)
    assert _count(region) == 1  # … so the code that makes them says so


def test_counts_of_different_filters_are_kept_apart(db):
    region, other = RegionFactory(), RegionFactory()
    CommunityFactory.create_batch(2, region=region)
    assert (_count(region), _count(other)) == (2, 0)
    # None and "" both mean "no filter": the same list, the same count
    assert counts.key("members", None, region) == counts.key("members", "", region)
    assert counts.key("directory", region) == f"directory:{region.pk}"


def test_a_count_of_an_untracked_model_is_refused(db):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from hamaynk.communities.models import Country

    with pytest.raises(ImproperlyConfigured, match="communities.Country"):
        counts.count(Country.objects.all(), name="countries")
