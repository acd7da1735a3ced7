"""The builder: pure functions that edit a definition dict (add, rename, edit, move, remove
sections and questions) and describe it for the builder page in the reader's language.

Each edit returns a new dict and leaves its argument untouched; the owner's service checks
the result with `schema.parse_definition`, stores it and writes the audit entry."""

import copy
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from hamaynk.core.errors import DomainError
from hamaynk.questionnaires.schema import QUESTION_TYPE_LABELS, label

NO_SECTION = _("There is no such section.")
NO_QUESTION = _("There is no such question.")


def _section(definition: dict[str, Any], key: str) -> dict[str, Any]:
    for section in definition["sections"]:
        if section["key"] == key:
            return section
    raise DomainError(NO_SECTION)


def save_section(definition: dict[str, Any], *, key: str, title_hy: str, title_en: str = "",
                 intro_hy: str = "", intro_en: str = "") -> dict[str, Any]:
    """Add a section (page) at the end, or rename the one with this key."""
    edited = copy.deepcopy(definition)
    values = {"title_hy": title_hy, "title_en": title_en, "intro_hy": intro_hy,
              "intro_en": intro_en}
    existing = [s for s in edited["sections"] if s["key"] == key]
    if existing:
        existing[0].update(values)
    else:
        edited["sections"].append({"key": key, "questions": [], **values})
    return edited


def save_question(definition: dict[str, Any], *, section_key: str, question: dict[str, Any],
                  original_key: str = "") -> dict[str, Any]:
    """Add a question at the end of a section, or replace the one found by its original
    key."""
    edited = copy.deepcopy(definition)
    questions = _section(edited, section_key)["questions"]
    keys = [q["key"] for q in questions]
    if original_key and original_key in keys:
        questions[keys.index(original_key)] = question
    else:
        questions.append(question)
    return edited


def remove_question(definition: dict[str, Any], *, section_key: str, key: str
                    ) -> dict[str, Any]:
    edited = copy.deepcopy(definition)
    section = _section(edited, section_key)
    section["questions"] = [q for q in section["questions"] if q["key"] != key]
    return edited


def move_question(definition: dict[str, Any], *, section_key: str, key: str, offset: int
                  ) -> dict[str, Any]:
    """Move a question `offset` places within its section (negative: up), stopping at
    either end."""
    edited = copy.deepcopy(definition)
    questions = _section(edited, section_key)["questions"]
    keys = [q["key"] for q in questions]
    if key not in keys:
        raise DomainError(NO_QUESTION)
    i = keys.index(key)
    j = max(0, min(len(questions) - 1, i + offset))
    questions.insert(j, questions.pop(i))
    return edited


def questions_before(definition: dict[str, Any], section_key: str, before_key: str = ""
                     ) -> list[dict[str, Any]]:
    """The questions that come before a point of the form (the only ones a condition may
    use): before the question `before_key`, or before the end of the section."""
    earlier: list[dict[str, Any]] = []
    for section in definition["sections"]:
        for question in section["questions"]:
            if section["key"] == section_key and question["key"] == before_key:
                return earlier
            earlier.append(question)
        if section["key"] == section_key and not before_key:
            return earlier
    return earlier


# --- The builder page -------------------------------------------------------------------------


class _Texts:
    """A dict's language variants read as attributes, so that `label` reads them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def __getattr__(self, name: str) -> Any:
        return self.data.get(name, "")


def text(data: dict[str, Any], field: str, language: str) -> str:
    """`text(question, "label", "en")` on a definition dict: the English text, the Armenian
    one when the English is empty."""
    return label(_Texts(data), field, language)


@dataclass(frozen=True)
class OutlineQuestion:
    key: str
    label: str
    type_label: str
    required: bool
    condition: str  # "Shown when “…” is “…”", or ""
    scored_choices: tuple[str, ...] = ()  # a quiz's choices with their points


def scored_choices(question: dict[str, Any], language: str) -> tuple[str, ...]:
    """A quiz question's choices with their points ("Yes (2 points)"); empty when no choice
    of the question carries points."""
    choices = [c for c in question.get("choices") or [] if isinstance(c, dict)]
    if not any("points" in c for c in choices):
        return ()
    return tuple(ngettext("%(choice)s (%(points)s point)", "%(choice)s (%(points)s points)",
                          int(c.get("points") or 0))
                 % {"choice": text(c, "label", language), "points": c.get("points") or 0}
                 for c in choices)


@dataclass(frozen=True)
class OutlineSection:
    key: str
    title: str
    questions: list[OutlineQuestion]


def _choice_text(controller: dict[str, Any], value: Any, language: str) -> str:
    if controller.get("type") == "yes_no" or isinstance(value, bool):
        return gettext("Yes") if value is True else gettext("No") if value is False \
            else str(value)
    for choice in controller.get("choices") or []:
        if isinstance(choice, dict) and choice.get("value") == value:
            return text(choice, "label", language)
    return str(value)


def condition_text(condition: Any, questions: dict[str, dict[str, Any]], language: str) -> str:
    """A condition as a sentence: Shown when “Are partners involved?” is “Yes”."""
    if not isinstance(condition, dict):
        return ""
    controller = questions.get(str(condition.get("question")), {})
    names = {"question": text(controller, "label", language) or condition.get("question"),
             "value": _choice_text(controller, condition.get("equals"), language)}
    if controller.get("type") == "multiple_choice":
        return gettext("Shown when “%(question)s” includes “%(value)s”") % names
    return gettext("Shown when “%(question)s” is “%(value)s”") % names


def outline(definition: dict[str, Any], language: str) -> list[OutlineSection]:
    """The sections and questions as the builder page shows them, in `language` (the
    caller activates it for the translated words). Works on a definition that does not
    parse, so the secretariat sees what it is fixing."""
    questions = {str(q.get("key")): q for s in definition.get("sections") or []
                 for q in s.get("questions") or [] if isinstance(q, dict)}
    return [OutlineSection(
        key=str(s.get("key", "")), title=text(s, "title", language),
        questions=[OutlineQuestion(
            key=str(q.get("key", "")), label=text(q, "label", language),
            type_label=str(QUESTION_TYPE_LABELS.get(str(q.get("type")), q.get("type", ""))),
            required=bool(q.get("required")),
            condition=condition_text(q.get("show_if"), questions, language)
            if q.get("show_if") else "",
            scored_choices=scored_choices(q, language))
            for q in s.get("questions") or [] if isinstance(q, dict)])
        for s in definition.get("sections") or [] if isinstance(s, dict)]
