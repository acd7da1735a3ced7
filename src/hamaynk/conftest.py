import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in tests


_TRAVELS: list = []  # the --today travel, kept alive for the session


def pytest_configure(config):
    """HAMAYNK_TEST_TODAY=YYYY-MM-DD runs the suite as if today were that date (the clock
    ticks on from its noon UTC): no test may depend on the day it runs."""
    today = os.environ.get("HAMAYNK_TEST_TODAY", "")
    if today:
        import datetime

        import time_machine

        day = datetime.date.fromisoformat(today)
        start = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        _TRAVELS.append(time_machine.travel(start, tick=True))
        _TRAVELS[-1].start()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "files")}}}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (cached choices and counts belong to the data of
    the test that made them)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_parsed_definitions():
    """Frozen definitions are kept per process by pk; a rolled-back test's pks come again."""
    from hamaynk.questionnaires.models import forget_parsed

    forget_parsed()
    yield


@pytest.fixture
def registry(db):
    """The real registry, imported from the vendored CSV files."""
    from hamaynk.communities.importer import import_registry

    return import_registry()


@pytest.fixture
def world(db):
    """Two communities in two marzes, a network, and one person per role."""
    from hamaynk.tests_support import build_world

    return build_world()
