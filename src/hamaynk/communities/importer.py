"""Import of the community registry from CSV files. Every row is checked first; one bad row
stops the import with its file and line number, and nothing is written."""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
from django.db import transaction

from hamaynk.communities.models import Community, Country, Region
from hamaynk.core import audit
from hamaynk.core.parsing import parse_int

DATA_DIR = Path(__file__).resolve().parent / "data"
MARZES_CSV = DATA_DIR / "am_marzes.csv"
COMMUNITIES_CSV = DATA_DIR / "am_communities.csv"
CANDIDATES_CSV = DATA_DIR / "am_communities_candidates_unverified.csv"

COUNTRIES = {
    "AM": {"name_hy": "Հայաստան", "name_en": "Armenia", "name_ro": "Armenia",
           "name_uk": "Вірменія", "name_ru": "Армения", "time_zone": "Asia/Yerevan"},
    "MD": {"name_hy": "Մոլդովա", "name_en": "Moldova", "name_ro": "Republica Moldova",
           "name_uk": "Молдова", "name_ru": "Молдова", "time_zone": "Europe/Chisinau"},
    "UA": {"name_hy": "Ուկրաինա", "name_en": "Ukraine", "name_ro": "Ucraina",
           "name_uk": "Україна", "name_ru": "Украина", "time_zone": "Europe/Kyiv"},
}
# The genitive of each marz, as documents need it: «Կոտայքի մարզ», «Լոռու մարզ».
MARZ_GENITIVE = {
    "AM-AG": "Արագածոտնի", "AM-AR": "Արարատի", "AM-AV": "Արմավիրի", "AM-GR": "Գեղարքունիքի",
    "AM-KT": "Կոտայքի", "AM-LO": "Լոռու", "AM-SH": "Շիրակի", "AM-SU": "Սյունիքի",
    "AM-TV": "Տավուշի", "AM-VD": "Վայոց ձորի", "AM-ER": "Երևանի",
}
PYCOUNTRY_KINDS = {
    "District": Region.Kind.RAION, "City": Region.Kind.MUNICIPALITY,
    "Autonomous territorial unit": Region.Kind.AUTONOMOUS, "Territorial unit": Region.Kind.OTHER,
    "Region": Region.Kind.OBLAST, "Republic": Region.Kind.AUTONOMOUS,
}
ISO_AM = re.compile(r"^AM-[A-Z]{2}$")
ARMENIAN = re.compile(r"^[\u0531-\u0587\s\-]+$")


class RegistryImportError(Exception):
    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path.name}, line {line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class ImportReport:
    countries: int = 0
    regions: int = 0
    created: int = 0
    updated: int = 0
    unverified_added: int = 0
    skipped: list[str] = field(default_factory=list)


def _read(path: Path, required: set[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise RegistryImportError(path, 1, f"missing columns: {', '.join(sorted(missing))}")
            return [(n, {k: (v or "").strip() for k, v in row.items() if k})
                    for n, row in enumerate(reader, start=2)]
    except FileNotFoundError as exc:
        raise RegistryImportError(path, 0, "file not found") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise RegistryImportError(path, 0, f"not a UTF-8 CSV file ({exc})") from exc


def _int(value: str, path: Path, line: int, column: str) -> int | None:
    if not value:
        return None
    number = parse_int(value, maximum=2**31 - 1)
    if number is None:
        raise RegistryImportError(path, line, f"{column} must be a whole number, not {value!r}")
    return number


def _check_community(row: dict[str, str], path: Path, line: int, marzes: set[str],
                     en_column: str) -> None:
    if row["marz_iso"] not in marzes:
        raise RegistryImportError(path, line, f"unknown marz {row['marz_iso']!r}")
    if not row["community_hy"] or not ARMENIAN.match(row["community_hy"]):
        raise RegistryImportError(path, line, "community_hy must be an Armenian name")
    if not row[en_column]:
        raise RegistryImportError(path, line, f"{en_column} is empty")


@transaction.atomic
def import_registry(*, marzes: Path = MARZES_CSV, communities: Path = COMMUNITIES_CSV,
                    candidates: Path | None = CANDIDATES_CSV, actor: Any = None) -> ImportReport:
    """Import (or re-import: rows are matched by region and name, never duplicated)."""
    report = ImportReport()
    marz_rows = _read(marzes, {"marz_iso", "marz_hy", "marz_en", "population_2011_census"})
    for line, row in marz_rows:
        if not ISO_AM.match(row["marz_iso"]):
            raise RegistryImportError(marzes, line, f"bad ISO 3166-2 code {row['marz_iso']!r}")
        if not row["marz_hy"] or not row["marz_en"]:
            raise RegistryImportError(marzes, line, "marz name is empty")
        _int(row["population_2011_census"], marzes, line, "population_2011_census")
    codes = {row["marz_iso"] for _, row in marz_rows}
    community_rows = _read(communities, {"marz_iso", "community_hy", "community_en",
                                         "population", "source_url"})
    for line, row in community_rows:
        _check_community(row, communities, line, codes, "community_en")
        _int(row["population"], communities, line, "population")
    candidate_rows = []
    if candidates is not None:
        candidate_rows = _read(candidates, {"marz_iso", "community_hy",
                                            "community_en_transliterated", "provenance"})
        for line, row in candidate_rows:
            _check_community(row, candidates, line, codes, "community_en_transliterated")

    countries = {}
    for code, names in COUNTRIES.items():
        countries[code], _ = Country.objects.update_or_create(code=code, defaults=names)
        report.countries += 1
    regions: dict[str, Region] = {}
    for _line, row in marz_rows:
        regions[row["marz_iso"]], _ = Region.objects.update_or_create(
            code=row["marz_iso"], defaults={
                "country": countries["AM"], "name_hy": row["marz_hy"], "name_en": row["marz_en"],
                "kind": Region.Kind.CAPITAL if row["marz_iso"] == "AM-ER" else Region.Kind.MARZ,
                "genitive_hy": MARZ_GENITIVE.get(row["marz_iso"], ""),
                "centre_hy": row.get("admin_centre_hy", ""),
                "centre_en": row.get("admin_centre_en", ""),
                "population": _int(row["population_2011_census"], marzes, _line, "population"),
            })
        report.regions += 1
    for country_code in ("MD", "UA"):
        for sub in pycountry.subdivisions.get(country_code=country_code) or []:
            names = {"name_en": sub.name}
            if country_code == "MD":
                names["name_ro"] = sub.name
            Region.objects.update_or_create(code=sub.code, defaults={
                "country": countries[country_code], **names,
                "kind": PYCOUNTRY_KINDS.get(sub.type, Region.Kind.OTHER)})
            report.regions += 1

    for _line, row in community_rows:
        region = regions[row["marz_iso"]]
        obj = Community.objects.filter(region=region, name_hy=row["community_hy"]).first()
        values = {"name_en": row["community_en"], "source_url": row["source_url"][:500],
                  "population": _int(row["population"], communities, _line, "population"),
                  "is_verified": True}
        if obj is None:
            Community.objects.create(region=region, name_hy=row["community_hy"], **values)
            report.created += 1
        else:
            for key, value in values.items():
                if key == "population" and value is None:
                    continue
                setattr(obj, key, value)
            obj.save()
            report.updated += 1
    for _line, row in candidate_rows:
        region = regions[row["marz_iso"]]
        if Community.objects.filter(region=region, name_hy=row["community_hy"]).exists():
            report.skipped.append(f"{row['marz_iso']} {row['community_hy']}")
            continue
        Community.objects.create(region=region, name_hy=row["community_hy"],
                                 name_en=row["community_en_transliterated"], is_verified=False,
                                 provenance=row["provenance"][:2000])
        report.unverified_added += 1
    audit.record(action="communities.registry.imported", actor=actor, target=countries["AM"],
                 data={"created": report.created, "updated": report.updated,
                       "unverified_added": report.unverified_added})
    return report
