"""A grant after the award: agreement, payment schedule, reports, payments, closure."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.core.errors import DomainError
from hamaynk.core.forms import first_error
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import confirmation_page, is_confirmed
from hamaynk.core.workflow import PAGE_OUT_OF_DATE, StaleVersion
from hamaynk.documents.pdf_writer import html_to_pdf
from hamaynk.grants import selectors, services
from hamaynk.grants.forms import (
    ReportDecisionForm,
    TextForm,
    TrancheFormSet,
    TranchePayForm,
    VersionForm,
)
from hamaynk.grants.views.applying import DRAFT
from hamaynk.questionnaires.answers import answers_for_display
from hamaynk.questionnaires.forms import build_section_form, split_uploads


@login_required
def grant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    grant = selectors.grant_for_viewer(pk=pk, user=request.user)
    can_manage = request.user.has_perm("grants.manage_call", grant.call)
    tranches = list(grant.tranches.select_related("report"))
    initial = [{"amount": t.amount, "due_date": t.due_date, "waits_for": t.waits_for}
               for t in tranches]
    formset = TrancheFormSet(request.POST if request.method == "POST" else None,
                             initial=initial, prefix="tranches")
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if formset.is_valid():
            filled = [f for f in formset.forms
                      if f.cleaned_data.get("amount") and f.cleaned_data.get("due_date")]
            items = [services.TrancheInput(amount=f.cleaned_data["amount"],
                                           due_date=f.cleaned_data["due_date"],
                                           waits_for=f.cleaned_data.get("waits_for", ""))
                     for f in filled]
            try:
                services.tranches_set(grant=grant, actor=request.user,  # type: ignore[arg-type]
                                      items=items)
            except DomainError as exc:  # the schedule comes back as typed, the error beside
                _schedule_error(formset, filled, exc)
            else:
                messages.success(request, _("The payment schedule is saved."))
                return redirect(grant)
    return render(request, "grants/grant_detail.html", {
        "grant": grant, "tranches": tranches, "reports": grant.reports.all(),
        "can_manage": can_manage, "formset": formset, "text_form": TextForm(),
        "closure_problems": services.closure_problems(grant) if can_manage else [],
        "can_edit_schedule": can_manage and not any(t.status == "paid" for t in tranches)
        and grant.status == "active"})


def _schedule_error(formset: Any, filled: list[Any], exc: DomainError) -> None:
    """Put a refusal of the schedule beside the tranche it names ("<index>.<field>"), or
    above the schedule's fields."""
    index, _dot, name = (exc.field or "").partition(".")
    if index.isdigit() and int(index) < len(filled) and name in filled[int(index)].fields:
        filled[int(index)].add_error(name, str(exc.message))
    else:
        formset.forms[0].add_error(None, str(exc.message))


@login_required
def grant_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_viewer(pk=pk, user=request.user)
    language = request.GET.get("lang", request.LANGUAGE_CODE)  # type: ignore[attr-defined]
    if language not in ("hy", "en"):
        raise Http404
    with translation.override(language):
        html = render_to_string("grants/agreement.html", {
            "agreement": agreement, "grant": agreement.grant,
            "tranches": agreement.tranches, "language": language})
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="agreement-{agreement.grant.pk}-{language}.pdf"')
    return response


@login_required
@require_POST
def grant_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    grant = selectors.grant_for_viewer(pk=pk, user=request.user)
    if action == "close" and not is_confirmed(request) and request.user.has_perm(
            "grants.manage_call", grant.call) and not services.closure_problems(grant):
        return confirmation_page(
            request, title=_("Close the grant?"), confirm_label=_("Yes, close the grant"),
            cancel_url=grant.get_absolute_url(), consequences=[
                _("The grant is marked as completed: no payment or report can be recorded "
                  "for it any more."),
                _("%(community)s then counts as having completed this stage and may apply "
                  "to calls that ask for it.") % {"community": grant.community.name}])
    try:
        if action == "close":
            services.grant_close(grant=grant, actor=request.user)  # type: ignore[arg-type]
            messages.success(request, _("The grant is closed."))
        elif action == "pay":
            tranche_id = parse_id(request.POST.get("tranche"))
            tranche = grant.tranches.filter(pk=tranche_id).first() \
                if tranche_id is not None else None
            if tranche is None:
                raise Http404
            form = TranchePayForm(request.POST)
            if not form.is_valid():
                raise DomainError(first_error(form), field="reference")
            services.tranche_pay(tranche=tranche, actor=request.user,  # type: ignore[arg-type]
                                 reference=form.cleaned_data["reference"])
            messages.success(request, _("The tranche is marked as paid."))
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, str(exc.message))
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(grant)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_viewer(pk=pk, user=request.user)
    definition = report.form_version.parsed
    keys = [s.key for s in definition.sections]
    section = request.GET.get("section") or keys[0]
    if section not in keys:
        raise Http404
    language = request.LANGUAGE_CODE  # type: ignore[attr-defined]
    can_edit = report.status in ("due", "returned") and request.user.has_perm(
        "grants.prepare_application", report.grant.application)
    can_decide = report.status == "submitted" and request.user.has_perm(
        "grants.manage_call", report.grant.call)
    draft_version = str(report.version)
    form = build_section_form(definition, section, answers=report.answers, language=language,
                              data=request.POST if request.method == "POST" else None,
                              files=request.FILES or None)
    if request.method == "POST":
        try:
            if "decide" in request.POST:
                if not can_decide:
                    raise Http404
                decision = ReportDecisionForm(request.POST)
                if not decision.is_valid():
                    raise DomainError(first_error(decision), field="text")
                services.report_decide(report=report, actor=request.user,  # type: ignore[arg-type]
                                       accept=decision.cleaned_data["decide"] == "accept",
                                       message=decision.cleaned_data["text"])
                messages.success(request, _("Done. The community has been told."))
                return redirect(report)
            if not can_edit:
                raise Http404
            version_form = VersionForm(request.POST, prefix=DRAFT)
            draft_version = request.POST.get(f"{DRAFT}-version", "")  # kept if refused
            if form.is_valid() and not version_form.is_valid():
                form.add_error(None, PAGE_OUT_OF_DATE)
            elif form.is_valid():
                answers, uploads = split_uploads(form.cleaned_answers())
                report = services.report_save(
                    report=report, actor=request.user,  # type: ignore[arg-type]
                    answers=answers, uploads=uploads,
                    expected_version=version_form.cleaned_data["version"])
                draft_version = str(report.version)  # saved, even if the submission is refused
                if "submit" in request.POST:
                    services.report_submit(report=report, actor=request.user)  # type: ignore[arg-type]
                    messages.success(request, _("The report is submitted."))
                else:
                    messages.success(request, _("Saved."))
                return redirect(report)
        except ValidationError as exc:
            form.add_error(None, exc)
        except StaleVersion as exc:  # next to the form, which keeps what was typed
            form.add_error(None, exc.message)  # type: ignore[arg-type]
        except DomainError as exc:
            messages.error(request, str(exc.message))
    return render(request, "grants/report_detail.html", {
        "report": report, "grant": report.grant, "definition": definition, "form": form,
        "section_key": section, "can_edit": can_edit, "can_decide": can_decide,
        "draft_version": draft_version, "text_form": TextForm(),
        "answers": [] if can_edit else answers_for_display(
            definition, report.answers, language=language, user=request.user,
            section_key=section)})
