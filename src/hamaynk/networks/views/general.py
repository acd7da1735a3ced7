from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.views import run_action
from hamaynk.networks import selectors, services
from hamaynk.networks.forms import TeamMemberForm


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_by_slug(slug=slug)
    return render(request, "networks/detail.html", {
        "network": network,
        "can_manage": request.user.has_perm("networks.manage_team", network),
        "standing": selectors.standing_for_communities(network=network, user=request.user),
        "commitments": network.commitments.filter(is_active=True),
    })

@login_required
def team(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_by_slug(slug=slug)
    members = selectors.network_team(network=network, user=request.user)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_role_grant(network=network, actor=request.user,  # type: ignore[arg-type]
                                        email=form.cleaned_data["email"],
                                        role=form.cleaned_data["role"])
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            messages.success(request, _("The person is added to the team and has been told."))
            return redirect("networks:team", slug=slug)
    return render(request, "networks/team.html", {
        "network": network, "page_obj": paginate(members, request.GET.get("page")),
        "form": form})

@login_required
@require_POST
def team_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = selectors.network_by_slug(slug=slug)
    role = selectors.network_team(network=network, user=request.user).filter(pk=pk).first()
    if role is None:
        raise Http404
    run_action(request, lambda: services.network_role_revoke(
        role=role, actor=request.user),  # type: ignore[arg-type]
        _("The role is removed."))
    return redirect("networks:team", slug=slug)
