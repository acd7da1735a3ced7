"""The builder's forms: a section and a question as the secretariat writes them."""

import re
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.questionnaires.schema import QUESTION_TYPE_LABELS


class SectionEditForm(forms.Form):
    """A section (page) as the secretariat names it."""


    key = forms.SlugField(label=_("Short name"), max_length=40,
                          help_text=_("Latin letters, digits and hyphens, e.g. project."))
    title_hy = forms.CharField(label=_("Title in Armenian"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    intro_hy = forms.CharField(label=_("Introduction in Armenian"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    intro_en = forms.CharField(label=_("Introduction in English"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))


QUESTION_TYPES = list(QUESTION_TYPE_LABELS.items())


class QuestionForm(forms.Form):
    """One question of a questionnaire, as the secretariat writes it."""

    original_key = forms.CharField(required=False, widget=forms.HiddenInput)
    key = forms.RegexField(label=_("Short name"), regex=r"^[a-z][a-z0-9_]{0,39}$",
                           help_text=_("Latin lower-case letters, digits and _, e.g. partners. "
                                       "The question named title gives the project title."))
    type = forms.ChoiceField(label=_("Type of answer"), choices=QUESTION_TYPES)
    label_hy = forms.CharField(label=_("Question in Armenian"), max_length=500)
    label_en = forms.CharField(label=_("Question in English"), max_length=500, required=False)
    help_hy = forms.CharField(label=_("Help in Armenian"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    help_en = forms.CharField(label=_("Help in English"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: Armenian | English, and for a quiz | points, e.g. "
                    "Այո | Yes | 2."))
    show_if_question = forms.ChoiceField(label=_("Show only when the question"),
                                         required=False)
    show_if_value = forms.CharField(label=_("has the answer"), required=False,
                                    help_text=_("For a choice: the choice as written in "
                                                "Armenian; for yes / no: yes or no."))
    min_value = forms.DecimalField(label=_("Smallest number"), required=False)
    max_value = forms.DecimalField(label=_("Largest number"), required=False)
    max_length = forms.IntegerField(label=_("Longest answer (characters)"), required=False,
                                    min_value=1, max_value=100000)

    def __init__(self, *args: Any, earlier: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["show_if_question"]).choices = [
            ("", _("— always show —")), *earlier]

    def clean_choices(self) -> str:
        text = str(self.cleaned_data.get("choices") or "")
        try:
            _split_choices(text)
        except ValueError as exc:
            raise forms.ValidationError(
                _("Write the points of “%(choice)s” as a whole number, 0 or more."),
                code="points", params={"choice": str(exc)}) from exc
        return text

    def to_question(self, earlier_defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The question as the form definition stores it."""
        data = self.cleaned_data
        question: dict[str, Any] = {k: data[k] for k in (
            "key", "type", "label_hy", "label_en", "help_hy", "help_en", "required")}
        if data["type"] in ("single_choice", "multiple_choice"):
            question["choices"] = [
                {"value": _slug(hy, i), "label_hy": hy, "label_en": en,
                 **({"points": points} if points is not None else {})}
                for i, (hy, en, points) in enumerate(_split_choices(data["choices"]),
                                                     start=1)]
        if data["type"] in ("number", "money"):
            question["min_value"] = str(data["min_value"]) if data["min_value"] is not None \
                else None
            question["max_value"] = str(data["max_value"]) if data["max_value"] is not None \
                else None
        if data["type"] in ("short_text", "long_text") and data["max_length"]:
            question["max_length"] = data["max_length"]
        if data["show_if_question"]:
            question["show_if"] = {"question": data["show_if_question"],
                                   "equals": _condition_value(
                                       earlier_defs.get(data["show_if_question"], {}),
                                       data["show_if_value"])}
        return question


def _split_choices(text: str) -> list[tuple[str, str, int | None]]:
    """The choices as written, one a line: "Armenian | English" or, for a quiz, "Armenian |
    English | points" (raises ValueError naming the choice whose points are not a whole
    number, 0 or more)."""
    rows: list[tuple[str, str, int | None]] = []
    for line in text.splitlines():
        if line.strip():
            hy, _sep, rest = line.partition("|")
            en, _sep, raw = rest.partition("|")
            points = None
            if raw.strip():
                if not raw.strip().isdecimal() or len(raw.strip()) > 6:
                    raise ValueError(hy.strip())
                points = int(raw.strip())
            rows.append((hy.strip(), en.strip(), points))
    return rows


def _slug(text: str, index: int) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:30]
    return ascii_part or f"choice-{index}"


def _condition_value(controlling: dict[str, Any], raw: str) -> Any:
    raw = raw.strip()
    if controlling.get("type") == "yes_no":
        return raw.casefold() in {"yes", "այո", "true", "1"}
    for choice in controlling.get("choices", []):
        if raw in (choice["value"], choice["label_hy"], choice.get("label_en")):
            return choice["value"]
    return raw


def question_initial(question: dict[str, Any]) -> dict[str, Any]:
    """The builder form's initial values for an existing question."""
    initial = {k: question.get(k, "") for k in ("key", "type", "label_hy", "label_en",
                                                "help_hy", "help_en")}
    initial["original_key"] = question["key"]
    initial["required"] = question.get("required", False)
    choices = question.get("choices", [])
    scored = any("points" in c for c in choices)
    initial["choices"] = "\n".join(
        f"{c['label_hy']} | {c.get('label_en', '')}"
        + (f" | {c.get('points', 0)}" if scored else "") for c in choices)
    initial["min_value"] = question.get("min_value")
    initial["max_value"] = question.get("max_value")
    initial["max_length"] = question.get("max_length")
    condition = question.get("show_if") or {}
    initial["show_if_question"] = condition.get("question", "")
    value = condition.get("equals", "")
    initial["show_if_value"] = ("yes" if value else "no") if isinstance(value, bool) else value
    return initial
