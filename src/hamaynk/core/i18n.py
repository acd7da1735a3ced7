"""Content held in several languages as `<field>_<lang>` columns."""

from typing import Any

from django.utils.translation import get_language, pgettext

FALLBACK = ("hy", "en")
CONTENT_LANGUAGES = ("hy", "en", "ro", "uk", "ru")  # the `<field>_<lang>` columns we keep


def language_columns(field: str = "name", via: str = "") -> list[str]:
    """`["name_hy", …]`, or through a relation (`via="community"`): for `.only()` on lists
    that show a localized name."""
    prefix = f"{via}__" if via else ""
    return [f"{prefix}{field}_{code}" for code in CONTENT_LANGUAGES]


def localized(obj: Any, field: str, language: str | None = None) -> str:
    language = (language or get_language() or "hy").split("-")[0]
    for code in (language, *FALLBACK):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


def label_mark() -> str:
    """The mark between a label and its value: ":" in English, «՝» in Armenian, where the
    ASCII colon reads as a full stop."""
    return pgettext("the mark between a label and its value", ":")


def labelled(label: Any, value: Any) -> str:
    """"Label: value" in the current language (see `label_mark`; in templates `{% colon %}`)."""
    return f"{label}{label_mark()} {value}"
