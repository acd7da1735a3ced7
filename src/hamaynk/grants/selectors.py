"""Reads for the grants pages and API."""

from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import serves, verified_community_ids
from hamaynk.accounts.viewer import Viewer
from hamaynk.communities.models import Community
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.grants import eligibility
from hamaynk.grants.models import (
    Application,
    Call,
    CallQuestion,
    Grant,
    GrantReport,
    Review,
)


def public_calls() -> QuerySet[Call]:
    """Open calls first (closing soonest first), then announced, then closed and decided."""
    from django.db.models import Case, IntegerField, Value, When

    order = Case(When(status="open", then=Value(0)), When(status="published", then=Value(1)),
                 When(status="closed", then=Value(2)), default=Value(3),
                 output_field=IntegerField())
    return (Call.objects.filter(status__in=Call.PUBLIC_STATUSES).select_related("network")
            .annotate(public_order=order).order_by("public_order", "closes_at", "pk"))


def calls_for_secretariat(*, user: User) -> QuerySet[Call]:
    if getattr(user, "is_superuser", False):
        qs = Call.objects.all()
    else:
        qs = Call.objects.filter(network__roles__user=user, network__roles__role="secretariat")
    return (qs.select_related("network")
            .annotate(submitted=Count("applications", filter=Q(applications__status="submitted")))
            .order_by("-opens_at", "pk").distinct())


def call_for_viewer(*, slug: str, user: Viewer) -> Call:
    call = one(Call.objects.select_related("network").filter(slug=slug))
    if call is None or (call.status not in Call.PUBLIC_STATUSES
                        and not serves(user, call.network_id)):
        raise Http404
    return call


def call_for_manager(*, slug: str, user: Viewer) -> Call:
    call = one(Call.objects.select_related("network").filter(slug=slug))
    if call is None or not user.has_perm("grants.manage_call", call):
        raise Http404
    return call


def call_questions(*, call: Call) -> QuerySet[CallQuestion]:
    return call.questions.order_by("created_at")


def standing_in_call(*, call: Call, user: Viewer) -> list[dict[str, Any]]:
    """For each community the user acts for: eligibility and its application, if any."""
    ids = verified_community_ids(user)
    if not ids:
        return []
    applications = {a.community_id: a for a in Application.objects.filter(call=call,
                                                                           community_id__in=ids)}
    rows = []
    for community in Community.objects.filter(pk__in=ids).select_related("region__country"):
        rules = eligibility.check(call, community)
        rows.append({"community": community, "rules": rules,
                     "eligible": all(r.ok for r in rules),
                     "application": applications.get(community.pk)})
    return rows


def application_for_viewer(*, pk: int, user: Viewer) -> Application:
    application = one(Application.objects
                      .select_related("call__network", "community__region__country",
                                      "form_version")
                      .filter(pk=pk))
    if application is None or not user.has_perm("grants.view_application", application):
        raise Http404
    return application


APPLICATION_SORTS: dict[str, tuple[str | Any, ...]] = {
    "submitted": ("-submitted_at", "-pk"),
    "score": (F("score_mean").desc(nulls_last=True), "pk"),
    "amount": ("-amount_requested", "pk"),
    "community": ("community__name_hy", "pk"),
}


def call_applications(*, call: Call, user: Viewer, status: str = "", region: str = "",
                      query: str = "", min_score: Decimal | None = None,
                      sort: str = "submitted") -> QuerySet[Application]:
    """The secretariat's list of a call's applications: filters on indexed columns, and a
    fixed number of queries whatever the number of rows (the scores are kept on the row)."""
    if not user.has_perm("grants.manage_call", call):
        raise Http404
    qs = (Application.objects.filter(call=call).exclude(status=Application.Status.DRAFT)
          .select_related("community__region")
          .order_by(*APPLICATION_SORTS.get(sort, APPLICATION_SORTS["submitted"])))
    if status in Application.Status.values:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(community__region__code=region)
    if min_score is not None:
        qs = qs.filter(score_mean__gte=min_score)
    for word in " ".join(query.split()).casefold().split():
        # the community by a subquery, not a join: its names are searched through their
        # own (trigram) index instead of joining every community to every application
        named = Community.objects.filter(search_text__contains=word).values("pk")
        qs = qs.filter(Q(title__icontains=word) | Q(community__in=named))
    return qs


def my_grant_applications(*, user: Viewer) -> QuerySet[Application]:
    return (Application.objects.filter(community_id__in=verified_community_ids(user))
            .select_related("call", "community").order_by("-updated_at"))


# --- review -------------------------------------------------------------------------------

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
                        page, 50)
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


def public_awards() -> QuerySet[Grant]:
    return (Grant.objects.select_related("call__network", "community__region__country",
                                         "application")
            .order_by("-awarded_at", "-pk"))


def public_awards_page() -> QuerySet[Grant]:
    """The public awards page: the columns it shows and nothing else (a full row of each
    joined table was most of the page's time)."""
    return (Grant.objects.select_related("call", "community__region", "application")
            .only("amount", "currency", "awarded_at", "call__slug", "call__title_hy",
                  "call__title_en", "application__title", "community__region__code",
                  *language_columns(via="community"), *language_columns(via="community__region"))
            .order_by("-awarded_at", "-pk"))


def application_listing(qs: QuerySet[Application], *extra: str) -> QuerySet[Application]:
    """Only the columns the application lists and the ranking show (no answers, no budget)."""
    return qs.only(*extra, "call_id", "status", "version", "title", "amount_requested",
                   "submitted_at", "review_count", "score_mean", "score_spread",
                   "community__region_id", *language_columns(via="community"),
                   *language_columns(via="community__region"))


def grant_for_viewer(*, pk: int, user: Viewer) -> Grant:
    grant = one(Grant.objects.select_related("call__network", "community__region",
                                             "application").filter(pk=pk))
    if grant is None or not user.has_perm("grants.view_application", grant.application):
        raise Http404
    return grant


def report_for_viewer(*, pk: int, user: Viewer) -> GrantReport:
    report = one(GrantReport.objects.select_related("grant__call__network", "grant__community",
                                                    "grant__application", "form_version")
                 .filter(pk=pk))
    if report is None or not user.has_perm("grants.view_application", report.grant.application):
        raise Http404
    return report
