"""The practice page of a portfolio: learning questions with their evidence log and what was
learned, the risk register, the workplan. Its community writes there (one POST per form,
named by `form`, the row by `target`); its coach and the secretariat read it."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hamaynk.core.errors import DomainError
from hamaynk.core.parsing import parse_id
from hamaynk.portfolios.forms.practice import (
    AnswerForm,
    EntryForm,
    MilestoneChangeForm,
    MilestoneForm,
    QuestionForm,
    RiskChangeForm,
    RiskForm,
)
from hamaynk.portfolios.models import Portfolio
from hamaynk.portfolios.selectors import portfolio as selectors
from hamaynk.portfolios.selectors import practice as practice_selectors
from hamaynk.portfolios.services import practice as services

Bound = dict[str, Any]


def _fail(form: Any, exc: DomainError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


def _try(form: Any, write: Callable[[], object], bound: Bound, key: str) -> bool:
    """Run `write` for a valid form; else keep the form (with its errors) for the page."""
    if form.is_valid():
        try:
            write()
        except DomainError as exc:
            _fail(form, exc)
        else:
            return True
    bound[key] = form
    return False


def _row_action(request: HttpRequest, portfolio: Portfolio, kind: str, pk: int | None) -> str:
    """Close a risk or mark a milestone done; the anchor to go back to."""
    actor: Any = request.user
    if kind == "risk_close":
        risk = practice_selectors.risk_of(portfolio, pk)
        if risk is None:
            raise Http404
        services.risk_close(risk=risk, actor=actor)
        return "risks"
    milestone = practice_selectors.milestone_of(portfolio, pk)
    if milestone is None:
        raise Http404
    services.milestone_done(milestone=milestone, actor=actor)
    return "workplan"


def _question_action(request: HttpRequest, portfolio: Portfolio, kind: str,
                     bound: Bound) -> str | None:
    actor: Any = request.user
    question = practice_selectors.question_of(portfolio, parse_id(request.POST.get("target")))
    if question is None:
        raise Http404
    if kind == "entry":
        entry = EntryForm(request.POST, request.FILES, prefix=f"e{question.pk}")
        done = _try(entry, lambda: services.question_note(
            question=question, actor=actor, noted_on=entry.cleaned_data["noted_on"],
            text=entry.cleaned_data["text"], upload=entry.cleaned_data["file"]),
            bound, f"e{question.pk}")
    else:
        answer = AnswerForm(request.POST, prefix=f"a{question.pk}")
        done = _try(answer, lambda: services.question_answer(
            question=question, actor=actor, learned=answer.cleaned_data["learned"]),
            bound, f"a{question.pk}")
    return f"question-{question.pk}" if done else None


def _row_change(request: HttpRequest, portfolio: Portfolio, kind: str,
                bound: Bound) -> str | None:
    """Score an open risk again, or move an open milestone (its own form, `r<pk>`/`m<pk>`)."""
    actor: Any = request.user
    target = parse_id(request.POST.get("target"))
    if kind == "risk_change":
        risk = practice_selectors.risk_of(portfolio, target)
        if risk is None:
            raise Http404
        form: Any = RiskChangeForm(request.POST, prefix=f"r{risk.pk}")
        return "risks" if _try(form, lambda: services.risk_change(
            risk=risk, actor=actor, **form.cleaned_data), bound, f"r{risk.pk}") else None
    milestone = practice_selectors.milestone_of(portfolio, target)
    if milestone is None:
        raise Http404
    form = MilestoneChangeForm(request.POST, prefix=f"m{milestone.pk}")
    return "workplan" if _try(form, lambda: services.milestone_change(
        milestone=milestone, actor=actor, **form.cleaned_data),
        bound, f"m{milestone.pk}") else None


def _handle(request: HttpRequest, portfolio: Portfolio, bound: Bound) -> str | None:
    """Do what the POST asks; the anchor to go back to once done, else None (the forms
    with their errors are in `bound`)."""
    actor: Any = request.user
    post = request.POST
    kind = post.get("form")
    if kind in ("risk_close", "milestone_done"):
        try:
            return _row_action(request, portfolio, kind, parse_id(post.get("target")))
        except DomainError as exc:
            messages.error(request, str(exc.message))
            return None
    if kind in ("entry", "answer"):
        return _question_action(request, portfolio, kind, bound)
    if kind in ("risk_change", "milestone_change"):
        return _row_change(request, portfolio, kind, bound)
    if kind == "question":
        q = QuestionForm(post, portfolio=portfolio)
        return "questions" if _try(q, lambda: services.question_add(
            portfolio=portfolio, actor=actor, question=q.cleaned_data["question"],
            intervention_id=q.intervention_id()), bound, "question") else None
    if kind == "risk":
        r = RiskForm(post, portfolio=portfolio)
        return "risks" if _try(r, lambda: services.risk_add(
            portfolio=portfolio, actor=actor, **r.cleaned_data), bound, "risk") else None
    if kind == "milestone":
        m = MilestoneForm(post, portfolio=portfolio)
        return "workplan" if _try(m, lambda: services.milestone_add(
            portfolio=portfolio, actor=actor, title=m.cleaned_data["title"],
            due_date=m.cleaned_data["due_date"], intervention_id=m.intervention_id()),
            bound, "milestone") else None
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def practice(request: HttpRequest, pk: int) -> HttpResponse:
    portfolio = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    can_edit = request.user.has_perm("portfolios.edit_portfolio", portfolio)
    bound: Bound = {}
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        anchor = _handle(request, portfolio, bound)
        if anchor is not None:
            messages.success(request, _("Saved."))
            return redirect(f"{request.path}#{anchor}")
    page = practice_selectors.practice_page(portfolio)
    if can_edit:
        for q in page.questions:
            q.entry_form = bound.get(f"e{q.pk}") or EntryForm(  # type: ignore[attr-defined]
                prefix=f"e{q.pk}", initial={"noted_on": page.today})
            q.answer_form = bound.get(f"a{q.pk}") or AnswerForm(  # type: ignore[attr-defined]
                prefix=f"a{q.pk}")
        for r in page.risks:
            if r.closed_at is None:
                r.change_form = bound.get(f"r{r.pk}") or RiskChangeForm(  # type: ignore[attr-defined]
                    prefix=f"r{r.pk}", initial={"likelihood": r.likelihood,
                                                "impact": r.impact, "mitigation": r.mitigation})
        for m in page.milestones:
            if m.done_at is None:
                m.change_form = bound.get(f"m{m.pk}") or MilestoneChangeForm(  # type: ignore[attr-defined]
                    prefix=f"m{m.pk}", initial={"title": m.title, "due_date": m.due_date})
    return render(request, "portfolios/practice.html", {
        "portfolio": portfolio, "page": page, "can_edit": can_edit,
        "question_form": bound.get("question") or QuestionForm(portfolio=portfolio),
        "risk_form": bound.get("risk") or RiskForm(portfolio=portfolio),
        "milestone_form": bound.get("milestone") or MilestoneForm(portfolio=portfolio)})
