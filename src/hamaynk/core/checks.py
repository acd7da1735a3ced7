"""Our own deploy checks (`manage.py check --deploy`): settings that work on one machine
but lose data or correctness in production."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

SQLITE = "django.db.backends.sqlite3"
PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache",
                      "django.core.cache.backends.dummy.DummyCache")
# Caches that are per process on purpose (settings.py says why).
PER_PROCESS_BY_DESIGN = {"rows"}


def database_warnings(*, debug: bool,
                      databases: Mapping[str, Mapping[str, Any]]) -> list[CheckMessage]:
    if debug:
        return []
    return [Warning(
        f"DEBUG is off but the database {alias!r} is SQLite.",
        hint="SQLite lets one process write at a time and lives on this machine's disk; "
             "set DATABASE_URL to PostgreSQL (postgres://user@host:5432/hamaynk).",
        id="hamaynk.W001")
        for alias, config in databases.items() if config["ENGINE"] == SQLITE]


def cache_warnings(*, debug: bool, caches: Mapping[str, Mapping[str, Any]], redis_url: str,
                   workers: int) -> list[CheckMessage]:
    """A per-process cache is wrong with several web workers, and without Redis always:
    the task worker and the scheduler are processes of their own."""
    if debug or (workers <= 1 and redis_url):
        return []
    return [Warning(
        f"The cache {alias!r} is kept in each process ({config['BACKEND'].rsplit('.', 1)[-1]})"
        f" with {workers} web worker(s), a task worker and a scheduler.",
        hint="Sign-in throttling, kept counts and cached pages then differ from process to "
             "process; set REDIS_URL (the cache and sessions move to Redis).",
        id="hamaynk.W002")
        for alias, config in caches.items()
        if config["BACKEND"] in PER_PROCESS_CACHES and alias not in PER_PROCESS_BY_DESIGN]


@register(Tags.database, deploy=True)
def check_database_is_not_sqlite(app_configs: Sequence[AppConfig] | None = None,
                                 **kwargs: Any) -> list[CheckMessage]:
    return database_warnings(debug=settings.DEBUG, databases=settings.DATABASES)


@register(Tags.caches, deploy=True)
def check_cache_is_shared(app_configs: Sequence[AppConfig] | None = None,
                          **kwargs: Any) -> list[CheckMessage]:
    return cache_warnings(debug=settings.DEBUG, caches=settings.CACHES,
                          redis_url=settings.REDIS_URL, workers=settings.HAMAYNK_WEB_WORKERS)
