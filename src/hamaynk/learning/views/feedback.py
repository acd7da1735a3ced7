"""The feedback questionnaire after a session: the person's page to answer it, and the
organiser's summary of a session's feedback."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hamaynk.core.errors import DomainError
from hamaynk.learning.models import LearningForm
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.selectors import forms as answers
from hamaynk.learning.services import feedback as services
from hamaynk.questionnaires.forms import SectionForm, build_section_form
from hamaynk.questionnaires.schema import label

FEEDBACK = LearningForm.Purpose.FEEDBACK


def _sections(request: HttpRequest, version: LearningForm) -> list[SectionForm]:
    data = request.POST if request.method == "POST" else None
    language = request.LANGUAGE_CODE  # type: ignore[attr-defined]
    sections = []
    for section in version.parsed.sections:
        if section.questions:
            sform = build_section_form(version.parsed, section.key, answers={}, data=data,
                                       language=language)
            sform.title = label(section, "title", language)  # type: ignore[attr-defined]
            sform.intro = label(section, "intro", language)  # type: ignore[attr-defined]
            sections.append(sform)
    return sections


def _submit(request: HttpRequest, enrolment: Any, sections: list[SectionForm]) -> bool:
    valid = [f.is_valid() for f in sections]  # every section checked: every error shown
    if not all(valid):
        return False
    given: dict[str, Any] = {}
    for sform in sections:
        given.update(sform.cleaned_answers())
    try:
        services.feedback_submit(enrolment=enrolment, actor=request.user,  # type: ignore[arg-type]
                                 answers=given)
    except DomainError as exc:
        holder = next((f for f in sections if exc.field in f.fields), None)
        if holder is not None:
            holder.add_error(exc.field, str(exc.message))
        else:
            messages.error(request, str(exc.message))
        return False
    return True


@login_required
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's feedback on a session they attended: open once the session has ended,
    answered once."""
    enrolment = answers.enrolment_for_feedback(pk=pk, user=request.user)
    given = answers.feedback_given(enrolment)
    refusal = None if given else services.feedback_refusal(enrolment, timezone.now())
    version = answers.form_asked(enrolment.session.opportunity, FEEDBACK)
    sections = _sections(request, version) if version and not (given or refusal) else []
    if request.method == "POST" and sections and _submit(request, enrolment, sections):
        messages.success(request, _("Thank you: your feedback is recorded."))
        return redirect(reverse("learning:feedback", args=[enrolment.pk]))
    return render(request, "learning/catalogue/feedback.html", {
        "enrolment": enrolment, "session": enrolment.session, "sections": sections,
        "refusal": refusal, "given": answers.response_rows(
            given, language=request.LANGUAGE_CODE)  # type: ignore[attr-defined]
        if given else None})


@login_required
def session_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser's summary of a session's feedback."""
    session = selectors.session_for_manager(pk=pk, user=request.user)
    return render(request, "learning/catalogue/session_feedback.html", {
        "session": session, "opportunity": session.opportunity,
        "summary": answers.feedback_summary(
            session=session, language=request.LANGUAGE_CODE)})  # type: ignore[attr-defined]
