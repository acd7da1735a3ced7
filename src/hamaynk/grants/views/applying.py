"""A community's grant application: overview, one page (section) at a time — saved as it
types with htmx, or with the Save button without JavaScript — the budget table, submission,
withdrawal, clarifications and the PDF copy."""

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.core.errors import DomainError
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import confirmation_page, is_confirmed, run_action
from hamaynk.core.workflow import PAGE_OUT_OF_DATE, StaleVersion
from hamaynk.grants import copies, extensions, selectors, services
from hamaynk.grants.forms import BudgetLineForm, TextForm, VersionForm
from hamaynk.grants.models import Application, Clarification
from hamaynk.networks.selectors import community_for_actor
from hamaynk.questionnaires.answers import missing_summary
from hamaynk.questionnaires.forms import SectionForm, build_section_form, split_uploads

DRAFT = "draft"  # the prefix of the version a draft's page was rendered on: draft-version


@login_required
@require_POST
def application_start(request: HttpRequest, slug: str, community_id: int) -> HttpResponse:
    call = selectors.call_for_viewer(slug=slug, user=request.user)
    community = community_for_actor(pk=community_id, user=request.user)
    try:
        application = services.application_start(call=call, community=community,
                                                 actor=request.user)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect(call)
    first = application.form_version.parsed.sections[0].key
    return redirect("grants:application_section", pk=application.pk, section=first)


def _context(application: Application, user: Any) -> dict[str, Any]:
    definition = application.form_version.parsed
    language = getattr(user, "preferred_language", "hy")
    missing = missing_summary(definition, application.answers, language)
    now = timezone.now()
    call = application.call
    return {
        "application": application, "call": call, "definition": definition,
        "missing": missing, "missing_keys": {m[1] for m in missing},
        "is_open": call.is_open(now),
        "remaining": call.closes_at - now if now < call.closes_at else None,
        "can_edit": application.status == "draft" and user.has_perm(
            "grants.prepare_application", application),
        "can_submit": application.status == "draft" and user.has_perm(
            "grants.submit_application", application),
        "can_ask": user.has_perm("grants.ask_clarification", application),
        "can_answer": user.has_perm("grants.prepare_application", application),
        "has_budget": any(q.type == "budget" for s in definition.sections for q in s.questions),
    }


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    context = _context(application, request.user)
    context.update({
        # Missing answers are listed with links to their fields (context["missing"]).
        "problems": services.submission_problems(application, missing=False)
        if application.status == "draft" else [],
        "sections": copies.answers_for_display(
            application, request.LANGUAGE_CODE, user=request.user),  # type: ignore[attr-defined]
        "lines": application.budget_lines.select_related("category"),
        "clarifications": application.clarifications.select_related("asked_by"),
        # what other modules link to it (e.g. the intervention it funds), for this viewer
        "links": extensions.application_links(application, request.user),
        "version_form": VersionForm(initial={"version": application.version}),
        "text_form": TextForm(),
    })
    return render(request, "grants/application_detail.html", context)


def _save_section(request: HttpRequest, application: Application,
                  form: SectionForm) -> tuple[Application | None, bool]:
    """Save a valid section form on the version its page was rendered on: (the saved
    application or None, whether the page is stale). A refusal becomes the form's error and
    the form keeps what was typed."""
    version_form = VersionForm(request.POST, prefix=DRAFT)
    if not version_form.is_valid():
        form.add_error(None, PAGE_OUT_OF_DATE)
        return None, True
    try:
        answers, uploads = split_uploads(form.cleaned_answers())
        return services.application_save_section(
            application=application, actor=request.user,  # type: ignore[arg-type]
            answers=answers, uploads=uploads,
            expected_version=version_form.cleaned_data["version"]), False
    except ValidationError as exc:
        form.add_error(None, exc)
    except DomainError as exc:
        form.add_error(None, exc.message)  # type: ignore[arg-type]
        return None, isinstance(exc, StaleVersion)
    return None, False


def _go_to(target: str, application: Application, keys: list[str],
           section: str) -> HttpResponse:
    """Where a saved page goes next: the tabs and the budget link of an editable page are
    buttons of its form ("goto"), so what was typed is saved before leaving."""
    if target == "overview":
        return redirect(application)
    if target == "budget":
        return redirect("grants:application_budget", pk=application.pk)
    return redirect("grants:application_section", pk=application.pk,
                    section=target if target in keys else section)


@login_required
def application_section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    context = _context(application, request.user)
    definition = context["definition"]
    keys = [s.key for s in definition.sections]
    if section not in keys:
        raise Http404
    language = request.LANGUAGE_CODE  # type: ignore[attr-defined]
    version, stale = str(application.version), False
    if request.method == "POST":
        if not context["can_edit"]:
            raise Http404
        # A draft saves whatever is there; required questions are asked for at submission.
        form = build_section_form(definition, section, answers=application.answers,
                                  language=language, data=request.POST, files=request.FILES,
                                  require=False)
        saved, stale = (_save_section(request, application, form) if form.is_valid()
                        else (None, False))
        if request.htmx:  # type: ignore[attr-defined]
            # The inputs stay as typed; only the state, the message and the version change.
            return render(request, "grants/application_section.html#autosave", {
                "form": form, "saved": saved, "stale": stale, "saved_at": timezone.now()})
        if saved is not None:
            messages.success(request, _("Saved."))
            position = keys.index(section)
            if "next" in request.POST and position + 1 < len(keys):
                return redirect("grants:application_section", pk=pk,
                                section=keys[position + 1])
            return _go_to(request.POST.get("goto", ""), application, keys, section)
        version = request.POST.get(f"{DRAFT}-version", "")  # refused: the page stays stale
    else:
        form = build_section_form(definition, section, answers=application.answers,
                                  language=language)
    current = definition.sections[keys.index(section)]
    context.update({"form": form, "section": current, "section_keys": keys,
                    "draft_version": version, "stale": stale,
                    "nav_form": "section-form" if context["can_edit"] and context["is_open"]
                    else "",
                    "next_section": keys[keys.index(section) + 1]
                    if keys.index(section) + 1 < len(keys) else None,
                    "has_budget_here": any(q.type == "budget" for q in current.questions)})
    return render(request, "grants/application_section.html", context)


@login_required
def application_budget(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    context = _context(application, request.user)
    form = BudgetLineForm(request.POST or None, call=application.call)
    if request.method == "POST":
        if not context["can_edit"]:
            raise Http404
        try:
            if "delete" in request.POST:
                delete = parse_id(request.POST.get("delete"))
                if delete is None:
                    raise Http404
                services.budget_line_delete(application=application,
                                            actor=request.user,  # type: ignore[arg-type]
                                            line_id=delete)
                return redirect("grants:application_budget", pk=pk)
            if form.is_valid():
                services.budget_line_save(
                    application=application, actor=request.user,  # type: ignore[arg-type]
                    category=form.cleaned_data["category"],
                    description=form.cleaned_data["description"],
                    requested=form.cleaned_data["requested"],
                    own_contribution=form.cleaned_data["own_contribution"] or Decimal("0"),
                    client_token=form.cleaned_data["client_token"])
                messages.success(request, _("The budget line is added."))
                return redirect("grants:application_budget", pk=pk)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None,
                           exc.message)  # type: ignore[arg-type]
    application.refresh_from_db()
    context.update({"application": application, "form": form,
                    "lines": application.budget_lines.select_related("category"),
                    "budget_problems": services.budget_problems(application)})
    return render(request, "grants/application_budget.html", context)


@login_required
@require_POST
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    form = VersionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    if not is_confirmed(request) and request.user.has_perm(
            "grants.submit_application", application) and application.status == "draft" \
            and not services.submission_problems(application):
        return _confirm_submission(request, application)
    run_action(request, lambda: services.application_submit(
        application=application, actor=request.user,  # type: ignore[arg-type]
        expected_version=version), _("Submitted. A copy is on its way to your email."))
    return redirect(application)


def _confirm_submission(request: HttpRequest, application: Application) -> HttpResponse:
    call = application.call
    moment = timezone.localtime(call.closes_at, ZoneInfo(call.network.time_zone))
    return confirmation_page(
        request, title=_("Submit the application?"),
        confirm_label=_("Yes, submit the application"),
        cancel_url=application.get_absolute_url(), consequences=[
            _("The application can no longer be changed once it is submitted."),
            _("The secretariat of %(network)s screens it and then sends it to the "
              "reviewers; you are told of each decision.") % {"network": call.network.name},
            _("Everyone who acts for %(community)s gets an email with a PDF copy.")
            % {"community": application.community.name},
            _("Until the call closes (%(moment)s) you may still withdraw it.")
            % {"moment": date_format(moment, "DATETIME_FORMAT")}])


@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not is_confirmed(request) and request.user.has_perm(
            "grants.prepare_application", application):
        return confirmation_page(
            request, title=_("Withdraw the application?"), danger=True,
            confirm_label=_("Yes, withdraw the application"),
            cancel_url=application.get_absolute_url(), consequences=[
                _("The secretariat will not consider this application."),
                _("A withdrawn application cannot be changed or submitted again, and "
                  "%(community)s cannot start another one for this call.")
                % {"community": application.community.name}])
    run_action(request, lambda: services.application_withdraw(
        application=application, actor=request.user),  # type: ignore[arg-type]
        _("The application is withdrawn."))
    return redirect(application)


@login_required
@require_POST
def application_clarify(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat asks (no id) or the community answers (?answer=<id>)."""
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    form = TextForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the text first."))
        return redirect(application)
    text = form.cleaned_data["text"]
    try:
        answer_to = request.GET.get("answer", "")
        if answer_to:
            clarification_id = parse_id(answer_to)
            clarification = Clarification.objects.filter(
                application=application, pk=clarification_id).first() \
                if clarification_id is not None else None
            if clarification is None:
                raise Http404
            services.clarification_answer(clarification=clarification,
                                          actor=request.user, answer=text)  # type: ignore[arg-type]
        else:
            services.clarification_ask(application=application,
                                       actor=request.user, question=text)  # type: ignore[arg-type]
        messages.success(request, _("Sent."))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(application)


@login_required
def application_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    content = copies.submission_pdf(application, request.LANGUAGE_CODE,  # type: ignore[attr-defined]
                                    user=request.user)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="application-{application.pk}.pdf"'
    return response
