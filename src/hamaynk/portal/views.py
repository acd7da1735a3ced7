from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.accounts.permissions import network_role_pairs, verified_community_ids
from hamaynk.communities.selectors import my_affiliations
from hamaynk.core.workqueue import work_queue
from hamaynk.grants.selectors import my_grant_applications, open_calls
from hamaynk.learning.selectors.coaching import members_to_follow
from hamaynk.networks import selectors as network_selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {
        "networks": network_selectors.networks_with_counts(),
        "open_calls": open_calls()[:6],
        # signed in: the groups of what waits for the person and their counts (no items)
        "work": work_queue(user=request.user, limit=0)
        if request.user.is_authenticated else None,
        "roles": _roles(request.user),
    })


@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    """«Իմ գործերը»: everything waiting for the person, from every module, by kind."""
    return render(request, "portal/my_work.html", {"work": work_queue(user=request.user),
                                                   "roles": _roles(request.user)})


def _roles(user: object) -> dict[str, bool]:
    """Which roles the person holds: the empty queue says what would appear for each."""
    held = {role for role, _network in network_role_pairs(user)}
    return {"secretariat": "secretariat" in held, "reviewer": "reviewer" in held,
            "coach": "coach" in held, "community": bool(verified_community_ids(user))}


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
        "coaching": members_to_follow(user=user)[:20],
    })
