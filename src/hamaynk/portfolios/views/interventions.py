"""An intervention's page, and the portfolio's interventions, clusters and canvas."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.portfolios.selectors import portfolio as selectors


@login_required
def intervention(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.intervention_for_viewer(pk=pk, user=request.user)
    return render(request, "portfolios/intervention.html", {
        "intervention": found, "portfolio": found.portfolio})
