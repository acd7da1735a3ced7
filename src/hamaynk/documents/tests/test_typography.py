"""The typography checker catches each fault it names, and passes clean official text."""

import re

import pytest

from hamaynk.documents.typography import (
    RULES,
    assert_armenian_typography,
    document_text,
    typography_faults,
)

CLEAN = (
    "2017 թ. Եվրոպական միության (ԵՄ) կողմից առաջին մեկնարկից ի վեր «Համայնքի ղեկավարները "
    "հանուն տնտեսական զարգացման» (ՀՀՏԶ/M4EG) ծրագիրը հնարավորություն է տալիս Արևելյան "
    "գործընկերության (Հայաստան, Մոլդովա, Ուկրաինա) տեղական իշխանություններին և "
    "համայնքներին՝ ուսումնասիրելու տնտեսական աճի նորարարական ուղիները։\n"
    "Գումարը՝ 38\u00a0000,00 EUR (երեսունութ հազար եվրո)։ Հանդիպումը՝ ժամը 10:00-ին, "
    "https://www.m4eg.eu/ կայքում։\n"
    "((ներքին)) 2025–2028 թթ. փուլը։ Պայմանագիր N 12։"
)


def rules_of(text):
    return [fault.rule for fault in typography_faults(text)]


def test_clean_official_text_has_no_fault():
    assert typography_faults(CLEAN) == []
    assert_armenian_typography(CLEAN)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Մոլդովայի եւ Ուկրաինայի", "ev"),
        ("Եւ ավելին։", "ev"),
        ("ուղիները: Հետո", "colon"),
        ("ուղիները:", "colon"),
        ("«Ակունք»: Հետո", "colon"),
        ("(Հայաստան,Մոլդովա, Ուկրաինա)", "comma"),
        ("տարածաշրջանի(Հայաստան)", "bracket-open"),
        ("(ՀՀՏԶ/M4EG)ծրագիրը", "bracket-close"),
        ("2017թ. Եվրոպական", "year"),
        ("2025-2028թթ. փուլում", "year"),
        ('<<Համայնքի ղեկավարները>> ծրագիրը', "quotes"),
        ("“Ակունք” համայնքը", "quotes"),
        ("հանուն տնտեսական  զարգացման", "spaces"),
        ("Պայմանագիր N N 12", "number-sign"),
    ],
)
def test_each_fault_is_caught(text, rule):
    assert rule in rules_of(text)
    with pytest.raises(AssertionError, match=re.escape(text[:3])):
        assert_armenian_typography(text)


def test_every_rule_is_exercised():
    faulty = ("եւ, ա: բ,գ x(y)z 2017թ. <<ա>>  բ N N 1")
    assert set(rules_of(faulty)) == set(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "ժամը 10:00-ին",
        "https://www.m4eg.eu/ կայքում",
        "38 000,00 EUR",
        "(ա (բ)) և «(գ)»",
        "(սկզբում) բառ",
        "Mayors for Economic Growth: the initiative",  # not Armenian text
    ],
)
def test_what_is_not_a_fault(text):
    assert typography_faults(text) == []


def test_fault_names_the_place():
    (fault,) = typography_faults("Տեքստը մինչև այստեղ ճիշտ է, իսկ այստեղ ոչ:")
    assert fault.rule == "colon"
    assert "իսկ այստեղ ոչ:" in str(fault)


def test_document_text_folds_markup_but_keeps_typed_spaces():
    html = (
        "<html><head><style>p { color: red }</style></head><body>\n"
        "  <h1>Վերնագիր</h1>\n  <p>Առաջին\n     տող, <strong>թավ</strong> &laquo;Ա&raquo;</p>"
        "<p>երկու  բացատ</p></body></html>"
    )
    assert document_text(html) == "Վերնագիր\nԱռաջին\nտող, թավ «Ա»\nերկու  բացատ"
    assert [fault.rule for fault in typography_faults(document_text(html))] == ["spaces"]
