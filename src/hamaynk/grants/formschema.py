"""The application-form engine of a grant call.

The secretariat builds each call's form in the UI, without code: sections (pages) holding
questions. The definition is JSON on a `FormVersion`; the answers are one JSON dict
`{question_key: value}` on the application. This module is the one place that knows what that
JSON means: it checks a definition (`parse_definition`), builds the Django form of one section
(`build_section_form`), validates all answers at submission (`validate_answers`) and lists what
is still missing (`missing_summary`).

Answers as stored (JSON); `None` or an absent key means "not answered":

* short_text, long_text, single_choice: `str`
* number, money: `str(Decimal)`, e.g. `"1500.50"` (money always has two decimals)
* date: ISO `"2025-03-31"`
* multiple_choice: `list[str]` of choice values
* yes_no: `bool`
* file: `{"file_id": int, "name": str}`
* budget: no answer. The budget table is a separate model; the question only marks where it
  appears in the form.

Always obtain a `FormDefinition` through `parse_definition`: the pydantic models check the
shape of each part, the cross-question rules (unique keys, references to earlier questions,
one budget) are checked there.
"""

import datetime
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, DecimalException
from typing import Annotated, Any, Literal

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.html import escape
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from hamaynk.core.i18n import localized
from hamaynk.core.parsing import validate_answer_date

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

REQUIRED = _("This question is required.")
UNREADABLE = _("This answer could not be read. Please answer the question again.")

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ChoiceValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,40}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# --- The schema -------------------------------------------------------------------------------


class _Model(BaseModel):
    # A misspelt setting ("requried") must be reported, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class Choice(_Model):
    value: ChoiceValue
    label_hy: Text
    label_en: str = ""


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
            message = f"{where}: {_describe(item, field)}"
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
    names = {"key": q.key, "ref": condition.question, "value": _token(condition.equals)}
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
    names = {"ref": controller.key, "value": _token(equals)}
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
        if isinstance(equals, bool) or _decimal(equals) is None:
            return gettext("the condition on “%(ref)s” must be a number.") % names
    elif controller.type == "date":
        if not isinstance(equals, str) or _iso_date(equals) is None:
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


# --- Which questions are shown ----------------------------------------------------------------


def visible_questions(definition: FormDefinition, answers: Mapping[str, Any]) -> list[Question]:
    """The questions the applicant sees, in form order. A question whose controlling question
    is hidden is hidden too, so a stale answer to a hidden question never reveals anything."""
    shown = _visibility(definition, answers)
    return [q for q in definition.all_questions() if shown[q.key]]


def _visibility(definition: FormDefinition, answers: Mapping[str, Any]) -> dict[str, bool]:
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
    if _is_empty(answer):
        return False
    if controller.type == "multiple_choice":
        return isinstance(answer, list) and equals in answer
    if controller.type == "yes_no":
        return isinstance(answer, bool) and isinstance(equals, bool) and answer is equals
    if controller.type in NUMBER_TYPES:
        number = _decimal(answer)
        return number is not None and number == _decimal(equals)
    return isinstance(answer, str) and isinstance(equals, str) and answer.strip() == equals


def _token(equals: str | bool | int) -> str:
    """The condition value as the browser posts it (yes_no answers are "yes"/"no")."""
    if isinstance(equals, bool):
        return "yes" if equals else "no"
    return str(equals)


# --- The Django form of one section -----------------------------------------------------------


def _error_messages() -> dict[str, Any]:
    """Messages a community head understands, shared by the form and `validate_answers`."""
    return {
        "required": REQUIRED,
        "max_length": _("Please keep this answer to at most %(limit_value)d characters "
                        "(it now has %(show_value)d)."),
        "min_value": _("The smallest allowed value is %(limit_value)s."),
        "max_value": _("The largest allowed value is %(limit_value)s."),
        "max_decimal_places": _("Use at most %(max)s digits after the decimal point."),
        "max_digits": _("This number is too large."),
        "max_whole_digits": _("This number is too large."),
        "invalid_choice": _("“%(value)s” is not one of the choices."),
        "invalid_list": _("Please choose from the list."),
    }


def _choices(q: Question, language: str) -> list[tuple[str, str]]:
    return [(c.value, label(c, "label", language)) for c in q.choices]


def _short_text(q: Question, language: str) -> forms.Field:
    return forms.CharField(max_length=q.length_limit)


def _long_text(q: Question, language: str) -> forms.Field:
    return forms.CharField(max_length=q.length_limit, widget=forms.Textarea)


def _number(q: Question, language: str) -> forms.Field:
    return forms.DecimalField(max_digits=NUMBER_MAX_DIGITS, decimal_places=NUMBER_PLACES,
                              min_value=q.min_value, max_value=q.max_value,
                              error_messages={"invalid": _("Please enter a number.")})


def _money(q: Question, language: str) -> forms.Field:
    return forms.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=2,
        min_value=q.min_value if q.min_value is not None else 0,  # money is never negative
        max_value=q.max_value,
        error_messages={"invalid": _("Please enter an amount, for example 1500 or 1500.50.")})


def _date(q: Question, language: str) -> forms.Field:
    return forms.DateField(
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        validators=[validate_answer_date],
        error_messages={"invalid": _("Please enter a date, for example 2025-03-31.")})


def _single_choice(q: Question, language: str) -> forms.Field:
    return forms.ChoiceField(choices=_choices(q, language), widget=forms.RadioSelect)


def _multiple_choice(q: Question, language: str) -> forms.Field:
    return forms.MultipleChoiceField(choices=_choices(q, language),
                                     widget=forms.CheckboxSelectMultiple)


def _is_yes(value: str) -> bool:
    return value == "yes"


def _yes_no(q: Question, language: str) -> forms.Field:
    return forms.TypedChoiceField(choices=[("yes", gettext("Yes")), ("no", gettext("No"))],
                                  coerce=_is_yes, empty_value=None, widget=forms.RadioSelect)


def _file(q: Question, language: str) -> forms.Field:
    # A plain input: the stored file is kept by the caller, so there is nothing to "clear".
    return forms.FileField(widget=forms.FileInput)


_BUILDERS: dict[str, Callable[[Question, str], forms.Field]] = {
    "short_text": _short_text, "long_text": _long_text, "number": _number, "money": _money,
    "date": _date, "single_choice": _single_choice, "multiple_choice": _multiple_choice,
    "yes_no": _yes_no, "file": _file,
}


def _bare_field(q: Question, language: str) -> forms.Field:
    """The field with its type's rules only, never required: requiredness depends on
    visibility, which the form and `validate_answers` decide."""
    field = _BUILDERS[q.type](q, language)
    field.required = False
    field.error_messages = {**field.error_messages, **_error_messages()}
    return field


def _form_field(q: Question, language: str, stored: Any) -> forms.Field:
    field = _bare_field(q, language)
    field.label = label(q, "label", language)
    help_text = label(q, "help", language)
    if q.type == "file" and isinstance(stored, dict) and stored.get("name"):
        current = gettext("Already uploaded: %(name)s. Choose a file only to replace it.")
        help_text = f"{help_text} {current % {'name': stored['name']}}".strip()
    field.help_text = escape(help_text)  # the field template prints help text as safe HTML
    # A conditional question cannot be required at the field level: the posted data decides
    # whether it is shown. Files are kept by the caller, so a re-post carries none.
    field.required = q.required and q.show_if is None and q.type != "file"
    if q.show_if is not None:
        field.widget.attrs["data-show-if"] = f"{q.show_if.question}={_token(q.show_if.equals)}"
    if q.required and not field.required:
        field.widget.attrs["data-required"] = "true"
    return field


class SectionForm(forms.Form):
    """The page of one section. It has a field for every question of the section, hidden ones
    included, so that changing a controlling answer in the browser can reveal them
    (`data-show-if="<question>=<value>"` on the widget). `hidden_keys` names the questions
    hidden given `answers` (after validation: given the posted data), so the template can
    render them hidden."""

    def __init__(self, definition: FormDefinition, section: Section, *,
                 answers: Mapping[str, Any], language: str, data: Any = None,
                 files: Any = None) -> None:
        self.definition, self.section = definition, section
        self.answers, self.language = dict(answers), language
        self.questions = {q.key: q for q in section.questions if q.type != "budget"}
        initial = {key: _initial_value(q, answers.get(key)) for key, q in self.questions.items()}
        super().__init__(data=data, files=files, initial=initial)
        with override(language):
            for key, q in self.questions.items():
                self.fields[key] = _form_field(q, language, answers.get(key))
        shown = _visibility(definition, self.answers)
        self.hidden_keys = frozenset(key for key in self.questions if not shown[key])

    def clean(self) -> dict[str, Any]:
        """Require a question only when it is shown given the posted data merged over the
        stored answers, and forget errors of hidden ones (the browser still posts them)."""
        cleaned = super().clean() or {}
        merged = {**self.answers, **self._posted_answers()}
        shown = _visibility(self.definition, merged)
        self.hidden_keys = frozenset(key for key in self.questions if not shown[key])
        for key in self.hidden_keys:
            self.errors.pop(key, None)
        for key, q in self.questions.items():
            if (q.required and shown[key] and key not in self.errors
                    and _is_empty(merged.get(key))):
                self.add_error(key, DjangoValidationError(REQUIRED, code="required"))
        return cleaned

    def cleaned_answers(self) -> dict[str, Any]:
        """The section's answers, ready to `dict.update` into the stored answers: one entry
        per question of the section (budget excepted), `None` when unanswered or hidden, so
        that stale answers do not linger. Values are JSON-ready, except a file question with
        a new upload, whose value is the `UploadedFile`: store it and replace the value by
        `{"file_id": ..., "name": ...}` before saving. Without a new upload a file question
        keeps its stored value."""
        if not self.is_valid():
            raise ValueError("cleaned_answers() needs a valid form")
        posted = self._posted_answers()
        return {key: None if key in self.hidden_keys else value
                for key, value in posted.items()}

    def _posted_answers(self) -> dict[str, Any]:
        cleaned = getattr(self, "cleaned_data", {})
        return {key: _to_answer(q, cleaned.get(key)) for key, q in self.questions.items()}


def build_section_form(definition: FormDefinition, section_key: str, *,
                       answers: Mapping[str, Any], language: str, data: Any = None,
                       files: Any = None) -> SectionForm:
    """The Django form of one section (a page of the application); raises KeyError for an
    unknown section."""
    return SectionForm(definition, definition.section(section_key), answers=answers,
                       language=language, data=data, files=files)


def answers_from_form(form: SectionForm) -> dict[str, Any]:
    """Same as `form.cleaned_answers()`."""
    return form.cleaned_answers()


def _to_answer(q: Question, value: Any) -> Any:
    """A cleaned form value as stored in the answers JSON (see the module docstring)."""
    if value is None or (value is False and q.type == "file"):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Decimal):
        return format(value.quantize(MONEY_PLACES) if q.type == "money" else value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value] or None
    return value  # bool, UploadedFile, or the stored file dict


def _initial_value(q: Question, value: Any) -> Any:
    """A stored answer as its form field expects it; an unreadable one is shown as it is."""
    if value is None:
        return None
    if q.type == "date" and isinstance(value, str):
        return _iso_date(value) or value
    if q.type in NUMBER_TYPES and not isinstance(value, bool):
        number = _decimal(value)
        return value if number is None else number
    if q.type == "yes_no":
        return _token(value) if isinstance(value, bool) else None
    return value


# --- Validating stored answers ----------------------------------------------------------------


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
    if _is_empty(value):
        return [str(REQUIRED)] if q.required else []
    if not _readable(q, value):
        return [str(UNREADABLE)]
    if q.type == "file":
        return []
    try:
        _bare_field(q, "hy").clean(_initial_value(q, value))
    except DjangoValidationError as error:
        return [str(message) for message in error.messages]
    return []


def _readable(q: Question, value: Any) -> bool:
    """Whether the stored value has the JSON type its question stores."""
    if q.type in NUMBER_TYPES:
        return isinstance(value, str | int | float) and not isinstance(value, bool)
    if q.type == "date":
        return isinstance(value, str) and _iso_date(value) is not None
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
    shown = _visibility(definition, answers)
    return [(section.key, q.key, label(q, "label", language))
            for section in definition.sections for q in section.questions
            if q.required and q.type != "budget" and shown[q.key]
            and _is_empty(answers.get(q.key))]


# --- Small helpers ----------------------------------------------------------------------------


def _is_empty(value: Any) -> bool:
    """Unanswered. `False` (a "no") and `0` are answers."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict | tuple):
        return not value
    return False


def _decimal(value: Any) -> Decimal | None:
    """A finite Decimal from a stored number (string or JSON number), or None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        return None
    try:
        number = Decimal(str(value).strip())
    except (DecimalException, ValueError):
        return None
    return number if number.is_finite() else None


def _iso_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None

