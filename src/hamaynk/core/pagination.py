"""Numbered pages: Django's `Paginator`, with deep pages fetched by key.

* The total is the list's `COUNT(*)`, as Django counts it: on an index, for the filters the
  lists offer (every filter and order has one). A large list names its count
  (`count_key`, with the other models its filters read in `count_models`): the total is
  then kept in the shared cache until one of those models' rows changes (core/counts.py).
* A deep page: `OFFSET n` makes the database build and throw away n full rows, joined
  tables included. From `DEFERRED_FROM` rows on, the page's primary keys are found first
  (a walk of the ordering's index, no joined tables; from the list's far end, in reverse
  order, for a page in its second half), then just those rows are fetched with their
  related rows (the lists' orderings end with the primary key, so they are total). A
  caller may ask for this on every page (`keys_first=True`) where the filter leaves the
  database a poor estimate of how many rows match — a text search: it then sorts the
  matches' keys alone instead of joining every candidate first, and counts them in the
  same query (`COUNT(*) OVER ()`), so the matching is done once.

The lists paginated this way are querysets of model objects (or plain lists).
"""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, QuerySet, Window
from django.utils.functional import cached_property

from hamaynk.core import counts

PAGE_SIZE = 25
DEFERRED_FROM = 200


class ListPaginator(Paginator):
    def __init__(self, object_list: Any, per_page: int, *, keys_first: bool = False,
                 count_key: str = "", count_models: tuple[type[Model], ...] = ()) -> None:
        super().__init__(object_list, per_page)
        self.keys_first = keys_first
        self.count_key, self.count_models = count_key, count_models
        self.known_count: int | None = None  # counted with the page's keys

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return len(qs)
        if self.count_key:
            return counts.count(qs, name=self.count_key, models=self.count_models)
        return qs.count()

    def get_page(self, number: Any) -> Page:
        qs = self.object_list
        if self.keys_first and isinstance(qs, QuerySet):
            try:
                wanted = int(str(number or 1))
            except ValueError:
                wanted = 0  # not a plain number: Django's own rules below
            if 1 <= wanted and wanted * self.per_page < 2**62:  # else an OFFSET too large
                bottom = (wanted - 1) * self.per_page
                found = list(qs.annotate(listed_total=Window(Count("pk")))
                             .values_list("pk", "listed_total")[bottom:bottom + self.per_page])
                if found:  # else past the end, or nothing matches: counted as usual
                    self.known_count = found[0][1]
                    return Page(_fetch(qs, [key for key, _total in found]), wanted, self)
        return super().get_page(number)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        qs = self.object_list
        if (bottom >= DEFERRED_FROM or self.keys_first) and isinstance(qs, QuerySet):
            if qs.ordered and bottom > self.count // 2:
                # nearer the end: walk the ordering's index from that end, skipping fewer rows
                keys = list(qs.reverse().values_list("pk", flat=True)
                            [self.count - top:self.count - bottom])[::-1]
            else:
                keys = list(qs.values_list("pk", flat=True)[bottom:top])
            return Page(_fetch(qs, keys), number, self)
        return Page(qs[bottom:top], number, self)


def _fetch(qs: QuerySet[Any], keys: list[Any]) -> list[Any]:
    """The rows of `keys`, in their order, with what the list loads with them."""
    rows = qs.order_by().in_bulk(keys)
    return [rows[key] for key in keys if key in rows]


def paginate(qs: Any, page: Any, per_page: int = PAGE_SIZE, *, keys_first: bool = False,
             count_key: str = "", count_models: tuple[type[Model], ...] = ()) -> Page:
    """Page N of a list; a page number past the end or not a number gives the nearest page."""
    return ListPaginator(qs, per_page, keys_first=keys_first, count_key=count_key,
                         count_models=count_models).get_page(page)
