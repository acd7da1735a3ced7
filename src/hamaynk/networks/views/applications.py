"""Pages of the membership application: start, edit, sign, withdraw, review, and the
council decision package."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.core.errors import DomainError
from hamaynk.core.views import confirmation_page, is_confirmed, run_action
from hamaynk.networks import documents, selectors, services
from hamaynk.networks.forms import (
    ApplicationDecisionForm,
    ApplicationForm,
    QueueFilterForm,
    SignForm,
)
from hamaynk.networks.models import MembershipApplication, Network


def _network(slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


@login_required
@require_POST
def application_start(request: HttpRequest, slug: str, community_id: int) -> HttpResponse:
    network = _network(slug)
    community = selectors.community_for_actor(pk=community_id, user=request.user)
    try:
        application = services.application_start(network=network, community=community,
                                                 actor=request.user)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect(network)
    return redirect("networks:application_edit", pk=application.pk)


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    user = request.user
    return render(request, "networks/application_detail.html", {
        "application": application,
        "missing": services.application_missing(application) if application.is_editable else [],
        "can_edit": application.is_editable and user.has_perm(
            "networks.prepare_application", application),
        "can_sign": application.is_editable and user.has_perm(
            "networks.sign_application", application),
        "can_decide": application.status == "submitted" and user.has_perm(
            "networks.decide_application", application),
        "decision_form": ApplicationDecisionForm(initial={"version": application.version}),
        "history": selectors.application_history(application=application),
    })


@login_required
def application_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole application as a PDF (what the head signs), for whoever may see it."""
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    content, name = documents.application_pdf(application)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("networks.prepare_application", application):
        raise Http404
    if not application.is_editable:
        messages.info(request, _("This application can no longer be changed."))
        return redirect(application)
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=application,
                           network=application.network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.application_update(
                application=application, actor=request.user,  # type: ignore[arg-type]
                expected_version=data["version"], motivation=data["motivation"],
                edo_name=data["edo_name"], edo_position=data["edo_position"],
                edo_email=data["edo_email"], edo_phone=data["edo_phone"],
                commitment_ids=[c.pk for c in data["commitments"]],
                decision_number=data["decision_number"], decision_date=data["decision_date"],
                decision_scan=data.get("decision_scan_upload"))
        except ValidationError as exc:
            form.add_error("decision_scan_upload", exc)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            messages.success(request, _("The application is saved."))
            return redirect(application)
    return render(request, "networks/application_form.html",
                  {"application": application, "form": form})


@login_required
def application_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the head may see this page; then they confirm their password (re-authentication),
    type their full name, and sign."""
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("networks.sign_application", application):
        raise Http404
    return _sign(request, application=application)


@reauthentication_required
def _sign(request: HttpRequest, *, application: MembershipApplication) -> HttpResponse:
    form = SignForm(request.POST or None, request.FILES or None,
                    initial={"version": application.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.application_sign_and_submit(
                application=application, actor=request.user,  # type: ignore[arg-type]
                expected_version=form.cleaned_data["version"],
                typed_name=form.cleaned_data["typed_name"],
                signed_scan=form.cleaned_data.get("signed_scan_upload"))
        except ValidationError as exc:
            form.add_error("signed_scan_upload", exc)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            messages.success(request, _("Signed and submitted. The secretariat has been told."))
            return redirect(application)
    return render(request, "networks/application_sign.html", {
        "application": application, "form": form,
        "missing": services.application_missing(application)})


@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not is_confirmed(request) and request.user.has_perm(
            "networks.prepare_application", application):
        return confirmation_page(
            request, title=_("Withdraw the membership application?"), danger=True,
            confirm_label=_("Yes, withdraw the application"),
            cancel_url=application.get_absolute_url(), consequences=[
                _("The secretariat will not consider this application; if it was "
                  "submitted, they are told."),
                _("A withdrawn application cannot be changed or submitted again: to join "
                  "later, start a new application.")])
    run_action(request, lambda: services.application_withdraw(
        application=application, actor=request.user),  # type: ignore[arg-type]
        _("The application is withdrawn."))
    return redirect(application)


@login_required
@require_POST
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("networks.decide_application", application):
        raise Http404
    form = ApplicationDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(application)
    data, actor = form.cleaned_data, request.user
    if data["decision"] == "reject" and data["message"].strip() and not is_confirmed(request):
        return confirmation_page(
            request, title=_("Reject the membership application of %(community)s?")
            % {"community": application.community.name}, danger=True,
            confirm_label=_("Yes, reject the application"),
            cancel_url=application.get_absolute_url(), consequences=[
                _("The decision is final: this application cannot be approved later."),
                _("The community's head and staff are told, with your message.")])
    action = {"approve": services.application_approve,
              "request_changes": services.application_request_changes,
              "reject": services.application_reject}[data["decision"]]
    try:
        action(application=application, actor=actor,  # type: ignore[operator, arg-type]
               expected_version=data["version"], message=data["message"])
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Done. The community has been told."))
    return redirect(application)


@login_required
def application_queue(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    scope = selectors.network_country_codes(network) or None
    countries, regions = selectors.country_and_region_choices(scope)
    form = QueueFilterForm(request.GET or None, countries=countries, regions=regions)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.application_queue(
        network=network, user=request.user, status=data.get("status", ""),
        country=data.get("country", ""), region=data.get("region", ""),
        query=data.get("q", ""))
    from hamaynk.communities.selectors import filter_choices_version
    from hamaynk.core import fragments
    from hamaynk.core.pagination import paginate

    page_obj = paginate(qs, request.GET.get("page"))
    choices = filter_choices_version(scope)
    return render(request, "networks/application_queue.html", {
        "network": network, "form": form, "page_obj": page_obj,
        "fields_version": fragments.query_version(request, also=choices),
        "rows_version": fragments.version(page_obj, related=("community",), also=choices)})


@login_required
def council_package(request: HttpRequest, slug: str, community_id: int) -> HttpResponse:
    network = _network(slug)
    community = selectors.community_for_package(network=network, pk=community_id,
                                                user=request.user)
    return render(request, "networks/council_package.html", {
        "network": network, "community": community, "documents": documents.DOCUMENT_TITLES,
        "has_template": network.council_templates.filter(language="hy").exists()})


@login_required
def council_document(request: HttpRequest, slug: str, community_id: int, document: str,
                     fmt: str) -> HttpResponse:
    network = _network(slug)
    community = selectors.community_for_package(network=network, pk=community_id,
                                                user=request.user)
    if document not in documents.DOCUMENT_TITLES or fmt not in {"docx", "pdf"}:
        raise Http404
    try:
        content, name, mime = documents.council_document(
            network=network, community=community, document=document, fmt=fmt)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("networks:council_package", slug=slug, community_id=community_id)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

