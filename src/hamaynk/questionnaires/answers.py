"""Reading answers: which questions are shown, whether the answers are complete and valid,
the files they hold, and the answers as a reader sees them (file answers resolved to their
stored files, linked for whoever may open them)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext

from hamaynk.questionnaires.fields import bare_field, initial_value
from hamaynk.questionnaires.schema import (
    CHOICE_TYPES,
    NUMBER_TYPES,
    REQUIRED,
    UNREADABLE,
    FormDefinition,
    Question,
    as_decimal,
    is_empty,
    iso_date,
    label,
)


def visible_questions(definition: FormDefinition, answers: Mapping[str, Any]) -> list[Question]:
    """The questions the applicant sees, in form order. A question whose controlling question
    is hidden is hidden too, so a stale answer to a hidden question never reveals anything."""
    shown = visibility(definition, answers)
    return [q for q in definition.all_questions() if shown[q.key]]


def visibility(definition: FormDefinition, answers: Mapping[str, Any]) -> dict[str, bool]:
    shown: dict[str, bool] = {}
    seen: dict[str, Question] = {}
    for q in definition.all_questions():
        condition = q.show_if
        if condition is None:
            shown[q.key] = True
        else:
            controller = seen.get(condition.question)
            shown[q.key] = (controller is not None and shown[controller.key]
                            and _holds(controller, condition.equals,
                                       answers.get(controller.key)))
        seen.setdefault(q.key, q)
    return shown


def _holds(controller: Question, equals: str | bool | int, answer: Any) -> bool:
    if is_empty(answer):
        return False
    if controller.type == "multiple_choice":
        return isinstance(answer, list) and equals in answer
    if controller.type == "yes_no":
        return isinstance(answer, bool) and isinstance(equals, bool) and answer is equals
    if controller.type in NUMBER_TYPES:
        number = as_decimal(answer)
        return number is not None and number == as_decimal(equals)
    return isinstance(answer, str) and isinstance(equals, str) and answer.strip() == equals




def validate_answers(definition: FormDefinition, answers: Mapping[str, Any]
                     ) -> dict[str, list[str]]:
    """Check all answers before submission, with the same rules as the forms: the stored JSON
    may predate a fix, or come from elsewhere. Returns {question_key: [messages]}, empty when
    all is well. Hidden and budget questions are not checked."""
    problems: dict[str, list[str]] = {}
    for q in visible_questions(definition, answers):
        if q.type != "budget":
            messages = _answer_problems(q, answers.get(q.key))
            if messages:
                problems[q.key] = messages
    return problems


def _answer_problems(q: Question, value: Any) -> list[str]:
    if is_empty(value):
        return [str(REQUIRED)] if q.required else []
    if not _readable(q, value):
        return [str(UNREADABLE)]
    if q.type == "file":
        return []
    try:
        bare_field(q, "hy").clean(initial_value(q, value))
    except DjangoValidationError as error:
        return [str(message) for message in error.messages]
    return []


def _readable(q: Question, value: Any) -> bool:
    """Whether the stored value has the JSON type its question stores."""
    if q.type in NUMBER_TYPES:
        return isinstance(value, str | int | float) and not isinstance(value, bool)
    if q.type == "date":
        return isinstance(value, str) and iso_date(value) is not None
    if q.type == "multiple_choice":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if q.type == "yes_no":
        return isinstance(value, bool)
    if q.type == "file":
        file_id = value.get("file_id") if isinstance(value, dict) else None
        return (isinstance(file_id, int) and not isinstance(file_id, bool)
                and isinstance(value.get("name"), str))
    return isinstance(value, str)


def file_ids(answers: Mapping[str, Any]) -> set[int]:
    """The stored files that answers hold (`{"file_id": ..., "name": ...}` values)."""
    return {value["file_id"] for value in answers.values()
            if isinstance(value, dict) and isinstance(value.get("file_id"), int)}


def missing_summary(definition: FormDefinition, answers: Mapping[str, Any],
                    language: str) -> list[tuple[str, str, str]]:
    """(section_key, question_key, label) of each shown, required, unanswered question in form
    order: the "still missing" panel the applicant sees before submitting."""
    shown = visibility(definition, answers)
    return [(section.key, q.key, label(q, "label", language))
            for section in definition.sections for q in section.questions
            if q.required and q.type != "budget" and shown[q.key]
            and is_empty(answers.get(q.key))]


# --- Answers as a reader sees them ------------------------------------------------------------


@dataclass(frozen=True)
class FileAnswer:
    """A file answer resolved to its stored file: `url` is set only for a reader who may open
    it (`core.view_file`), otherwise the name is shown as plain text."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class AnswerRow:
    key: str
    label: str
    value: str = ""  # the answer as text; "" when unanswered (and for a file)
    file: FileAnswer | None = None


@dataclass(frozen=True)
class SectionAnswers:
    key: str
    title: str
    rows: list[AnswerRow]


def stored_files(ids: Iterable[int], *, with_owners: bool = True) -> dict[int, Any]:
    """The stored files of file answers by id, in one query (and, `with_owners`, one per
    owner type for their owners, which the permission asks)."""
    from hamaynk.core.models import StoredFile

    wanted = set(ids)
    if not wanted:
        return {}
    files = StoredFile.objects.filter(pk__in=wanted)
    if with_owners:
        files = files.prefetch_related("owner")
    return {stored.pk: stored for stored in files}


def file_answer(value: Any, stored: Any, user: Any, *, url_for: Any = None) -> FileAnswer:
    """A stored file answer as its reader sees it. `url_for(path)` makes the link absolute
    (a PDF is read outside the site)."""
    from django.urls import reverse

    name = stored.original_name if stored is not None else str(value.get("name") or "")
    if stored is None or user is None or not user.has_perm("core.view_file", stored):
        return FileAnswer(name=name)
    path = reverse("file", args=[stored.pk])
    return FileAnswer(name=name, url=url_for(path) if url_for else path)


def _text(q: Question, value: Any, language: str) -> str:
    if is_empty(value):
        return ""
    if q.type in CHOICE_TYPES:
        labels = {c.value: label(c, "label", language) for c in q.choices}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v) or str(v) for v in values)
    if q.type == "yes_no":
        return gettext("yes") if value else gettext("no")
    return str(value)


def answers_for_display(definition: FormDefinition, answers: Mapping[str, Any], *,
                        language: str, user: Any, section_key: str | None = None,
                        url_for: Any = None) -> list[SectionAnswers]:
    """The sections (or the one named) with their shown questions and the answers as text,
    file answers resolved to their stored files in one query and linked for `user` when
    they may open them (`user` None: names only). The caller sets the language."""
    shown = visibility(definition, answers)
    sections = [s for s in definition.sections if section_key in (None, s.key)]
    files = stored_files(file_ids({q.key: answers.get(q.key) for s in sections
                                   for q in s.questions if q.type == "file" and shown[q.key]}),
                         with_owners=user is not None)
    result = []
    for section in sections:
        rows = []
        for q in section.questions:
            if not shown[q.key] or q.type == "budget":
                continue
            value = answers.get(q.key)
            if q.type == "file" and isinstance(value, dict):
                file_id = value.get("file_id")
                row = AnswerRow(key=q.key, label=label(q, "label", language),
                                file=file_answer(value, files.get(file_id)
                                                 if isinstance(file_id, int) else None,
                                                 user, url_for=url_for))
            else:
                row = AnswerRow(key=q.key, label=label(q, "label", language),
                                value=_text(q, value, language))
            rows.append(row)
        result.append(SectionAnswers(key=section.key, title=label(section, "title", language),
                                     rows=rows))
    return result
