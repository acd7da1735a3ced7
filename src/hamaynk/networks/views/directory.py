"""The public directory of communities and a community's profile: the registry's pages, here
because they show (and filter by) each community's networks. Their URLs stay the registry's
(`communities:directory`, `communities:detail`): config mounts them with the registry's."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from hamaynk.communities import selectors as registry
from hamaynk.core.caching import cached_filter_fields, cached_html
from hamaynk.core.pagination import paginate
from hamaynk.networks import selectors
from hamaynk.networks.filters import DirectoryFilter


def directory(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilter(request.GET or None)

    def results() -> str:
        data: dict[str, Any] = filters.cleaned()
        qs = selectors.community_directory(
            country=data.get("country"), region=data.get("region"),
            network=data.get("network"), query=str(data.get("q") or ""))
        page = paginate(selectors.directory_listing(qs), request.GET.get("page"))
        return render_to_string("communities/directory.html#results", {"page_obj": page},
                                request)

    variant = request.GET.urlencode()
    html = cached_html("directory", variant, results)
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(html)
    fields = cached_filter_fields("directory-filters", request, lambda: render_to_string(
        "communities/directory.html#fields", {"filter": filters}))
    return render(request, "communities/directory.html", {"fields": fields, "results": html})


def community_detail(request: HttpRequest, pk: int) -> HttpResponse:
    community = registry.community_for_viewer(pk=pk, user=request.user)

    def profile() -> str:
        return render_to_string("communities/detail.html#profile", {
            "community": selectors.with_memberships(community),
            "people": registry.community_people(community=community, user=request.user),
            "history": registry.community_history(community=community, user=request.user),
            "can_edit": request.user.has_perm("communities.edit_profile", community),
        }, request)

    # what a visitor who is not signed in sees is the same for all of them: kept like the
    # public lists; a signed-in person's own links and the people they may see are not
    html = cached_html("community-profile", str(community.pk), profile) \
        if not request.user.is_authenticated else mark_safe(profile())  # noqa: S308
    return render(request, "communities/detail.html", {"community": community,
                                                       "profile": html})
