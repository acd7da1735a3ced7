"""`manage.py restore FILE [--force]`: an archive of `manage.py backup` into an empty
database and file storage, checked against its manifest afterwards."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from hamaynk.core import backup


class Command(BaseCommand):
    help = ("Restore a backup archive into an EMPTY database and file storage (migrating "
            "it first), then check the row counts and file hashes against the manifest.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="a .tar.gz written by manage.py backup")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--force", action="store_true",
            help="replace whatever the target database holds (flush), and the archive's "
                 "files in the storage")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"No such backup file: {archive}")
        try:
            result = backup.restore_backup(archive=archive, using=options["database"],
                                           force=options["force"])
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"restored {result.rows} rows in {result.tables} tables and {result.files} "
            "files; the counts and sha256 hashes match the manifest."))
