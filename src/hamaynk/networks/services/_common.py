"""Helpers shared by the network services."""

import calendar
import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.core.workflow import check_version, move, require
from hamaynk.networks.models import Network

__all__ = ["add_months", "check_version", "community_people", "move", "require",
           "secretariat_of", "today_in"]


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
    from hamaynk.communities.selectors import people_acting_for

    return people_acting_for(community_id)
