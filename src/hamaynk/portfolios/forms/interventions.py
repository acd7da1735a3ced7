"""The forms of the interventions part: an intervention (its choices limited to this
portfolio's own), a move along its table, a cluster. Ids are read through
`core.parsing.parse_id`, so a huge or odd id is an invalid choice, never a 500."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.core.numbers import CURRENCIES
from hamaynk.core.parsing import parse_id
from hamaynk.portfolios.models import Intervention, Portfolio
from hamaynk.portfolios.services.interventions import InterventionValues
from hamaynk.portfolios.states import INTERVENTION_TRANSITIONS

TEXT = forms.Textarea(attrs={"rows": 3})
NONE_YET = _("None yet: the portfolio page adds them.")


def _ids_only(field: forms.ModelChoiceField, value: Any) -> None:
    for item in value if isinstance(value, list | tuple) else [value]:
        if item not in (None, "") and parse_id(item) is None:
            raise forms.ValidationError(field.error_messages["invalid_choice"],
                                        code="invalid_choice", params={"value": item})


class OneOfOwn(forms.ModelChoiceField):
    def clean(self, value: Any) -> Any:
        _ids_only(self, value)
        return super().clean(value)


class SomeOfOwn(forms.ModelMultipleChoiceField):
    def clean(self, value: Any) -> Any:
        _ids_only(self, value)
        return super().clean(value)


class InterventionForm(forms.Form):
    title_hy = forms.CharField(label=_("Title in Armenian"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    hypothesis_if = forms.CharField(label=_("If we …"), max_length=4000, widget=TEXT,
                                    help_text=_("What you will do."))
    hypothesis_then = forms.CharField(label=_("then …"), max_length=4000, widget=TEXT,
                                      help_text=_("What you expect to happen."))
    hypothesis_because = forms.CharField(label=_("because …"), max_length=4000, widget=TEXT,
                                         required=False,
                                         help_text=_("Why you expect it."))
    kind = forms.ChoiceField(label=_("Kind"), choices=Intervention.Kind.choices)
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0,
                                max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="AMD")
    funding = forms.ChoiceField(label=_("Funding"), choices=Intervention.Funding.choices)
    funder = forms.CharField(label=_("Funder"), max_length=300, required=False)
    cluster = OneOfOwn(label=_("Cluster"), required=False, queryset=Intervention.objects.none(),
                       empty_label=_("no cluster"))
    challenges = SomeOfOwn(label=_("Challenges it addresses"), required=False,
                           queryset=Intervention.objects.none(),
                           widget=forms.CheckboxSelectMultiple)
    stakeholders = SomeOfOwn(label=_("Stakeholders involved"), required=False,
                             queryset=Intervention.objects.none(),
                             widget=forms.CheckboxSelectMultiple)
    related = SomeOfOwn(label=_("Related interventions"), required=False,
                        queryset=Intervention.objects.none(),
                        widget=forms.CheckboxSelectMultiple)
    version = forms.IntegerField(required=False, min_value=0, max_value=2**31,
                                 widget=forms.HiddenInput)

    def __init__(self, *args: Any, portfolio: Portfolio,
                 intervention: Intervention | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["cluster"].queryset = portfolio.clusters.all()
        fields["challenges"].queryset = portfolio.challenges.all()
        fields["stakeholders"].queryset = portfolio.stakeholders.select_related(
            "organisation", "contact")
        others = portfolio.interventions.all()
        if intervention is not None:
            others = others.exclude(pk=intervention.pk)
        fields["related"].queryset = others
        for name in ("challenges", "stakeholders", "related"):
            if not fields[name].queryset.exists():
                fields[name].help_text = NONE_YET

    @classmethod
    def initial_of(cls, intervention: Intervention) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(intervention, name) for name in (
            "title_hy", "title_en", "hypothesis_if", "hypothesis_then", "hypothesis_because",
            "kind", "budget", "currency", "funding", "funder", "version")}
        initial["cluster"] = intervention.cluster_id
        for name in ("challenges", "stakeholders", "related"):
            initial[name] = [o.pk for o in getattr(intervention, name).all()]
        return initial

    def values(self) -> InterventionValues:
        data = self.cleaned_data
        cluster = data.get("cluster")
        return InterventionValues(
            title_hy=data["title_hy"], title_en=data["title_en"],
            hypothesis_if=data["hypothesis_if"], hypothesis_then=data["hypothesis_then"],
            hypothesis_because=data["hypothesis_because"], kind=data["kind"],
            budget=data["budget"], currency=data["currency"], funding=data["funding"],
            funder=data["funder"], cluster_id=cluster.pk if cluster else None,
            challenge_ids=[o.pk for o in data.get("challenges") or []],
            stakeholder_ids=[o.pk for o in data.get("stakeholders") or []],
            related_ids=[o.pk for o in data.get("related") or []])


class MoveForm(forms.Form):
    """The allowed next states of the intervention only; stopping asks the reason."""

    to = forms.ChoiceField(label=_("Move to"), widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Why it is stopped"), max_length=4000, required=False,
                             widget=TEXT, help_text=_("Needed when you stop it."))
    version = forms.IntegerField(required=False, min_value=0, max_value=2**31,
                                 widget=forms.HiddenInput)

    def __init__(self, *args: Any, intervention: Intervention, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": intervention.version})
        super().__init__(*args, **kwargs)
        allowed = INTERVENTION_TRANSITIONS[intervention.status]
        field: Any = self.fields["to"]
        field.choices = [(value, label) for value, label in Intervention.Status.choices
                         if value in allowed]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("to") == Intervention.Status.STOPPED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the intervention is stopped."))
        return data


class ClusterForm(forms.Form):
    name_hy = forms.CharField(label=_("Name in Armenian"), max_length=120)
    name_en = forms.CharField(label=_("Name in English"), max_length=120, required=False)
