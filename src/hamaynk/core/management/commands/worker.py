"""`manage.py worker`: the background task worker that matches TASKS_BACKEND (Procfile,
`make worker`): RQ's worker with Redis, the database queue's worker otherwise."""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the task worker of the configured TASKS_BACKEND (rq or db)."

    def handle(self, *args: Any, **options: Any) -> None:
        backend = settings.TASKS_BACKEND
        if backend == "rq":
            call_command("rqworker", "default", job_class="django_tasks_rq.Job")
        elif backend == "db":
            call_command("db_worker")
        else:
            raise CommandError(f"TASKS_BACKEND={backend!r} runs tasks in the web process; "
                               "there is no worker to start.")
