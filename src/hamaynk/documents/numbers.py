"""Amounts in Armenian words, as council decisions write money: figures, then words in brackets.

No library spells Armenian numbers (num2words has no ``hy``), so this is a small hand-written
converter for Eastern Armenian in the reformed orthography.

Choices, made once and applied everywhere:

* Every group states its multiplier, including one: "մեկ հարյուր", "մեկ հազար", "մեկ միլիոն".
  Plain "հազար" / "հարյուր" is common in speech, but money amounts in legal acts and payment
  documents write "մեկ հազար" so that the words cannot be misread or altered, and it keeps
  "մեկ հազար" consistent with "մեկ միլիոն", which is never shortened.
* Ten on its own is "տասը" (also as a group: "տասը հազար"); teens are "տասնմեկ" … "տասնինը".
* Tens and units are written as one word ("քսանհինգ", "իննսունինը"); other parts are
  separated by single spaces.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

MAX_AMOUNT = 999_999_999_999

_UNITS = ("", "մեկ", "երկու", "երեք", "չորս", "հինգ", "վեց", "յոթ", "ութ", "ինը")
_TENS = (
    "",
    "տասն",  # only as a prefix of 11..19; 10 alone is "տասը"
    "քսան",
    "երեսուն",
    "քառասուն",
    "հիսուն",
    "վաթսուն",
    "յոթանասուն",
    "ութսուն",
    "իննսուն",
)
_TEN_ALONE = "տասը"
_HUNDRED = "հարյուր"
# Scale words for groups of three digits, from the highest group down.
_SCALES = ((10**9, "միլիարդ"), (10**6, "միլիոն"), (10**3, "հազար"))

# name in words, name of the hundredth part
CURRENCIES: dict[str, tuple[str, str]] = {
    "AMD": ("ՀՀ դրամ", "լումա"),
    "EUR": ("եվրո", "ցենտ"),
    "USD": ("ԱՄՆ դոլար", "ցենտ"),
}

_CENT = Decimal("0.01")
NBSP = "\u00a0"


def _below_hundred(n: int) -> str:
    """1..99 as one word: the tens and the unit are written together."""
    tens, units = divmod(n, 10)
    if tens == 1 and units == 0:
        return _TEN_ALONE
    return _TENS[tens] + _UNITS[units]


def _below_thousand(n: int) -> str:
    """1..999: "<unit> հարյուր" then the rest, always with the multiplier of the hundred."""
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{_UNITS[hundreds]} {_HUNDRED}")
    if rest:
        parts.append(_below_hundred(rest))
    return " ".join(parts)


def amount_in_words_hy(n: int) -> str:
    """Spell a non-negative integer up to 999 999 999 999 in Armenian.

    >>> amount_in_words_hy(1352500)
    'մեկ միլիոն երեք հարյուր հիսուներկու հազար հինգ հարյուր'
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}")
    if not 0 <= n <= MAX_AMOUNT:
        raise ValueError(f"amount out of range 0..{MAX_AMOUNT}: {n}")
    if n == 0:
        return "զրո"
    parts = []
    for scale, word in _SCALES:
        group, n = divmod(n, scale)
        if group:
            parts.append(f"{_below_thousand(group)} {word}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def group_digits(n: int) -> str:
    """Figures in groups of three joined by a no-break space, so an amount never wraps."""
    return f"{n:,}".replace(",", NBSP)


def _whole_and_cents(amount: Decimal, currency: str) -> tuple[int, int, str, str]:
    try:
        currency_name, minor_name = CURRENCIES[currency]
    except KeyError:
        raise ValueError(f"unknown currency: {currency!r}") from None
    amount = Decimal(amount)
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"amount must be a finite non-negative number: {amount}")
    cents_total = int(amount.quantize(_CENT, rounding=ROUND_HALF_UP) * 100)
    whole, cents = divmod(cents_total, 100)
    return whole, cents, currency_name, minor_name


def money_hy(amount: Decimal, currency: str = "AMD") -> str:
    """An amount as decisions write it: "1 352 500 (մեկ միլիոն … հինգ հարյուր) ՀՀ դրամ".

    A fractional part is rounded half-up to hundredths and appended in figures,
    "… ՀՀ դրամ 50 լումա", the way payment orders write kopecks.
    """
    whole, cents, currency_name, minor_name = _whole_and_cents(amount, currency)
    text = f"{group_digits(whole)} ({amount_in_words_hy(whole)}) {currency_name}"
    if cents:
        text += f" {cents:02d} {minor_name}"
    return text


def money_words_hy(amount: Decimal, currency: str = "AMD") -> str:
    """The words alone, for a text that has already given the figures with the currency
    code: "38 000,00 EUR (երեսունութ հազար եվրո)" — "երեսունութ հազար եվրո"; cents in
    figures, "… եվրո 75 ցենտ"."""
    whole, cents, currency_name, minor_name = _whole_and_cents(amount, currency)
    text = f"{amount_in_words_hy(whole)} {currency_name}"
    if cents:
        text += f" {cents:02d} {minor_name}"
    return text
