"""The sensemaking forms: opening a session, its patterns, a decision, a snapshot's label and a
comment. Ids are checked here (a non-number or a huge one is an
invalid choice, not a 500); what the portfolio refuses is checked by the services."""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core.parsing import parse_id
from hamaynk.portfolios.models import Cluster, Decision, Intervention, Portfolio

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = 4000


def _refuse_bad_ids(field: Any, values: list[Any]) -> None:
    for value in values:
        if value not in (None, "") and parse_id(value) is None:
            raise forms.ValidationError(field.error_messages["invalid_choice"],
                                        code="invalid_choice", params={"value": value})


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.email

    def clean(self, value: Any) -> Any:
        _refuse_bad_ids(self, list(value) if isinstance(value, list | tuple) else [value])
        return super().clean(value)


class OneChoice(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        _refuse_bad_ids(self, [value])
        return super().to_python(value)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Day"), widget=DATE,
                              help_text=_("Today, a day of the past year, or a planned day "
                                          "up to a year ahead."))
    language = forms.ChoiceField(label=_("Language of the session"),
                                 choices=settings.LANGUAGES)
    participants = PeopleChoice(label=_("Participants"), queryset=User.objects.none(),
                                required=False, widget=forms.CheckboxSelectMultiple,
                                help_text=_("The community's team and the coach."))

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["participants"]).queryset = people


class PatternsForm(forms.Form):
    patterns = forms.CharField(label=_("Patterns observed"), max_length=TEXT, required=False,
                               widget=forms.Textarea(attrs={"rows": 5}))


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=Decision.Kind.choices)
    intervention = OneChoice(label=_("Intervention"), queryset=Intervention.objects.none(),
                             required=False,
                             help_text=_("Every decision but a new intervention is about "
                                         "one of the portfolio's interventions."))
    reason = forms.CharField(label=_("Reason"), max_length=TEXT,
                             widget=forms.Textarea(attrs={"rows": 3}))
    cluster = OneChoice(label=_("Cluster"), queryset=Cluster.objects.none(), required=False,
                        empty_label=_("No cluster"))
    title_hy = forms.CharField(label=_("Title of the new intervention, in Armenian"),
                               max_length=300, required=False)
    hypothesis_if = forms.CharField(label=_("If we …"), max_length=TEXT, required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("For a pivot or a new intervention."))
    hypothesis_then = forms.CharField(label=_("then …"), max_length=TEXT, required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))
    hypothesis_because = forms.CharField(label=_("because …"), max_length=TEXT,
                                         required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, portfolio: Portfolio, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["intervention"]).queryset = portfolio.interventions.order_by("pk")
        cast(Any, self.fields["cluster"]).queryset = portfolio.clusters.order_by("order", "pk")


class SnapshotForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=200,
                            help_text=_("What this moment is, e.g. “before the council "
                                        "meeting”."))


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=TEXT,
                           widget=forms.Textarea(attrs={"rows": 3}))
