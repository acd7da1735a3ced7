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


@pytest.mark.parametrize(("field", "value", "hy", "en"), [
    ("min", "5", "Արժեքը պետք է լինի 30\xa0000,00-ից մեծ կամ հավասար։",
     "Ensure this value is greater than or equal to 30,000.00."),
    ("max", "50000", "Արժեքը պետք է լինի 40\xa0000-ից փոքր կամ հավասար։",
     "Ensure this value is less than or equal to 40,000."),
    ("digits", "1.234", "Ստորակետից հետո կարող է լինել առավելագույնը 2 թվանշան։",
     "Ensure that there are no more than 2 decimal places."),
    ("text", "abcdef", "Գրեք առավելագույնը 3 նիշ (այժմ՝ 6)։",
     "Ensure this value has at most 3 characters (it has 6)."),
])
def test_djangos_validator_messages_read_plainly_with_numbers_in_the_language(
        field, value, hy, en):
    """Django's hy catalogue says «մեծ է, համ հավասար» and «մեծ չէ 14 -ից»; ours is plain,
    and the limits are written as each language writes numbers."""
    from decimal import Decimal

    from django import forms
    from django.utils import translation

    from hamaynk.core.numbers import localize_limits

    class Form(forms.Form):
        min = forms.DecimalField(min_value=Decimal("30000.00"), required=False)
        max = forms.DecimalField(max_value=40000, required=False)
        digits = forms.DecimalField(decimal_places=2, required=False)
        text = forms.CharField(max_length=3, required=False)

    for language, expected in (("hy", hy), ("en", en)):
        with translation.override(language):
            form = Form({field: value})
            localize_limits(form.fields.values())
            assert form.errors[field] == [expected]
