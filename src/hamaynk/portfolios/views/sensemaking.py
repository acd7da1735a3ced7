"""Sensemaking: opening a session, its page (patterns, decisions, closing; read-only for the
community), its pack (PDF), and the portfolio's comments. A view parses, checks the
permission, calls one service or selector and renders; what is not yours is a 404."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.views import confirmation_page, is_confirmed
from hamaynk.portfolios import pack
from hamaynk.portfolios.forms.sensemaking import (
    CommentForm,
    DecisionForm,
    PatternsForm,
    SessionForm,
)
from hamaynk.portfolios.selectors import portfolio as portfolio_selectors
from hamaynk.portfolios.selectors import sensemaking as selectors
from hamaynk.portfolios.services import comments as comment_services
from hamaynk.portfolios.services import sensemaking as services

RUN = "portfolios.run_sensemaking"
COMMENTS_PER_PAGE = 30
LAST = 10**6  # past the end: the last page (the newest comments)


def _fail(form: Any, exc: DomainError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


@login_required
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Open (or plan) a session of the portfolio: the coach's or the secretariat's."""
    portfolio = portfolio_selectors.portfolio_for_viewer(pk=pk, user=request.user, perm=RUN)
    today = services.today_of(portfolio)
    form = SessionForm(request.POST or None, people=selectors.possible_participants(portfolio),
                       initial={"held_on": today, "language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            found = services.session_open(
                portfolio=portfolio, actor=request.user,  # type: ignore[arg-type]
                held_on=form.cleaned_data["held_on"], language=form.cleaned_data["language"],
                participants=list(form.cleaned_data["participants"]))
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The session is open; the portfolio as it is now is "
                                        "kept as its first snapshot."))
            return redirect(found)
    return render(request, "portfolios/session_new.html", {
        "portfolio": portfolio, "form": form, "open": selectors.open_session(portfolio)})


def _session_post(request: HttpRequest, session: Any, forms: dict[str, Any]
                  ) -> HttpResponse | None:
    """One of the session's writes, by the button pressed; None: show the page again."""
    actor: Any = request.user
    action = request.POST.get("action")
    try:
        if action == "patterns" and forms["patterns"].is_valid():
            services.session_note(session=session, actor=actor,
                                  patterns=forms["patterns"].cleaned_data["patterns"])
            messages.success(request, _("The patterns are saved."))
            return redirect(session)
        if action == "decision" and forms["decision"].is_valid():
            data = forms["decision"].cleaned_data
            services.decision_record(session=session, actor=actor, values=services.DecisionValues(
                kind=data["kind"], reason=data["reason"],
                intervention_id=data["intervention"].pk if data["intervention"] else None,
                cluster_id=data["cluster"].pk if data["cluster"] else None,
                title_hy=data["title_hy"], hypothesis_if=data["hypothesis_if"],
                hypothesis_then=data["hypothesis_then"],
                hypothesis_because=data["hypothesis_because"]))
            messages.success(request, _("The decision is recorded and applied."))
            return redirect(session)
        if action == "close":
            if not is_confirmed(request):
                return confirmation_page(
                    request, title=_("Close the session?"),
                    consequences=[_("The portfolio as it is then is kept as the session's "
                                    "last snapshot; no decision can be added after.")],
                    confirm_label=_("Close the session"), cancel_url=session.get_absolute_url())
            services.session_close(session=session, actor=actor)
            messages.success(request, _("The session is closed."))
            return redirect(session)
    except DomainError as exc:
        if action == "close":
            messages.error(request, str(exc.message))
        else:
            _fail(forms["decision"] if action == "decision" else forms["patterns"], exc)
    return None


@login_required
def session(request: HttpRequest, pk: int) -> HttpResponse:
    """The session: who took part, the patterns, the decisions and the snapshots; the coach
    and the secretariat record and close it, the community reads it."""
    found = selectors.session_for_viewer(pk=pk, user=request.user)
    portfolio = found.portfolio
    can_run = request.user.has_perm(RUN, portfolio)
    posted = request.POST if request.method == "POST" else None
    action = request.POST.get("action")
    forms = {
        "patterns": PatternsForm(posted if action == "patterns" else None,
                                 initial={"patterns": found.patterns}),
        "decision": DecisionForm(posted if action == "decision" else None,
                                 portfolio=portfolio),
    }
    if request.method == "POST":
        if not can_run:
            raise Http404
        if (response := _session_post(request, found, forms)) is not None:
            return response
    return render(request, "portfolios/session.html", {
        "session": found, "portfolio": portfolio, "page": selectors.session_page(found),
        "can_run": can_run and found.closed_at is None, "forms": forms,
        "held": found.held_on <= services.today_of(portfolio)})


@login_required
def session_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The session pack, a PDF in the session's language (its grants as the reader may see
    them)."""
    found = selectors.session_for_viewer(pk=pk, user=request.user)
    response = HttpResponse(pack.pack_pdf(found, reader=request.user),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pack.pack_filename(found)}"'
    return response


@login_required
def comments(request: HttpRequest, pk: int) -> HttpResponse:
    """The portfolio's comments, newest last, and a comment of one's own."""
    portfolio = portfolio_selectors.portfolio_for_viewer(pk=pk, user=request.user)
    can_comment = request.user.has_perm("portfolios.comment", portfolio)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not can_comment:
            raise Http404
        if form.is_valid():
            try:
                comment_services.comment_add(portfolio=portfolio,
                                             actor=request.user,  # type: ignore[arg-type]
                                             text=form.cleaned_data["text"])
            except DomainError as exc:
                _fail(form, exc)
            else:
                messages.success(request, _("Your comment is added."))
                return redirect("portfolios:comments", portfolio.pk)
    page_obj = paginate(selectors.comments_of(portfolio), request.GET.get("page") or LAST,
                        COMMENTS_PER_PAGE)
    return render(request, "portfolios/session_comments.html", {
        "portfolio": portfolio, "page_obj": page_obj, "form": form,
        "can_comment": can_comment})
