"""The practice page's forms: a learning question, an evidence log entry (with a file), what
was learned, a risk (and an open one scored again), a milestone (and an open one moved)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core.parsing import validate_programme_date
from hamaynk.portfolios.forms.interventions import TEXT, OneOfOwn
from hamaynk.portfolios.models import Intervention, Portfolio
from hamaynk.portfolios.selectors.practice import community_people, own_interventions

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCALE = [(n, str(n)) for n in range(1, 6)]


class _WithIntervention(forms.Form):
    intervention = OneOfOwn(label=_("Intervention"), required=False,
                            queryset=Intervention.objects.none(),
                            empty_label=_("the whole portfolio"))

    def __init__(self, *args: Any, portfolio: Portfolio, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["intervention"]
        field.queryset = own_interventions(portfolio)

    def intervention_id(self) -> int | None:
        found = self.cleaned_data.get("intervention")
        return found.pk if found else None


class QuestionForm(_WithIntervention):
    question = forms.CharField(label=_("Learning question"), max_length=4000, widget=TEXT)
    field_order = ["question", "intervention"]


class EntryForm(forms.Form):
    noted_on = forms.DateField(label=_("Day"), widget=DAY, validators=[validate_programme_date])
    text = forms.CharField(label=_("What was observed"), max_length=4000, widget=TEXT)
    file = forms.FileField(label=_("File"), required=False,
                           help_text=_("PDF, DOCX, XLSX or an image."))


class AnswerForm(forms.Form):
    learned = forms.CharField(label=_("What was learned"), max_length=4000, widget=TEXT,
                              help_text=_("Answering closes the question."))


class RiskForm(forms.Form):
    description = forms.CharField(label=_("Risk"), max_length=4000, widget=TEXT)
    likelihood = forms.TypedChoiceField(label=_("Likelihood (1–5)"), choices=SCALE, coerce=int)
    impact = forms.TypedChoiceField(label=_("Impact (1–5)"), choices=SCALE, coerce=int)
    mitigation = forms.CharField(label=_("What is done about it"), max_length=4000,
                                 widget=TEXT, required=False)
    owner = OneOfOwn(label=_("Owner"), required=False,
                     queryset=User.objects.none(), empty_label="—")

    def __init__(self, *args: Any, portfolio: Portfolio, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["owner"]
        field.queryset = community_people(portfolio)


class MilestoneForm(_WithIntervention):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_date = forms.DateField(label=_("Due date"), widget=DAY,
                               validators=[validate_programme_date])
    field_order = ["title", "due_date", "intervention"]


class RiskChangeForm(forms.Form):
    """An open risk scored again (no lookups: one per row of the register)."""

    likelihood = forms.TypedChoiceField(label=_("Likelihood (1–5)"), choices=SCALE, coerce=int)
    impact = forms.TypedChoiceField(label=_("Impact (1–5)"), choices=SCALE, coerce=int)
    mitigation = forms.CharField(label=_("What is done about it"), max_length=4000,
                                 widget=TEXT, required=False)


class MilestoneChangeForm(forms.Form):
    """An open milestone renamed or moved (no lookups: one per row of the workplan)."""

    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_date = forms.DateField(label=_("Due date"), widget=DAY,
                               validators=[validate_programme_date])
