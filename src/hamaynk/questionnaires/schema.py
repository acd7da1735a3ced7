"""What a questionnaire's definition means: the shape of its JSON and the rules across
questions.

A module that asks people questions (grant applications and reports today; needs
assessments, registrations, consultations later) owns a versioned definition (see
`models.VersionedDefinition`): sections (pages) holding questions. The definition is JSON;
the answers are one JSON dict `{question_key: value}` on the answering object.

Answers as stored (JSON); `None` or an absent key means "not answered":

* short_text, long_text, single_choice: `str`
* number, money: `str(Decimal)`, e.g. `"1500.50"` (money always has two decimals)
* date: ISO `"2025-03-31"`
* multiple_choice: `list[str]` of choice values
* yes_no: `bool`
* file: `{"file_id": int, "name": str}`, a reference to a `core.StoredFile`
* budget: no answer. The budget table is a separate model; the question only marks where it
  appears in the form.

Always obtain a `FormDefinition` through `parse_definition` (or a version's `parsed`): the
pydantic models check the shape of each part, the cross-question rules (unique keys,
references to earlier questions, one budget) are checked there.
"""

import datetime
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal, DecimalException
from typing import Annotated, Any, Literal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from hamaynk.core.i18n import labelled, localized

QuestionType = Literal["short_text", "long_text", "number", "money", "date", "single_choice",
                       "multiple_choice", "file", "yes_no", "budget"]

CHOICE_TYPES = frozenset({"single_choice", "multiple_choice"})
TEXT_TYPES = frozenset({"short_text", "long_text"})
NUMBER_TYPES = frozenset({"number", "money"})
DEFAULT_MAX_LENGTH = {"short_text": 300, "long_text": 10000}
MONEY_MAX_DIGITS = 14
# A bound on plain numbers too: "1e999999999" is a finite Decimal that prints a billion digits.
NUMBER_MAX_DIGITS, NUMBER_PLACES = 24, 8
MONEY_PLACES = Decimal("0.01")

QUESTION_TYPE_LABELS: dict[str, Any] = {
    "short_text": _("short text"), "long_text": _("long text"), "number": _("number"),
    "money": _("amount of money"), "date": _("date"), "single_choice": _("one choice"),
    "multiple_choice": _("several choices"), "file": _("file"), "yes_no": _("yes / no"),
    "budget": _("budget table"),
}

REQUIRED = _("This question is required.")
UNREADABLE = _("This answer could not be read. Please answer the question again.")

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ChoiceValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,40}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# --- The schema -------------------------------------------------------------------------------


class _Model(BaseModel):
    # A misspelt setting ("requried") must be reported, not silently ignored.
    # Frozen: a parsed definition is shared by every request of the process (models.py).
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Model):
    value: ChoiceValue
    label_hy: Text
    label_en: str = ""
    points: int = Field(default=0, ge=0)


class Condition(_Model):
    """Show the question only when the earlier answer equals `equals` (for a multiple choice:
    when the ticked values include it)."""

    question: str
    equals: str | bool | int


class Question(_Model):
    key: Key
    type: QuestionType
    label_hy: Text
    label_en: str = ""
    help_hy: str = ""
    help_en: str = ""
    required: bool = False
    choices: list[Choice] = Field(default_factory=list)
    show_if: Condition | None = None
    max_length: int | None = Field(default=None, ge=1)
    min_value: Decimal | None = None
    max_value: Decimal | None = None

    @property
    def length_limit(self) -> int | None:
        """The limit actually applied to a text answer: the set one, or the type's default."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)


class Section(_Model):
    key: Key
    title_hy: Text
    title_en: str = ""
    intro_hy: str = ""
    intro_en: str = ""
    questions: list[Question]


class FormDefinition(_Model):
    sections: list[Section] = Field(min_length=1)

    def all_questions(self) -> list[Question]:
        """Every question in form order, the order that conditions and summaries follow."""
        return [q for section in self.sections for q in section.questions]

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


class DefinitionError(Exception):
    """A form definition the engine cannot use; `messages` says every reason, readably."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


# --- Reading a definition ---------------------------------------------------------------------


def parse_definition(data: Any) -> FormDefinition:
    """Check a stored or edited definition and return it typed; raise `DefinitionError` listing
    every problem, so the secretariat can fix them all in one go."""
    try:
        definition = FormDefinition.model_validate(data)
    except ValidationError as error:
        raise DefinitionError(_readable_errors(error, data)) from None
    problems = [*_duplicate_keys(definition), *_question_problems(definition),
                *_condition_problems(definition), *_budget_problems(definition)]
    if problems:
        raise DefinitionError(problems)
    return definition


def empty_definition() -> dict[str, Any]:
    """The starter form of a new call. The grants app reads the answer to "title" as the
    application's title, so keep that question."""
    return {"sections": [{
        "key": "project", "title_hy": "Նախագիծ", "title_en": "Project",
        "questions": [
            {"key": "title", "type": "short_text", "required": True,
             "label_hy": "Նախագծի անվանումը", "label_en": "Project title"},
            {"key": "summary", "type": "long_text", "required": True,
             "label_hy": "Նախագծի համառոտ նկարագրությունը", "label_en": "Project summary"},
            {"key": "budget", "type": "budget",
             "label_hy": "Բյուջե", "label_en": "Budget"},
        ],
    }]}


def label(obj: Any, field: str, language: str) -> str:
    """`label(question, "label", "en")`: the English text, or the Armenian one when the
    secretariat left the English empty."""
    return localized(obj, field, language)


_FIELD_NAMES = {
    "key": _("key"), "type": _("question type"), "value": _("choice value"),
    "label_hy": _("Armenian label"), "title_hy": _("Armenian title"),
    "question": _("condition question"), "equals": _("condition value"),
    "max_length": _("maximum length"), "min_value": _("minimum"), "max_value": _("maximum"),
    "required": _("required"), "choices": _("choices"), "questions": _("questions"),
    "sections": _("sections"), "show_if": _("condition"),
}
_ITEM_NAMES = {"sections": _("Section"), "questions": _("question"), "choices": _("choice")}


def _readable_errors(error: ValidationError, data: Any) -> list[str]:
    """Pydantic speaks of `sections.0.questions.2.key`; say "Section “project” › question
    “budget” › key: …" instead, once per problem."""
    messages: list[str] = []
    for item in error.errors():
        loc = tuple(item["loc"])
        if not loc:
            message = gettext("The form definition is not in the expected format.")
        elif loc == ("sections",) and item["type"] == "too_short":
            message = gettext("The form needs at least one section.")
        else:
            where, field = _where(data, loc)
            message = labelled(where, _describe(item, field))
        if message not in messages:
            messages.append(message)
    return messages


def _where(data: Any, loc: tuple[int | str, ...]) -> tuple[str, str]:
    """Name a pydantic location by the keys the secretariat typed, falling back to positions.
    Returns the place and the last field name (to choose the message)."""
    parts: list[str] = []
    node, field, i = data, "", 0
    while i < len(loc):
        part = loc[i]
        if part in _ITEM_NAMES and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            index = int(loc[i + 1])
            node = _child(_child(node, part), index)
            ident = node.get("value" if part == "choices" else "key") if isinstance(
                node, dict) else None
            name = str(_ITEM_NAMES[str(part)])
            parts.append(f"{name} “{ident}”" if isinstance(ident, str) and ident
                         else f"{name} {index + 1}")
            i += 2
            continue
        if field == "equals":  # the union's variants (str, bool, int) are not the user's
            break
        field = str(part)
        parts.append(str(_FIELD_NAMES.get(field, field)))
        node = _child(node, part)
        i += 1
    return " › ".join(parts), field


def _child(node: Any, part: int | str) -> Any:
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _describe(item: Any, field: str) -> str:
    kind: str = item["type"]
    if field == "equals":
        return gettext("must be text, a whole number, or true/false.")
    if kind == "string_pattern_mismatch" and field == "value":
        return gettext("use only small Latin letters, digits, “_” and “-” "
                       "(at most 40 characters).")
    if kind == "literal_error" and field == "type":
        return gettext("“%(value)s” is not a known question type.") % {"value": item["input"]}
    messages = {
        "missing": _("this is missing."),
        "string_too_short": _("must not be empty."),
        "string_pattern_mismatch": _("use only small Latin letters, digits and “_”, starting "
                                     "with a letter (at most 40 characters)."),
        "extra_forbidden": _("this setting is unknown; check the spelling."),
        "greater_than_equal": _("must be at least 1."),
        "string_type": _("must be text."),
        "bool_type": _("must be true or false."), "bool_parsing": _("must be true or false."),
        "int_type": _("must be a whole number."), "int_parsing": _("must be a whole number."),
        "decimal_type": _("must be a number."), "decimal_parsing": _("must be a number."),
        "finite_number": _("must be a number."), "list_type": _("must be a list."),
        "model_type": _("is not in the expected format."),
        "model_attributes_type": _("is not in the expected format."),
    }
    return str(messages.get(kind, item["msg"]))


def _duplicate_keys(definition: FormDefinition) -> Iterator[str]:
    sections = Counter(s.key for s in definition.sections)
    for key, count in sections.items():
        if count > 1:
            yield gettext("Two or more sections use the key “%(key)s”; each section needs its "
                          "own key.") % {"key": key}
    questions = Counter(q.key for q in definition.all_questions())
    for key, count in questions.items():
        if count > 1:
            yield gettext("Two or more questions use the key “%(key)s”; each question needs "
                          "its own key.") % {"key": key}


def _question_problems(definition: FormDefinition) -> Iterator[str]:
    for q in definition.all_questions():
        yield from _choice_problems(q)
        yield from _limit_problems(q)


def _choice_problems(q: Question) -> Iterator[str]:
    names = {"key": q.key}
    if q.type not in CHOICE_TYPES:
        if q.choices:
            yield gettext("Question “%(key)s” is not a choice question, so it cannot have "
                          "choices.") % names
        return
    if len(q.choices) < 2:
        yield gettext("Question “%(key)s” needs at least two choices.") % names
    for value, count in Counter(c.value for c in q.choices).items():
        if count > 1:
            yield gettext("Question “%(key)s” lists the choice “%(value)s” more than once."
                          ) % {**names, "value": value}


def _limit_problems(q: Question) -> Iterator[str]:
    names = {"key": q.key}
    if q.max_length is not None and q.type not in TEXT_TYPES:
        yield gettext("Question “%(key)s”: a maximum length applies only to text questions."
                      ) % names
    if q.min_value is None and q.max_value is None:
        return
    if q.type not in NUMBER_TYPES:
        yield gettext("Question “%(key)s”: a minimum or maximum applies only to number and "
                      "amount questions.") % names
    elif q.min_value is not None and q.max_value is not None and q.min_value > q.max_value:
        yield gettext("Question “%(key)s”: the minimum (%(min)s) is greater than the maximum "
                      "(%(max)s).") % {**names, "min": q.min_value, "max": q.max_value}


def _condition_problems(definition: FormDefinition) -> Iterator[str]:
    """A condition may only look back: the applicant answers in order, and a loop of
    conditions could never be decided."""
    everywhere = {q.key for q in definition.all_questions()}
    earlier: dict[str, Question] = {}
    for q in definition.all_questions():
        if q.show_if is not None:
            yield from _check_condition(q, q.show_if, earlier, everywhere)
        earlier.setdefault(q.key, q)


def _check_condition(q: Question, condition: Condition, earlier: Mapping[str, Question],
                     everywhere: set[str]) -> Iterator[str]:
    names = {"key": q.key, "ref": condition.question, "value": token(condition.equals)}
    if condition.question == q.key:
        yield gettext("Question “%(key)s” cannot depend on itself.") % names
    elif condition.question not in everywhere:
        yield gettext("Question “%(key)s” depends on “%(ref)s”, but the form has no question "
                      "with that key.") % names
    elif condition.question not in earlier:
        yield gettext("Question “%(key)s” depends on “%(ref)s”, which comes after it. A "
                      "question can only depend on an earlier one.") % names
    else:
        problem = _equals_problem(earlier[condition.question], condition.equals)
        if problem:
            yield gettext("Question “%(key)s”: %(problem)s") % {**names, "problem": problem}


def _equals_problem(controller: Question, equals: str | bool | int) -> str | None:
    """Why `equals` can never match an answer to `controller`, or None if it can."""
    names = {"ref": controller.key, "value": token(equals)}
    if controller.type in ("file", "budget"):
        return gettext("“%(ref)s” is a file or budget question and cannot decide whether "
                       "other questions are shown.") % names
    if controller.type in CHOICE_TYPES:
        if not isinstance(equals, str) or equals not in {c.value for c in controller.choices}:
            return gettext("“%(ref)s” has no choice “%(value)s”.") % names
    elif controller.type == "yes_no":
        if not isinstance(equals, bool):
            return gettext("the condition on “%(ref)s” must be yes (true) or no (false)."
                           ) % names
    elif controller.type in NUMBER_TYPES:
        if isinstance(equals, bool) or as_decimal(equals) is None:
            return gettext("the condition on “%(ref)s” must be a number.") % names
    elif controller.type == "date":
        if not isinstance(equals, str) or iso_date(equals) is None:
            return gettext("the condition on “%(ref)s” must be a date such as 2025-03-31."
                           ) % names
    elif not isinstance(equals, str):
        return gettext("the condition on “%(ref)s” must be text.") % names
    return None


def _budget_problems(definition: FormDefinition) -> Iterator[str]:
    count = sum(q.type == "budget" for q in definition.all_questions())
    if count > 1:
        yield gettext("The form has %(count)d budget questions; it can have only one.") % {
            "count": count}


# --- Small helpers shared by forms and answers -----------------------------------------------


def token(equals: str | bool | int) -> str:
    """The condition value as the browser posts it (yes_no answers are "yes"/"no")."""
    if isinstance(equals, bool):
        return "yes" if equals else "no"
    return str(equals)


def is_empty(value: Any) -> bool:
    """Unanswered. `False` (a "no") and `0` are answers."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict | tuple):
        return not value
    return False


def as_decimal(value: Any) -> Decimal | None:
    """A finite Decimal from a stored number (string or JSON number), or None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        return None
    try:
        number = Decimal(str(value).strip())
    except (DecimalException, ValueError):
        return None
    return number if number.is_finite() else None


def iso_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None

