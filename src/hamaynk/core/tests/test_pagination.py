import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamaynk.communities.models import Community, Region
from hamaynk.core import pagination
from hamaynk.tests_support import CommunityFactory, RegionFactory


@pytest.fixture
def communities(db):
    region = RegionFactory()
    CommunityFactory.create_batch(30, region=region)
    return Community.objects.filter(region=region).select_related("region").order_by(
        "name_en", "pk")


def test_deep_page_fetches_rows_by_key_in_the_list_order(communities, monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_FROM", 5)
    expected = list(communities)[10:15]
    with CaptureQueriesContext(connection) as ctx:
        page = pagination.paginate(communities.all(), 3, per_page=5)
        rows = list(page.object_list)
        assert [r.region.code for r in rows]  # the related rows came with them
    assert rows == expected
    count, keys, fetch = (q["sql"] for q in ctx.captured_queries)  # and nothing else
    assert "COUNT" in count
    assert "OFFSET" in keys and "region" not in keys.split("FROM")[0]
    assert "OFFSET" not in fetch and "IN (" in fetch


def test_a_page_near_the_end_is_found_from_the_end_in_the_list_order(communities,
                                                                     monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_FROM", 5)
    expected = list(communities)
    for number in (4, 5, 6):
        page = pagination.paginate(communities.all(), number, per_page=5)
        assert list(page.object_list) == expected[(number - 1) * 5:number * 5]
    last = pagination.paginate(communities.all(), 3, per_page=7)  # a short last page
    assert list(last.object_list) == expected[14:21]
    assert list(pagination.paginate(communities.all(), 5, per_page=7).object_list) == \
        expected[28:]


def test_keys_first_on_request_even_on_the_first_page(communities):
    expected = list(communities)[:5]
    with CaptureQueriesContext(connection) as ctx:
        page = pagination.paginate(communities.all(), 1, per_page=5, keys_first=True)
        rows = list(page.object_list)
        assert page.paginator.count == 30 and page.paginator.num_pages == 6
    assert rows == expected
    keys, fetch = (q["sql"] for q in ctx.captured_queries)  # counted with the keys
    assert "OVER" in keys and "region" not in keys.split("FROM")[0]
    assert "IN (" in fetch and "OVER" not in fetch


def test_keys_first_page_past_the_end_or_nothing_found(communities):
    page = pagination.paginate(communities.all(), 99, per_page=7, keys_first=True)
    assert page.number == 5 and list(page.object_list) == list(communities)[28:]
    assert pagination.paginate(communities.all(), "x", per_page=7, keys_first=True).number == 1
    huge = pagination.paginate(communities.all(), "9" * 20, per_page=7, keys_first=True)
    assert huge.number == 5  # an offset no database takes: the last page, as Django says
    empty = pagination.paginate(communities.filter(name_en="none"), 1, keys_first=True)
    assert empty.paginator.count == 0 and list(empty.object_list) == []
    second = pagination.paginate(communities.all(), 2, per_page=7, keys_first=True)
    assert list(second.object_list) == list(communities)[7:14] and second.has_next()


def test_first_pages_are_sliced_as_usual(communities):
    page = pagination.paginate(communities, 2, per_page=5)
    assert list(page.object_list) == list(communities)[5:10]
    assert page.paginator.num_pages == 6


def test_page_past_the_end_gives_the_last_page(communities, monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_FROM", 5)
    page = pagination.paginate(communities, 99, per_page=7)
    assert page.number == 5
    assert list(page.object_list) == list(communities)[28:]


def test_the_count_shows_a_change_at_once(communities):
    assert pagination.paginate(communities, 1).paginator.count == 30
    CommunityFactory(region=Region.objects.get(pk=communities[0].region_id))
    assert pagination.paginate(communities, 1).paginator.count == 31
    assert pagination.paginate(communities.filter(name_en__endswith="1"), 1
                               ).paginator.count < 31


def test_a_deep_page_of_a_distinct_list(communities, monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_FROM", 5)
    distinct = communities.filter(region__communities__isnull=False).distinct()
    page = pagination.paginate(distinct, 3, per_page=5)
    assert page.paginator.count == 30
    assert list(page.object_list) == list(communities)[10:15]


def test_lists_that_are_not_querysets_still_paginate():
    page = pagination.paginate(list(range(60)), 3)
    assert list(page.object_list) == list(range(50, 60))


def test_a_list_that_matches_nothing_counts_nothing(communities):
    assert pagination.paginate(communities.filter(pk__in=[]), 1).paginator.count == 0
