"""Reads for review: a reviewer's queue and review, the review board, the ranking."""

from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import verified_community_ids
from hamaynk.accounts.viewer import Viewer
from hamaynk.core import counts
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.grants.models import Application, Call, Grant, Review
from hamaynk.grants.selectors.applying import application_listing


def review_queue(*, user: User) -> QuerySet[Review]:
    return (Review.objects.filter(reviewer=user).exclude(status=Review.Status.CONFLICT)
            .select_related("application__call", "application__community")
            .only("status", "application__title", "application__call__title_hy",
                  "application__call__title_en", *language_columns(via="application__community"))
            .order_by("status", "-created_at"))


def review_for_reviewer(*, pk: int, user: Viewer) -> Review:
    review = one(Review.objects.select_related("application__call__network",
                                               "application__community__region",
                                               "application__form_version")
                 .filter(pk=pk))
    if review is None or not user.has_perm("grants.review", review) \
            or review.application.community_id in verified_community_ids(user):
        raise Http404
    return review


def other_reviews(*, review: Review) -> list[Review]:
    """Others' submitted reviews — shown only once the reviewer has submitted their own."""
    if review.status != Review.Status.SUBMITTED:
        return []
    return list(Review.objects.filter(application=review.application,
                                      status=Review.Status.SUBMITTED)
                .exclude(pk=review.pk).select_related("reviewer")
                .prefetch_related("scores__criterion"))


def review_board(*, call: Call, user: Viewer) -> QuerySet[Application]:
    if not user.has_perm("grants.manage_call", call):
        raise Http404
    from django.db.models import Prefetch

    return (Application.objects.filter(call=call).exclude(status__in=["draft", "withdrawn"])
            .select_related("community__region", "screening")
            .prefetch_related(Prefetch("reviews", queryset=Review.objects.select_related(
                "reviewer").order_by("pk")))
            .order_by("pk"))


def call_reviewers(*, call: Call) -> QuerySet[User]:
    return (User.objects.filter(network_roles__network=call.network_id,
                                network_roles__role="reviewer", is_active=True)
            .order_by("full_name", "email").distinct())


RANKED = ("in_review", "more_info", "awarded", "rejected")


def _ranked_above(first: Application) -> Q:
    """The grants of the applications ranked above `first` (best mean first, no score last,
    ties by key): found from the call's grants, not by counting the rows above, so the
    running total of a deep page costs what the first page's does."""
    if first.score_mean is None:
        return Q(application__score_mean__isnull=False) | Q(
            application__score_mean__isnull=True, application__pk__lt=first.pk)
    return Q(application__score_mean__gt=first.score_mean) | Q(
        application__score_mean=first.score_mean, application__pk__lt=first.pk)


def ranking(*, call: Call, user: Viewer, page: str | int | None = None) -> dict[str, Any]:
    """The ranking table, one page at a time: best mean score first, with what has been
    awarded so far and what remains of the envelope after each row. The running total of
    the rows above the page is one aggregate, so a page costs the same anywhere."""
    if not user.has_perm("grants.manage_call", call):
        raise Http404
    from django.db.models import Sum

    from hamaynk.core.pagination import paginate
    qs = (Application.objects.filter(call=call, status__in=RANKED)
        .select_related("community__region", "grant")
        .order_by(F("score_mean").desc(nulls_last=True), "pk"))
    page_obj = paginate(application_listing(qs, "grant__amount", "grant__currency"),
                        page, count_key=counts.key("ranking", call))  # 25 a page, as every list
    zero = call.envelope * 0
    awarded = Grant.objects.filter(call=call).aggregate(s=Sum("amount"))["s"] or zero
    above = zero
    rows = list(page_obj.object_list)
    if page_obj.start_index() > 1 and rows:
        above = Grant.objects.filter(_ranked_above(rows[0]), call=call,
                                     application__status__in=RANKED).aggregate(
            s=Sum("amount"))["s"] or zero
    running, table = above, []
    for rank, application in enumerate(rows, start=page_obj.start_index()):
        grant = getattr(application, "grant", None)
        running += grant.amount if grant else 0
        table.append({"rank": rank, "application": application, "grant": grant,
                      "cumulative": running, "remaining": call.envelope - running})
    return {"rows": table, "page_obj": page_obj, "awarded": awarded,
            "remaining": call.envelope - awarded}
