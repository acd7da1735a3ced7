"""The secretariat's pages for its network's catalogue: its opportunities (create, edit,
publish, archive), their materials and sessions, and a session's enrolments to approve."""

import zoneinfo
from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.core import fragments
from hamaynk.core.errors import DomainError
from hamaynk.core.exports import streamed_csv
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import run_action
from hamaynk.learning.forms import TIME_ZONES, MaterialForm, OpportunityForm, SessionForm
from hamaynk.learning.models import Enrolment, Opportunity, Session
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.selectors import enrolment as enrolments
from hamaynk.learning.selectors import figures
from hamaynk.learning.selectors.forms import enrolments_table, with_registration
from hamaynk.learning.services import catalogue as services
from hamaynk.learning.services import enrolment as enrolling
from hamaynk.networks.selectors import network_for_secretariat

MOVES = {"publish": Opportunity.Status.PUBLISHED, "archive": Opportunity.Status.ARCHIVED,
         "draft": Opportunity.Status.DRAFT}


@login_required
def manage(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = network_for_secretariat(slug=network_slug, user=request.user,
                                      perm="learning.manage_catalogue")
    return render(request, "learning/catalogue/manage.html", {
        "network": network, "totals": figures.network_totals(network=network),
        "page_obj": paginate(
            selectors.network_opportunities(network=network, user=request.user),
            request.GET.get("page"))})


def _add_error(form: object, exc: DomainError) -> None:
    fields = getattr(form, "fields", {})
    form.add_error(exc.field if exc.field in fields else None, str(exc.message))  # type: ignore[attr-defined]


@login_required
def opportunity_create(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = network_for_secretariat(slug=network_slug, user=request.user,
                                      perm="learning.manage_catalogue")
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.opportunity_create(network=network, actor=request.user,  # type: ignore[arg-type]
                                                      **form.values())
        except DomainError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, _("The opportunity is saved as a draft. Add its "
                                        "sessions, then publish it."))
            return redirect(opportunity)
    return render(request, "learning/catalogue/opportunity_edit.html",
                  {"form": form, "network": network})


@login_required
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            services.opportunity_update(opportunity=opportunity, actor=request.user,  # type: ignore[arg-type]
                                        expected_version=parse_id(request.POST.get("version")),
                                        **form.values())
        except DomainError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, _("The opportunity is saved."))
            return redirect(opportunity)
    return render(request, "learning/catalogue/opportunity_edit.html", {
        "form": form, "network": opportunity.network, "opportunity": opportunity})


@login_required
@require_POST
def opportunity_move(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    to = MOVES.get(str(request.POST.get("to", "")))
    if to is None:
        raise Http404
    done = {Opportunity.Status.PUBLISHED: _("The opportunity is published in the catalogue."),
            Opportunity.Status.ARCHIVED: _("The opportunity is archived."),
            Opportunity.Status.DRAFT: _("The opportunity is back to draft.")}[to]
    run_action(request, lambda: services.opportunity_move(
        opportunity=opportunity, actor=request.user, to=to), done)  # type: ignore[arg-type]
    return redirect(opportunity)


@login_required
def materials(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if "remove" in request.POST:
            remove = parse_id(request.POST.get("remove"))
            if remove is None:
                raise Http404
            run_action(request, lambda: services.material_remove(
                opportunity=opportunity, actor=request.user,  # type: ignore[arg-type]
                material_id=remove), _("The material is removed."))
            return redirect("learning:materials", pk=opportunity.pk)
        if form.is_valid():
            try:
                services.material_add(opportunity=opportunity, actor=request.user,  # type: ignore[arg-type]
                                      title_hy=form.cleaned_data["title_hy"],
                                      title_en=form.cleaned_data["title_en"],
                                      url=form.cleaned_data["url"] or "",
                                      upload=form.cleaned_data["file"])
            except DomainError as exc:
                _add_error(form, exc)
            else:
                messages.success(request, _("The material is added."))
                return redirect("learning:materials", pk=opportunity.pk)
    return render(request, "learning/catalogue/materials.html", {
        "opportunity": opportunity, "form": form,
        "materials": selectors.materials_of(opportunity=opportunity)})


def _zone(request: HttpRequest, session: Session | None) -> zoneinfo.ZoneInfo:
    """The zone the form's moments are read in: the one chosen in the form (a known one),
    else the session's, else the network's."""
    chosen = str(request.POST.get("time_zone", "")) if request.method == "POST" else ""
    if chosen in TIME_ZONES:
        return zoneinfo.ZoneInfo(chosen)
    return session.zone if session is not None else zoneinfo.ZoneInfo("Asia/Yerevan")


def _session_page(request: HttpRequest, opportunity: Opportunity,
                  session: Session | None) -> HttpResponse:
    with timezone.override(_zone(request, session)):
        initial = {} if session is not None else {"time_zone": opportunity.network.time_zone}
        form = SessionForm(request.POST or None, instance=session, opportunity=opportunity,
                           initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                if session is None:
                    saved = services.session_create(opportunity=opportunity,
                                                    actor=request.user,  # type: ignore[arg-type]
                                                    **form.values())
                else:
                    saved = services.session_update(
                        session=session, actor=request.user,  # type: ignore[arg-type]
                        expected_version=parse_id(request.POST.get("version")),
                        **form.values())
            except DomainError as exc:
                _add_error(form, exc)
            else:
                messages.success(request, _("The session is saved."))
                return redirect(saved)
        return render(request, "learning/catalogue/session_edit.html", {
            "form": form, "opportunity": opportunity, "session": session})


@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    return _session_page(request, opportunity, None)


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_manager(pk=pk, user=request.user)
    return _session_page(request, session.opportunity, session)


@login_required
def session_enrolments(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser's list of a session's enrolments, with approve and decline."""
    session = selectors.session_for_manager(pk=pk, user=request.user)
    if request.method == "POST":
        return _decide(request, session)
    status = str(request.GET.get("status", ""))
    # keys first: the page's 25 keys sorted alone, then their rows with the people and
    # communities (else every enrolment of a large session is joined to the users first)
    page_obj = paginate(enrolments.session_enrolments(session=session, user=request.user,
                                                      status=status),
                        request.GET.get("page"), keys_first=True)
    rows = page_obj.object_list = with_registration(
        page_obj.object_list, language=request.LANGUAGE_CODE)  # type: ignore[attr-defined]
    return render(request, "learning/catalogue/session_enrolments.html", {
        "session": session, "opportunity": session.opportunity,
        "status": status if status in Enrolment.Status.values else "",
        "statuses": Enrolment.Status.choices, "page_obj": page_obj,
        # the rows change with an enrolment (its updated_at), a name or an answer
        "rows_version": fragments.version(rows, related=("community", "community.region"),
                                          also=[enrolments.row_names(e) for e in rows])})


@login_required
def session_enrolments_csv(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The session's enrolments with their registration answers, as CSV (streamed)."""
    session = selectors.session_for_manager(pk=pk, user=request.user)
    header, rows = enrolments_table(session=session, user=request.user,
                                    language=request.LANGUAGE_CODE)  # type: ignore[attr-defined]
    return streamed_csv(chain([header], rows), f"session-{session.pk}-enrolments.csv")


DECISIONS = ("approve", "decline", "cancel")


def _decide(request: HttpRequest, session: Session) -> HttpResponse:
    """One button of the page's form: its name is the decision, its value the enrolment
    (and `version-<pk>` the version the organiser saw)."""
    decision = next((d for d in DECISIONS if d in request.POST), None)
    pk = parse_id(request.POST.get(decision)) if decision else None
    enrolment = session.enrolments.filter(pk=pk).first() if pk is not None else None
    if enrolment is None:
        raise Http404
    enrolment.session = session
    if decision == "cancel":
        action = lambda: enrolling.cancel(enrolment=enrolment, actor=request.user)  # type: ignore[arg-type]  # noqa: E731
        done = _("The enrolment is cancelled.")
    else:
        approve = decision == "approve"
        action = lambda: enrolling.decide(  # noqa: E731
            enrolment=enrolment, actor=request.user, approve=approve,  # type: ignore[arg-type]
            reason=str(request.POST.get("reason", ""))[:500],
            expected_version=parse_id(request.POST.get(f"version-{pk}")))
        done = _("The enrolment is approved.") if approve else _("The enrolment is declined.")
    try:
        run_action(request, action, done)
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(f"{session_enrolments_url(session)}?{request.GET.urlencode()}")


def session_enrolments_url(session: Session) -> str:
    from django.urls import reverse

    return reverse("learning:session_enrolments", args=[session.pk])
