"""An opportunity's questionnaires: the registration questions asked at enrolment, the quiz
(its choices carry points) and the feedback questionnaire asked after the session.

The secretariat edits the latest version of each. A version is frozen once someone answers
it (their answers point to it); the next edit then makes a new version from it, so what a
person answered never changes under them. Every edit is checked by the questionnaire
engine and written to the opportunity's history."""

import copy
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Response
from hamaynk.learning.selectors.forms import latest_form
from hamaynk.questionnaires import builder
from hamaynk.questionnaires.answers import validate_answers, visible_questions
from hamaynk.questionnaires.schema import DefinitionError, parse_definition

P = LearningForm.Purpose
UNASKED = ("file", "budget")  # answers that need more than JSON: not asked in learning

STARTER_TITLES = {P.REGISTRATION: ("Գրանցման հարցեր", "Registration questions"),
                  P.QUIZ: ("Թեստ", "Quiz"),
                  P.FEEDBACK: ("Հետադարձ կապ", "Feedback")}


def starter(purpose: str) -> dict[str, Any]:
    """A new questionnaire: one section, no question yet."""
    title_hy, title_en = STARTER_TITLES[P(purpose)]
    return {"sections": [{"key": "questions", "title_hy": title_hy, "title_en": title_en,
                          "questions": []}]}


def _editable(opportunity: Opportunity, actor: User, purpose: str) -> LearningForm:
    """The version to edit: the latest, a new one made from it when it is frozen (someone
    answered it), or the first one."""
    require(actor, "learning.manage_catalogue", opportunity)
    if purpose not in P.values:
        raise DomainError(_("There is no such questionnaire."))
    Opportunity.objects.select_for_update().filter(pk=opportunity.pk).first()
    latest = latest_form(opportunity, purpose)
    if latest is not None and not latest.frozen:
        return latest
    definition = copy.deepcopy(latest.definition) if latest is not None else starter(purpose)
    return LearningForm.objects.create(opportunity=opportunity, purpose=purpose,
                                       number=latest.number + 1 if latest else 1,
                                       definition=definition)


def _save(form: LearningForm, definition: dict[str, Any], actor: User,
          change: str) -> LearningForm:
    try:
        parsed = parse_definition(definition)
    except DefinitionError as exc:
        raise DomainError(" ".join(exc.messages)) from exc
    if any(q.type in UNASKED for q in parsed.all_questions()):
        raise DomainError(_("A learning questionnaire cannot ask for a file or a budget "
                            "table."), field="type")
    before = form.definition
    form.definition = definition
    form.save(update_fields=["definition", "updated_at"])
    audit.record(action="learning.form.changed", actor=actor, target=form.opportunity,
                 data={"purpose": form.purpose, "version": form.number, "change": change,
                       "before": before, "after": definition})
    return form


@transaction.atomic
def learning_form_section_save(*, opportunity: Opportunity, purpose: str, actor: User,
                               key: str, title_hy: str, title_en: str = "",
                               intro_hy: str = "", intro_en: str = "") -> LearningForm:
    """Add a section (page) to the questionnaire, or rename one."""
    form = _editable(opportunity, actor, purpose)
    definition = builder.save_section(form.definition, key=key, title_hy=title_hy,
                                      title_en=title_en, intro_hy=intro_hy, intro_en=intro_en)
    return _save(form, definition, actor, f"section {key}")


@transaction.atomic
def learning_form_question_save(*, opportunity: Opportunity, purpose: str, actor: User,
                                section_key: str, question: dict[str, Any],
                                original_key: str = "") -> LearningForm:
    """Add a question to a section, or replace one (found by its original key)."""
    form = _editable(opportunity, actor, purpose)
    definition = builder.save_question(form.definition, section_key=section_key,
                                       question=question, original_key=original_key)
    return _save(form, definition, actor, f"question {question.get('key')}")


@transaction.atomic
def learning_form_question_delete(*, opportunity: Opportunity, purpose: str, actor: User,
                                  section_key: str, key: str) -> LearningForm:
    form = _editable(opportunity, actor, purpose)
    definition = builder.remove_question(form.definition, section_key=section_key, key=key)
    return _save(form, definition, actor, f"delete {key}")


@transaction.atomic
def learning_form_question_move(*, opportunity: Opportunity, purpose: str, actor: User,
                                section_key: str, key: str, offset: int) -> LearningForm:
    form = _editable(opportunity, actor, purpose)
    definition = builder.move_question(form.definition, section_key=section_key, key=key,
                                       offset=offset)
    return _save(form, definition, actor, f"move {key}")


# --- answers ---------------------------------------------------------------------------------


def check_answers(form: LearningForm, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to keep (the shown questions' only), or a refusal beside the first
    question that is unanswered or wrong."""
    parsed = form.parsed
    problems = validate_answers(parsed, answers)
    if problems:
        key, messages = next(iter(problems.items()))
        raise DomainError(" ".join(messages), field=key)
    return {q.key: answers.get(q.key) for q in visible_questions(parsed, answers)
            if q.type not in UNASKED}


def record_response(*, enrolment: Enrolment, form: LearningForm,
                    answers: Mapping[str, Any]) -> Response:
    """Store a person's answers (inside the caller's transaction, after its checks) and
    freeze the version they answered."""
    if not form.frozen:
        LearningForm.objects.filter(pk=form.pk).update(frozen=True)
        form.frozen = True
    return Response.objects.create(enrolment=enrolment, purpose=form.purpose, form=form,
                                   answers=dict(answers), submitted_at=timezone.now())
