"""Email goes through the task queue: the database queue of the embedded default, and RQ on
Redis when REDIS_URL is set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from hamaynk.notifications.models import Notification
from hamaynk.notifications.tests.test_notifications import tell

REPO = Path(__file__).resolve().parents[4]
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_email_waits_in_the_database_queue_until_the_worker_runs(world, mailoutbox):
    with override_settings(TASKS=DB_QUEUE):
        from django_tasks_db.models import DBTaskResult

        note = tell(world.head)
        assert DBTaskResult.objects.count() == 1 and mailoutbox == []
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mailoutbox) == 1
    note.refresh_from_db()
    assert note.email_status == Notification.Email.SENT


def settings_with(**env: str) -> str:
    """The settings a fresh process reads from this environment (unset where a value is "")."""
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.TASKS['default']['BACKEND'], settings.CACHES['default']['BACKEND'])")
    base = {k: v for k, v in os.environ.items() if k not in env}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO,
        env={**base, "PYTHONPATH": str(REPO / "src"), "DEBUG": "on",
             "DJANGO_SETTINGS_MODULE": "hamaynk.config.settings",
             **{k: v for k, v in env.items() if v}})
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_embedded_default_needs_no_service():
    env = dict.fromkeys(("REDIS_URL", "TASKS_BACKEND", "DATABASE_URL"), "")
    assert settings_with(**env) == ("django_tasks_db.DatabaseBackend "
                                    "django.core.cache.backends.locmem.LocMemCache")


def test_redis_url_moves_cache_and_queue_to_redis():
    assert settings_with(REDIS_URL="redis://127.0.0.1:6379/13", TASKS_BACKEND="") == (
        "django_tasks_rq.RQBackend django.core.cache.backends.redis.RedisCache")
