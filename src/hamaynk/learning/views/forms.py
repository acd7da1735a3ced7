"""The secretariat's builder of an opportunity's questionnaires (registration questions,
quiz, feedback questionnaire), on the shared builder pages (questionnaires.builder_views)."""

from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.learning.models import LearningForm, Opportunity
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.services import forms as services
from hamaynk.questionnaires import builder_views
from hamaynk.questionnaires.builder_views import Builder, Tab

P = LearningForm.Purpose


def _builder(opportunity: Opportunity, purpose: str) -> Builder:
    if purpose not in P.values:
        raise Http404
    version = services.latest_form(opportunity, purpose) or LearningForm(
        opportunity=opportunity, purpose=purpose, number=1,
        definition=services.starter(purpose))
    owner: dict[str, Any] = {"opportunity": opportunity, "purpose": purpose}
    notes = [_("answered: a change makes version %(number)s") % {
        "number": version.number + 1}] if version.frozen else []
    return Builder(
        version=version, heading=str(capfirst(P(purpose).label)), subject=opportunity.title,
        page_url=reverse("learning:forms", args=[opportunity.pk, purpose]),
        back_url=opportunity.get_absolute_url(), back_label=_("Back to the opportunity"),
        save_section=partial(services.learning_form_section_save, **owner),
        save_question=partial(services.learning_form_question_save, **owner),
        delete_question=partial(services.learning_form_question_delete, **owner),
        move_question=partial(services.learning_form_question_move, **owner),
        notes=notes,
        tabs=[Tab(str(capfirst(label)), reverse("learning:forms", args=[opportunity.pk, code]),
                  code == purpose) for code, label in P.choices])


@login_required
def forms(request: HttpRequest, pk: int, purpose: str) -> HttpResponse:
    """The sections and questions of one of the opportunity's questionnaires."""
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    return builder_views.builder_page(request, _builder(opportunity, purpose))


@login_required
def form_question(request: HttpRequest, pk: int, purpose: str, section_key: str
                  ) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    return builder_views.question_page(request, _builder(opportunity, purpose), section_key)


@login_required
@require_POST
def form_question_action(request: HttpRequest, pk: int, purpose: str, section_key: str,
                         key: str, action: str) -> HttpResponse:
    opportunity = selectors.opportunity_for_manager(pk=pk, user=request.user)
    return builder_views.question_action(request, _builder(opportunity, purpose),
                                         section_key, key, action)
