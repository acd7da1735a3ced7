"""Sensemaking sessions, their decisions and packs, snapshots and their comparison."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.portfolios.selectors import portfolio as selectors


@login_required
def session(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for_viewer(pk=pk, user=request.user)
    return render(request, "portfolios/session.html", {
        "session": found, "portfolio": found.portfolio})
