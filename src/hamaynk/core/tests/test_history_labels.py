"""History shows a readable sentence per event in the reader's language, never the event's
code (issue 14)."""

import re
from pathlib import Path

from django.utils import translation

from hamaynk.core import audit
from hamaynk.core.models import AuditEntry

PACKAGE = Path(__file__).resolve().parents[2]
CODE = re.compile(r'action=f?"([a-z_]+\.[a-z_]+\.[a-z_{}]+)"')


def codes_recorded_in_src() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        found.update(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_event_a_service_records_has_a_registered_label():
    registered = audit.registered_actions()
    missing = set()
    for code in codes_recorded_in_src():
        if "{" in code:  # grants.application.{target}: every target of that family
            prefix = code.split("{")[0]
            if not any(known.startswith(prefix) for known in registered):
                missing.add(code)
        elif code not in registered:
            missing.add(code)
    assert not missing


def test_an_event_reads_in_the_active_language_and_an_unknown_one_never_shows_its_code():
    entry = AuditEntry(action="networks.application.updated")
    with translation.override("hy"):
        assert entry.label == "Հայտը թարմացվել է"
        assert AuditEntry(action="someapp.thing.happened").label == "Փոփոխությունը գրանցվել է"
    with translation.override("en"):
        assert entry.label == "Application updated"
