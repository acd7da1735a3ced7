"""Public awarded grants, and the exports: 360Giving JSON and CSV of awards (open data),
CSV and XLSX of a call's applications (staff). Every export is streamed."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from hamaynk.communities.selectors import filter_choices_version
from hamaynk.core import fragments
from hamaynk.core.exports import streamed_csv, xlsx_file
from hamaynk.core.pagination import paginate
from hamaynk.grants import opendata, selectors


def awards(request: HttpRequest) -> HttpResponse:
    page = paginate(selectors.public_awards_page(), request.GET.get("page"),
                    count_key="public-awards")
    return render(request, "grants/awards.html", {
        "page_obj": page, "rows_version": fragments.version(
            page, related=("community", "call", "application"),
            also=filter_choices_version())})


def awards_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    qs = opendata.awarded_grants_queryset()
    if fmt == "json":
        response = StreamingHttpResponse(opendata.iter_json_package(qs),
                                         content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="hamaynk-360giving.json"'
        return response
    if fmt == "csv":
        return streamed_csv(opendata.iter_csv_rows(qs), "hamaynk-360giving.csv")
    raise Http404


def _application_rows(qs: Any) -> Iterator[list[Any]]:
    yield [_("Community"), _("Region"), _("Project"), _("Status"), _("Amount requested"),
           _("own contribution"), _("total cost"), _("Mean"), _("Spread"), _("Reviews"),
           _("Submitted")]
    for a in qs.iterator(chunk_size=1000):
        yield [a.community.name, a.community.region.name, a.title, str(a.get_status_display()),
               a.amount_requested, a.own_contribution, a.total_cost,
               a.score_mean, a.score_spread, a.review_count, a.submitted_at]


@login_required
def applications_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    from hamaynk.grants.views.calls import filtered_applications

    _form, qs = filtered_applications(request, call)
    if fmt == "csv":
        return streamed_csv(_application_rows(qs), f"{call.slug}-applications.csv")
    if fmt == "xlsx":
        return xlsx_file(_application_rows(qs), f"{call.slug}-applications.xlsx", call.slug)
    raise Http404
