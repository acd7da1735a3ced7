"""The quiz of an opportunity, taken by the enrolled person themselves once their session has
started: answers scored by the points of their choices (`questionnaires.scoring`), retaken
until passed, and the completion checked after each try (`completion.py`). The quiz's
version is frozen by the first answer, so every answer points to what it answered."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock
from hamaynk.core.workflow import require
from hamaynk.learning.models import Certificate, Enrolment, LearningForm, Opportunity, Response
from hamaynk.learning.services.completion import completion_check, quiz_passed
from hamaynk.learning.services.enrolment import moment_text
from hamaynk.questionnaires.answers import validate_answers
from hamaynk.questionnaires.scoring import score

QUIZ = LearningForm.Purpose.QUIZ
PASSED = _("You have passed this quiz.")


@dataclass
class QuizResult:
    response: Response
    passed: bool
    certificate: Certificate | None


def quiz_of(opportunity: Opportunity) -> LearningForm | None:
    """The opportunity's quiz: its latest version, frozen or not."""
    return (LearningForm.objects.filter(opportunity=opportunity, purpose=QUIZ)
            .order_by("-number").first())


def quiz_refusal(enrolment: Enrolment, response: Response | None) -> str | None:
    """Why the person cannot (now) answer the quiz, or `None`."""
    session = enrolment.session
    if enrolment.status != Enrolment.Status.CONFIRMED:
        return str(_("Only a confirmed enrolment takes the quiz."))
    if timezone.now() < session.starts_at:
        return str(_("The quiz opens when the session starts, on %(moment)s.")
                   % {"moment": moment_text(session.starts_at, session.time_zone)})
    if quiz_passed(response, session.opportunity):
        return str(PASSED)
    return None


@transaction.atomic
def quiz_submit(*, enrolment: Enrolment, actor: User, answers: Mapping[str, Any]) -> QuizResult:
    """Store the person's answers to the quiz with their score (a retake replaces the last
    try), then record the completion if the rules are now met."""
    require(actor, "learning.take_quiz", enrolment)
    locked = lock(Enrolment, enrolment.pk, of=("self",),
                  select_related=("session__opportunity__network", "person", "community"))
    form = quiz_of(locked.session.opportunity)
    if form is None:
        raise DomainError(_("This opportunity has no quiz."))
    response = Response.objects.select_for_update().filter(enrolment=locked,
                                                           purpose=QUIZ).first()
    refusal = quiz_refusal(locked, response)
    if refusal is not None:
        raise DomainError(refusal)
    definition = form.parsed
    problems = validate_answers(definition, answers)
    if problems:
        key, messages = next(iter(problems.items()))
        raise DomainError(messages[0], field=key)
    if not form.frozen:
        form.frozen = True
        form.save(update_fields=["frozen", "updated_at"])
    values = {"form": form, "answers": dict(answers), "score": score(definition, answers),
              "submitted_at": timezone.now()}
    response, _created = Response.objects.update_or_create(enrolment=locked, purpose=QUIZ,
                                                           defaults=values)
    passed = quiz_passed(response, locked.session.opportunity)
    audit.record(action="learning.quiz.submitted", actor=actor, target=locked,
                 data={"form": form.pk, "version": form.number, "score": response.score,
                       "passed": passed})
    certificate = completion_check(enrolment=locked, actor=actor) if passed else None
    return QuizResult(response=response, passed=passed, certificate=certificate)
