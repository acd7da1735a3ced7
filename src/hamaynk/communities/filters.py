import django_filters
from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community, Country, Region
from hamaynk.core.forms import FastSelect


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Region) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.country.code})"


class RegionFilter(django_filters.ModelChoiceFilter):
    field_class = RegionChoiceField


def _networks(request):  # type: ignore[no-untyped-def]
    return apps.get_model("networks", "Network").objects.order_by("slug")


class DirectoryFilter(django_filters.FilterSet):
    """The public directory's filters; the query string stays readable:
    ?q=akunk&country=AM&region=AM-KT&network=m4eg"""

    q = django_filters.CharFilter(label=_("Name"), method="noop",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="code",
        empty_label=_("All countries"), method="noop", widget=FastSelect)
    region = RegionFilter(
        label=_("Region"), queryset=Region.objects.select_related("country").all(),
        to_field_name="code", empty_label=_("All regions"), method="noop", widget=FastSelect)
    network = django_filters.ModelChoiceFilter(
        label=_("Member of"), queryset=_networks, to_field_name="slug",
        empty_label=_("Any or none"), method="noop", widget=FastSelect)

    class Meta:
        model = Community
        fields: list[str] = []

    def noop(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset  # the selector does the filtering

    def cleaned(self) -> dict[str, object]:
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return getattr(self.form, "cleaned_data", {})
