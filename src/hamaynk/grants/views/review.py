"""Reviewers' queue and review page; the secretariat's review board (screening,
assignment), rubric, ranking table and determinations."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.accounts.models import User
from hamaynk.communities.selectors import filter_choices_version
from hamaynk.core import fragments, numbers
from hamaynk.core.errors import DomainError
from hamaynk.core.forms import first_error
from hamaynk.core.pagination import paginate
from hamaynk.core.views import confirmation_page, is_confirmed
from hamaynk.grants import copies, eligibility, selectors, services, states
from hamaynk.grants.forms import (
    AssignForm,
    AutoAssignForm,
    CriterionFormSet,
    DeclareForm,
    DeterminationForm,
    ReviewForm,
    ScreeningForm,
)
from hamaynk.grants.models import Application, Review


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = selectors.review_queue(user=request.user)  # type: ignore[arg-type]
    page_obj = paginate(queue, request.GET.get("page"))
    return render(request, "grants/review_queue.html", {"page_obj": page_obj})


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_for_reviewer(pk=pk, user=request.user)
    application = review.application
    criteria = list(application.call.criteria.all())
    form = ReviewForm(request.POST if request.method == "POST" and "declare" not in
                      request.POST else None, criteria=criteria)
    declare = DeclareForm(request.POST if "declare" in request.POST else None)
    if request.method == "POST":
        try:
            if declare.is_bound:
                if declare.is_valid():
                    conflict = declare.cleaned_data["declare"] == "conflict"
                    services.review_declare(review=review,
                                            actor=request.user,  # type: ignore[arg-type]
                                            conflict=conflict, note=declare.cleaned_data["note"])
                    if conflict:
                        messages.success(request, _("Thank you. You are removed from this "
                                                    "application."))
                        return redirect("grants:reviews")
                    return redirect("grants:review", pk=pk)
            elif form.is_valid():
                try:
                    services.review_save(review=review,
                                         actor=request.user,  # type: ignore[arg-type]
                                         scores=form.scores(),
                                         comment=form.cleaned_data["comment"],
                                         submit="submit" in request.POST)
                except DomainError as exc:  # the scores come back as typed, the error beside
                    form.add_error(exc.field if exc.field in form.fields else None,
                                   str(exc.message))
                else:
                    messages.success(request, _("Saved."))
                    return redirect("grants:review", pk=pk)
        except DomainError as exc:
            messages.error(request, str(exc.message))
            return redirect("grants:review", pk=pk)
    review.refresh_from_db()
    values = {s.criterion_id: s.value for s in review.scores.all()}
    context = {"review": review, "application": application, "call": application.call,
               "rows": [_score_row(form, c, values.get(c.pk)) for c in criteria],
               "form": form, "declare_form": declare,
               "others": selectors.other_reviews(review=review)}
    if review.status != Review.Status.ASSIGNED:
        context["sections"] = copies.answers_for_display(
            application, request.LANGUAGE_CODE, user=request.user)  # type: ignore[attr-defined]
        context["lines"] = application.budget_lines.select_related("category")
    return render(request, "grants/review_detail.html", context)


def _score_row(form: ReviewForm, criterion: Any, saved: int | None) -> dict[str, Any]:
    """One criterion's row: what the reviewer typed (when the form came back) and its error."""
    name = f"score_{criterion.pk}"
    if not form.is_bound:
        return {"criterion": criterion, "value": saved, "errors": []}
    return {"criterion": criterion, "value": form.data.get(name, ""),
            "errors": form.errors.get(name, [])}


@login_required
def call_review(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    return render(request, "grants/call_review.html", {
        "call": call, "page_obj": paginate(selectors.review_board(call=call, user=request.user),
                                           request.GET.get("page")),
        "reviewers": selectors.call_reviewers(call=call)})


@login_required
@require_POST
def call_review_action(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    actor = request.user
    try:
        if "auto" in request.POST:
            auto = AutoAssignForm(request.POST)
            if not auto.is_valid():
                raise DomainError(_("Enter a whole number of reviewers from 1 to 10."),
                                  field="per_application")
            made = services.reviews_auto_assign(
                call=call, actor=actor,  # type: ignore[arg-type]
                per_application=auto.cleaned_data["per_application"])
            messages.success(request, _("%(count)d assignments made.") % {"count": made})
        else:
            form = AssignForm(request.POST, call=call,
                              reviewers=User.objects.filter(is_active=True))
            if not form.is_valid():
                raise DomainError(first_error(form))
            services.review_assign(application=form.cleaned_data["application"],
                                   reviewer=form.cleaned_data["reviewer"],
                                   actor=actor)  # type: ignore[arg-type]
            messages.success(request, _("The reviewer is assigned and has been told."))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect("grants:call_review", slug=slug)


@login_required
def screening(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("grants.manage_call", application.call):
        raise Http404
    rules = eligibility.check(application.call, application.community)
    checks = [{"code": r.code, "label": r.message, "auto": True, "ok": r.ok} for r in rules]
    checks += [{"code": "complete", "label": _("The application and its documents are "
                                               "complete."), "auto": False, "ok": True},
               {"code": "budget", "label": _("The budget is within the call's limits."),
                "auto": False, "ok": not services.budget_problems(application)}]
    if request.method == "POST":
        notes = ScreeningForm(request.POST, codes=[str(c["code"]) for c in checks])
        recorded = [{"code": c["code"], "label": str(c["label"]),
                     "ok": request.POST.get(f"check_{c['code']}") == "on",
                     "note": notes.text(f"note_{c['code']}")} for c in checks]
        try:
            if not notes.is_valid():
                raise DomainError(first_error(notes))
            services.screening_record(application=application,
                                      actor=request.user,  # type: ignore[arg-type]
                                      checks=recorded, note=notes.text("note"))
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("The screening is recorded."))
            return redirect("grants:call_review", slug=application.call.slug)
    return render(request, "grants/screening.html",
                  {"application": application, "call": application.call, "checks": checks})


@login_required
def call_rubric(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    initial = [{"pk": c.pk, "name_hy": c.name_hy, "name_en": c.name_en,
                "guidance_hy": c.guidance_hy, "guidance_en": c.guidance_en, "weight": c.weight,
                "scale_max": c.scale_max} for c in call.criteria.all()]
    formset = CriterionFormSet(request.POST or None, initial=initial, prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        items = [services.CriterionInput(
            pk=f.cleaned_data.get("pk"), name_hy=f.cleaned_data.get("name_hy", ""),
            name_en=f.cleaned_data.get("name_en", ""),
            guidance_hy=f.cleaned_data.get("guidance_hy", ""),
            guidance_en=f.cleaned_data.get("guidance_en", ""),
            weight=f.cleaned_data.get("weight") or Decimal("1"),
            scale_max=f.cleaned_data.get("scale_max") or 5)
            for f in formset.forms if f.cleaned_data]
        try:
            services.criteria_save(call=call, actor=request.user, items=items)  # type: ignore[arg-type]
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("The rubric is saved."))
            return redirect("grants:call_rubric", slug=slug)
    return render(request, "grants/call_rubric.html", {"call": call, "formset": formset})


@login_required
def call_ranking(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_for_manager(slug=slug, user=request.user)
    table = selectors.ranking(call=call, user=request.user, page=request.GET.get("page"))
    # Each row's decision form is fetched when its "Decide…" is opened (htmx), or opened as
    # its own page without JavaScript: 50 forms in the page were half its rendering time.
    shown = [(row["rank"], row["remaining"], row["grant"] and row["grant"].amount)
             for row in table["rows"]]
    return render(request, "grants/call_ranking.html", {
        "call": call, **table, "rows_version": fragments.version(
            [row["application"] for row in table["rows"]], related=("community",),
            also=(shown, filter_choices_version()))})


@login_required
def determine(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the decision form for one application (a fragment for htmx, else a page).
    POST: record the decision and go back to the ranking; refused, the form comes back on
    its own page with what was typed and the error beside the field."""
    application = selectors.application_for_viewer(pk=pk, user=request.user)
    if not request.user.has_perm("grants.manage_call", application.call):
        raise Http404
    if request.method != "POST":
        form = DeterminationForm()
        fragment = bool(request.htmx)  # type: ignore[attr-defined]
        return _decision_page(request, application, form, fragment=fragment)
    form = DeterminationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if data["outcome"] in ("award", "reject") and not is_confirmed(request):
            return _confirm_decision(request, application, data)
        try:
            services.determination_record(
                application=application, actor=request.user,  # type: ignore[arg-type]
                outcome=data["outcome"], reason=data["reason"], amount=data["amount"],
                justification=data["justification"], expected_version=data["version"])
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request,
                             _("The decision is recorded; the community gets the letter."))
            return redirect("grants:call_ranking", slug=application.call.slug)
    return _decision_page(request, application, form)


def _confirm_decision(request: HttpRequest, application: Application,
                      data: dict[str, Any]) -> HttpResponse:
    """An award or a rejection is final: say so, and what the community receives."""
    community = application.community.name
    if data["outcome"] == "award":
        amount = numbers.amount(data["amount"]) if data["amount"] is not None else "—"
        title = _("Award %(amount)s %(currency)s to %(community)s?") % {
            "amount": amount, "currency": application.call.currency, "community": community}
        label, lines = _("Yes, award the grant"), [
            _("The decision is final: the grant is created and the application is awarded."),
            _("%(community)s gets the decision letter with the reason you wrote.")
            % {"community": community},
            _("You then set the payment schedule on the grant's page.")]
    else:
        title = _("Reject the application of %(community)s?") % {"community": community}
        label, lines = _("Yes, reject the application"), [
            _("The decision is final: the application cannot be reconsidered in this call."),
            _("%(community)s gets the decision letter with the reason you wrote.")
            % {"community": community}]
    return confirmation_page(request, title=title, consequences=lines, confirm_label=label,
                             cancel_url=reverse("grants:determine", args=[application.pk]),
                             danger=data["outcome"] == "reject")


def _decision_page(request: HttpRequest, application: Application, form: DeterminationForm, *,
                   fragment: bool = False) -> HttpResponse:
    template = "grants/determine.html" + ("#decision" if fragment else "")
    return render(request, template, {
        "application": application, "call": application.call, "form": form,
        "decidable": application.status in states.DECIDABLE})
