"""The public catalogue, an opportunity's and a session's pages (with the community's
enrolment form and the session's .ics), and a community's own enrolments."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.communities.models import Country
from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.core.pagination import paginate
from hamaynk.core.parsing import parse_id
from hamaynk.core.views import run_action
from hamaynk.learning import calendar
from hamaynk.learning.forms import EnrolForm, HandOverForm
from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Session
from hamaynk.learning.models.catalogue import LANGUAGE_CHOICES
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.selectors import enrolment as enrolments
from hamaynk.learning.selectors.forms import form_asked
from hamaynk.learning.services import enrolment as services
from hamaynk.questionnaires.forms import SectionForm, build_section_form
from hamaynk.questionnaires.schema import label


def catalogue(request: HttpRequest) -> HttpResponse:
    topics = selectors.topic_choices()
    countries = list(Country.objects.order_by("code"))
    filters = selectors.CatalogueFilters.parse(request.GET, topics=[t.slug for t in topics],
                                               countries=[c.code for c in countries])
    page = paginate(selectors.public_opportunities(filters=filters), request.GET.get("page"),
                    count_key=counts.key("learning-catalogue", *filters.key(),
                                         timezone.get_current_timezone_name()),
                    count_models=(Session,))
    return render(request, "learning/catalogue/catalogue.html", {
        "page_obj": page, "filters": filters, "topics": topics, "countries": countries,
        "formats": Opportunity.Format.choices, "languages": LANGUAGE_CHOICES,
        "managed": selectors.networks_managed(user=request.user)})


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_viewer(pk=pk, user=request.user)
    return render(request, "learning/catalogue/opportunity.html", {
        "opportunity": opportunity,
        "page_obj": paginate(selectors.sessions_of(opportunity=opportunity),
                             request.GET.get("page")),
        "materials": selectors.materials_of(opportunity=opportunity),
        "can_manage": request.user.has_perm("learning.manage_catalogue", opportunity)})


def _enrol_form(request: HttpRequest, communities: list[Any]) -> EnrolForm | None:
    if not communities:
        return None
    return EnrolForm(request.POST if request.method == "POST" else None,
                     communities=communities,
                     people=enrolments.colleagues(communities=communities),
                     initial={"community": communities[0].pk, "person": request.user.pk})


def _registration_forms(request: HttpRequest, session: Session) -> list[SectionForm]:
    """The opportunity's registration questions, a form per section (fields named reg-…)."""
    version = form_asked(session.opportunity, LearningForm.Purpose.REGISTRATION)
    if version is None:
        return []
    data = request.POST if request.method == "POST" else None
    sections = []
    for section in version.parsed.sections:
        if section.questions:
            sform = build_section_form(version.parsed, section.key, answers={}, data=data,
                                       language=request.LANGUAGE_CODE)  # type: ignore[attr-defined]
            sform.prefix = "reg"
            sform.title = label(section, "title", sform.language)  # type: ignore[attr-defined]
            sform.intro = label(section, "intro", sform.language)  # type: ignore[attr-defined]
            sections.append(sform)
    return sections


def _enrol_posted(request: HttpRequest, session: Session, form: EnrolForm,
                  questions: list[SectionForm]) -> Enrolment | None:
    """Enrol from the posted forms; None with the errors beside their fields."""
    valid = [f.is_valid() for f in [form, *questions]]
    if not all(valid):
        return None
    answers: dict[str, Any] = {}
    for sform in questions:
        answers.update(sform.cleaned_answers())
    try:
        return services.enrol(session=session, actor=request.user,  # type: ignore[arg-type]
                              community=form.cleaned_data["community"],
                              person=form.cleaned_data["person"], answers=answers)
    except DomainError as exc:
        holder = next((f for f in questions if exc.field in f.fields), None)
        if holder is not None:
            holder.add_error(exc.field, str(exc.message))
        else:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
    return None


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The session: when (in the viewer's zone and the session's), where, seats; for a
    community's people, their enrolments here and the form to enrol one more (with the
    opportunity's registration questions)."""
    session = selectors.session_for_viewer(pk=pk, user=request.user)
    communities = enrolments.my_communities(user=request.user)
    form = _enrol_form(request, communities)
    questions = _registration_forms(request, session) if form is not None else []
    if request.method == "POST":
        if form is None:
            raise Http404
        enrolment = _enrol_posted(request, session, form, questions)
        if enrolment is not None:
            messages.success(request, _enrolled_message(enrolment))
            return redirect(session)
    return render(request, "learning/catalogue/session.html", {
        "session": session, "opportunity": session.opportunity, "form": form,
        "questions": questions, "ended": timezone.now() >= session.ends_at,
        "communities": communities,
        "ours": enrolments.enrolments_in_session(session=session, communities=communities),
        "can_manage": request.user.has_perm("learning.manage_catalogue", session)})


def _enrolled_message(enrolment: Enrolment) -> str:
    name = enrolment.person.get_full_name()
    if enrolment.status == Enrolment.Status.CONFIRMED:
        return _("%(person)s is enrolled: the seat is confirmed.") % {"person": name}
    if enrolment.status == Enrolment.Status.WAITLISTED:
        return _("%(person)s is on the waiting list: the seats are taken. A seat that frees "
                 "goes to the waiting list in order.") % {"person": name}
    return _("%(person)s is enrolled; the organiser will approve or decline.") % {
        "person": name}


def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_viewer(pk=pk, user=request.user)
    response = HttpResponse(calendar.session_ics(session, request=request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


@login_required
def our_learning(request: HttpRequest) -> HttpResponse:
    """Our people's learning: the enrolments a community made (the viewer's community, or
    the one chosen among theirs)."""
    communities = enrolments.my_communities(user=request.user)
    if not communities:
        raise Http404
    chosen = parse_id(request.GET.get("community"))
    community = next((c for c in communities if c.pk == chosen), communities[0])
    return render(request, "learning/catalogue/our_learning.html", {
        "community": community, "communities": communities,
        "page_obj": paginate(enrolments.community_enrolments(community=community,
                                                             user=request.user),
                             request.GET.get("page")),
        "people": enrolments.colleagues(communities=[community])})


@login_required
@require_POST
def enrolment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolments.enrolment_for_community(pk=pk, user=request.user)
    run_action(request, lambda: services.cancel(enrolment=enrolment, actor=request.user,  # type: ignore[arg-type]
                                                reason=str(request.POST.get("reason", ""))[:500]),
               _("The enrolment is cancelled."))
    return redirect(_back(request, enrolment))


@login_required
@require_POST
def enrolment_hand_over(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolments.enrolment_for_community(pk=pk, user=request.user)
    form = HandOverForm(request.POST, people=enrolments.colleagues(
        communities=[enrolment.community]))
    if not form.is_valid():
        messages.error(request, _("Choose a colleague of %(community)s.")
                       % {"community": enrolment.community.name})
    else:
        run_action(request, lambda: services.hand_over(
            enrolment=enrolment, actor=request.user,  # type: ignore[arg-type]
            person=form.cleaned_data["person"]), _("The seat is handed over."))
    return redirect(_back(request, enrolment))


def _back(request: HttpRequest, enrolment: Enrolment) -> str:
    if request.POST.get("back") == "session":
        return enrolment.session.get_absolute_url()
    return enrolment.get_absolute_url()
