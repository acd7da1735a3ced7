"""The questionnaire engine: definitions, visibility, section forms, answers. No database."""

import copy
import datetime
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils.translation import override
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from hamaynk.questionnaires.answers import missing_summary, validate_answers, visible_questions
from hamaynk.questionnaires.forms import SectionForm, answers_from_form, build_section_form
from hamaynk.questionnaires.schema import (
    DefinitionError,
    FormDefinition,
    empty_definition,
    label,
    parse_definition,
)

# Keep Hypothesis' cache out of the repository, as documents/tests/conftest.py does.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "hamaynk-hypothesis")

HYPOTHESIS = settings(database=None, deadline=None, max_examples=150,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def choices(*values: str) -> list[dict[str, str]]:
    return [{"value": v, "label_hy": f"{v}-hy", "label_en": f"{v}-en"} for v in values]


RAW: dict[str, Any] = {"sections": [
    {"key": "about", "title_hy": "Մասին", "title_en": "About", "questions": [
        {"key": "title", "type": "short_text", "required": True,
         "label_hy": "Անվանում", "label_en": "Title", "help_hy": "Օգնություն <b>"},
        {"key": "kind", "type": "single_choice", "required": True, "label_hy": "Տեսակ",
         "label_en": "Kind", "choices": choices("infra", "social")},
        {"key": "infra_type", "type": "single_choice", "label_hy": "Ենթատեսակ",
         "choices": choices("road", "bridge"),
         "show_if": {"question": "kind", "equals": "infra"}},
        {"key": "bridge_length", "type": "number", "required": True, "label_hy": "Երկարություն",
         "min_value": "0", "show_if": {"question": "infra_type", "equals": "bridge"}},
        {"key": "topics", "type": "multiple_choice", "label_hy": "Թեմաներ",
         "label_en": "Topics", "choices": choices("water", "roads", "schools")},
        {"key": "water_source", "type": "short_text", "required": True, "label_hy": "Աղբյուր",
         "max_length": 50, "show_if": {"question": "topics", "equals": "water"}},
        {"key": "summary", "type": "long_text", "required": True, "label_hy": "Ամփոփում",
         "max_length": 2000},
        {"key": "has_partner", "type": "yes_no", "required": True, "label_hy": "Գործընկեր",
         "label_en": "Partner"},
        {"key": "partner_letter", "type": "file", "required": True, "label_hy": "Նամակ",
         "label_en": "Letter", "show_if": {"question": "has_partner", "equals": True}},
        {"key": "cv", "type": "file", "label_hy": "Ինքնակենսագրություն"},
    ]},
    {"key": "money", "title_hy": "Գումար", "questions": [
        {"key": "amount", "type": "money", "required": True, "label_hy": "Գումար",
         "label_en": "Amount", "min_value": "100", "max_value": "50000"},
        {"key": "people", "type": "number", "label_hy": "Մարդիկ", "min_value": 0},
        {"key": "start", "type": "date", "required": True, "label_hy": "Սկիզբ"},
        {"key": "budget", "type": "budget", "label_hy": "Բյուջե"},
        {"key": "partner_share", "type": "money", "required": True, "label_hy": "Մասնաբաժին",
         "show_if": {"question": "has_partner", "equals": True}},
    ]},
]}

DEFINITION = parse_definition(RAW)

VALID: dict[str, Any] = {
    "title": "Water for Dilijan", "kind": "infra", "infra_type": "bridge",
    "bridge_length": "12.5", "topics": ["water", "schools"], "water_source": "spring",
    "summary": "A bridge and a pipe.", "has_partner": True,
    "partner_letter": {"file_id": 7, "name": "letter.pdf"}, "cv": None,
    "amount": "1500.50", "people": "300", "start": "2025-03-31", "partner_share": "200.00",
}


def keys(questions: list[Any]) -> list[str]:
    return [q.key for q in questions]


def mutated(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(RAW)
    change(data)
    return data


def q_of(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(q for s in data["sections"] for q in s["questions"] if q["key"] == key)


def definition_messages(data: Any) -> list[str]:
    with override("en"), pytest.raises(DefinitionError) as caught:
        parse_definition(data)
    return caught.value.messages


# --- Definitions ------------------------------------------------------------------------------


def test_the_starter_definition_is_valid_and_asks_for_the_title() -> None:
    definition = parse_definition(empty_definition())
    [section] = definition.sections
    assert section.key == "project"
    assert [(q.key, q.type, q.required) for q in section.questions] == [
        ("title", "short_text", True), ("summary", "long_text", True),
        ("budget", "budget", False)]
    assert section.questions[0].label_hy == "Նախագծի անվանումը"
    assert section.questions[0].label_en == "Project title"
    json.dumps(empty_definition())


def test_a_parsed_definition_keeps_its_order_and_defaults() -> None:
    assert keys(DEFINITION.all_questions())[:3] == ["title", "kind", "infra_type"]
    assert DEFINITION.section("money").questions[0].min_value == Decimal("100")
    assert DEFINITION.section("about").questions[0].length_limit == 300
    assert q_length(DEFINITION, "summary") == 2000
    with pytest.raises(KeyError):
        DEFINITION.section("nope")


def q_length(definition: FormDefinition, key: str) -> int | None:
    return next(q for q in definition.all_questions() if q.key == key).length_limit


def _set(path: str, value: Any) -> Any:
    """A change to RAW: "key.field" sets a field of a question."""
    key, field = path.split(".")
    return lambda data: q_of(data, key).__setitem__(field, value)


DEFINITION_CASES = [
    ("duplicate question key", _set("people.key", "title"),
     "Two or more questions use the key “title”"),
    ("duplicate section key", lambda d: d["sections"][1].__setitem__("key", "about"),
     "Two or more sections use the key “about”"),
    ("unknown reference", _set("infra_type.show_if", {"question": "ghost", "equals": "x"}),
     "depends on “ghost”, but the form has no question with that key"),
    ("forward reference", _set("title.show_if", {"question": "kind", "equals": "infra"}),
     "depends on “kind”, which comes after it"),
    ("reference to itself", _set("kind.show_if", {"question": "kind", "equals": "infra"}),
     "cannot depend on itself"),
    ("choices on a text question", _set("title.choices", choices("a", "b")),
     "is not a choice question, so it cannot have choices"),
    ("one choice", _set("kind.choices", choices("a")), "needs at least two choices"),
    ("no choices", _set("topics.choices", []), "“topics” needs at least two choices"),
    ("repeated choice", _set("kind.choices", choices("a", "a")),
     "lists the choice “a” more than once"),
    ("equals not a choice", _set("infra_type.show_if", {"question": "kind", "equals": "nope"}),
     "“kind” has no choice “nope”"),
    ("equals a choice of a multiple choice",
     _set("water_source.show_if", {"question": "topics", "equals": "air"}),
     "“topics” has no choice “air”"),
    ("yes_no condition not a bool",
     _set("partner_letter.show_if", {"question": "has_partner", "equals": "yes"}),
     "must be yes (true) or no (false)"),
    ("number condition not a number",
     _set("start.show_if", {"question": "people", "equals": "many"}), "must be a number"),
    ("date condition not a date",
     _set("budget.show_if", {"question": "start", "equals": "soon"}), "must be a date"),
    ("text condition not text", _set("kind.show_if", {"question": "title", "equals": 3}),
     "must be text"),
    ("file controls", _set("amount.show_if", {"question": "cv", "equals": "x"}),
     "cannot decide whether other questions are shown"),
    ("two budgets", lambda d: d["sections"][0]["questions"].append(
        {"key": "budget2", "type": "budget", "label_hy": "Բ"}),
     "The form has 2 budget questions; it can have only one."),
    ("min above max", _set("amount.min_value", "60000"),
     "the minimum (60000) is greater than the maximum (50000)"),
    ("limits on text", _set("title.min_value", 1), "applies only to number and amount"),
    ("length on a number", _set("people.max_length", 10), "applies only to text questions"),
    ("zero length", _set("title.max_length", 0), "maximum length: must be at least 1"),
    ("bad key", _set("title.key", "Title!"), "question “Title!” › key: use only small Latin"),
    ("bad choice value", _set("kind.choices", choices("Infra", "b")),
     "choice “Infra” › choice value: use only small Latin letters, digits, “_” and “-”"),
    ("empty label", _set("title.label_hy", "  "), "question “title” › Armenian label: must"),
    ("unknown type", _set("title.type", "essay"), "“essay” is not a known question type"),
    ("misspelt setting", _set("title.requried", True),
     "question “title” › requried: this setting is unknown"),
    ("bad condition value", _set("infra_type.show_if", {"question": "kind", "equals": [1]}),
     "condition value: must be text, a whole number, or true/false"),
    ("missing label", lambda d: q_of(d, "title").pop("label_hy"),
     "question “title” › Armenian label: this is missing"),
    ("bad minimum", _set("amount.min_value", "lots"), "minimum: must be a number"),
    ("no sections", lambda d: d.__setitem__("sections", []),
     "The form needs at least one section."),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in DEFINITION_CASES],
                         ids=[c[0] for c in DEFINITION_CASES])
def test_each_definition_problem_is_explained(change: Any, expected: str) -> None:
    messages = definition_messages(mutated(change))
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize("data", [None, [], "form", {"sections": "x"}])
def test_a_definition_that_is_not_a_form_is_refused_readably(data: Any) -> None:
    messages = definition_messages(data)
    assert messages and all("Input should" not in m for m in messages), messages


def test_every_problem_is_reported_at_once() -> None:
    def break_three(data: dict[str, Any]) -> None:
        _set("people.key", "title")(data)
        _set("kind.choices", choices("a"))(data)
        _set("amount.min_value", "60000")(data)

    messages = definition_messages(mutated(break_three))
    assert len(messages) >= 3
    with pytest.raises(DefinitionError, match="Two or more questions"):
        parse_definition(mutated(break_three))


def test_a_question_may_depend_on_an_earlier_section() -> None:
    assert DEFINITION.section("money").questions[-1].show_if is not None


# --- Labels and visibility --------------------------------------------------------------------


@pytest.mark.parametrize(("key", "language", "expected"), [
    ("title", "en", "Title"), ("title", "hy", "Անվանում"), ("title", "en-us", "Title"),
    ("infra_type", "en", "Ենթատեսակ"), ("title", "fr", "Անվանում")])
def test_label_falls_back_to_armenian(key: str, language: str, expected: str) -> None:
    question = next(q for q in DEFINITION.all_questions() if q.key == key)
    assert label(question, "label", language) == expected
    assert label(DEFINITION.sections[1], "title", "en") == "Գումար"


ALWAYS = ["title", "kind", "topics", "summary", "has_partner", "cv", "amount", "people", "start",
          "budget"]


@pytest.mark.parametrize(("answers", "extra"), [
    ({}, []),
    ({"kind": "social", "infra_type": "bridge"}, []),
    ({"kind": "infra"}, ["infra_type"]),
    ({"kind": "infra", "infra_type": "road"}, ["infra_type"]),
    ({"kind": "infra", "infra_type": "bridge"}, ["infra_type", "bridge_length"]),
    ({"kind": " infra "}, ["infra_type"]),
    ({"topics": ["schools", "water"]}, ["water_source"]),
    ({"topics": ["schools"]}, []),
    ({"topics": "water"}, []),
    ({"has_partner": True}, ["partner_letter", "partner_share"]),
    ({"has_partner": False}, []),
    ({"has_partner": "yes"}, []),
], ids=["nothing", "stale chain", "choice", "chain half", "chain", "spaces", "multiple",
        "multiple without", "multiple not a list", "yes", "no", "yes as text"])
def test_visible_questions(answers: dict[str, Any], extra: list[str]) -> None:
    shown = keys(visible_questions(DEFINITION, answers))
    assert sorted(shown) == sorted(ALWAYS + extra)
    order = keys(DEFINITION.all_questions())
    assert shown == [k for k in order if k in shown]


@pytest.mark.parametrize(("equals", "answer", "shown"), [
    (3, "3.00", True), (3, "3", True), ("2.5", "2.50", True), (3, "4", False),
    (3, "three", False), (3, True, False), (3, None, False), (3, "sNaN", False)])
def test_a_number_condition_compares_numbers(equals: Any, answer: Any, shown: bool) -> None:
    definition = parse_definition({"sections": [{"key": "s", "title_hy": "Ս", "questions": [
        {"key": "n", "type": "number", "label_hy": "Թ"},
        {"key": "x", "type": "short_text", "label_hy": "Տ",
         "show_if": {"question": "n", "equals": equals}}]}]})
    assert ("x" in keys(visible_questions(definition, {"n": answer}))) is shown


# --- The section form -------------------------------------------------------------------------


FIELD_TYPES = [
    ("title", forms.CharField, forms.TextInput), ("kind", forms.ChoiceField, forms.RadioSelect),
    ("topics", forms.MultipleChoiceField, forms.CheckboxSelectMultiple),
    ("summary", forms.CharField, forms.Textarea),
    ("has_partner", forms.TypedChoiceField, forms.RadioSelect),
    ("partner_letter", forms.FileField, forms.FileInput),
    ("bridge_length", forms.DecimalField, forms.NumberInput),
]


@pytest.mark.parametrize(("key", "field_class", "widget_class"), FIELD_TYPES)
def test_each_type_gets_its_field(key: str, field_class: type, widget_class: type) -> None:
    form = build_section_form(DEFINITION, "about", answers={}, language="en")
    assert type(form.fields[key]) is field_class
    assert type(form.fields[key].widget) is widget_class


def test_field_details() -> None:
    about = build_section_form(DEFINITION, "about", answers={}, language="en")
    money = build_section_form(DEFINITION, "money", answers={}, language="en")
    assert list(about.fields) == keys(DEFINITION.section("about").questions)
    assert "budget" not in money.fields
    assert about.fields["title"].max_length == 300
    assert about.fields["summary"].max_length == 2000
    assert about.fields["water_source"].max_length == 50
    amount = money.fields["amount"]
    assert (amount.max_digits, amount.decimal_places) == (14, 2)
    assert (amount.min_value, amount.max_value) == (Decimal("100"), Decimal("50000"))
    assert money.fields["people"].min_value == Decimal("0")
    assert type(money.fields["start"]) is forms.DateField
    assert money.fields["start"].widget.input_type == "date"
    assert about.fields["has_partner"].choices == [("yes", "Yes"), ("no", "No")]
    assert 'type="date"' in str(money["start"])


def test_labels_and_help_follow_the_language() -> None:
    with override("en"):
        english = build_section_form(DEFINITION, "about", answers={}, language="en")
    with override("hy"):
        armenian = build_section_form(DEFINITION, "about", answers={}, language="hy")
    assert english.fields["title"].label == "Title"
    assert english.fields["infra_type"].label == "Ենթատեսակ"  # no English: Armenian
    assert armenian.fields["title"].label == "Անվանում"
    assert english.fields["kind"].choices == [("infra", "infra-en"), ("social", "social-en")]
    assert armenian.fields["kind"].choices == [("infra", "infra-hy"), ("social", "social-hy")]
    # The secretariat's help is text, never HTML: the field template prints it as safe.
    assert english.fields["title"].help_text == "Օգնություն &lt;b&gt;"


def test_conditional_questions_are_marked_and_not_required_by_the_field() -> None:
    form = build_section_form(DEFINITION, "about", answers={"kind": "infra"}, language="en")
    attrs = {key: form.fields[key].widget.attrs for key in form.fields}
    assert attrs["infra_type"]["data-show-if"] == "kind=infra"
    assert attrs["bridge_length"]["data-show-if"] == "infra_type=bridge"
    assert attrs["water_source"]["data-show-if"] == "topics=water"
    assert attrs["partner_letter"]["data-show-if"] == "has_partner=yes"
    assert "data-show-if" not in attrs["title"]
    assert [k for k, f in form.fields.items() if f.required] == [
        "title", "kind", "summary", "has_partner"]
    assert attrs["bridge_length"]["data-required"] == "true"
    assert attrs["partner_letter"]["data-required"] == "true"
    assert "data-required" not in attrs["title"]
    assert form.hidden_keys == {"bridge_length", "water_source", "partner_letter"}
    assert 'data-show-if="kind=infra"' in form.as_div()


def test_initial_values_come_from_the_answers() -> None:
    about = build_section_form(DEFINITION, "about", answers=VALID, language="en")
    money = build_section_form(DEFINITION, "money", answers=VALID, language="en")
    assert about["title"].value() == "Water for Dilijan"
    assert about["topics"].value() == ["water", "schools"]
    assert about["has_partner"].value() == "yes"
    assert about["bridge_length"].value() == Decimal("12.5")
    assert money["start"].value() == datetime.date(2025, 3, 31)
    assert money["amount"].value() == Decimal("1500.50")
    assert "letter.pdf" in about.fields["partner_letter"].help_text
    no = build_section_form(DEFINITION, "about", answers={"has_partner": False}, language="en")
    assert no["has_partner"].value() == "no"
    odd = build_section_form(DEFINITION, "money", answers={"start": "soon"}, language="en")
    assert odd["start"].value() == "soon"


def test_an_unknown_section_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        build_section_form(DEFINITION, "nope", answers={}, language="hy")


ABOUT_POST = {"title": "Water", "kind": "social", "summary": "Short.", "has_partner": "no"}


def post(section: str, data: dict[str, Any], answers: dict[str, Any] | None = None,
         files: dict[str, Any] | None = None) -> SectionForm:
    return build_section_form(DEFINITION, section, answers=answers or {}, language="en",
                              data=data, files=files)


@pytest.mark.parametrize(("changes", "errors"), [
    ({}, []),
    ({"kind": "infra"}, []),
    ({"kind": "infra", "infra_type": "bridge"}, ["bridge_length"]),
    ({"kind": "infra", "infra_type": "bridge", "bridge_length": "4"}, []),
    ({"kind": "social", "infra_type": "bridge"}, []),
    ({"topics": ["water"]}, ["water_source"]),
    ({"has_partner": "yes"}, ["partner_letter"]),
    ({"title": "  "}, ["title"]),
    ({"kind": "social", "bridge_length": "not a number"}, []),
], ids=["plain", "shown optional", "shown required", "answered", "hidden by its parent",
        "multiple", "file", "unconditional", "hidden garbage"])
def test_required_only_when_shown(changes: dict[str, Any], errors: list[str]) -> None:
    with override("en"):
        form = post("about", {**ABOUT_POST, **changes})
        assert sorted(form.errors) == sorted(errors)
        for key in errors:
            assert form.errors[key] == ["This question is required."]


def test_visibility_uses_posted_data_over_stored_answers() -> None:
    stored = {"has_partner": True, "kind": "infra", "infra_type": "bridge"}
    assert list(post("money", {"amount": "200", "start": "2025-01-01"}, stored).errors) == [
        "partner_share"]
    assert post("money", {"amount": "200", "start": "2025-01-01"}, {"has_partner": False}
                ).is_valid()
    # Posting "no" hides what the stored "yes" showed, and clears the stale answer.
    form = post("about", {**ABOUT_POST, "has_partner": "no"}, stored)
    assert form.is_valid()
    assert "partner_letter" in form.hidden_keys
    assert form.cleaned_answers()["partner_letter"] is None


def test_a_stored_file_satisfies_a_required_file_question() -> None:
    stored = {"partner_letter": {"file_id": 7, "name": "letter.pdf"}}
    form = post("about", {**ABOUT_POST, "has_partner": "yes"}, stored)
    assert form.is_valid(), form.errors
    assert form.cleaned_answers()["partner_letter"] == {"file_id": 7, "name": "letter.pdf"}


def test_an_upload_is_handed_back_for_the_caller_to_store() -> None:
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4", content_type="application/pdf")
    form = post("about", {**ABOUT_POST, "has_partner": "yes"}, {},
                files={"partner_letter": upload})
    assert form.is_valid(), form.errors
    answers = answers_from_form(form)
    assert answers["partner_letter"] is form.cleaned_data["partner_letter"]
    assert answers["partner_letter"].name == "letter.pdf"
    assert answers["cv"] is None


def test_cleaned_answers_need_a_valid_form() -> None:
    with pytest.raises(ValueError, match="valid form"):
        post("about", {}).cleaned_answers()


def test_answers_are_json_and_drop_hidden_values() -> None:
    form = post("about", {**ABOUT_POST, "title": "  Water  ", "kind": "social",
                          "infra_type": "road", "topics": ["roads", "water"],
                          "water_source": "well"})
    assert form.is_valid(), form.errors
    assert form.cleaned_answers() == {
        "title": "Water", "kind": "social", "infra_type": None, "bridge_length": None,
        "topics": ["roads", "water"], "water_source": "well", "summary": "Short.",
        "has_partner": False, "partner_letter": None, "cv": None}
    money = post("money", {"amount": "1500.5", "people": "1e3", "start": "2025-03-31"})
    assert money.is_valid(), money.errors
    assert money.cleaned_answers() == {"amount": "1500.50", "people": "1000",
                                       "start": "2025-03-31", "partner_share": None}
    json.dumps([form.cleaned_answers(), money.cleaned_answers()])


def as_post(form: SectionForm) -> QueryDict:
    """What the browser would send back for an untouched form."""
    data = QueryDict(mutable=True)
    for field in form:
        value = field.value()
        if isinstance(value, list):
            data.setlist(field.name, value)
        elif value is not None:
            data[field.name] = str(value)
    return data


@pytest.mark.parametrize("section", ["about", "money"])
def test_answers_round_trip(section: str) -> None:
    first = build_section_form(DEFINITION, section, answers=VALID, language="hy",
                               data=as_post(build_section_form(
                                   DEFINITION, section, answers=VALID, language="hy")))
    assert first.is_valid(), first.errors
    answers = first.cleaned_answers()
    assert answers == {k: VALID[k] for k in answers}
    again = build_section_form(DEFINITION, section, answers={**VALID, **answers}, language="en",
                               data=as_post(first))
    assert again.is_valid(), again.errors
    assert again.cleaned_answers() == answers


@HYPOTHESIS
@given(st.decimals(min_value=100, max_value=50000, places=2))
def test_any_amount_in_range_round_trips(amount: Decimal) -> None:
    form = post("money", {"amount": str(amount), "start": "2025-01-01"})
    assert form.is_valid(), form.errors
    stored = form.cleaned_answers()["amount"]
    assert Decimal(stored) == amount
    assert "amount" not in validate_answers(DEFINITION, {**VALID, "amount": stored})


# --- Validating stored answers ----------------------------------------------------------------


def test_valid_answers_have_no_problems() -> None:
    assert validate_answers(DEFINITION, VALID) == {}


ANSWER_CASES = [
    ("title", "ok", None), ("title", "x" * 300, None),
    ("title", "x" * 301, "at most 300 characters (it now has 301)"),
    ("title", 5, "could not be read"), ("title", None, "This question is required."),
    ("title", "   ", "This question is required."), ("title", "a\x00b", "Null characters"),
    ("summary", "x" * 2001, "at most 2000 characters"),
    ("bridge_length", "12", None), ("bridge_length", 12, None), ("bridge_length", 0.5, None),
    ("bridge_length", "-1", "The smallest allowed value is 0."),
    ("bridge_length", "abc", "Please enter a number."),
    ("bridge_length", "NaN", "Please enter a number."),
    ("bridge_length", True, "could not be read"),
    ("amount", "99.99", "The smallest allowed value is 100."),
    ("amount", "50000.01", "The largest allowed value is 50,000."),
    ("amount", "150.555", "at most 2 digits after the decimal point"),
    ("partner_share", "123456789012345", "This number is too large."),
    ("bridge_length", "1e999999999", "This number is too large."),
    ("bridge_length", "0.123456789", "at most 8 digits after the decimal point"),
    ("start", "2025-02-28", None), ("start", "2025-02-30", "could not be read"),
    ("start", "31/03/2025", "could not be read"), ("start", 20250331, "could not be read"),
    ("kind", "social", None), ("kind", "nope", "“nope” is not one of the choices."),
    ("kind", ["infra"], "could not be read"),
    ("topics", ["roads"], None), ("topics", [], None),
    ("topics", ["water", "air"], "“air” is not one of the choices."),
    ("topics", "water", "could not be read"), ("topics", [1], "could not be read"),
    ("has_partner", False, None), ("has_partner", "yes", "could not be read"),
    ("has_partner", None, "This question is required."),
    ("partner_letter", {"file_id": "7", "name": "x"}, "could not be read"),
    ("partner_letter", {"file_id": True, "name": "x"}, "could not be read"),
    ("partner_letter", {}, "This question is required."),
    ("partner_letter", SimpleUploadedFile("x.pdf", b"x"), "could not be read"),
    ("cv", {"file_id": 1, "name": "cv.pdf"}, None),
]


@pytest.mark.parametrize(("key", "value", "expected"), ANSWER_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(ANSWER_CASES)])
def test_validate_answers_per_type(key: str, value: Any, expected: str | None) -> None:
    with override("en"):
        problems = validate_answers(DEFINITION, {**VALID, key: value})
    if expected is None:
        assert problems == {}
    else:
        assert list(problems) == [key]
        assert any(expected in m for m in problems[key]), problems


def test_validate_answers_ignores_hidden_and_budget_questions() -> None:
    answers = {**VALID, "kind": "social", "bridge_length": "not a number", "budget": "junk",
               "has_partner": False, "partner_letter": 3, "partner_share": None}
    assert validate_answers(DEFINITION, answers) == {}
    with override("en"):
        assert validate_answers(DEFINITION, {}) == {
            key: ["This question is required."]
            for key in ["title", "kind", "summary", "has_partner", "amount", "start"]}


def test_missing_summary_lists_what_is_left_in_form_order() -> None:
    assert missing_summary(DEFINITION, {}, "en") == [
        ("about", "title", "Title"), ("about", "kind", "Kind"),
        ("about", "summary", "Ամփոփում"), ("about", "has_partner", "Partner"),
        ("money", "amount", "Amount"), ("money", "start", "Սկիզբ")]
    answers = {"title": "T", "kind": "infra", "infra_type": "bridge", "topics": ["water"],
               "summary": "S", "has_partner": True, "amount": "200", "start": "2025-01-01"}
    assert missing_summary(DEFINITION, answers, "hy") == [
        ("about", "bridge_length", "Երկարություն"), ("about", "water_source", "Աղբյուր"),
        ("about", "partner_letter", "Նամակ"), ("money", "partner_share", "Մասնաբաժին")]
    assert missing_summary(DEFINITION, VALID, "en") == []
    assert missing_summary(DEFINITION, {**VALID, "has_partner": False}, "en") == []


# --- Properties -------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.decimals().map(str) | st.sampled_from(["infra", "bridge", "water", "2025-01-01", "12"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10)
QUESTION_KEYS = [q.key for q in DEFINITION.all_questions()]
ANSWERS = st.dictionaries(st.sampled_from(QUESTION_KEYS) | st.text(max_size=8), JSON,
                          max_size=len(QUESTION_KEYS) + 2)


@HYPOTHESIS
@given(ANSWERS)
def test_validate_answers_never_raises(answers: dict[str, Any]) -> None:
    problems = validate_answers(DEFINITION, answers)
    assert all(isinstance(m, str) for messages in problems.values() for m in messages)
    assert set(problems) <= set(QUESTION_KEYS) - {"budget"}
    missing = missing_summary(DEFINITION, answers, "en")
    assert {key for _, key, _ in missing} <= set(problems)


@HYPOTHESIS
@given(ANSWERS, st.dictionaries(st.sampled_from(QUESTION_KEYS), st.text(max_size=30)))
def test_a_section_form_never_raises(answers: dict[str, Any], data: dict[str, str]) -> None:
    for section in ("about", "money"):
        form = post(section, data, answers)
        if form.is_valid():
            json.dumps({k: v for k, v in form.cleaned_answers().items()
                        if k not in ("partner_letter", "cv")})


# Mostly plausible pieces, so that some definitions parse and the rest fail in varied ways.
KEYS = st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "title", "Bad"])
EQUALS = st.booleans() | st.sampled_from(["x", "y", "3", "2025-01-01"]) | JSON
QUESTIONS = st.fixed_dictionaries(
    {"key": KEYS, "type": st.sampled_from(["short_text", "long_text", "number", "money",
                                           "date", "single_choice", "multiple_choice",
                                           "yes_no", "file", "budget", "essay"]),
     "label_hy": st.sampled_from(["Հարց"] * 9 + [""])},
    optional={"choices": st.lists(st.fixed_dictionaries(
        {"value": st.sampled_from(["x", "y", "Z"]), "label_hy": st.just("Ը")}), max_size=3),
        "show_if": st.fixed_dictionaries({"question": KEYS, "equals": EQUALS}),
        "min_value": st.integers(-5, 5) | JSON, "max_value": st.integers(-5, 5) | JSON,
        "max_length": st.integers(0, 5) | JSON, "required": st.booleans() | JSON})
DEFINITIONS = st.fixed_dictionaries({"sections": st.lists(st.fixed_dictionaries(
    {"key": KEYS, "title_hy": st.just("Բաժին"),
     "questions": st.lists(QUESTIONS, max_size=4)}), max_size=3)})


@HYPOTHESIS
@given(DEFINITIONS | JSON)
def test_parse_definition_either_parses_or_explains(data: Any) -> None:
    try:
        definition = parse_definition(data)
    except DefinitionError as error:
        assert error.messages and all(isinstance(m, str) for m in error.messages)
        return
    validate_answers(definition, {})
    for section in definition.sections:
        build_section_form(definition, section.key, answers={}, language="en")


def test_a_draft_form_keeps_a_partial_page_without_the_required_answers() -> None:
    form = build_section_form(DEFINITION, "about", answers={}, language="en",
                              data={"title": "Water"}, require=False)
    assert form.is_valid(), form.errors
    assert form.cleaned_answers()["title"] == "Water"
    assert form.cleaned_answers()["summary"] is None
    assert form.fields["summary"].widget.attrs["data-required"] == "true"


def test_a_draft_form_still_refuses_a_number_with_letters_beside_its_field() -> None:
    form = build_section_form(DEFINITION, "money", answers={}, language="en",
                              data={"amount": "12abc"}, require=False)
    assert not form.is_valid()
    assert list(form.errors) == ["amount"]
    assert form["amount"].value() == "12abc"
