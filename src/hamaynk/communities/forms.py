from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Affiliation, Community


class CommunityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Community) -> str:  # type: ignore[override]
        return f"{obj.name} — {obj.region.name}"


class AffiliationRequestForm(forms.Form):
    community = CommunityChoiceField(
        label=_("Community"),
        queryset=Community.objects.filter(is_verified=True, valid_to__isnull=True,
                                          merged_into__isnull=True)
        .select_related("region").order_by("region__code", "name_hy"),
        empty_label=_("Choose your community"))
    role = forms.ChoiceField(label=_("Your role"), choices=Affiliation.Role.choices,
                             widget=forms.RadioSelect)
    position = forms.CharField(label=_("Position"), max_length=200, required=False,
                               help_text=_("For example: head of the finance department."))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=2000)


class CommunityProfileForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    emblem_upload = forms.FileField(
        label=_("Emblem"), required=False,
        help_text=_("PNG, JPEG or WebP image, up to 10 MB."))

    class Meta:
        model = Community
        fields = ["website", "population", "official_code"]
