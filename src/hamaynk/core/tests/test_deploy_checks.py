"""`manage.py check --deploy`: clean with production settings; our own warnings when the
database is SQLite or the cache is per process in production."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core import checks

from hamaynk.core.checks import (
    cache_warnings,
    check_cache_is_shared,
    check_database_is_not_sqlite,
    database_warnings,
)

REPO = Path(__file__).resolve().parents[4]
LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r"}
SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "var/hamaynk.sqlite3"}
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "hamaynk"}
PRODUCTION = {
    "DEBUG": "off", "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "hamaynk.example.am", "CSRF_TRUSTED_ORIGINS": "https://hamaynk.example.am",
    "DATABASE_URL": "postgres://hamaynk@db.internal:5432/hamaynk",
    "REDIS_URL": "redis://cache.internal:6379/0", "WEB_CONCURRENCY": "4",
    "SECURE_COOKIES": "on", "SECURE_SSL_REDIRECT": "on", "SECURE_HSTS_SECONDS": "31536000",
    "BEHIND_TLS_PROXY": "on",
}


def ids(messages):
    return [message.id for message in messages]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
           **PRODUCTION, "HAMAYNK_VAR_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "hamaynk.config.settings"}

    run = subprocess.run([sys.executable, "manage.py", "check", "--deploy",
                          "--fail-level", "WARNING"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)

    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "System check identified no issues (2 silenced)."


def test_our_checks_run_with_deploy_only():
    assert check_database_is_not_sqlite in checks.registry.registry.get_checks(
        include_deployment_checks=True)
    assert check_cache_is_shared in checks.registry.registry.get_checks(
        include_deployment_checks=True)
    assert check_database_is_not_sqlite not in checks.registry.registry.get_checks()


def test_deploy_check_warns_when_debug_is_off_but_the_database_is_sqlite():
    warnings = database_warnings(debug=False, databases={"default": SQLITE})

    assert ids(warnings) == ["hamaynk.W001"]
    assert warnings[0].msg == "DEBUG is off but the database 'default' is SQLite."
    assert database_warnings(debug=False, databases={"default": POSTGRES}) == []
    assert database_warnings(debug=True, databases={"default": SQLITE}) == []


def test_deploy_check_warns_of_a_per_process_cache_with_several_workers():
    warnings = cache_warnings(debug=False, caches={"default": LOCMEM}, redis_url="redis://r",
                              workers=3)

    assert ids(warnings) == ["hamaynk.W002"]
    assert warnings[0].msg == ("The cache 'default' is kept in each process (LocMemCache) "
                               "with 3 web worker(s), a task worker and a scheduler.")


def test_deploy_check_warns_of_a_per_process_cache_without_redis_even_with_one_worker():
    assert ids(cache_warnings(debug=False, caches={"default": LOCMEM}, redis_url="",
                              workers=1)) == ["hamaynk.W002"]


def test_deploy_check_accepts_redis_and_the_rows_cache_kept_per_process_by_design():
    caches = {"default": REDIS, "rows": LOCMEM}

    assert cache_warnings(debug=False, caches=caches, redis_url="redis://r", workers=4) == []
    assert cache_warnings(debug=True, caches={"default": LOCMEM}, redis_url="", workers=4) == []
