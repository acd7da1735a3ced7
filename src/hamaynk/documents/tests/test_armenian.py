import datetime

import pytest

from hamaynk.documents.armenian import date_hy, instrumental_hy, join_hy, latin_slug, upper_hy


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("Երևան", "ԵՐԵՎԱՆ"),  # str.upper() alone gives "ԵՐԵՒԱՆ"
        ("ծախսերի և եկամուտների", "ԾԱԽՍԵՐԻ ԵՎ ԵԿԱՄՈՒՏՆԵՐԻ"),
        ("ԵՄ-ն եւ ՄԱԶԾ-ն", "ԵՄ-Ն ԵՎ ՄԱԶԾ-Ն"),  # "եւ" typed for "և"
        ("Ակունք համայնքի ավագանի", "ԱԿՈՒՆՔ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ"),
        ("հեռու", "ՀԵՌՈՒ"),  # "ու" is not touched
        ("«M4EG» նախաձեռնություն", "«M4EG» ՆԱԽԱՁԵՌՆՈՒԹՅՈՒՆ"),
    ],
)
def test_upper_hy(text, upper):
    assert upper_hy(text) == upper
    assert "Ւ" not in upper_hy(text).replace("ՈՒ", "")


def test_plain_upper_would_be_classical():
    assert "և".upper() == "ԵՒ"  # the reason upper_hy exists


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2026, 11, 23), "2026 թ. նոյեմբերի 23"),
        (datetime.date(2026, 1, 1), "2026 թ. հունվարի 1"),
        (datetime.date(2025, 2, 28), "2025 թ. փետրվարի 28"),
        (datetime.date(2025, 8, 15), "2025 թ. օգոստոսի 15"),
        (datetime.date(2025, 12, 31), "2025 թ. դեկտեմբերի 31"),
    ],
)
def test_date_hy(day, text):
    assert date_hy(day) == text


@pytest.mark.parametrize(
    ("reference", "instrumental"),
    [
        (
            "… օրենքի 18-րդ հոդվածի 1-ին մասի 42-րդ կետ",
            "… օրենքի 18-րդ հոդվածի 1-ին մասի 42-րդ կետով",
        ),
        ("… 18-րդ հոդվածի 1-ին մասի 42-րդ կետով", "… 18-րդ հոդվածի 1-ին մասի 42-րդ կետով"),
        ("… օրենքի 33-րդ հոդված", "… օրենքի 33-րդ հոդվածով"),
        ("… 5-րդ և 42-րդ կետեր ", "… 5-րդ և 42-րդ կետերով"),
        (
            "Հայաստանի Հանրապետության հողային օրենսգիրք",
            "Հայաստանի Հանրապետության հողային օրենսգրքով",
        ),
        ("… 2-րդ պարբերություն", "… 2-րդ պարբերությամբ"),
        (
            "համայնքի ավագանու 2022 թվականի N 45-Ա որոշում",
            "համայնքի ավագանու 2022 թվականի N 45-Ա որոշմամբ",
        ),
        ("«Համայնքային ծառայության մասին» օրենք", "«Համայնքային ծառայության մասին» օրենքով"),
        ("«Վերնագիր»", "«Վերնագիր»"),  # not a noun ending: left alone
    ],
)
def test_instrumental_hy(reference, instrumental):
    assert instrumental_hy(reference) == instrumental


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["ա"], "ա"), (["ա", "բ"], "ա և բ"), (["ա", "բ", "գ"], "ա, բ և գ")],
)
def test_join_hy(items, text):
    assert join_hy(items) == text


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ակունք", "akunk"),
        ("Երևան", "yerevan"),
        ("Վանաձոր", "vanadzor"),
        ("Գյումրի", "gyumri"),
        ("Ոսկեվազ", "voskevaz"),
        ("Իջևան", "ijevan"),
        ("Ծաղկաձոր", "tsaghkadzor"),
        ("Մեծ Մասրիկ", "mets-masrik"),
        ("Akunk", "akunk"),
    ],
)
def test_latin_slug(name, slug):
    assert latin_slug(name) == slug
    assert latin_slug(name).isascii()
