from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hamaynk.documents.numbers import MAX_AMOUNT, NBSP, amount_in_words_hy, money_hy

UNITS = {"մեկ": 1, "երկու": 2, "երեք": 3, "չորս": 4, "հինգ": 5, "վեց": 6, "յոթ": 7, "ութ": 8,
         "ինը": 9}  # fmt: skip
TENS = {"տասն": 1, "քսան": 2, "երեսուն": 3, "քառասուն": 4, "հիսուն": 5, "վաթսուն": 6,
        "յոթանասուն": 7, "ութսուն": 8, "իննսուն": 9}  # fmt: skip
# No example database (nothing written to disk); no deadline, which flakes on a busy CI.
offline = settings(database=None, deadline=None)

SCALES = {"հազար": 10**3, "միլիոն": 10**6, "միլիարդ": 10**9}


def parse_word(token: str) -> int:
    """1..99 from one word, independently of the converter's tables' order."""
    if token == "տասը":
        return 10
    if token in UNITS:
        return UNITS[token]
    for word, tens in TENS.items():
        if token == word and tens > 1:
            return tens * 10
        if token.startswith(word) and token[len(word) :] in UNITS:
            return tens * 10 + UNITS[token[len(word) :]]
    raise AssertionError(f"not a number word: {token!r}")


def parse(words: str) -> int:
    """Read Armenian number words back, to check the converter by round trip."""
    if words == "զրո":
        return 0
    total = group = 0
    for token in words.split(" "):
        if token in SCALES:
            assert 0 < group < 1000
            total += group * SCALES[token]
            group = 0
        elif token == "հարյուր":
            assert 1 <= group <= 9, "every hundred states its multiplier"
            group *= 100
        else:
            group += parse_word(token)
    return total + group


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "զրո"),
        (1, "մեկ"),
        (7, "յոթ"),
        (9, "ինը"),
        (10, "տասը"),
        (11, "տասնմեկ"),
        (12, "տասներկու"),
        (15, "տասնհինգ"),
        (19, "տասնինը"),
        (20, "քսան"),
        (21, "քսանմեկ"),
        (25, "քսանհինգ"),
        (30, "երեսուն"),
        (44, "քառասունչորս"),
        (52, "հիսուներկու"),
        (60, "վաթսուն"),
        (77, "յոթանասունյոթ"),
        (88, "ութսունութ"),
        (99, "իննսունինը"),
        (100, "մեկ հարյուր"),
        (101, "մեկ հարյուր մեկ"),
        (110, "մեկ հարյուր տասը"),
        (999, "ինը հարյուր իննսունինը"),
        (1000, "մեկ հազար"),
        (1001, "մեկ հազար մեկ"),
        (2000, "երկու հազար"),
        (10_000, "տասը հազար"),
        (10_010, "տասը հազար տասը"),
        (100_000, "մեկ հարյուր հազար"),
        (500_000, "հինգ հարյուր հազար"),
        (1_000_000, "մեկ միլիոն"),
        (1_000_001, "մեկ միլիոն մեկ"),
        (1_352_500, "մեկ միլիոն երեք հարյուր հիսուներկու հազար հինգ հարյուր"),
        (14_000_000, "տասնչորս միլիոն"),
        (1_000_000_000, "մեկ միլիարդ"),
        (
            MAX_AMOUNT,
            "ինը հարյուր իննսունինը միլիարդ ինը հարյուր իննսունինը միլիոն "
            "ինը հարյուր իննսունինը հազար ինը հարյուր իննսունինը",
        ),
    ],
)
def test_known_values(n, words):
    assert amount_in_words_hy(n) == words


@pytest.mark.parametrize("bad", [-1, MAX_AMOUNT + 1])
def test_out_of_range(bad):
    with pytest.raises(ValueError):
        amount_in_words_hy(bad)


@pytest.mark.parametrize("bad", [1.0, "1", True, Decimal(1)])
def test_only_ints(bad):
    with pytest.raises(TypeError):
        amount_in_words_hy(bad)


def test_every_number_up_to_a_million_converts():
    for n in range(10**6 + 1):
        words = amount_in_words_hy(n)
        assert words and "  " not in words and words == words.strip()


def test_words_are_distinct_up_to_ten_thousand():
    assert len({amount_in_words_hy(n) for n in range(10_001)}) == 10_001


@offline
@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_round_trip(n):
    words = amount_in_words_hy(n)
    assert words and "  " not in words and words == words.strip()
    assert parse(words) == n


@offline
@given(st.integers(1, 999), st.integers(0, 999))
def test_thousands_are_spelled_group_by_group(high, low):
    tail = f" {amount_in_words_hy(low)}" if low else ""
    assert amount_in_words_hy(high * 1000 + low) == f"{amount_in_words_hy(high)} հազար{tail}"


@offline
@given(st.integers(1, 999), st.integers(0, 999_999))
def test_millions_are_spelled_group_by_group(high, low):
    tail = f" {amount_in_words_hy(low)}" if low else ""
    assert amount_in_words_hy(high * 10**6 + low) == f"{amount_in_words_hy(high)} միլիոն{tail}"


@offline
@given(st.integers(0, 10**9))
def test_scale_words_appear_in_descending_order(n):
    tokens = amount_in_words_hy(n).split(" ")
    scales = [SCALES[token] for token in tokens if token in SCALES]
    assert scales == sorted(scales, reverse=True)
    assert len(scales) == len(set(scales))


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (
            Decimal("1352500"),
            "AMD",
            f"1{NBSP}352{NBSP}500 (մեկ միլիոն երեք հարյուր հիսուներկու հազար հինգ հարյուր) ՀՀ դրամ",
        ),
        (Decimal("0"), "AMD", "0 (զրո) ՀՀ դրամ"),
        (Decimal("999"), "AMD", "999 (ինը հարյուր իննսունինը) ՀՀ դրամ"),
        (Decimal("1000.00"), "EUR", f"1{NBSP}000 (մեկ հազար) եվրո"),
        (Decimal("25000"), "USD", f"25{NBSP}000 (քսանհինգ հազար) ԱՄՆ դոլար"),
        (Decimal("1500.5"), "AMD", f"1{NBSP}500 (մեկ հազար հինգ հարյուր) ՀՀ դրամ 50 լումա"),
        (Decimal("10.07"), "EUR", "10 (տասը) եվրո 07 ցենտ"),
        (Decimal("3.999"), "USD", "4 (չորս) ԱՄՆ դոլար"),  # rounds half-up to hundredths
        (Decimal("0.01"), "USD", "0 (զրո) ԱՄՆ դոլար 01 ցենտ"),
    ],
)
def test_money(amount, currency, text):
    assert money_hy(amount, currency) == text


def test_money_defaults_to_drams():
    assert money_hy(Decimal(5)).endswith("ՀՀ դրամ")


@pytest.mark.parametrize(
    ("amount", "currency"),
    [(Decimal(1), "RUB"), (Decimal(-1), "AMD"), (Decimal("NaN"), "AMD"), (Decimal(10**12), "AMD")],
)
def test_money_rejects(amount, currency):
    with pytest.raises(ValueError):
        money_hy(amount, currency)


@offline
@given(st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2))
def test_money_figures_and_words_agree(amount):
    text = money_hy(amount, "AMD")
    figures, rest = text.split(" (", 1)
    words, tail = rest.split(") ", 1)
    assert int(figures.replace(NBSP, "")) == int(amount)
    assert parse(words) == int(amount)
    assert tail.startswith("ՀՀ դրամ")
    assert ("լումա" in tail) == (amount != int(amount))
