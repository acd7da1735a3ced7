"""The work queue: what a person has to do, gathered from every module through one registry.

Each app contributes its own work in its `work.py`, registered from its `AppConfig.ready()`:

    register("grants", sources=grant_sources)

A provider is a function `sources(user, now) -> list[Source]`: one `Source` per kind of work
the person has (applications to screen, a report that is due …), each able to *count* its
items and to *fetch* the first few as `WorkItem`s — what, for
whom, since when, due when, and the link to the page where the work is done. The strings
are made with gettext at request time, so they come in the reader's language.

Core imports no app: the apps register here. `work_queue()` builds the page (bounded
queries: every source's count in one SELECT, then one limited fetch per non-empty source);
`work_count()` is the header's badge: that one counting SELECT of the counted sources. The
badge and the page's counts are kept in the shared cache (`core.counts.kept`) until a row of
a followed model is saved — doing the work saves one, so both follow at once — and for at
most `WORK_COUNT_SECONDS`, for what falls due with time alone (counting a large network's
sources costs tens of ms, on every page otherwise).

A source marked `counted=False` (a suggestion: a network to join, an open call) is listed
but not counted in the badge, so the badge says only what waits for the person.

What *communities* have pending, for those who follow them (a coach, the secretariat):

    register("grants", sources=grant_sources, followed=grant_followed)

A `followed(community_ids, now) -> list[Source]` provider gives, for the given communities,
one `Source` per kind of pending work, worded for the follower, each item saying its
`community_id`. `followed_work(community_ids=...)` fetches each registered followed source
once, for all the communities together (bounded queries, whatever their number), and
returns the items per community; a source's fetch `limit` is shared by all of them, so it is
given as the number of communities times the items wanted per community."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import F, Func, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from hamaynk.core import counts

WORK_COUNT_SECONDS = 60
LIMIT = 10  # items shown per source; "see all" leads to the source's full list


@dataclass(frozen=True)
class WorkItem:
    what: str  # the work, in the reader's language ("Screen the application")
    whom: str  # for whom: a community or a person
    url: str  # the exact page where the work is done
    since: datetime | date | None = None
    due: datetime | date | None = None
    detail: str = ""  # a short second line (the call, the network)
    overdue: bool = False  # set by work_queue() at the moment it is asked
    community_id: int | None = None  # whose work it is, for those who follow communities

    def due_moment(self) -> datetime | None:
        """`due` as a moment: a date is due until its end in the site's zone."""
        if self.due is None:
            return None
        if isinstance(self.due, datetime):
            return self.due
        return timezone.make_aware(datetime.combine(self.due, time.max))

    def is_overdue(self, now: datetime) -> bool:
        moment = self.due_moment()
        return moment is not None and moment < now

    @property
    def due_has_time(self) -> bool:
        return isinstance(self.due, datetime)

    def sort_key(self, now: datetime) -> tuple[int, float, float]:
        """Overdue first, then by due (none last), then the oldest first."""
        moment = self.due_moment()
        since = self.since
        if isinstance(since, date) and not isinstance(since, datetime):
            since = timezone.make_aware(datetime.combine(since, time.min))
        return (0 if self.is_overdue(now) else 1,
                moment.timestamp() if moment is not None else float("inf"),
                since.timestamp() if since is not None else float("inf"))


@dataclass
class Source:
    """One kind of work of one person: how many there are and the first few. A source over a
    queryset is counted together with the person's other sources, in one query."""

    kind: str  # a stable key, also the group's anchor on the page: "grants-screen"
    title: str  # the group's heading in the reader's language
    fetch: Callable[[int], Sequence[WorkItem]]
    count: Callable[[], int] | None = None  # when there is no queryset to count
    queryset: models.QuerySet[Any] | None = None
    see_all: str = ""  # the existing list with everything, when there are more
    counted: bool = True  # False: a suggestion, shown but not in the header's badge
    context: str = ""  # e.g. the network's short name

    @classmethod
    def of_queryset(cls, *, kind: str, title: str, queryset: models.QuerySet[Any],
                    item: Callable[[Any], WorkItem], rows: models.QuerySet[Any] | None = None,
                    **values: Any) -> "Source":
        """A source over one queryset (plain filters, no aggregate: it is counted as a
        subquery), ordered as its items should be shown; `rows`, when given, is what the
        items are made of (the same rows with aggregates, say)."""
        shown = queryset if rows is None else rows
        return cls(kind=kind, title=title, queryset=queryset,
                   fetch=lambda limit: [item(row) for row in shown[:limit]], **values)

    @classmethod
    def of_items(cls, *, kind: str, title: str, items: Sequence[WorkItem],
                 **values: Any) -> "Source":
        """A source whose (few) items are already known."""
        return cls(kind=kind, title=title, count=lambda: len(items),
                   fetch=lambda limit: list(items[:limit]), **values)


def _counts(user: Any, sources: Sequence[Source]) -> list[int]:
    """Each source's number of items: every queryset counted as a subquery of one SELECT on
    the person's own row (one round trip, whatever the number of sources), the others by
    their `count`."""
    expressions = {f"n{i}": Subquery(s.queryset.order_by().annotate(
                       n=Func(F("pk"), function="COUNT")).values("n")[:1],
                       output_field=models.IntegerField())
                   for i, s in enumerate(sources) if s.queryset is not None}
    row: dict[str, Any] = {}
    if expressions:
        found = (get_user_model()._default_manager.filter(pk=user.pk)
                 .values(**expressions).first())
        row = dict(found) if found else {}
    return [int(row.get(f"n{i}") or 0) if s.queryset is not None
            else (s.count() if s.count is not None else 0)
            for i, s in enumerate(sources)]


@dataclass
class WorkGroup:
    kind: str
    title: str
    context: str
    count: int
    items: list[WorkItem]
    overdue: int
    see_all: str
    counted: bool

    @property
    def more(self) -> bool:
        return self.count > len(self.items)


@dataclass
class WorkQueue:
    groups: list[WorkGroup] = field(default_factory=list)

    @property
    def to_do(self) -> list[WorkGroup]:
        return [g for g in self.groups if g.counted]

    @property
    def suggested(self) -> list[WorkGroup]:
        return [g for g in self.groups if not g.counted]

    @property
    def total(self) -> int:
        return sum(g.count for g in self.to_do)

    @property
    def overdue(self) -> int:
        return sum(g.overdue for g in self.to_do)


Provider = Callable[[Any, datetime], Iterable[Source]]
Followed = Callable[[set[int], datetime], Iterable[Source]]
_providers: dict[str, Provider] = {}
_followed: dict[str, Followed] = {}


def register(name: str, *, sources: Provider, followed: Followed | None = None) -> None:
    """Add an app's provider (again under the same name replaces it) and, optionally, what
    the given communities have pending, for those who follow them."""
    _providers[name] = sources
    if followed is None:
        _followed.pop(name, None)
    else:
        _followed[name] = followed


def providers() -> dict[str, Provider]:
    return dict(_providers)


def followed_providers() -> dict[str, Followed]:
    return dict(_followed)


FOLLOWED_LIMIT = 5  # items per community and per source in followed_work()


def followed_work(*, community_ids: Iterable[int], now: datetime | None = None,
                  limit: int = FOLLOWED_LIMIT, exclude: Iterable[str] = ()
                  ) -> dict[int, list[WorkItem]]:
    """What each of the communities has pending, from every registered `followed` provider
    (but those named in `exclude`): one fetch per source for all the communities together,
    at most `limit` items per community and source, each community's items in the queue's
    order (overdue first, then by due). Communities with nothing pending are left out.

    Without a given `now`, the result is kept as the work counts are (`_kept_page`), per
    language (its strings are the reader's) and set of communities."""
    ids = {int(pk) for pk in community_ids}
    if not ids:
        return {}
    if now is None:
        name = ":".join(["followed", get_language() or "", ",".join(sorted(exclude)),
                         ",".join(map(str, sorted(ids))), str(limit)])
        return dict(counts.kept(name, models=counts.tracked(), seconds=WORK_COUNT_SECONDS,
                                compute=lambda: _followed_work(ids, timezone.now(), limit,
                                                               set(exclude))))
    return _followed_work(ids, now, limit, set(exclude))


def _followed_work(ids: set[int], now: datetime, limit: int, skipped: set[str]
                   ) -> dict[int, list[WorkItem]]:
    found: dict[int, list[WorkItem]] = {}
    for name, provide in _followed.items():
        if name in skipped:
            continue
        for source in provide(ids, now):
            taken: dict[int, int] = {}
            for item in source.fetch(limit * len(ids)):
                cid = item.community_id
                if cid not in ids or taken.get(cid, 0) >= limit:
                    continue
                taken[cid] = taken.get(cid, 0) + 1
                found.setdefault(cid, []).append(replace(item, overdue=item.is_overdue(now)))
    return {cid: sorted(items, key=lambda item: item.sort_key(now))
            for cid, items in found.items()}


def _sources(user: Any, now: datetime) -> list[Source]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [source for provide in _providers.values() for source in provide(user, now)]


def work_queue(*, user: Any, limit: int = LIMIT, now: datetime | None = None) -> WorkQueue:
    """Everything waiting for `user`, grouped by kind: groups with overdue items first, then
    by their nearest due, then their oldest; within a group the same order. Empty groups are
    left out. `limit=0` gives the groups and their counts without items (a summary)."""
    given = now is not None
    now = timezone.now() if now is None else now
    groups = []
    sources = _sources(user, now)
    found, firsts = _kept_page(user, sources, limit, fresh=given)
    for source, count, fetched in zip(sources, found, firsts, strict=True):
        if not count:
            continue
        items = sorted((replace(item, overdue=item.is_overdue(now)) for item in fetched),
                       key=lambda item: item.sort_key(now))
        groups.append(WorkGroup(kind=source.kind, title=source.title, context=source.context,
                                count=count, items=items,
                                overdue=sum(1 for item in items if item.overdue),
                                see_all=source.see_all, counted=source.counted))
    groups.sort(key=lambda g: min((i.sort_key(now) for i in g.items),
                                  default=(1, float("inf"), float("inf"))))
    return WorkQueue(groups)


def work_count(*, user: Any, now: datetime | None = None) -> int:
    """The number of items waiting for `user` (suggestions not counted), for the header: one
    SELECT of the sources' counts, kept (below) without building the sources again."""
    if not getattr(user, "is_authenticated", False):
        return 0
    moment = timezone.now() if now is None else now

    def compute() -> int:
        return sum(_counts(user, [source for source in _sources(user, moment)
                                  if source.counted]))

    if now is not None:  # a given moment (a test, a task): counted there and then
        return compute()
    return int(counts.kept(f"work:{user.pk}", models=counts.tracked(), compute=compute,
                           seconds=WORK_COUNT_SECONDS))


Page = tuple[list[int], list[list[WorkItem]]]  # each source's count and its first items


def _page(user: Any, sources: Sequence[Source], limit: int) -> Page:
    """Each source's count (`_counts`: one SELECT) and first `limit` items (none where it
    counts none)."""
    found = _counts(user, sources)
    return found, [list(source.fetch(limit)) if limit and n else []
                   for source, n in zip(sources, found, strict=True)]


def _kept_page(user: Any, sources: Sequence[Source], limit: int, *,
               fresh: bool) -> Page:
    """"My work" as `_page` gives it, kept as the header's badge is: in the shared cache
    (`core.counts.kept`) until a row of a followed model is saved — doing the work saves
    one, so the page follows at once — and for at most `WORK_COUNT_SECONDS`, for what falls
    due with time alone (counting and fetching a large network's sources costs tens of ms,
    on every page otherwise; whether an item is overdue is decided when it is shown). The
    kinds are part of the name, so a source that appears with time is never matched with
    another's items, and so is the language the items are written in. `fresh`: a given
    moment (a test, a task), counted there and then."""
    if fresh:
        return _page(user, sources, limit)
    kinds = ",".join(source.kind for source in sources)
    name = f"work-page:{user.pk}:{get_language()}:{limit}:{kinds}"
    return counts.kept(name, models=counts.tracked(), seconds=WORK_COUNT_SECONDS,
                       compute=lambda: _page(user, sources, limit))
