"""Awarded grants as 360Giving open data: a JSON package and the flattened CSV.

Validated offline against the schema files vendored in ``grants/data`` (see
``360giving-README.md`` there). Every grant row is a public award, so all of them are
published, terminated ones included: they were awarded.

Identifiers follow the standard's identifier guidance: grants are ``<prefix>-<pk>``; the
recipients and funders carry no external registration number (Armenia — like Moldova and
Ukraine for hromadas and LPAs — has no list on org-id.guide / the IATI Organisation
Registration Agency codelist covering municipalities, and our networks' registrations are not
recorded here), so they get the rule for unregistered organisations: the publisher's
360Giving prefix plus our internal identifier (``<prefix>-COMMUNITY-<pk>``,
``<prefix>-NETWORK-<slug>``). When a real org-id becomes available, change
:func:`recipient_org_id` / :func:`funder_org_id`.
"""

import datetime
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import referencing.jsonschema
from django.conf import settings
from django.db.models import QuerySet
from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry

from hamaynk.grants.models import Grant

#: Our 360Giving publisher prefix; override with the ``HAMAYNK_360_PREFIX`` setting once
#: 360Giving has registered one for us.
PUBLISHER_PREFIX = "360G-hamaynk"

#: The schema version the package declares (``version`` is "major.minor").
STANDARD_VERSION = "1.4"

#: The region's ISO 3166-2 code goes in ``geoCode``. The standard's geoCodeType codelist holds
#: only UK (ONS) geography types and the schema puts no enum on the field, so we name the
#: gazetteer we actually use rather than pretend to be one of the ONS types.
GEO_CODE_TYPE = "ISO3166-2"

DATA_DIR = Path(__file__).resolve().parent / "data"
GRANT_SCHEMA_PATH = DATA_DIR / "360-giving-schema.json"
PACKAGE_SCHEMA_PATH = DATA_DIR / "360-giving-package-schema.json"

CHUNK_SIZE = 500

#: The 360Giving flattened (spreadsheet) headings, in order, with where each value sits in a
#: grant record. Arrays the schema "rolls up" (recipient and funding org) use the rolled-up
#: heading; the others carry the item number, as in the standard's spreadsheet guidance.
_CSV_FIELDS: tuple[tuple[str, tuple[str | int, ...]], ...] = (
    ("Identifier", ("id",)),
    ("Title", ("title",)),
    ("Description", ("description",)),
    ("Currency", ("currency",)),
    ("Amount Awarded", ("amountAwarded",)),
    ("Award Date", ("awardDate",)),
    ("Recipient Org:Identifier", ("recipientOrganization", 0, "id")),
    ("Recipient Org:Name", ("recipientOrganization", 0, "name")),
    ("Funding Org:Identifier", ("fundingOrganization", 0, "id")),
    ("Funding Org:Name", ("fundingOrganization", 0, "name")),
    ("Beneficiary Location:0:Name", ("beneficiaryLocation", 0, "name")),
    ("Beneficiary Location:0:Country Code", ("beneficiaryLocation", 0, "countryCode")),
    ("Beneficiary Location:0:Geographic Code", ("beneficiaryLocation", 0, "geoCode")),
    ("Beneficiary Location:0:Geographic Code Type",
     ("beneficiaryLocation", 0, "geoCodeType")),
    ("Grant Programme:0:Code", ("grantProgramme", 0, "code")),
    ("Grant Programme:0:Title", ("grantProgramme", 0, "title")),
    ("Last Modified", ("dateModified",)),
)
CSV_COLUMNS: tuple[str, ...] = tuple(heading for heading, _ in _CSV_FIELDS)


def publisher_prefix() -> str:
    return str(getattr(settings, "HAMAYNK_360_PREFIX", PUBLISHER_PREFIX))


def recipient_org_id(community_pk: int, *, prefix: str | None = None) -> str:
    return f"{prefix or publisher_prefix()}-COMMUNITY-{community_pk}"


def funder_org_id(network_slug: str, *, prefix: str | None = None) -> str:
    return f"{prefix or publisher_prefix()}-NETWORK-{network_slug}"


def awarded_grants_queryset() -> QuerySet[Grant]:
    """Every grant (all are public awards), with what a record reads, oldest first."""
    return (Grant.objects
            .select_related("call__network", "community__region__country", "application")
            .order_by("pk"))


# ---------------------------------------------------------------------------- records


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _first(*values: object) -> str:
    for value in values:
        if text := _text(value):
            return text
    return ""


def _bilingual(english: str, armenian: str) -> str:
    """The English name with the Armenian in parentheses, as in "Akunk (Ակունք)", when both
    exist; otherwise whichever does."""
    english, armenian = _text(english), _text(armenian)
    if english and armenian and english != armenian:
        return f"{english} ({armenian})"
    return english or armenian


def _amount_number(amount: Decimal) -> int | float:
    """The schema wants a JSON number: an int when whole, else the float. Amounts have two
    decimal places and at most 14 digits (under a double's 15 significant digits), so the
    JSON text of the float reads back as the same two-decimal amount."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _amount_text(amount: Decimal) -> str:
    """For the CSV: plain digits, no thousands separators, exact."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    return format(amount.quantize(Decimal("0.01")), "f")


def _award_date(grant: Grant) -> str:
    """The calendar day of the award where the funding network works."""
    zone = ZoneInfo(grant.call.network.time_zone or settings.TIME_ZONE)
    return grant.awarded_at.astimezone(zone).date().isoformat()


def _timestamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _answers(grant: Grant) -> Mapping[str, Any]:
    answers = grant.application.answers
    return answers if isinstance(answers, dict) else {}


def grant_title(grant: Grant) -> str:
    """English first (the open data is read abroad), Armenian only when no English exists:
    the project's English title (a ``title_en`` answer) where the form asks for one; else
    the call's English title with the recipient ("Seed grants 2026: Akunk"); else the
    project's Armenian title; else the call's Armenian title."""
    call, community = grant.call, grant.community
    if english := _text(_answers(grant).get("title_en")):
        return english
    if call.title_en.strip():
        recipient = _first(community.name_en, community.name_hy)
        return f"{call.title_en.strip()}: {recipient}" if recipient else call.title_en.strip()
    return _first(grant.application.title, call.title_hy)


def grant_description(grant: Grant, *, title: str) -> str:
    """What the project is: the application's summary (English where the form asks for one,
    a ``summary_en`` answer), else the call's description (English first); never a copy of
    the title — when nothing else exists, a sentence that says whose grant under which
    call it is."""
    call, community = grant.call, grant.community
    answers = _answers(grant)
    titles = {title, _text(grant.application.title), _text(answers.get("title")),
              _text(answers.get("title_en"))}
    for candidate in (answers.get("summary_en"), answers.get("summary"), call.description_en,
                      call.description_hy):
        text = _text(candidate)
        if text and text not in titles:  # a summary that repeats a title describes nothing
            return text
    recipient = _first(community.name_en, community.name_hy)
    programme = _first(call.title_en, call.title_hy)
    return f"A grant to {recipient} under the call \u201c{programme}\u201d."


def grant_record(grant: Grant, *, prefix: str | None = None) -> dict[str, Any]:
    """One grant as a 360Giving grant record. Needs ``call__network``,
    ``community__region__country`` and ``application`` (select them together)."""
    prefix = prefix or publisher_prefix()
    call, community, network = grant.call, grant.community, grant.call.network
    region = community.region
    call_title = _first(call.title_en, call.title_hy)
    title = grant_title(grant)
    return {
        "id": f"{prefix}-{grant.pk}",
        "title": title,
        "description": grant_description(grant, title=title),
        "currency": grant.currency,
        "amountAwarded": _amount_number(grant.amount),
        "awardDate": _award_date(grant),
        "recipientOrganization": [{
            "id": recipient_org_id(community.pk, prefix=prefix),
            "name": _bilingual(community.name_en, community.name_hy),
        }],
        "fundingOrganization": [{
            "id": funder_org_id(network.slug, prefix=prefix),
            "name": _first(network.name_en, network.name_hy),
        }],
        "beneficiaryLocation": [{
            "name": _bilingual(region.name_en, region.name_hy),
            "countryCode": region.country.code.upper(),
            "geoCode": region.code,
            "geoCodeType": GEO_CODE_TYPE,
        }],
        "grantProgramme": [{"code": call.slug, "title": call_title}],
        "dateModified": _timestamp(grant.updated_at),
    }


def _package_metadata(metadata: Mapping[str, Any] | None) -> dict[str, Any]:
    """Package-level fields (``publisher``, ``license``, ``issued``, ...): the version, plus
    whatever the caller adds."""
    extra = dict(metadata or {})
    if "grants" in extra:
        raise ValueError("metadata must not contain 'grants'")
    return {"version": STANDARD_VERSION, **extra}


def package(grants: Iterable[Grant], *,
            metadata: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A whole package in memory — for small sets; stream big ones with
    :func:`iter_json_package`. (The schema wants at least one grant.)"""
    prefix = publisher_prefix()
    return {**_package_metadata(metadata),
            "grants": [grant_record(grant, prefix=prefix) for grant in grants]}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def iter_json_package(queryset: QuerySet[Grant], *,
                      metadata: Mapping[str, Any] | None = None) -> Iterator[str]:
    """The package as JSON text in chunks (for a StreamingHttpResponse or a file), reading
    the queryset in chunks of 500 so it never sits in memory. Pass
    :func:`awarded_grants_queryset` (or a filtered copy of it)."""
    prefix = publisher_prefix()
    yield "{"
    for key, value in _package_metadata(metadata).items():
        yield f"{_dumps(key)}: {_dumps(value)}, "
    yield '"grants": ['
    for index, grant in enumerate(queryset.iterator(chunk_size=CHUNK_SIZE)):
        yield ("," if index else "") + _dumps(grant_record(grant, prefix=prefix))
    yield "]}"


def _pick(record: Mapping[str, Any], path: tuple[str | int, ...]) -> Any:
    value: Any = record
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def iter_csv_rows(queryset: QuerySet[Grant]) -> Iterator[list[str]]:
    """The header row, then one row per grant (the same values as the JSON), for
    ``csv.writer``. Streams like :func:`iter_json_package`."""
    prefix = publisher_prefix()
    yield list(CSV_COLUMNS)
    for grant in queryset.iterator(chunk_size=CHUNK_SIZE):
        record = grant_record(grant, prefix=prefix)
        row = []
        for heading, path in _CSV_FIELDS:
            if heading == "Amount Awarded":
                row.append(_amount_text(grant.amount))
                continue
            value = _pick(record, path)
            row.append("" if value is None else str(value))
        yield row


# -------------------------------------------------------------------------- validation

_RFC3339_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _is_date_time(value: object) -> bool:
    """RFC 3339 date-time. jsonschema checks this format only with an optional package we
    do not install, and without a check the schema's ``oneOf [date-time, YYYY-MM-DD]``
    rejects plain dates (they would match both branches)."""
    if not isinstance(value, str):
        return True
    if not _RFC3339_DATE_TIME.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.upper())
    except ValueError:
        return False
    return True


def _is_uri(value: object) -> bool:
    """A lenient absolute-URI check (no rfc3987 here)."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return (bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parts.scheme))
            and bool(parts.netloc or parts.path) and not re.search(r"\s", value))


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _dialect(schema: Mapping[str, Any]) -> str:
    """The schema's ``$schema``, as jsonschema/referencing know it. The 360Giving files say
    ``http://json-schema.org/draft/2020-12/schema`` where the meta-schema's own id is
    ``https://…``; both libraries only know the latter."""
    declared = str(schema.get("$schema", ""))
    candidates = [declared, declared.rstrip("#")]
    if declared.startswith("http://json-schema.org/"):
        candidates.append("https://" + declared.removeprefix("http://").rstrip("#"))
    for uri in candidates:
        try:
            referencing.jsonschema.specification_with(uri)
        except referencing.jsonschema.UnknownDialect:
            continue
        return uri
    raise ValueError(f"unknown JSON Schema dialect {declared!r}")


@cache
def _package_validator() -> Validator:
    grant_schema = _load(GRANT_SCHEMA_PATH)
    package_schema = _load(PACKAGE_SCHEMA_PATH)
    specification = referencing.jsonschema.specification_with(_dialect(grant_schema))
    grant_resource = specification.create_resource(grant_schema)
    # The package's items point at the grant schema by URL (an older patch release than the
    # grant file's own $id): register the file under both, so nothing is ever fetched.
    grant_ref = package_schema["properties"]["grants"]["items"]["$ref"]
    registry: Registry[Any] = Registry().with_resources(
        [(grant_ref, grant_resource), (grant_schema["$id"], grant_resource)])
    validator_class = validator_for({"$schema": _dialect(package_schema)})
    format_checker = FormatChecker()
    format_checker.checks("date-time")(_is_date_time)
    format_checker.checks("uri")(_is_uri)
    return validator_class(package_schema, registry=registry, format_checker=format_checker)


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """Replace a failed oneOf/anyOf by the errors of its closest branch (the one with the
    fewest complaints): "'currency' is a required property" rather than "… is not valid under
    any of the given schemas"."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        closest = min(branches.values(), key=len)
        return [leaf for sub in closest for leaf in _leaf_errors(sub)]
    return [error]


def _describe(error: ValidationError) -> str:
    if error.validator == "enum":
        message = f"{error.instance!r} is not an allowed value"
    elif error.validator == "uniqueItems":
        message = "contains identical items"
    elif error.validator == "oneOf" and not error.context:
        shown = repr(error.instance) if isinstance(error.instance, str | int | float) else "it"
        message = f"{shown} matches more than one of the allowed forms"
    else:
        message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    return f"{error.json_path}: {message}"


def validate_package(data: Mapping[str, Any]) -> list[str]:
    """Check a package against the vendored 360Giving schemas, offline. Returns readable
    messages ("$.grants[0]: 'currency' is a required property"), empty when valid. Also
    reports grant identifiers used twice (the schema cannot say so).

    The schema's ``uniqueItems`` on grants compares records pairwise: validate samples or
    modest packages, not a 250,000-grant export in one go."""
    messages: list[str] = []
    for error in _package_validator().iter_errors(data):
        for leaf in _leaf_errors(error):
            text = _describe(leaf)
            if text not in messages:
                messages.append(text)
    grants = data.get("grants")
    if isinstance(grants, list):
        seen: set[str] = set()
        for index, record in enumerate(grants):
            grant_id = record.get("id") if isinstance(record, dict) else None
            if isinstance(grant_id, str) and grant_id in seen:
                messages.append(f"$.grants[{index}].id: {grant_id!r} is used by an earlier grant")
            elif isinstance(grant_id, str):
                seen.add(grant_id)
    return messages
