"""Content held in several languages as `<field>_<lang>` columns."""

from typing import Any

from django.utils.translation import get_language

FALLBACK = ("hy", "en")


def localized(obj: Any, field: str, language: str | None = None) -> str:
    language = (language or get_language() or "hy").split("-")[0]
    for code in (language, *FALLBACK):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""
