"""The coaching paths' forms: a step of the path, the team, a session log with its agreed
actions and the follow-up of open ones, an assignment handed in, the coach's review."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core.parsing import parse_id
from hamaynk.learning.models import CohortMember, PathStep

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's own recipe); checked by content in the service."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return single(data, initial)


def _refuse_bad_ids(field: Any, values: list[Any]) -> None:
    """An id no database column holds ("9" × 30) is an invalid choice, not a 500."""
    for value in values:
        if value not in (None, "") and parse_id(value) is None:
            raise forms.ValidationError(field.error_messages["invalid_choice"],
                                        code="invalid_choice", params={"value": value})


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name()

    def clean(self, value: Any) -> Any:
        _refuse_bad_ids(self, list(value) if isinstance(value, list | tuple) else [value])
        return super().clean(value)


class OwnerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name()

    def to_python(self, value: Any) -> Any:
        _refuse_bad_ids(self, [value])
        return super().to_python(value)


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PathStep.Kind.choices)
    title_hy = forms.CharField(label=_("Title in Armenian"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    description_hy = forms.CharField(label=_("Description in Armenian"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}))
    description_en = forms.CharField(label=_("Description in English"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}))
    due_date = forms.DateField(label=_("Due date"), widget=DATE)


class TeamForm(forms.Form):
    team = PersonChoice(label=_("Team"), queryset=User.objects.none(), required=False,
                        widget=forms.CheckboxSelectMultiple,
                        help_text=_("People verified for the community."))

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["team"]).queryset = people


class CoachForm(forms.Form):
    coach = OwnerChoice(label=_("Coach"), queryset=User.objects.none(), required=False,
                        empty_label=_("No coach yet"))

    def __init__(self, *args: Any, coaches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["coach"]).queryset = coaches


FOLLOW_UP = [("", _("Leave open")), ("done", _("Done")), ("carried", _("Carried over"))]


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the session"), widget=DATE)
    attendees = PersonChoice(label=_("Who attended"), queryset=User.objects.none(),
                             required=False, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=20000,
                            widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, member: CohortMember, previous: list[Any],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = member.team.order_by("full_name", "pk")
        ids = [*people.values_list("pk", flat=True)]
        if member.coach_id:
            ids.append(member.coach_id)
        cast(Any, self.fields["attendees"]).queryset = User.objects.filter(pk__in=ids).order_by(
            "full_name", "pk")
        self.previous = previous
        for action in previous:
            self.fields[f"follow_{action.pk}"] = forms.ChoiceField(
                label=action.text, choices=FOLLOW_UP, required=False,
                widget=forms.RadioSelect)

    def follow_fields(self) -> list[Any]:
        return [self[f"follow_{a.pk}"] for a in self.previous]

    def follow_up(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data.get(f"follow_{a.pk}") or "" for a in self.previous}


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Agreed action"), max_length=500, required=False)
    owner = OwnerChoice(label=_("Owner"), queryset=User.objects.none(), required=False,
                        empty_label=_("Choose a team member"))
    due_date = forms.DateField(label=_("Due date"), widget=DATE, required=False)

    def __init__(self, *args: Any, team: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if team is not None:
            cast(Any, self.fields["owner"]).queryset = team

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text") or data.get("owner") or data.get("due_date"):
            for name, message in (("text", _("Say what the action is.")),
                                  ("owner", _("Choose who owns the action.")),
                                  ("due_date", _("Give the day the action is due."))):
                if not data.get(name):
                    self.add_error(name, message)
        return data


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=20, validate_max=True)


class HandInForm(forms.Form):
    text = forms.CharField(label=_("The assignment"), required=False, max_length=50000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(label=_("Files"), required=False,
                            help_text=_("PDF, DOCX, XLSX or an image; up to 5 files."),
                            widget=MultipleFileInput())


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Accept")), ("return", _("Return for changes"))])
    comment = forms.CharField(label=_("Comment to the community"), required=False,
                              max_length=20000, widget=forms.Textarea(attrs={"rows": 4}))
