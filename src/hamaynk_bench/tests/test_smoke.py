"""The load driver at smoke-test size against a test server with the benchmark's URLs (the
real run is make scale-data + make bench on PostgreSQL; see docs/performance.md)."""

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from hamaynk.demo import scale
from hamaynk_bench import run

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.urls("hamaynk_bench.urls")
def test_bench_smoke_run_answers_every_endpoint(live_server):
    scale.generate(scale=0.01)
    targets, cookies = run.prepare()
    results = run.run_load(live_server.url, run.endpoints_for(targets), cookies,
                           requests=4, concurrency=2)
    assert [r.name for r in results if r.errors] == []
    assert {r.name for r in results} >= {"floor", "ranking (largest call)", "reviewer queue"}
    floor = next(r for r in results if r.name == "floor")
    assert floor.ratio_to_floor == 1.0
    assert "p95" in run.table(results)


def test_the_floor_is_not_a_url_of_the_site(settings, monkeypatch):
    monkeypatch.setenv("HAMAYNK_BENCH", "on")
    assert settings.ROOT_URLCONF == "hamaynk.config.urls"
    with pytest.raises(Resolver404):
        resolve("/_bench/floor/")
    assert Client().get("/_bench/floor/").status_code == 404
    assert not any("hamaynk_bench" in name for name in settings.MIDDLEWARE)
