"""The portfolio page and what its community writes on it: the index of portfolios, who sees
one, the mission, challenges and their evidence, stakeholders from the shared registry, and
the influence / interest grid. A view parses, checks the permission (through the selector:
what is not yours is a 404), calls one service or selector and renders."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.communities import services as registry
from hamaynk.core.errors import DomainError
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import confirmation_page, is_confirmed, run_action, svg_response
from hamaynk.networks.models import DevelopmentPlan
from hamaynk.portfolios import caching
from hamaynk.portfolios.forms import core as forms_
from hamaynk.portfolios.selectors import portfolio as selectors
from hamaynk.portfolios.services import challenges, stakeholders
from hamaynk.portfolios.services import portfolio as services


def _fail(form: forms.Form, exc: DomainError) -> None:
    """The refusal beside its field (or above the form when it names none of them)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


def _edited(request: HttpRequest, pk: int) -> Any:
    return selectors.portfolio_for_viewer(pk=pk, user=request.user,
                                          perm="portfolios.edit_portfolio")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The portfolios the viewer follows; a cohort community's people (or the secretariat)
    start the one it has not yet."""
    if request.method == "POST":
        member = selectors.member_for_starting(pk=parse_id(request.POST.get("start")),
                                               user=request.user)
        try:
            started = services.portfolio_start(member=member, actor=request.user)  # type: ignore[arg-type]
        except PermissionDenied as exc:
            raise Http404 from exc
        messages.success(request, _("The portfolio is started: write its mission first."))
        return redirect(started)
    found = selectors.portfolio_index(user=request.user, page=request.GET.get("page"))
    return render(request, "portfolios/index.html", {"index": found,
                                                     "page_obj": found.network})


@login_required
def portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    can_share = request.user.has_perm("portfolios.share_portfolio", found)
    page = selectors.portfolio_page(found)
    can_edit = request.user.has_perm("portfolios.edit_portfolio", found)
    return render(request, "portfolios/portfolio.html", {
        "page": page, "portfolio": found,
        # its long sections are cached fragments (portfolios/caching.py)
        "page_generation": caching.page_generation(found),
        "mission_blocks": [DevelopmentPlan.Block(b).label for b in (
            page.mission.building_blocks if page.mission else [])
            if b in DevelopmentPlan.Block.values],
        "can_edit": can_edit,
        "sharing_form": forms_.SharingForm(initial={
            "sharing": found.sharing, "version": found.version}) if can_share else None})


@login_required
@require_POST
def sharing(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.portfolio_for_viewer(pk=pk, user=request.user,
                                           perm="portfolios.share_portfolio")
    form = forms_.SharingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose who sees the portfolio."))
    else:
        run_action(request, lambda: services.portfolio_share(
            portfolio=found, actor=request.user, sharing=form.cleaned_data["sharing"],  # type: ignore[arg-type]
            expected_version=form.cleaned_data["version"]), _("Saved: who sees the portfolio."))
    return redirect(reverse("portfolios:portfolio", args=[found.pk]) + "#sharing")


def _mission_initial(found: Any) -> dict[str, Any]:
    mission = selectors.mission_of(found)
    if mission is None:
        return {}
    return {name: getattr(mission, name) for name in services.MISSION_FIELDS}


@login_required
def mission(request: HttpRequest, pk: int) -> HttpResponse:
    found = _edited(request, pk)
    form = forms_.MissionForm(request.POST or None, initial=_mission_initial(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.mission_save(portfolio=found, actor=request.user,  # type: ignore[arg-type]
                                  values=services.MissionValues(**form.cleaned_data))
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The mission is saved."))
            return redirect(reverse("portfolios:portfolio", args=[found.pk]) + "#mission")
    return render(request, "portfolios/core_mission.html", {"portfolio": found, "form": form})


@login_required
def challenge_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = _edited(request, pk)
    form = forms_.ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = challenges.challenge_add(portfolio=found, actor=request.user,  # type: ignore[arg-type]
                                             values=challenges.ChallengeValues(**form.cleaned_data))
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The challenge is added: now add its evidence."))
            return redirect("portfolios:challenge", added.pk)
    return render(request, "portfolios/core_challenge.html", {
        "portfolio": found, "form": form, "challenge": None})


def _evidence_values(form: forms.Form) -> challenges.EvidenceValues:
    data = form.cleaned_data
    return challenges.EvidenceValues(kind=data["kind"], text=data["text"], url=data["url"],
                                     upload=data.get("upload"))


def _challenge_post(request: HttpRequest, found: Any, form: forms.Form,
                    evidence: forms.Form) -> HttpResponse | None:
    """One of the challenge page's buttons: save, add evidence, remove evidence, remove."""
    actor: Any = request.user
    back = reverse("portfolios:challenge", args=[found.pk])
    if (gone := parse_id(request.POST.get("remove_evidence"))) is not None:
        item = next((e for e in found.evidence.all() if e.pk == gone), None)
        if item is None:
            raise Http404
        run_action(request, lambda: challenges.evidence_remove(evidence=item, actor=actor),
                   _("The evidence is removed."))
        return redirect(back + "#evidence")
    if "remove" in request.POST:
        if not is_confirmed(request):
            return confirmation_page(
                request, title=_("Remove the challenge?"), danger=True,
                consequences=[_("Its evidence and files are removed with it."),
                              _("The interventions that address it no longer name it.")],
                confirm_label=_("Remove the challenge"), cancel_url=back)
        portfolio_url = reverse("portfolios:portfolio", args=[found.portfolio_id])
        run_action(request, lambda: challenges.challenge_remove(challenge=found, actor=actor),
                   _("The challenge is removed."))
        return redirect(portfolio_url + "#challenges")
    target = evidence if "add_evidence" in request.POST else form
    if not target.is_valid():
        return None
    try:
        if target is evidence:
            challenges.evidence_add(challenge=found, actor=actor,
                                    values=_evidence_values(evidence))
        else:
            challenges.challenge_change(challenge=found, actor=actor,
                                        values=challenges.ChallengeValues(**form.cleaned_data))
    except DomainError as exc:
        _fail(target, exc)
        return None
    messages.success(request, _("The evidence is added.") if target is evidence
                     else _("The challenge is saved."))
    return redirect(back + ("#evidence" if target is evidence else ""))


@login_required
def challenge(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.challenge_for_editor(pk=pk, user=request.user)
    posted = request.method == "POST"
    adding = posted and "add_evidence" in request.POST
    form = forms_.ChallengeForm(request.POST if posted and not adding else None, initial={
        "title_hy": found.title_hy, "title_en": found.title_en,
        "description": found.description})
    evidence = forms_.EvidenceForm(request.POST if adding else None,
                                   request.FILES if adding else None, prefix="evidence")
    if posted and (done := _challenge_post(request, found, form, evidence)) is not None:
        return done
    return render(request, "portfolios/core_challenge.html", {
        "portfolio": found.portfolio, "challenge": found, "form": form,
        "evidence_form": evidence})


@login_required
def stakeholder_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Search the registry (a GET: works without JavaScript), choose an organisation or a
    person, then say their role, influence and interest."""
    found = _edited(request, pk)
    source = request.POST if request.method == "POST" else request.GET
    chosen = selectors.registry_choice(organisation=parse_id(source.get("organisation")),
                                       contact=parse_id(source.get("contact")))
    form = forms_.StakeholderForm(request.POST or None)
    if request.method == "POST" and chosen is None:
        raise Http404
    if request.method == "POST" and chosen is not None and form.is_valid():
        try:
            stakeholders.stakeholder_add(
                portfolio=found, actor=request.user,  # type: ignore[arg-type]
                organisation=chosen.organisation, contact=chosen.contact,
                values=stakeholders.StakeholderValues(**form.cleaned_data))
        except DomainError as exc:
            _fail(form, exc)
        else:
            messages.success(request, _("The stakeholder is added."))
            return redirect(reverse("portfolios:portfolio", args=[found.pk]) + "#stakeholders")
    search = forms_.RegistrySearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(request, "portfolios/core_stakeholder_new.html", {
        "portfolio": found, "chosen": chosen, "form": form, "search": search,
        "matches": None if chosen else selectors.registry_search(
            query=query, organisations_page=request.GET.get("opage"),
            people_page=request.GET.get("ppage"))})


@login_required
def registry_new(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Add a new organisation or person to the shared registry, then choose them."""
    if kind not in ("organisation", "person"):
        raise Http404
    found = _edited(request, pk)
    person = kind == "person"
    form: forms.Form = (forms_.ContactForm(
        request.POST or None, organisations=selectors.stakeholder_organisations(found))
        if person else forms_.OrganisationForm(request.POST or None,
                                               initial={"name_hy": request.GET.get("q", "")[:300]}))
    if request.method == "POST" and form.is_valid():
        data, actor = form.cleaned_data, request.user
        try:
            if person:
                added: Any = registry.contact_add(actor=actor, full_name=data["full_name"],  # type: ignore[arg-type]
                                                  position=data["position"],
                                                  organisation=data["organisation"])
            else:
                country = data["country"]
                added = registry.organisation_add(
                    actor=actor, kind=data["kind"], name_hy=data["name_hy"],  # type: ignore[arg-type]
                    name_en=data["name_en"], website=data["website"],
                    country_id=country.pk if country else None)
        except DomainError as exc:
            _fail(form, exc)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Added to the registry: now say their role."))
            choose = "contact" if person else "organisation"
            return redirect(reverse("portfolios:stakeholder_new", args=[found.pk])
                            + f"?{choose}={added.pk}")
    return render(request, "portfolios/core_registry_new.html", {
        "portfolio": found, "form": form, "person": person})


def _stakeholder_post(request: HttpRequest, found: Any, form: forms.Form) -> HttpResponse | None:
    actor: Any = request.user
    portfolio_url = reverse("portfolios:portfolio", args=[found.portfolio_id]) + "#stakeholders"
    if "remove" in request.POST:
        if not is_confirmed(request):
            return confirmation_page(
                request, title=_("Remove the stakeholder?"), danger=True,
                consequences=[_("The interventions that involve them no longer name them."),
                              _("The organisation or person stays in the shared registry.")],
                confirm_label=_("Remove the stakeholder"),
                cancel_url=reverse("portfolios:stakeholder", args=[found.pk]))
        run_action(request, lambda: stakeholders.stakeholder_remove(stakeholder=found,
                                                                    actor=actor),
                   _("The stakeholder is removed."))
        return redirect(portfolio_url)
    if not form.is_valid():
        return None
    try:
        stakeholders.stakeholder_change(stakeholder=found, actor=actor,
                                        values=stakeholders.StakeholderValues(**form.cleaned_data))
    except DomainError as exc:
        _fail(form, exc)
        return None
    messages.success(request, _("The stakeholder is saved."))
    return redirect(portfolio_url)


@login_required
def stakeholder(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.stakeholder_for_editor(pk=pk, user=request.user)
    form = forms_.StakeholderForm(request.POST or None, initial={
        "role": found.role, "influence": found.influence, "interest": found.interest,
        "notes": found.notes})
    if request.method == "POST" and (done := _stakeholder_post(request, found, form)):
        return done
    return render(request, "portfolios/core_stakeholder.html", {
        "portfolio": found.portfolio, "stakeholder": found, "form": form})


@login_required
def stakeholder_grid(request: HttpRequest, pk: int) -> HttpResponse:
    """The influence / interest grid as SVG (for the page's <img>, and for print;
    `?layout=narrow`: for a phone, numbers only and larger)."""
    found = selectors.portfolio_for_viewer(pk=pk, user=request.user)
    narrow = request.GET.get("layout") == "narrow"
    dots, overflow = selectors.stakeholder_grid(selectors.portfolio_stakeholders(found),
                                                narrow=narrow)
    return svg_response(render_to_string("portfolios/core_grid_svg.html", {
        "dots": dots, "overflow": overflow, "portfolio": found, "narrow": narrow},
        request=request))
