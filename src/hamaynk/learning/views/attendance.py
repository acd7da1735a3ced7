"""The organiser's attendance sheet (a session's day, phone first) and the enrolled person's
quiz with its result."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamaynk.core.errors import DomainError
from hamaynk.core.parsing import parse_id
from hamaynk.learning.models import Attendance, Session
from hamaynk.learning.selectors import attendance as selectors
from hamaynk.learning.selectors.catalogue import session_for_manager
from hamaynk.learning.services import attendance as services
from hamaynk.learning.services import quiz as quizzes
from hamaynk.learning.services.completion import quiz_passed
from hamaynk.questionnaires.forms import SectionForm, build_section_form
from hamaynk.questionnaires.schema import label

MARK_PREFIX = "mark-"


def posted_marks(data: Any) -> dict[int, str]:
    """{enrolment id: mark} from the sheet's radio buttons (`mark-<id>`); other keys ignored,
    an unknown mark kept for the service to refuse."""
    marks: dict[int, str] = {}
    for key in data:
        if key.startswith(MARK_PREFIX):
            pk = parse_id(key[len(MARK_PREFIX):])
            if pk is not None:
                marks[pk] = str(data.get(key))[:20]
    return marks


def _sheet_url(session: Session, day: datetime.date, page: Any = None) -> str:
    query = {"day": day.isoformat(), **({"page": page} if parse_id(page) else {})}
    return f"{reverse('learning:attendance', args=[session.pk])}?{urlencode(query)}"


def _saved_message(recorded: services.Recorded) -> str:
    text = _("Attendance for %(day)s is saved.") % {"day": date_format(recorded.day,
                                                                       "DATE_FORMAT")}
    if recorded.certificates:
        text += " " + ngettext(
            "%(count)d person completed: the certificate is issued.",
            "%(count)d people completed: their certificates are issued.",
            len(recorded.certificates)) % {"count": len(recorded.certificates)}
    return text


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """A session's attendance, one day at a time: present, late or absent for each confirmed
    person, saved at once with one button."""
    session = session_for_manager(pk=pk, user=request.user, seats=False)
    source = request.POST if request.method == "POST" else request.GET
    day = selectors.pick_day(session, source.get("day"))
    chosen: dict[int, str] = {}
    if request.method == "POST":
        chosen = posted_marks(request.POST)
        try:
            recorded = services.attendance_record(session=session, actor=request.user,  # type: ignore[arg-type]
                                                  day=day, marks=chosen)
        except PermissionDenied as exc:
            raise Http404 from exc
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _saved_message(recorded))
            return redirect(_sheet_url(session, day, request.POST.get("page")))
    fill = "present" if request.GET.get("fill") == "present" else ""
    sheet = selectors.attendance_sheet(session=session, user=request.user, day=day,
                                       page=source.get("page"), chosen=chosen, fill=fill)
    return render(request, "learning/attendance/sheet.html", {
        "session": session, "opportunity": session.opportunity, "sheet": sheet,
        "rows_version": selectors.sheet_version(sheet),
        # translated once for the page, not once per person and mark
        "marks": [(code, str(label)) for code, label in Attendance.Mark.choices]})


def _quiz_forms(definition: Any, answers: dict[str, Any], language: str,
                data: Any = None) -> list[SectionForm]:
    return [build_section_form(definition, section.key, answers=answers, language=language,
                               data=data) for section in definition.sections]


def _place_error(forms: list[SectionForm], exc: DomainError) -> None:
    holder = next((f for f in forms if exc.field in f.fields), forms[0])
    holder.add_error(exc.field if exc.field in holder.fields else None, str(exc.message))


@login_required
def quiz(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's quiz: the questions, then the score against the pass mark; a retake until
    passed."""
    enrolment = selectors.enrolment_for_person(pk=pk, user=request.user)
    form = quizzes.quiz_of(enrolment.session.opportunity)
    if form is None:
        raise Http404
    response = selectors.quiz_response(enrolment)
    refusal = quizzes.quiz_refusal(enrolment, response)
    definition = form.parsed
    language = request.LANGUAGE_CODE  # type: ignore[attr-defined]
    answers = dict(response.answers) if response is not None else {}
    forms = _quiz_forms(definition, answers, language,
                        request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if refusal is not None:
            messages.error(request, refusal)
            return redirect("learning:quiz", pk=enrolment.pk)
        if all(f.is_valid() for f in forms):
            posted: dict[str, Any] = {}
            for section_form in forms:
                posted.update(section_form.cleaned_answers())
            try:
                result = quizzes.quiz_submit(enrolment=enrolment, actor=request.user,  # type: ignore[arg-type]
                                             answers=posted)
            except DomainError as exc:
                _place_error(forms, exc)
            else:
                messages.success(request, _result_message(result))
                return redirect("learning:quiz", pk=enrolment.pk)
    return render(request, "learning/attendance/quiz.html", {
        "enrolment": enrolment, "opportunity": enrolment.session.opportunity,
        "session": enrolment.session, "response": response, "refusal": refusal,
        "passed": quiz_passed(response, enrolment.session.opportunity),
        "sections": [(label(f.section, "title", language), f) for f in forms],
        "certificate": selectors.certificate_of(enrolment)})


def _result_message(result: quizzes.QuizResult) -> str:
    if not result.passed:
        return _("Your answers are saved. You have not reached the pass mark yet: you can "
                 "try again.")
    if result.certificate is not None:
        return _("You have passed the quiz and completed the learning: your certificate is "
                 "issued.")
    return _("You have passed the quiz.")
