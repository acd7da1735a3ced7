"""The public directory of communities and a community's profile: the registry's pages, here
because they show (and filter by) each community's networks. Their URLs stay the registry's
(`communities:directory`, `communities:detail`): config mounts them with the registry's."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hamaynk.communities import selectors as registry
from hamaynk.core import counts, fragments
from hamaynk.core.pagination import paginate
from hamaynk.networks import selectors
from hamaynk.networks.filters import DirectoryFilter
from hamaynk.networks.models import Membership


def directory(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilter(request.GET or None,
                              countries=registry.viewer_country_codes(user=request.user))
    data: dict[str, Any] = filters.cleaned()
    qs = selectors.community_directory(
        country=data.get("country"), region=data.get("region"),
        network=data.get("network"), query=str(data.get("q") or ""))
    page = paginate(selectors.directory_listing(qs), request.GET.get("page"),
                    count_key=counts.key("directory", data.get("country"), data.get("region"),
                                         data.get("network"), data.get("q")),
                    count_models=(Membership,))
    template = "communities/directory.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"  # the list alone, for the filter's live update
    choices = (registry.filter_choices_version(), registry.filter_choices_version(
        filters.countries), selectors.network_choices())
    return render(request, template, {
        "filter": filters, "page_obj": page,
        "fields_version": fragments.query_version(request, also=choices),
        "rows_version": fragments.version(page, related=("memberships", "memberships.network"),
                                          also=choices)})


def community_detail(request: HttpRequest, pk: int) -> HttpResponse:
    community = registry.community_for_viewer(pk=pk, user=request.user)
    return render(request, "communities/detail.html", {
        "community": selectors.with_memberships(community),
        "people": registry.community_people(community=community, user=request.user),
        "history": registry.community_history(community=community, user=request.user),
        "can_edit": request.user.has_perm("communities.edit_profile", community),
    })
