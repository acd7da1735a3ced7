"""The Django form of one section (a page) of a questionnaire."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import escape
from django.utils.translation import gettext, override

from hamaynk.questionnaires.answers import visibility
from hamaynk.questionnaires.fields import bare_field, initial_value, to_answer
from hamaynk.questionnaires.schema import (
    REQUIRED,
    FormDefinition,
    Question,
    Section,
    is_empty,
    label,
    token,
)


def _form_field(q: Question, language: str, stored: Any, *, require: bool) -> forms.Field:
    field = bare_field(q, language)
    field.label = label(q, "label", language)
    help_text = label(q, "help", language)
    if q.type == "file" and isinstance(stored, dict) and stored.get("name"):
        current = gettext("Already uploaded: %(name)s. Choose a file only to replace it.")
        help_text = f"{help_text} {current % {'name': stored['name']}}".strip()
    field.help_text = escape(help_text)  # the field template prints help text as safe HTML
    # A conditional question cannot be required at the field level: the posted data decides
    # whether it is shown. Files are kept by the caller, so a re-post carries none.
    # A draft (`require=False`) keeps whatever is there: only types and formats are checked.
    field.required = require and q.required and q.show_if is None and q.type != "file"
    if q.show_if is not None:
        field.widget.attrs["data-show-if"] = f"{q.show_if.question}={token(q.show_if.equals)}"
    if q.required and not field.required:
        field.widget.attrs["data-required"] = "true"
    return field


class SectionForm(forms.Form):
    """The page of one section. It has a field for every question of the section, hidden ones
    included, so that changing a controlling answer in the browser can reveal them
    (`data-show-if="<question>=<value>"` on the widget). `hidden_keys` names the questions
    hidden given `answers` (after validation: given the posted data), so the template can
    render them hidden. With `require=False` (a draft being saved) a required question may
    stay empty — what is filled is still checked (a number with letters is an error beside
    its field); completeness is the submission's business (`answers.missing_summary`)."""

    def __init__(self, definition: FormDefinition, section: Section, *,
                 answers: Mapping[str, Any], language: str, data: Any = None,
                 files: Any = None, require: bool = True) -> None:
        self.definition, self.section, self.require = definition, section, require
        self.answers, self.language = dict(answers), language
        self.questions = {q.key: q for q in section.questions if q.type != "budget"}
        initial = {key: initial_value(q, answers.get(key)) for key, q in self.questions.items()}
        super().__init__(data=data, files=files, initial=initial)
        with override(language):
            for key, q in self.questions.items():
                self.fields[key] = _form_field(q, language, answers.get(key), require=require)
        shown = visibility(definition, self.answers)
        self.hidden_keys = frozenset(key for key in self.questions if not shown[key])

    def clean(self) -> dict[str, Any]:
        """Require a question only when it is shown given the posted data merged over the
        stored answers, and forget errors of hidden ones (the browser still posts them)."""
        cleaned = super().clean() or {}
        merged = {**self.answers, **self._posted_answers()}
        shown = visibility(self.definition, merged)
        self.hidden_keys = frozenset(key for key in self.questions if not shown[key])
        for key in self.hidden_keys:
            self.errors.pop(key, None)
        for key, q in self.questions.items():
            if (self.require and q.required and shown[key] and key not in self.errors
                    and is_empty(merged.get(key))):
                self.add_error(key, DjangoValidationError(REQUIRED, code="required"))
        return cleaned

    def cleaned_answers(self) -> dict[str, Any]:
        """The section's answers, ready to `dict.update` into the stored answers: one entry
        per question of the section (budget excepted), `None` when unanswered or hidden, so
        that stale answers do not linger. Values are JSON-ready, except a file question with
        a new upload, whose value is the `UploadedFile` (`split_uploads` sets them apart for
        the owner's save service, which stores them). Without a new upload a file question
        keeps its stored value."""
        if not self.is_valid():
            raise ValueError("cleaned_answers() needs a valid form")
        posted = self._posted_answers()
        return {key: None if key in self.hidden_keys else value
                for key, value in posted.items()}

    def _posted_answers(self) -> dict[str, Any]:
        cleaned = getattr(self, "cleaned_data", {})
        return {key: to_answer(q, cleaned.get(key)) for key, q in self.questions.items()}


def build_section_form(definition: FormDefinition, section_key: str, *,
                       answers: Mapping[str, Any], language: str, data: Any = None,
                       files: Any = None, require: bool = True) -> SectionForm:
    """The Django form of one section (a page of the application); raises KeyError for an
    unknown section. `require=False` for a draft: required questions may stay empty."""
    return SectionForm(definition, definition.section(section_key), answers=answers,
                       language=language, data=data, files=files, require=require)


def answers_from_form(form: SectionForm) -> dict[str, Any]:
    """Same as `form.cleaned_answers()`."""
    return form.cleaned_answers()


def split_uploads(answers: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """A section's cleaned answers as (the JSON-ready answers, the new uploads by question
    key). The uploads go to the owner's save service, which stores them inside its
    transaction (see `questionnaires.services.store_file_answers`)."""
    uploads = {key: value for key, value in answers.items() if isinstance(value, UploadedFile)}
    return {k: v for k, v in answers.items() if k not in uploads}, uploads
