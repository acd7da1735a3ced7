"""`manage.py backup [--output FILE]`: one archive of the database and the stored files."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from hamaynk.core import backup


class Command(BaseCommand):
    help = ("Write one archive (tar.gz) of the database and the stored files, with a "
            "manifest; by default to HAMAYNK_VAR_DIR/backups/hamaynk-<UTC time>.tar.gz.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="the archive to write (default: see above)")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: Any, **options: Any) -> None:
        output = options["output"]
        destination = (Path(output) if output
                       else backup.default_archive_path(Path(settings.VAR_DIR) / "backups"))
        if destination.exists():
            raise CommandError(f"{destination} exists already; choose another --output.")
        try:
            manifest = backup.make_backup(destination=destination, using=options["database"])
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        for line in backup.iter_manifest_summary(manifest):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"backup written: {destination}"))
