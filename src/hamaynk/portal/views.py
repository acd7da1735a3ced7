from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.communities.selectors import my_affiliations
from hamaynk.grants.selectors import my_grant_applications, open_calls
from hamaynk.networks import selectors as network_selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {
        "networks": network_selectors.networks_with_counts(),
        "open_calls": open_calls()[:6],
    })


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(request, "portal/dashboard.html", {
        "affiliations": my_affiliations(user=user),
        "network_roles": network_selectors.my_network_roles(user=user),
        "applications": network_selectors.my_applications(user=user)[:20],
        "memberships": network_selectors.my_memberships(user=user)[:20],
        "grant_applications": my_grant_applications(user=user)[:20],
        "cohorts": user.cohorts.select_related("network")[:20],  # type: ignore[union-attr]
    })
