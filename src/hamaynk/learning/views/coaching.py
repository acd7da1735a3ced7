"""Coaching paths: the pages. The secretariat edits a cohort's path; each cohort community has
its coaching page (the path as it follows it, its team, its coach), its coaching log (sessions,
agreed actions marked done there) and a page per step (an assignment handed in and reviewed).
A view parses, checks the permission, calls one service or selector and renders; a refused
permission is a 404, as for a missing object."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from hamaynk.core.errors import DomainError
from hamaynk.core.parsing import parse_id, parse_int
from hamaynk.core.views import confirmation_page, is_confirmed
from hamaynk.learning.models import AgreedAction, Cohort, CohortMember, PathStep
from hamaynk.learning.selectors import coaching as selectors
from hamaynk.learning.services import coaching as services
from hamaynk.learning.services import cohorts as cohort_services
from hamaynk.learning.views.coaching_forms import (
    ActionFormSet,
    CoachForm,
    HandInForm,
    ReviewForm,
    SessionForm,
    StepForm,
    TeamForm,
)


def _member(request: HttpRequest, pk: int, perm: str = "learning.view_member") -> CohortMember:
    member = (CohortMember.objects.select_related("cohort__network", "community__region",
                                                  "coach").filter(pk=pk).first())
    if member is None or not request.user.has_perm(perm, member):
        raise Http404
    return member


def _fail(form: Any, exc: DomainError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


def _step_values(data: dict[str, Any]) -> services.StepValues:
    return services.StepValues(
        kind=data.get("kind") or "", title_hy=data.get("title_hy") or "",
        title_en=data.get("title_en") or "", description_hy=data.get("description_hy") or "",
        description_en=data.get("description_en") or "", due_date=data.get("due_date"))


@login_required
def path(request: HttpRequest, pk: int) -> HttpResponse:
    """The cohort's path, edited by the secretariat: add, change, move, remove steps."""
    cohort = Cohort.objects.select_related("network").filter(pk=pk).first()
    if cohort is None or not request.user.has_perm("learning.manage_cohort", cohort):
        raise Http404
    editing = cohort.steps.filter(pk=parse_id(request.GET.get("edit")) or 0).first()
    form = StepForm(request.POST or None, prefix="step", initial=_initial(editing))
    actor: Any = request.user
    if request.method == "POST":
        try:
            if (step_id := parse_id(request.POST.get("remove"))) is not None:
                if not is_confirmed(request):
                    return confirmation_page(
                        request, title=_("Remove the step from the path?"), danger=True,
                        consequences=[_("Every community's progress on this step is removed "
                                        "with it.")],
                        confirm_label=_("Remove the step"),
                        cancel_url=reverse("learning:path", args=[cohort.pk]))
                services.step_remove(cohort=cohort, actor=actor, step_id=step_id)
                messages.success(request, _("The step is removed from the path."))
                return redirect("learning:path", cohort.pk)
            for direction in ("up", "down"):
                if (step_id := parse_id(request.POST.get(direction))) is not None:
                    services.step_move(cohort=cohort, actor=actor, step_id=step_id,
                                       up=direction == "up")
                    return redirect("learning:path", cohort.pk)
            if form.is_valid():
                services.step_save(cohort=cohort, actor=actor, step=editing,
                                   values=_step_values(form.cleaned_data))
                messages.success(request, _("The path is saved."))
                return redirect("learning:path", cohort.pk)
        except DomainError as exc:
            _fail(form, exc)
    return render(request, "learning/coaching/path.html", {
        "cohort": cohort, "steps": cohort.steps.order_by("order", "pk"), "form": form,
        "editing": editing})


def _initial(step: PathStep | None) -> dict[str, Any]:
    if step is None:
        return {}
    return {k: getattr(step, k) for k in ("kind", "title_hy", "title_en", "description_hy",
                                          "description_en", "due_date")}


@login_required
def member(request: HttpRequest, pk: int) -> HttpResponse:
    """A cohort community's coaching page: its path with progress, team, coach, open actions."""
    item = _member(request, pk)
    actor: Any = request.user
    can_manage = actor.has_perm("learning.manage_cohort", item.cohort)
    coach_form = CoachForm(request.POST if "coach" in request.POST else None,
                           coaches=item.cohort.coaches.order_by("full_name", "pk"),
                           initial={"coach": item.coach_id})
    if request.method == "POST":
        try:
            if "coach" in request.POST:
                if not can_manage or not coach_form.is_valid():
                    raise Http404
                cohort_services.member_assign_coach(member=item, actor=actor,
                                                    coach=coach_form.cleaned_data["coach"])
                messages.success(request, _("The coach is saved."))
                return redirect(item)
            step = item.cohort.steps.filter(pk=parse_id(request.POST.get("step")) or 0).first()
            if step is None:
                raise Http404
            services.step_set_done(member=item, step=step, actor=actor,
                                   done=request.POST.get("done") == "1")
            return redirect(item.get_absolute_url() + f"#step-{step.pk}")
        except DomainError as exc:
            messages.error(request, str(exc.message))
        except PermissionDenied as exc:
            raise Http404 from exc
    today = services.today_of(item.cohort)
    return render(request, "learning/coaching/member.html", {
        "member": item, "rows": selectors.member_path(member=item, today=today),
        "team": item.team.order_by("full_name", "pk"),
        "actions": selectors.open_actions(item)[:20],
        "can_manage": can_manage, "coach_form": coach_form,
        "can_follow_up": actor.has_perm("learning.follow_up", item),
        "can_edit_team": actor.has_perm("learning.edit_team", item),
        "can_log": actor.has_perm("learning.log_session", item)})


@login_required
def team(request: HttpRequest, pk: int) -> HttpResponse:
    """The community names its team (its head or staff)."""
    item = _member(request, pk, "learning.edit_team")
    form = TeamForm(request.POST or None, people=cohort_services.eligible_team(item),
                    initial={"team": list(item.team.values_list("pk", flat=True))})
    if request.method == "POST" and form.is_valid():
        try:
            cohort_services.member_set_team(member=item, actor=request.user,  # type: ignore[arg-type]
                                            people=list(form.cleaned_data["team"]))
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The team is saved."))
            return redirect(item)
    return render(request, "learning/coaching/team.html", {"member": item, "form": form})


@login_required
def log(request: HttpRequest, pk: int) -> HttpResponse:
    """The community's coaching log; an open action is marked done here."""
    item = _member(request, pk)
    actor: Any = request.user
    if request.method == "POST":
        action = AgreedAction.objects.filter(member=item,
                                             pk=parse_id(request.POST.get("done")) or 0).first()
        if action is None or not actor.has_perm("learning.follow_up", item):
            raise Http404
        try:
            services.action_mark_done(action=action, actor=actor)
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("The action is marked done."))
        return redirect(item.get_absolute_url() + "log/#actions")
    return render(request, "learning/coaching/log.html", {
        "member": item, "page_obj": selectors.member_log(member=item,
                                                          page=request.GET.get("page")),
        "actions": selectors.open_actions(item)[:50],
        "today": services.today_of(item.cohort),
        "can_follow_up": actor.has_perm("learning.follow_up", item),
        "can_log": actor.has_perm("learning.log_session", item)})


@login_required
def log_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach logs a session: who came, notes, agreed actions, follow-up of open ones."""
    item = _member(request, pk, "learning.log_session")
    previous = list(selectors.open_actions(item)[:50])
    data = request.POST or None
    team_people = item.team.order_by("full_name", "pk")
    form = SessionForm(data, member=item, previous=previous,
                       initial={"held_on": services.today_of(item.cohort)})
    actions = ActionFormSet(data, prefix="action", form_kwargs={"team": team_people})
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        agreed = [services.ActionValues(text=f.cleaned_data["text"], owner=f.cleaned_data["owner"],
                                        due_date=f.cleaned_data["due_date"])
                  for f in actions if f.cleaned_data.get("text")]
        try:
            services.session_log(member=item, actor=request.user,  # type: ignore[arg-type]
                                 held_on=form.cleaned_data["held_on"],
                                 attendees=list(form.cleaned_data["attendees"]),
                                 notes=form.cleaned_data["notes"], actions=agreed,
                                 follow_up=form.follow_up())
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The session is logged."))
            return redirect(item.get_absolute_url() + "log/")
    return render(request, "learning/coaching/log_new.html", {
        "member": item, "form": form, "actions": actions, "team": team_people})


@login_required
def step(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    """A step of the path for one community: an assignment handed in and reviewed here."""
    item = _member(request, pk)
    found = item.cohort.steps.filter(pk=step_pk).first()
    if found is None:
        raise Http404
    submission = item.submissions.filter(step=found).prefetch_related("files").first()
    actor: Any = request.user
    can_hand_in = (found.kind == PathStep.Kind.ASSIGNMENT
                   and actor.has_perm("learning.hand_in", item)
                   and (submission is None or submission.status != "accepted"))
    can_review = (submission is not None and submission.status == "submitted"
                  and actor.has_perm("learning.review_submission", submission))
    posted = request.POST or None
    hand_in = HandInForm(posted if "hand_in" in request.POST else None, request.FILES or None,
                         initial={"text": submission.text if submission else ""})
    review = ReviewForm(posted if "review" in request.POST else None)
    if request.method == "POST":
        if "hand_in" in request.POST and can_hand_in and hand_in.is_valid():
            try:
                services.submission_hand_in(member=item, step=found, actor=actor,
                                            text=hand_in.cleaned_data["text"],
                                            uploads=request.FILES.getlist("attachments"))
            except DomainError as exc:
                _fail(hand_in, exc)
            else:
                messages.success(request, _("The assignment is handed in to the coach."))
                return redirect(request.path)
        elif "review" in request.POST and can_review and review.is_valid():
            try:
                services.submission_review(
                    submission=submission, actor=actor,  # type: ignore[arg-type]
                    accept=review.cleaned_data["decision"] == "accept",
                    comment=review.cleaned_data["comment"],
                    expected_version=parse_int(request.POST.get("version"), minimum=0))
            except DomainError as exc:
                _fail(review, exc)
            else:
                messages.success(request, _("The review is saved and the community is told."))
                return redirect(request.path)
        elif not (can_hand_in or can_review):
            raise Http404
    return render(request, "learning/coaching/step.html", {
        "member": item, "step": found, "submission": submission, "hand_in": hand_in,
        "review": review, "can_hand_in": can_hand_in, "can_review": can_review})
