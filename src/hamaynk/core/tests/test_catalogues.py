"""The hy and en catalogues are complete — our strings and the third-party strings that
ship no Armenian — and the compiled .mo files match their .po sources."""

from pathlib import Path

import allauth
import django_filters
import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
OURS = {lang: PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("hy", "en")}
VENDOR = PACKAGE / "locale_vendor" / "hy" / "LC_MESSAGES" / "django.po"


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


@pytest.mark.parametrize("path", [*OURS.values(), VENDOR], ids=lambda p: str(p.parent.parent))
def test_catalogue_is_complete_and_compiled(path: Path):
    po = polib.pofile(str(path))
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    mo = polib.mofile(str(path.with_suffix(".mo")))
    compiled = {key(e): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert key(entry) in compiled, f"{entry.msgid!r} not compiled: run make messages"


def test_armenian_catalogue_is_armenian():
    """Every message with words in it has Armenian words in its translation."""
    import re

    def words(text: str) -> str:
        return re.sub(r"%\(\w+\)[sd]|%[sd%]|\{\w+\}|<[^>]+>", "", text)

    po = polib.pofile(str(OURS["hy"]))
    latin_only = [e.msgid for e in po if e.msgstr and re.search("[A-Za-z]", words(e.msgid))
                  and not any("\u0531" <= ch <= "\u0587" for ch in e.msgstr)
                  and e.msgid not in {"Hamaynk", "API"}]
    assert latin_only == []


@pytest.mark.parametrize("package", [allauth, django_filters], ids=["allauth", "django-filter"])
def test_third_party_strings_have_armenian(package):
    source = Path(package.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    wanted = {key(e) for e in polib.pofile(str(source)) if not e.obsolete}
    have = {key(e) for e in polib.pofile(str(VENDOR)).translated_entries()}
    assert wanted - have == set()


@pytest.mark.parametrize("catalogue", [
    "conf/locale", "contrib/admin/locale", "contrib/auth/locale", "contrib/contenttypes/locale"])
def test_djangos_own_messages_all_have_armenian(catalogue):
    """Django's hy catalogue is incomplete (and lags behind its msgids); what it lacks is in
    locale_vendor — including the time units of "4 շաբաթ, 1 օր"."""
    import django

    base = Path(django.__file__).parent / catalogue
    english = polib.pofile(str(base / "en" / "LC_MESSAGES" / "django.po"))
    armenian = base / "hy" / "LC_MESSAGES" / "django.po"
    have = {key(e) for e in polib.pofile(str(VENDOR)).translated_entries()}
    if armenian.exists():
        have |= {key(e) for e in polib.pofile(str(armenian)).translated_entries()}
    assert {key(e) for e in english if not e.obsolete} - have == set()
