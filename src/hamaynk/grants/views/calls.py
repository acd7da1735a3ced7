"""Calls: the public list and page (with Q&A), and the secretariat's pages to create a call,
build its form and move it through its states."""

from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.communities.models import Community
from hamaynk.communities.selectors import filter_choices_version
from hamaynk.core import counts, fragments
from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import run_action
from hamaynk.grants import selectors, services
from hamaynk.grants.forms import (
    ApplicationFilterForm,
    CallDocumentForm,
    CallForm,
    QuestionAskForm,
    TextForm,
)
from hamaynk.grants.models import Call, CallQuestion, FormVersion
from hamaynk.grants.services.calls import report_form
from hamaynk.networks.selectors import (
    country_and_region_choices,
    network_country_codes,
    network_for_secretariat,
)
from hamaynk.questionnaires import builder_views
from hamaynk.questionnaires.builder_views import Builder, Tab


def calls(request: HttpRequest) -> HttpResponse:
    return render(request, "grants/calls.html",
                  {"page_obj": paginate(selectors.public_calls(), request.GET.get("page"))})


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_viewer(slug=slug, user=request.user)
    return _call_page(request, call, CallDocumentForm())


def _call_page(request: HttpRequest, call: Call, document_form: CallDocumentForm) -> HttpResponse:
    """The call's page; a refused document comes back in its form, errors beside the fields."""
    now = timezone.now()
    return render(request, "grants/call_detail.html", {
        "call": call, "now": now, "is_open": call.is_open(now),
        "remaining": call.closes_at - now if now < call.closes_at else None,
        "standing": selectors.standing_in_call(call=call, user=request.user),
        "questions": selectors.call_questions(call=call),
        "can_manage": request.user.has_perm("grants.manage_call", call),
        "ask_form": QuestionAskForm(), "time_zone": call.network.time_zone,
        "documents": call.documents.select_related("file"),
        "document_form": document_form,
    })


@login_required
@require_POST
def call_documents(request: HttpRequest, slug: str) -> HttpResponse:
    """Add (or, with `remove`, take away) a public document of the call."""
    call = selectors.call_for_manager(slug=slug, user=request.user)
    if "remove" in request.POST:
        remove = parse_id(request.POST.get("remove"))
        if remove is None:
            raise Http404
        run_action(request, lambda: services.call_document_remove(
            call=call, actor=request.user, document_id=remove),  # type: ignore[arg-type]
            _("The document is removed."))
        return redirect(call)
    form = CallDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _call_page(request, call, form)
    try:
        services.call_document_add(call=call, actor=request.user,  # type: ignore[arg-type]
                                   title_hy=form.cleaned_data["title_hy"],
                                   title_en=form.cleaned_data["title_en"],
                                   upload=form.cleaned_data["file"])
    except ValidationError as exc:  # the file's content was refused
        form.add_error("file", exc)
        return _call_page(request, call, form)
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        return _call_page(request, call, form)
    messages.success(request, _("The document is published with the call."))
    return redirect(call)


@login_required
def calls_manage(request: HttpRequest) -> HttpResponse:
    qs = selectors.calls_for_secretariat(user=request.user)  # type: ignore[arg-type]
    return render(request, "grants/calls_manage.html",
                  {"page_obj": paginate(qs, request.GET.get("page"))})


def _save_call(request: HttpRequest, form: CallForm, call: Call | None,
               network: Any) -> Call | None:
    data = {k: form.cleaned_data[k] for k in form.Meta.fields}
    try:
        if call is None:
            return services.call_create(network=network, actor=request.user,  # type: ignore[arg-type]
                                        **data)
        return services.call_update(call=call, actor=request.user, **data)  # type: ignore[arg-type]
    except DomainError as exc:
        form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        return None


@login_required
def call_create(request: HttpRequest, network_slug: str) -> HttpResponse:
    network = network_for_secretariat(slug=network_slug, user=request.user)
    with timezone.override(ZoneInfo(network.time_zone)):
        form = CallForm(request.POST or None, network=network)
        if request.method == "POST" and form.is_valid():
            call = _save_call(request, form, None, network)
            if call is not None:
                messages.success(request, _("The call is created as a draft. Now build its "
                                            "application form."))
                return redirect("grants:call_form", slug=call.slug)
        return render(request, "grants/call_edit.html", {"form": form, "network": network})


@login_required
def call_edit(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    with timezone.override(ZoneInfo(call.network.time_zone)):
        form = CallForm(request.POST or None, instance=call, network=call.network)
        if request.method == "POST" and form.is_valid():
            if _save_call(request, form, call, call.network) is not None:
                messages.success(request, _("The call is saved."))
                return redirect(call)
        return render(request, "grants/call_edit.html",
                      {"form": form, "network": call.network, "call": call})


def _purpose(request: HttpRequest) -> str:
    purpose = request.GET.get("purpose") or request.POST.get("purpose") or "application"
    if purpose not in FormVersion.Purpose.values:
        raise Http404
    return purpose


def _version(call: Call, purpose: str) -> FormVersion:
    version = call.form_for(purpose) if purpose == "application" else \
        report_form(call, purpose)
    if version is None:
        raise Http404
    return version


def _back(slug: str, purpose: str) -> str:
    url = reverse("grants:call_form", args=[slug])
    return url if purpose == "application" else f"{url}?purpose={purpose}"


def _builder(call: Call, purpose: str) -> Builder:
    """The shared builder's pages over one of the call's forms (questionnaires.builder_views):
    the application form (frozen once the call opens) or a report form."""
    version = _version(call, purpose)
    page_url = reverse("grants:call_form", args=[call.slug])
    owner: dict[str, Any] = {"call": call, "purpose": purpose}
    return Builder(
        version=version, heading=str(capfirst(FormVersion.Purpose(purpose).label)),
        subject=call.title, page_url=page_url, back_url=call.get_absolute_url(),
        back_label=_("Back to the call"),
        save_section=partial(services.form_section_save, **owner),
        save_question=partial(services.form_question_save, **owner),
        delete_question=partial(services.form_question_delete, **owner),
        move_question=partial(services.form_question_move, **owner),
        editable=not version.frozen,
        notes=[_("frozen: the call is open")] if version.frozen else [],
        problems_heading=_("Fix these before the call can open:"),
        tabs=[Tab(str(capfirst(label)), f"{page_url}?purpose={code}", code == purpose)
              for code, label in FormVersion.Purpose.choices],
        query=urlencode({"purpose": purpose}), return_url=_back(call.slug, purpose),
        hidden={"purpose": purpose})


@login_required
def call_form(request: HttpRequest, slug: str) -> HttpResponse:
    """The form builder: sections (pages) with their questions — of the application form,
    or (?purpose=progress / financial) of a report form."""
    call = selectors.call_for_manager(slug=slug, user=request.user)
    return builder_views.builder_page(request, _builder(call, _purpose(request)))


@login_required
def call_form_question(request: HttpRequest, slug: str, section_key: str) -> HttpResponse:
    """Add a question to a section, or edit one (?key=…)."""
    call = selectors.call_for_manager(slug=slug, user=request.user)
    return builder_views.question_page(request, _builder(call, _purpose(request)),
                                       section_key)


@login_required
@require_POST
def call_form_question_action(request: HttpRequest, slug: str, section_key: str, key: str,
                              action: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    return builder_views.question_action(request, _builder(call, _purpose(request)),
                                         section_key, key, action)


@login_required
@require_POST
def call_status(request: HttpRequest, slug: str, target: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    if target not in Call.Status.values:
        raise Http404
    try:
        services.call_move(call=call, actor=request.user, target=target)  # type: ignore[arg-type]
        messages.success(request, _("The call is now: %(status)s.")
                         % {"status": Call.Status(target).label})
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect(call)


@login_required
@require_POST
def call_qa(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask a public question about a call, or (secretariat, with ?answer=<id>) answer one."""
    call = selectors.call_for_viewer(slug=slug, user=request.user)
    form = TextForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your question."))
        return redirect(call)
    try:
        answer_to = request.GET.get("answer", "")
        if answer_to:
            question_id = parse_id(answer_to)
            question = CallQuestion.objects.filter(call=call, pk=question_id).first() \
                if question_id is not None else None
            if question is None:
                raise Http404
            services.call_question_answer(question=question, actor=request.user,  # type: ignore[arg-type]
                                          answer=form.cleaned_data["text"])
            messages.success(request, _("The answer is published."))
        else:
            services.call_question_ask(call=call, actor=request.user,  # type: ignore[arg-type]
                                       question=form.cleaned_data["text"])
            messages.success(request, _("Your question is sent. The answer will be published "
                                        "here."))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(call)


def region_scope(call: Call) -> list[str] | None:
    """The countries whose regions a call's filters offer: those that may apply, or the
    network's."""
    return list(call.eligible_countries) or network_country_codes(call.network) or None


def filtered_applications(request: HttpRequest, call: Call) -> tuple[Any, Any]:
    """The filter form and the filtered list — the same for the page and its exports."""
    _countries, regions = country_and_region_choices(region_scope(call))
    form = ApplicationFilterForm(request.GET or None, regions=regions)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.call_applications(
        call=call, user=request.user, status=data.get("status", ""),
        region=data.get("region", ""), query=data.get("q", ""),
        min_score=data.get("min_score"), sort=data.get("sort") or "submitted")


@login_required
def call_applications(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    form, qs = filtered_applications(request, call)
    searched = bool(form.is_valid() and form.cleaned_data.get("q"))
    data = form.cleaned_data if form.is_valid() else {}
    page_obj = paginate(selectors.application_listing(qs), request.GET.get("page"),
                        keys_first=searched, count_models=(Community,),
                        count_key=counts.key("call-applications", call, data.get("status"),
                                             data.get("region"), data.get("min_score")))
    choices = filter_choices_version(region_scope(call))
    return render(request, "grants/call_applications.html", {
        "call": call, "page_obj": page_obj, "form": form, "query": request.GET.urlencode(),
        "fields_version": fragments.query_version(request, also=choices),
        "rows_version": fragments.version(page_obj, related=("community",),
                                          also=(call.currency, choices))})
