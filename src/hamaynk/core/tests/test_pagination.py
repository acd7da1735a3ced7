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


def test_long_list_count_is_remembered_short_list_count_is_fresh(communities, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CACHE_FROM", 20)
    assert pagination.paginate(communities, 1).paginator.count == 30
    CommunityFactory(region=Region.objects.get(pk=communities[0].region_id))
    with CaptureQueriesContext(connection) as ctx:
        assert pagination.paginate(communities, 1).paginator.count == 30  # for a minute
    assert not any("COUNT" in q["sql"] for q in ctx.captured_queries)
    short = communities.filter(name_en__endswith="1")
    before = pagination.paginate(short, 1).paginator.count
    CommunityFactory(region=Region.objects.get(pk=communities[0].region_id), name_en="Zz 1")
    assert pagination.paginate(short, 1).paginator.count == before + 1


def test_a_different_filter_is_a_different_count(communities, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CACHE_FROM", 1)
    assert pagination.paginate(communities, 1).paginator.count == 30
    assert pagination.paginate(communities.filter(name_en__endswith="1"), 1
                               ).paginator.count < 30


def test_lists_that_are_not_querysets_still_paginate():
    page = pagination.paginate(list(range(60)), 3)
    assert list(page.object_list) == list(range(50, 60))


def test_count_key_tells_apart_what_changes_the_count(communities):
    keys = [pagination._count_key(qs) for qs in (
        communities,
        communities.filter(name_en="a"),
        communities.filter(name_en="b"),  # the same filter, another value
        communities.filter(region__code="a"),  # through a join
        communities.filter(name_en="a").distinct(),
        Community.objects.all(),
    )]
    assert None not in keys and len(set(keys)) == len(keys)
    # the list's columns and order do not change its count: one key
    assert pagination._count_key(communities.only("pk").order_by("-pk")) == keys[0]


def test_a_list_that_matches_nothing_counts_nothing(communities):
    assert pagination._count_key(communities.filter(pk__in=[])) is None
    assert pagination.paginate(communities.filter(pk__in=[]), 1).paginator.count == 0
