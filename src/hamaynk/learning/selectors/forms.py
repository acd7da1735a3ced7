"""Reads of an opportunity's questionnaires and their answers: the version asked now, the
registration answers beside a session's enrolments, a session's feedback summed up."""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext

from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Response, Session
from hamaynk.learning.selectors.enrolment import session_enrolments
from hamaynk.questionnaires.answers import AnswerRow, answers_for_display
from hamaynk.questionnaires.schema import CHOICE_TYPES, DefinitionError, FormDefinition, label

P = LearningForm.Purpose
FEEDBACK_TEXTS_SHOWN = 500  # the texts listed per question on the summary


def latest_form(opportunity: Opportunity, purpose: str) -> LearningForm | None:
    return (LearningForm.objects.filter(opportunity=opportunity, purpose=purpose)
            .order_by("-number").first())


def asked(form: LearningForm | None) -> FormDefinition | None:
    """The version's definition when it asks at least one question, else None."""
    if form is None:
        return None
    try:
        parsed = form.parsed
    except DefinitionError:
        return None
    return parsed if parsed.all_questions() else None


def form_asked(opportunity: Opportunity, purpose: str) -> LearningForm | None:
    """The version people answer now: the latest, when it asks something."""
    form = latest_form(opportunity, purpose)
    return form if asked(form) is not None else None


def response_rows(response: Response | None, *, language: str) -> list[AnswerRow]:
    """A person's answers as the organiser reads them, in form order."""
    if response is None:
        return []
    try:
        parsed = response.form.parsed
    except DefinitionError:
        return []
    return [row for section in answers_for_display(parsed, response.answers,
                                                   language=language, user=None)
            for row in section.rows]


def with_registration(enrolments: Iterable[Enrolment], *, language: str) -> list[Enrolment]:
    """The enrolments of a page, each with `registration_rows` (its registration answers):
    one query for the page's answers and their versions."""
    rows = list(enrolments)
    responses = {r.enrolment_id: r for r in Response.objects.filter(
        enrolment__in=rows, purpose=P.REGISTRATION).select_related("form")}
    for enrolment in rows:
        enrolment.registration_rows = response_rows(  # type: ignore[attr-defined]
            responses.get(enrolment.pk), language=language)
    return rows


def enrolment_for_feedback(*, pk: int, user: Any) -> Enrolment:
    """The viewer's own enrolment (the person enrolled), else 404."""
    enrolment = (Enrolment.objects.select_related("session__opportunity__network", "community")
                 .filter(pk=pk, person_id=getattr(user, "pk", None)).first())
    if enrolment is None or not user.has_perm("learning.give_feedback", enrolment):
        raise Http404
    return enrolment


def feedback_given(enrolment: Enrolment) -> Response | None:
    return (Response.objects.filter(enrolment=enrolment, purpose=P.FEEDBACK)
            .select_related("form").first())


@dataclass
class QuestionSummary:
    label: str
    counts: list[tuple[str, int]] = field(default_factory=list)  # a choice question's
    texts: list[str] = field(default_factory=list)  # the other questions' answers


@dataclass
class FeedbackSummary:
    responses: int
    confirmed: int
    questions: list[QuestionSummary]
    ended: bool


def _answer_labels(definition: FormDefinition, language: str) -> dict[str, dict[Any, str]]:
    labels: dict[str, dict[Any, str]] = {}
    for q in definition.all_questions():
        if q.type in CHOICE_TYPES:
            labels[q.key] = {c.value: label(c, "label", language) for c in q.choices}
        elif q.type == "yes_no":
            labels[q.key] = {True: gettext("yes"), False: gettext("no")}
    return labels


def feedback_summary(*, session: Session, language: str) -> FeedbackSummary:
    """The session's feedback, question by question of the current feedback questionnaire:
    the count of each choice, the other answers listed (the newest first)."""
    form = latest_form(session.opportunity, P.FEEDBACK)
    definition = asked(form)
    answers = list(Response.objects.filter(enrolment__session=session, purpose=P.FEEDBACK)
                   .order_by("-submitted_at", "-pk").values_list("answers", flat=True))
    confirmed = session.enrolments.filter(status=Enrolment.Status.CONFIRMED).count()
    ended = timezone.now() >= session.ends_at
    if definition is None:
        return FeedbackSummary(len(answers), confirmed, [], ended)
    labels = _answer_labels(definition, language)
    questions = []
    for q in definition.all_questions():
        summary = QuestionSummary(label=label(q, "label", language))
        if q.key in labels:
            tally: Counter[Any] = Counter()
            for given in answers:
                value = given.get(q.key)
                tally.update(value if isinstance(value, list) else [value])
            summary.counts = [(text, tally[value]) for value, text in labels[q.key].items()]
        else:
            summary.texts = [str(given[q.key]) for given in answers
                             if given.get(q.key) not in (None, "")][:FEEDBACK_TEXTS_SHOWN]
        questions.append(summary)
    return FeedbackSummary(len(answers), confirmed, questions, ended)


def enrolments_table(*, session: Session, user: Any, language: str
                     ) -> tuple[list[str], Iterator[list[Any]]]:
    """The session's enrolments with their registration answers, for the organiser's CSV:
    the header and the rows, read in chunks (one query per chunk for the answers)."""
    enrolments = session_enrolments(session=session, user=user).prefetch_related(
        Prefetch("responses", to_attr="registration",
                 queryset=Response.objects.filter(purpose=P.REGISTRATION)
                 .select_related("form")))
    definition = asked(latest_form(session.opportunity, P.REGISTRATION))
    questions = definition.all_questions() if definition is not None else []
    header = [gettext("Person"), gettext("Email"), gettext("Community"), gettext("Province"),
              gettext("Status"), gettext("Enrolled"),
              *(label(q, "label", language) for q in questions)]

    def rows() -> Iterator[list[Any]]:
        # Streamed after the view returns: the request's language is set again here.
        with translation.override(language):
            for e in enrolments.iterator(chunk_size=500):
                given = e.registration[0] if e.registration else None  # type: ignore[attr-defined]
                answers = {row.key: row.value
                           for row in response_rows(given, language=language)}
                yield [e.person.get_full_name(), e.person.email, e.community.name,
                       e.community.region.name, e.get_status_display(),
                       timezone.localtime(e.queued_at, session.zone).strftime(
                           "%Y-%m-%d %H:%M"),
                       *(answers.get(q.key, "") for q in questions)]

    return header, rows()
