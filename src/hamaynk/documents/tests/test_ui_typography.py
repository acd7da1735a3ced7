"""The Armenian the interface shows passes the same typography check as generated documents:
every translation in our catalogue and in the vendored third-party one (placeholders and
HTML markup aside, which the reader never sees as such)."""

import re
from pathlib import Path

import polib
import pytest

from hamaynk.documents.typography import typography_faults

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUES = [PACKAGE / "locale" / "hy" / "LC_MESSAGES" / "django.po",
              PACKAGE / "locale_vendor" / "hy" / "LC_MESSAGES" / "django.po"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|%%|\{\w*\}")
MARKUP = re.compile(r"<[^>]+>")
# Django's messages that quote a technical notation (a date format, a method name) verbatim
NOTATION = re.compile(r"uuuuuu|get_absolute_url|%\(limit_value\)s|\(ENTER\)|no-referrer")


def shown(text: str) -> str:
    """The translation as a reader sees it: a placeholder stands for an Armenian word (a
    name, mostly), markup is gone."""
    return PLACEHOLDER.sub("Ա", MARKUP.sub("", text))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.name)
def test_every_armenian_translation_passes_the_typography_check(path: Path):
    faulty = []
    for entry in polib.pofile(str(path)):
        if NOTATION.search(entry.msgid):
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            faults = typography_faults(shown(text)) if text else []
            faulty += [f"{entry.msgid[:50]!r}: {fault}" for fault in faults]
    assert faulty == []


def test_the_check_sees_a_fault_in_a_translation():
    assert typography_faults(shown("Ժամկետանց: %(kind)s"))
    assert not typography_faults(shown("Ժամկետանց՝ %(kind)s"))
    assert not typography_faults(shown('Տե՛ս <a href="%(url)s">այստեղ</a>։'))
