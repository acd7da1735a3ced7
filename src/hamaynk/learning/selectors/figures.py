"""The learning figures the results module reads (issue #15): people trained, hours of
learning, communities completing a coaching path. Each is a few aggregate queries
(GROUP BY), whatever the size of the data; nothing here names a person.

* **Trained** means an enrolment whose `completed_at` falls in the period `[start, end)`
  (either end may be open), in a session of one of the network's opportunities. A person is
  counted once per bucket (distinct people), so a person who completed two courses for the
  same community counts once for it; one who completed for two communities counts for each.
* **Role** is the person's role for the community *at the time of the completion*: the
  latest affiliation to that community made before the completion that was verified (still
  verified, or revoked since); a person with none falls in "no role recorded".
* **Gender** is what the person chose to state on their preferences (`User.gender`); blank
  is the "not stated" bucket.
* **Small buckets are suppressed** in the role and gender breakdowns: a bucket of 1 to
  `SMALL_BUCKET - 1` people is reported as "fewer than 5" (`count=None`), never its number.
  When exactly one bucket would be suppressed, the smallest other non-empty bucket is
  suppressed too, so the hidden number cannot be found by subtracting from the total.
  Zero is shown as zero. Counts by community are not suppressed: they say how many of a
  community's people completed, which its secretariat already sees by name.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Affiliation, Community
from hamaynk.core import counts
from hamaynk.learning.models import Cohort, CohortMember, Enrolment, Opportunity, PathStep
from hamaynk.networks.models import Network

SMALL_BUCKET = 5
NOT_STATED = "not_stated"
NO_ROLE = "none"


@dataclass(frozen=True)
class Bucket:
    """One line of a breakdown; `count` None is "fewer than SMALL_BUCKET" (suppressed)."""

    key: str
    label: str
    count: int | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class CommunityFigure:
    community_id: int
    name: str
    value: Any  # people (int) or hours (Decimal)


@dataclass(frozen=True)
class PeopleTrained:
    total: int
    by_community: list[CommunityFigure]
    by_role: list[Bucket]
    by_gender: list[Bucket]


@dataclass(frozen=True)
class HoursOfLearning:
    total: Decimal
    by_community: list[CommunityFigure]


@dataclass(frozen=True)
class Totals:
    people_trained: int
    hours: Decimal


@dataclass(frozen=True)
class PathCompletion:
    members: int
    steps: int
    completed: int
    community_ids: list[int] = field(default_factory=list)


def _completed(network: Network, start: datetime.datetime | None,
               end: datetime.datetime | None) -> QuerySet[Enrolment]:
    qs = Enrolment.objects.filter(session__opportunity__network=network,
                                  completed_at__isnull=False)
    if start is not None:
        qs = qs.filter(completed_at__gte=start)
    if end is not None:
        qs = qs.filter(completed_at__lt=end)
    return qs.order_by()


def suppress(counts: dict[str, int], labels: dict[str, Any]) -> list[Bucket]:
    """The buckets in `labels`' order, small ones hidden (see the module's docstring)."""
    hidden = {k for k, n in counts.items() if 0 < n < SMALL_BUCKET}
    if len(hidden) == 1:
        others = sorted((n, k) for k, n in counts.items() if n > 0 and k not in hidden)
        if others:
            hidden.add(others[0][1])
    return [Bucket(key=k, label=str(label),
                   count=None if k in hidden else counts.get(k, 0))
            for k, label in labels.items()]


def _role_at_completion() -> Subquery:
    return Subquery(Affiliation.objects.filter(
        user=OuterRef("person_id"), community=OuterRef("community_id"),
        status__in=[Affiliation.Status.VERIFIED, Affiliation.Status.REVOKED],
        created_at__lte=OuterRef("completed_at")).order_by("-created_at", "-pk")
        .values("role")[:1])


def _by_community(rows: Any, key: str) -> list[CommunityFigure]:
    rows = list(rows)
    names = {c.pk: c.name for c in Community.objects.filter(
        pk__in=[r["community_id"] for r in rows]).only("name_hy", "name_en")}
    return [CommunityFigure(community_id=r["community_id"], name=names.get(r["community_id"], ""),
                            value=r[key]) for r in rows]


def people_trained(*, network: Network, start: datetime.datetime | None = None,
                   end: datetime.datetime | None = None) -> PeopleTrained:
    """Distinct people who completed in the period: in all, by community (most first), by
    role and by gender (small buckets suppressed). Five queries."""
    completed = _completed(network, start, end)
    total = completed.aggregate(n=Count("person", distinct=True))["n"] or 0
    communities = _by_community(
        completed.values("community_id").annotate(n=Count("person", distinct=True))
        .order_by("-n", "community_id"), "n")
    roles = {r["role"] or NO_ROLE: r["n"] for r in
             completed.annotate(role=_role_at_completion()).values("role")
             .annotate(n=Count("person", distinct=True)).order_by()}
    genders = {r["person__gender"] or NOT_STATED: r["n"] for r in
               completed.values("person__gender").annotate(n=Count("person", distinct=True))
               .order_by()}
    role_labels = {**dict(Affiliation.Role.choices), NO_ROLE: _("no role recorded")}
    gender_labels = {**dict(User.Gender.choices), NOT_STATED: _("not stated")}
    return PeopleTrained(total=total, by_community=communities,
                         by_role=suppress(roles, role_labels),
                         by_gender=suppress(genders, gender_labels))


def hours_of_learning(*, network: Network, start: datetime.datetime | None = None,
                      end: datetime.datetime | None = None) -> HoursOfLearning:
    """The opportunities' hours summed over the completed enrolments of the period (an
    opportunity without hours adds none): in all and by community, most first."""
    completed = _completed(network, start, end)
    hours = Coalesce(Sum("session__opportunity__hours"), Decimal("0"))
    total = completed.aggregate(h=hours)["h"]
    rows = (completed.values("community_id").annotate(h=hours).filter(h__gt=0)
            .order_by("-h", "community_id"))
    return HoursOfLearning(total=total, by_community=_by_community(rows, "h"))


def network_totals(*, network: Network) -> Totals:
    """All time: the distinct people who completed and the hours of learning (the learning
    management page's line). One query, kept (`core.counts.kept`) until an enrolment or an
    opportunity is saved: at the benchmark's size it reads ~100,000 enrolments."""
    def compute() -> list[Any]:
        row = _completed(network, None, None).aggregate(
            p=Count("person", distinct=True),
            h=Coalesce(Sum("session__opportunity__hours"), Decimal("0")))
        return [row["p"], str(row["h"])]

    people, hours = counts.kept(counts.key("learning-totals", network), compute=compute,
                                models=[Enrolment, Opportunity])
    return Totals(people_trained=int(people), hours=Decimal(hours))


def communities_completing_path(*, cohort: Cohort) -> PathCompletion:
    """The cohort's communities that have done every step of its path (a path without steps
    is completed by none). Two queries."""
    steps = PathStep.objects.filter(cohort=cohort).count()
    members = CohortMember.objects.filter(cohort=cohort).order_by()
    if not steps:
        return PathCompletion(members=members.count(), steps=0, completed=0)
    rows = list(members.annotate(done=Count("progress", filter=Q(progress__step__cohort=cohort),
                                            distinct=True))
                .values_list("community_id", "done").order_by("community_id"))
    done = [community_id for community_id, n in rows if n >= steps]
    return PathCompletion(members=len(rows), steps=steps, completed=len(done),
                          community_ids=done)
