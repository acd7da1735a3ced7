"""What every service needs: a permission check that raises, and optimistic concurrency on a
version number. The state-change recipe (lock, table, version, audit, notify) is
`core.transitions`."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from hamaynk.core.errors import DomainError


def require(actor: Any, perm: str, obj: Any) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.has_perm(perm, obj):
        raise PermissionDenied


class StaleVersion(DomainError):
    """The change was made on a version someone has changed since."""


# A draft saved on a version that moved on: the page keeps what was typed.
SAVED_ELSEWHERE = _("Someone else (or you, in another window) saved this after you opened the "
                    "page. Nothing from this page was saved: your text is kept below. Copy "
                    "what you need, reload the page and save again.")
# A draft posted without the version its page was rendered on (an old or broken page).
PAGE_OUT_OF_DATE = _("This page is out of date, so nothing from it was saved: your text is "
                     "kept below. Copy what you need, reload the page and save again.")


def check_version(obj: Any, expected: int | None, message: Any = None) -> None:
    """Refuse a change made on a version the actor did not see (`None`: not checked)."""
    if expected is not None and obj.version != expected:
        raise StaleVersion(message or _("This changed while you were looking at it. Read it "
                                        "again, then decide."))
