from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hamaynk.demo import scale


class Command(BaseCommand):
    help = ("Generate the deterministic 'Eastern Partnership × 10' dataset for load tests "
            "(--scale 1.0 = 25,000 communities, 250,000 applications, 1,000,000 reviews). "
            "Re-running replaces the previous set.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--clear", action="store_true", help="only remove the dataset")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["clear"]:
            scale.clear()
            self.stdout.write("scale dataset removed")
            return
        report = scale.generate(scale=options["scale"], seed=options["seed"], out=self.stdout)
        made = ", ".join(f"{k} {v:,}" for k, v in report.counts.items())
        self.stdout.write(f"made in {report.seconds:.0f} s: {made}")
