from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hamaynk.communities import importer


class Command(BaseCommand):
    help = ("Import Armenia's marzes and communities (verified, and candidates flagged as "
            "unverified) from CSV, and Moldova's and Ukraine's regions from pycountry. "
            "Re-running updates; it never duplicates.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--marzes", type=Path, default=importer.MARZES_CSV)
        parser.add_argument("--communities", type=Path, default=importer.COMMUNITIES_CSV)
        parser.add_argument("--candidates", type=Path, default=importer.CANDIDATES_CSV)
        parser.add_argument("--no-candidates", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = importer.import_registry(
                marzes=options["marzes"], communities=options["communities"],
                candidates=None if options["no_candidates"] else options["candidates"])
        except importer.RegistryImportError as exc:
            raise CommandError(f"{exc} — nothing was imported.") from exc
        self.stdout.write(
            f"countries {report.countries}, regions {report.regions}, communities created "
            f"{report.created}, updated {report.updated}, unverified candidates added "
            f"{report.unverified_added}, already known {len(report.skipped)}")
