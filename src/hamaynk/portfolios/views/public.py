"""The public pages of portfolios: the list of published ones and a published portfolio's
summary with its canvas — open to everyone, signed in or not. A portfolio that is not
published is a 404 here for whoever may not see it inside."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.core.views import svg_response
from hamaynk.portfolios.selectors import canvas as canvas_selectors
from hamaynk.portfolios.selectors import portfolio as selectors
from hamaynk.portfolios.selectors import summary as summary_selectors

SUMMARY = "portfolios.view_summary"


def published(request: HttpRequest) -> HttpResponse:
    return render(request, "portfolios/published.html", {
        "page_obj": summary_selectors.published(request.GET.get("page"))})


def summary(request: HttpRequest, pk: int) -> HttpResponse:
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user, perm=SUMMARY)
    found = summary_selectors.summary(portfolio)
    return render(request, "portfolios/summary.html", {
        "portfolio": portfolio, "summary": found, "count": len(found.interventions),
        "may_open": request.user.has_perm("portfolios.view_portfolio", portfolio)})


def summary_canvas_svg(request: HttpRequest, pk: int) -> HttpResponse:
    """The published portfolio's canvas (`?layout=narrow`: one column, for a phone)."""
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user, perm=SUMMARY)
    narrow = request.GET.get("layout") == "narrow"
    return svg_response(canvas_selectors.draw_canvas(canvas_selectors.canvas_data(portfolio),
                                                      narrow=narrow))
