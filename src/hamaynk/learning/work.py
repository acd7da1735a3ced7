"""The learning module's items in the work queue (`core.workqueue`): a coach's cohorts, each
with its communities, linked to the cohort's page. Ongoing work rather than a task with a
date, so not in the header's count; sessions and enrolments will bring dated items."""

from datetime import datetime
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamaynk.accounts.permissions import is_coach
from hamaynk.core.workqueue import Source, WorkItem, register
from hamaynk.learning.models import Cohort


def sources(user: Any, now: datetime) -> list[Source]:
    if not is_coach(user):
        return []
    cohorts = (Cohort.objects.filter(coaches=user).select_related("network")
               .order_by("-created_at", "pk"))

    def item(cohort: Any) -> WorkItem:
        return WorkItem(
            what=_("Follow the communities of the cohort"), whom=str(cohort),
            detail=ngettext("%(network)s · %(count)s community",
                            "%(network)s · %(count)s communities", cohort.size)
            % {"network": cohort.network.short_name, "count": cohort.size},
            url=cohort.get_absolute_url(), since=cohort.created_at)

    return [Source.of_queryset(kind="learning-cohorts", title=_("Coaching cohorts you follow"),
                               queryset=cohorts, item=item, counted=False,
                               rows=cohorts.annotate(size=Count("members", distinct=True)))]


def register_work() -> None:
    register("learning", sources=sources)
