"""Grants that fund interventions: an application names the intervention it funds; an
intervention's community applies to an open call for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hamaynk.core.errors import DomainError
from hamaynk.portfolios.forms.funding import ApplyForm, FundsForm
from hamaynk.portfolios.selectors import funding as selectors
from hamaynk.portfolios.selectors import portfolio as portfolio_selectors
from hamaynk.portfolios.services import funding as services
from hamaynk.portfolios.views.interventions import intervention_response


@login_required
@require_http_methods(["GET", "POST"])
def application_funds(request: HttpRequest, pk: int) -> HttpResponse:
    """Which intervention the application funds (its community's draft; the secretariat
    at any time)."""
    application = selectors.application_to_name(pk=pk, user=request.user)
    current = selectors.funded_by(application)
    form = FundsForm(request.POST or None, application=application,
                     current=current.intervention_id if current else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_fund(application=application,
                                      intervention=form.cleaned_data["intervention"],
                                      actor=request.user)  # type: ignore[arg-type]
        except DomainError as exc:
            form.add_error("intervention", str(exc.message))
        else:
            messages.success(request, _("Saved: the application says what it funds."))
            return redirect(application)
    return render(request, "portfolios/application_funds.html", {
        "application": application, "form": form, "current": current})


@login_required
@require_POST
def intervention_apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Start an application to an open call for this intervention, then write it."""
    intervention = portfolio_selectors.intervention_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("portfolios.edit_portfolio", intervention.portfolio):
        raise PermissionDenied
    form = ApplyForm(request.POST, calls=selectors.calls_to_apply(intervention))
    if form.is_valid():
        try:
            application = services.intervention_apply(
                intervention=intervention, call=form.cleaned_data["call"],
                actor=request.user)  # type: ignore[arg-type]
        except DomainError as exc:
            form.add_error("call", str(exc.message))
        else:
            messages.success(request, _("The application is started and names this "
                                        "intervention. Write it now."))
            return redirect(application)
    return intervention_response(request, intervention, apply=form)
