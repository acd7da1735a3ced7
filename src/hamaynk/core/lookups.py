"""Finding one row by its key."""

from typing import TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def one(qs: QuerySet[M]) -> M | None:
    """The row a unique key (pk, slug) finds in `qs`, or None. Unlike `.first()` it does not
    sort by the model's default ordering, which a lookup by key does not need: compiling that
    ORDER BY (a community's sorts through its region) cost more than the query itself."""
    return next(iter(qs.order_by()[:1]), None)
