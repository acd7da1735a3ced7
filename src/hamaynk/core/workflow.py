"""What every service needs: a permission check that raises, an explicit state-table move,
and optimistic concurrency on a version number."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from hamaynk.core.errors import DomainError, IllegalTransition


def require(actor: Any, perm: str, obj: Any) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.has_perm(perm, obj):
        raise PermissionDenied


def move(obj: Any, target: str, table: dict[str, frozenset[str]]) -> str:
    """Apply one transition of an explicit state table; anything else is refused loudly."""
    source = obj.status
    if target not in table.get(source, frozenset()):
        raise IllegalTransition(
            _("This cannot be done while the status is “%(status)s”.")
            % {"status": obj.get_status_display()})
    obj.status = target
    return source


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
