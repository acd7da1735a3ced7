"""The portfolio page and what its community writes on it: the mission, challenges and their
evidence, stakeholders."""

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
