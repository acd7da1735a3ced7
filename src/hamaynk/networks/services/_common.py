"""Helpers shared by the network services."""

import calendar
import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.networks.models import Network


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


def check_version(obj: Any, expected: int | None) -> None:
    """Refuse a decision taken on a version the actor did not see."""
    if expected is not None and obj.version != expected:
        raise DomainError(_("This application changed while you were looking at it. "
                            "Read it again, then decide."))


def today_in(network: Network) -> datetime.date:
    return timezone.now().astimezone(ZoneInfo(network.time_zone)).date()


def add_months(day: datetime.date, months: int) -> datetime.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def secretariat_of(network: Network) -> list[User]:
    return list(User.objects.filter(network_roles__network=network,
                                    network_roles__role="secretariat", is_active=True).distinct())


def community_people(community_id: int) -> list[User]:
    return list(User.objects.filter(affiliations__community_id=community_id,
                                    affiliations__status="verified", is_active=True).distinct())
