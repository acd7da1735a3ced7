"""Small Armenian text rules the council documents need: capitals, dates, case, file names.

Each is a table or a one-line rule written out here rather than taken from the locale, so the
output does not depend on which locales the server happens to have.
"""

from __future__ import annotations

import datetime
import re

from django.utils.text import slugify

MONTHS_GENITIVE = (
    "հունվարի",
    "փետրվարի",
    "մարտի",
    "ապրիլի",
    "մայիսի",
    "հունիսի",
    "հուլիսի",
    "օգոստոսի",
    "սեպտեմբերի",
    "հոկտեմբերի",
    "նոյեմբերի",
    "դեկտեմբերի",
)


def upper_hy(text: str) -> str:
    """Upper-case Armenian text in the reformed orthography.

    ``str.upper`` follows Unicode, which expands the ligature "և" to "ԵՒ" (the classical
    spelling); reformed orthography writes it "ԵՎ" in capitals ("Երևան" → "ԵՐԵՎԱՆ"). In reformed
    text "Ւ" only occurs inside "ՈՒ", so every "ԵՒ" left after upper-casing came from "և" or
    from "եւ" typed in its place.
    """
    return text.upper().replace("ԵՒ", "ԵՎ")


def date_hy(day: datetime.date) -> str:
    """A date as formal documents write it: "2026 թ. դեկտեմբերի 31".

    The year first, "թ." after it with a space, then the month in the genitive and the day
    (the order of the Government's decisions and of agreements). A datetime is taken as
    the day it already is; callers convert to local time first.
    """
    return f"{day.year} թ. {MONTHS_GENITIVE[day.month - 1]} {day.day}"


def community_in_marz_hy(name_hy: str, marz_genitive_hy: str = "") -> str:
    """A community as official texts name it, with its marz in the genitive: "Տավուշի մարզի
    Դիլիջան" (add "համայնք" / "համայնքը" after it); just the name without a marz
    (Yerevan, which is in none, or a community abroad)."""
    if marz_genitive_hy:
        return f"{marz_genitive_hy} մարզի {name_hy}"
    return name_hy


def community_subject_hy(name_hy: str, marz_genitive_hy: str = "") -> str:
    """A community as the subject of a sentence (a party to an agreement): "Տավուշի մարզի
    Դիլիջան համայնքը"."""
    return f"{community_in_marz_hy(name_hy, marz_genitive_hy)} համայնքը"


# Instrumental ("by") forms that do not simply add -ով to the nominative.
_INSTRUMENTAL_IRREGULAR = (
    ("օրենսգիրք", "օրենսգրքով"),  # the vowel drops: Land Code, Civil Code …
    ("ություն", "ությամբ"),  # պարբերություն → պարբերությամբ
    ("ում", "մամբ"),  # verbal nouns: որոշում → որոշմամբ
)
_INSTRUMENTAL_ENDINGS = ("ով", "ամբ")
_ARMENIAN_CONSONANT_END = re.compile(r"[բգդզթժլխծկհձղճմյնշչպջռսվտրցփքֆ]$")


def instrumental_hy(reference: str) -> str:
    """Put a legal reference in the instrumental case, as "Ղեկավարվելով …" requires.

    References are usually stored the way they are cited elsewhere, in the nominative
    ("… 18-րդ հոդվածի 1-ին մասի 42-րդ կետ"), but after "Ղեկավարվելով" the head noun takes
    -ով ("… 42-րդ կետով"). A reference already ending in -ով/-ամբ is left alone, and so is one
    ending in anything other than an Armenian consonant (a closing quote, a digit, a vowel), since
    guessing the case of those would more likely break them than fix them.
    """
    text = reference.strip()
    if text.endswith(_INSTRUMENTAL_ENDINGS):
        return text
    for nominative, instrumental in _INSTRUMENTAL_IRREGULAR:
        if text.endswith(nominative):
            return text[: -len(nominative)] + instrumental
    if _ARMENIAN_CONSONANT_END.search(text):
        return text + "ով"
    return text


def join_hy(items: list[str] | tuple[str, ...]) -> str:
    """Join a list as Armenian prose does: "ա, բ և գ"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " և " + items[-1]


_LATIN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "և": "ev", "օ": "o", "ֆ": "f",
}  # fmt: skip


def _latin_word(word: str) -> str:
    """Transliterate one lower-case word; word-initial ե/ո are pronounced "ye"/"vo"."""
    word = word.replace("ու", "u")
    if word[:1] == "ե":
        word = "ye" + word[1:]
    elif word[:1] == "ո":
        word = "vo" + word[1:]
    return "".join(_LATIN.get(char, char) for char in word)


def latin_slug(text: str) -> str:
    """An ASCII slug for file names: "Ակունք" → "akunk", "Երևան" → "yerevan".

    A simplified BGN-style table: good enough to recognise the community in a download name,
    not a normative romanisation.
    """
    words = re.split(r"(\W+)", text.lower())
    return slugify("".join(_latin_word(word) for word in words))
