"""The learning catalogue's forms: an opportunity, a material, a session (moments entered in
the session's own zone, which the view activates), and a community's enrolment."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Country
from hamaynk.core.parsing import parse_id, validate_programme_date
from hamaynk.learning.models import Opportunity, Session, Topic
from hamaynk.learning.models.catalogue import AUDIENCE_CHOICES, LANGUAGE_CHOICES, codes
from hamaynk.learning.services.catalogue import session_problems

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
TIME_ZONES = ["Asia/Yerevan", "Europe/Chisinau", "Europe/Kyiv", "Asia/Tbilisi", "Asia/Baku",
              "Europe/Minsk", "Europe/Brussels", "UTC"]
TIME_ZONE_CHOICES = [(zone, zone) for zone in TIME_ZONES]


class TopicChoice(forms.ModelMultipleChoiceField):
    def clean(self, value: Any) -> Any:
        """An id no database column holds ("9" × 20) is an invalid choice, not a 500."""
        for item in value if isinstance(value, list | tuple) else [value]:
            if item not in (None, "") and parse_id(item) is None:
                raise forms.ValidationError(self.error_messages["invalid_choice"],
                                            code="invalid_choice", params={"value": item})
        return super().clean(value)


class OpportunityForm(forms.ModelForm):
    topics = TopicChoice(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Topic.objects.order_by("order", "slug"))
    languages = forms.MultipleChoiceField(label=_("Languages"), choices=LANGUAGE_CHOICES,
                                          widget=forms.CheckboxSelectMultiple)
    audience = forms.MultipleChoiceField(label=_("For whom"), choices=AUDIENCE_CHOICES,
                                         required=False, widget=forms.CheckboxSelectMultiple)

    FIELDS = ["kind", "format", "title_hy", "title_en", "description_hy", "description_en",
              "topics", "languages", "audience", "provider_hy", "provider_en", "hours"]
    field_order = FIELDS

    class Meta:
        model = Opportunity
        # languages and audience are codes kept in one column: the form's own fields
        fields = ["kind", "format", "title_hy", "title_en", "description_hy", "description_en",
                  "topics", "provider_hy", "provider_en", "hours"]
        widgets = {"description_hy": forms.Textarea(attrs={"rows": 5}),
                   "description_en": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"provider_hy": _("A partner organisation; leave empty when the network "
                                       "itself provides it.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = codes(self.instance.languages)
            self.initial["audience"] = codes(self.instance.audience)

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class MaterialForm(forms.Form):
    title_hy = forms.CharField(label=_("Title in Armenian"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    url = forms.URLField(label=_("Link"), max_length=500, required=False,
                         assume_scheme="https")
    file = forms.FileField(label=_("or a file (PDF, DOCX, XLSX, an image)"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and bool(cleaned.get("url")) == bool(cleaned.get("file")):
            self.add_error("url", _("Give either a link or a file."))
        return cleaned


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), max_length=500, required=False,
                                assume_scheme="https")
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES,
                                  help_text=_("The moments below are in this zone."))

    class Meta:
        model = Session
        fields = ["label_hy", "label_en", "country", "place_hy", "place_en", "online_url",
                  "time_zone", "starts_at", "ends_at", "enrolment_deadline",
                  "cancellation_cutoff", "capacity", "community_quota", "country_quota",
                  "needs_approval"]
        widgets = dict.fromkeys(("starts_at", "ends_at", "enrolment_deadline",
                                 "cancellation_cutoff"), MOMENT)
        help_texts = {"community_quota": _("Leave empty for no limit per community."),
                      "country_quota": _("Leave empty for no limit per country."),
                      "cancellation_cutoff": _("Leave empty: until the session starts.")}

    def __init__(self, *args: Any, opportunity: Opportunity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity
        cast(forms.ModelChoiceField, self.fields["country"]).queryset = (
            Country.objects.order_by("code"))
        for name in ("starts_at", "ends_at", "enrolment_deadline", "cancellation_cutoff"):
            field = cast(forms.DateTimeField, self.fields[name])
            field.input_formats = MOMENT_FORMATS
            field.validators = [*field.validators, validate_programme_date]
        if self.instance.pk and self.instance.time_zone not in TIME_ZONES:
            zones = cast(forms.ChoiceField, self.fields["time_zone"])
            zones.choices = [*TIME_ZONE_CHOICES, (self.instance.time_zone,
                                                  self.instance.time_zone)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            for field, message in session_problems(cleaned, format=self.opportunity.format):
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name())


class EnrolForm(forms.Form):
    community: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=None, empty_label=None)  # type: ignore[arg-type]
    person = PersonChoiceField(label=_("Person"), queryset=None,  # type: ignore[arg-type]
                               empty_label=_("Choose a colleague"))

    def __init__(self, *args: Any, communities: list[Any], people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from hamaynk.communities.models import Community

        cast(forms.ModelChoiceField, self.fields["community"]).queryset = (
            Community.objects.filter(pk__in=[c.pk for c in communities]))
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = people


class HandOverForm(forms.Form):
    person = PersonChoiceField(label=_("Hand the seat to"), queryset=None,  # type: ignore[arg-type]
                               empty_label=_("Choose a colleague"))

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = people
