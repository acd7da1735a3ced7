"""The forms of a portfolio's core pages: who sees it, the mission, a challenge and its
evidence, a stakeholder, and a new organisation or person for the shared registry. They
check shape and size; the services check the rules."""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Country, Organisation
from hamaynk.core.parsing import parse_id
from hamaynk.networks.models import DevelopmentPlan
from hamaynk.portfolios.models import Evidence, Portfolio
from hamaynk.portfolios.services.portfolio import AMOUNT_LIMIT, HORIZON_YEARS

TEXTAREA = forms.Textarea(attrs={"rows": 3})
SCALE = [(n, str(n)) for n in range(1, 6)]


class SafeModelChoice(forms.ModelChoiceField):
    """An id no column holds ("9" × 30) is an invalid choice, not a 500."""

    def to_python(self, value: Any) -> Any:
        if value not in (None, "") and parse_id(value) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"],
                                        code="invalid_choice")
        return super().to_python(value)


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(label=_("Who sees the portfolio"),
                                choices=Portfolio.Sharing.choices, widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31)


class MissionForm(forms.Form):
    statement_hy = forms.CharField(label=_("Mission in Armenian"), max_length=2000,
                                   widget=TEXTAREA, help_text=_(
                                       "By when, what changes, for whom: «By 2030, 30 per cent "
                                       "of households earn from a non-farm activity»."))
    statement_en = forms.CharField(label=_("Mission in English"), max_length=2000,
                                   required=False, widget=TEXTAREA)
    horizon = forms.IntegerField(label=_("Horizon (year)"))
    indicator_hy = forms.CharField(label=_("What is measured, in Armenian"), max_length=300)
    indicator_en = forms.CharField(label=_("What is measured, in English"), max_length=300,
                                   required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False,
                           help_text=_("For example: per cent, households, AMD."))
    baseline = forms.DecimalField(label=_("Baseline"), required=False, max_digits=14,
                                  decimal_places=2, max_value=AMOUNT_LIMIT - 1,
                                  min_value=-AMOUNT_LIMIT + 1)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2,
                                max_value=AMOUNT_LIMIT - 1, min_value=-AMOUNT_LIMIT + 1)
    building_blocks = forms.MultipleChoiceField(
        label=_("Building blocks of the development plan it serves"), required=False,
        choices=DevelopmentPlan.Block.choices, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year  # the bounds move with the years
        horizon = self.fields["horizon"]
        horizon.validators = [MinValueValidator(this_year),
                              MaxValueValidator(this_year + HORIZON_YEARS)]
        horizon.widget.attrs.update(min=this_year, max=this_year + HORIZON_YEARS)


class ChallengeForm(forms.Form):
    title_hy = forms.CharField(label=_("Challenge in Armenian"), max_length=300)
    title_en = forms.CharField(label=_("Challenge in English"), max_length=300, required=False)
    description = forms.CharField(label=_("Description"), max_length=5000, required=False,
                                  widget=TEXTAREA)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of evidence"), choices=Evidence.Kind.choices,
                             widget=forms.RadioSelect, initial=Evidence.Kind.NOTE)
    text = forms.CharField(label=_("What it shows"), max_length=5000, required=False,
                           widget=TEXTAREA, help_text=_(
                               "A note, or a figure with its source: «42 per cent of young "
                               "people left in 2015–2024 (census)»."))
    url = forms.CharField(label=_("Link"), max_length=500, required=False,
                          help_text=_("For a link: the address, starting with https://."))
    upload = forms.FileField(label=_("File"), required=False,
                             help_text=_("For a file: PDF, DOCX, XLSX or an image."))


class StakeholderForm(forms.Form):
    role = forms.CharField(label=_("Role for the portfolio"), max_length=300, required=False,
                           help_text=_("For example: funds the pilots, gives the permits."))
    influence = forms.TypedChoiceField(label=_("Influence (1 low – 5 high)"), choices=SCALE,
                                       coerce=int, widget=forms.RadioSelect)
    interest = forms.TypedChoiceField(label=_("Interest (1 low – 5 high)"), choices=SCALE,
                                      coerce=int, widget=forms.RadioSelect)
    notes = forms.CharField(label=_("Notes"), max_length=5000, required=False, widget=TEXTAREA)


class RegistrySearchForm(forms.Form):
    q = forms.CharField(label=_("Search the registry by name"), max_length=100,
                        required=False)


class OrganisationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    name_hy = forms.CharField(label=_("Name in Armenian"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=300, required=False)
    country = SafeModelChoice(label=_("Country"), required=False,
                              queryset=Country.objects.order_by("code"))
    website = forms.URLField(label=_("Website"), max_length=200, required=False,
                             assume_scheme="https")


class ContactForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    organisation = SafeModelChoice(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none(),
        empty_label=_("none, or not a stakeholder yet"),
        help_text=_("One of the portfolio's stakeholder organisations."))

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            field = self.fields["organisation"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = organisations
