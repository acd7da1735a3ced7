"""Helpers shared by the network services."""

import calendar
import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from hamaynk.core.workflow import check_version, require
from hamaynk.networks.models import Network

__all__ = ["add_months", "check_version", "require", "today_in"]


def today_in(network: Network) -> datetime.date:
    return timezone.now().astimezone(ZoneInfo(network.time_zone)).date()


def add_months(day: datetime.date, months: int) -> datetime.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))



