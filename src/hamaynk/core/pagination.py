"""Numbered pages that cost the same at page 1 and page 1,000, with 25 or 250,000 rows.

Two things make Django's own paginator slow on long lists:

* the total: `COUNT(*)` over every matching row, on every request. A list of more than
  `COUNT_CACHE_FROM` rows remembers its count for `COUNT_CACHE_SECONDS` (keyed by the
  count's SQL and parameters, so a different filter is a different count); a shorter list
  is always counted afresh, so what a user just changed shows at once where it matters;
* a deep page: `OFFSET n` makes the database build and throw away n full rows, joined
  tables included. From `DEFERRED_FROM` rows on, the page's primary keys are found first
  (a walk of the ordering's index, no joined tables), then just those rows are fetched
  with their related rows. A caller may ask for this on every page (`keys_first=True`)
  where the filter leaves the database a poor estimate of how many rows match — a text
  search: it then sorts the matches' keys alone instead of joining every candidate first,
  and counts them in the same query (`COUNT(*) OVER ()`), so the matching is done once.
"""

import hashlib
from typing import Any, TypeGuard

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Count, QuerySet, Window
from django.db.models.query import ModelIterable
from django.utils.functional import cached_property

PAGE_SIZE = 25
COUNT_CACHE_FROM = 1000
COUNT_CACHE_SECONDS = 60
DEFERRED_FROM = 200


def _count_key(qs: QuerySet[Any]) -> str | None:
    """What decides the count: the table, its joins and the WHERE clause with its values.
    Only those are compiled (~0.07 ms; the whole SELECT with a list's columns took ~0.6 ms
    on every page); a query of an unusual shape (grouped, combined, sliced, distinct on
    fields) is keyed by its whole SQL."""
    query = qs.query
    try:
        compiler = query.get_compiler(qs.db)
        if (query.combinator or query.group_by is not None or query.distinct_fields
                or query.low_mark or query.high_mark is not None):
            sql, params = compiler.as_sql()
        else:
            try:
                where, params = query.where.as_sql(compiler, compiler.connection)
            except FullResultSet:  # no condition at all
                where, params = "", []
            joins = sorted(
                (alias, join.table_name, getattr(join, "join_type", ""),
                 getattr(join, "parent_alias", ""),
                 str(getattr(join, "join_cols", "")))
                for alias, join in query.alias_map.items() if query.alias_refcount[alias])
            sql = f"{where}|{joins!r}|distinct={query.distinct}"
    except EmptyResultSet:
        return None  # matches nothing: counted (for nothing) every time
    except Exception:  # noqa: BLE001 - an unusual query is simply counted
        return None
    text = f"{connections[qs.db].alias}|{qs.model._meta.label}|{sql}|{params!r}"
    return "pagecount:" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class ListPaginator(Paginator):
    def __init__(self, object_list: Any, per_page: int, *, keys_first: bool = False) -> None:
        super().__init__(object_list, per_page)
        self.keys_first = keys_first

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return len(qs)
        key = _count_key(qs)
        if key is not None and (cached := cache.get(key)) is not None:
            return int(cached)
        total = qs.count()
        if key is not None and total >= COUNT_CACHE_FROM:
            cache.set(key, total, COUNT_CACHE_SECONDS)
        return total

    def get_page(self, number: Any) -> Page:
        qs = self.object_list
        if self.keys_first and "count" not in self.__dict__ and _by_key(qs):
            try:
                wanted = int(str(number or 1))
            except ValueError:
                wanted = 0  # not a plain number: Django's own rules below
            if wanted >= 1:
                bottom = (wanted - 1) * self.per_page
                found = list(qs.annotate(_listed_total=Window(Count("pk")))
                             .values_list("pk", "_listed_total")[bottom:bottom + self.per_page])
                if found:  # else past the end, or nothing matches: counted as usual
                    self.__dict__["count"] = found[0][1]
                    return Page(_fetch(qs, [key for key, _total in found]), wanted, self)
        return super().get_page(number)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        qs = self.object_list
        if (bottom >= DEFERRED_FROM or self.keys_first) and _by_key(qs):
            return Page(_fetch(qs, list(qs.values_list("pk", flat=True)[bottom:top])),
                        number, self)
        return Page(qs[bottom:top], number, self)


def _by_key(qs: Any) -> TypeGuard[QuerySet[Any]]:
    return (isinstance(qs, QuerySet) and qs._iterable_class is ModelIterable
            and not qs.query.distinct)


def _fetch(qs: QuerySet[Any], keys: list[Any]) -> list[Any]:
    rows = {row.pk: row for row in qs.order_by().filter(pk__in=keys)}
    return [rows[key] for key in keys if key in rows]


def paginate(qs: Any, page: Any, per_page: int = PAGE_SIZE, *, keys_first: bool = False) -> Page:
    """Page N of a list; a page number past the end or not a number gives the nearest page."""
    return ListPaginator(qs, per_page, keys_first=keys_first).get_page(page)
