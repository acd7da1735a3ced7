"""The portfolio's pages: the portfolio itself, an intervention, a sensemaking session."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.portfolios.selectors import portfolio as selectors


@login_required
def portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    return render(request, "portfolios/portfolio.html", {
        "page": selectors.portfolio_page(found), "portfolio": found,
        "can_edit": request.user.has_perm("portfolios.edit_portfolio", found)})


@login_required
def intervention(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.intervention_for_viewer(pk=pk, user=request.user)
    return render(request, "portfolios/intervention.html", {
        "intervention": found, "portfolio": found.portfolio})


@login_required
def session(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for_viewer(pk=pk, user=request.user)
    return render(request, "portfolios/session.html", {
        "session": found, "portfolio": found.portfolio})
