"""What every app's API router shares: its pagination and the types of its query values.
Each app defines its own router in `<app>/api.py`; `hamaynk.api` mounts them."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import AfterValidator, StringConstraints

from hamaynk.core.parsing import has_nul


class Pages(PageNumberPagination):
    """Page-number pagination with bounds, so an absurd page number is a 422, not a 500."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)


def _no_nul(value: str) -> str:
    if has_nul(value):
        raise ValueError("Null characters are not allowed.")
    return value


# Every free-text query value of the API: bounded, and never a NUL character (PostgreSQL
# refuses it in a query, which would be a 500): a 422 with the reason instead.
FilterText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]{1,50}$")]


def iso(moment: date | datetime | None) -> str | None:
    """A date or moment as the API writes it: Python's ISO 8601 text (a datetime keeps its
    offset, `+00:00`), the same in every response."""
    return moment.isoformat() if moment is not None else None
