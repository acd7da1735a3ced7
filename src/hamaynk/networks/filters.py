from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community
from hamaynk.communities.selectors import filter_choices
from hamaynk.networks.selectors import network_choices


def _all_choices() -> dict[str, list[tuple[str, str, int]]]:
    return {**filter_choices(), "networks": network_choices()}


def _options(kind: str, empty: Any):  # type: ignore[no-untyped-def]
    def choices() -> list[tuple[str, str]]:
        return [("", str(empty)), *((code, label) for code, label, _pk in _all_choices()[kind])]
    return choices


class DirectoryFilter(django_filters.FilterSet):
    """The public directory of communities' filters; the query string stays readable:
    ?q=akunk&country=AM&region=AM-KT&network=m4eg"""

    q = django_filters.CharFilter(label=_("Name"), method="noop",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_options("countries", _("All countries")), method="noop",
        empty_label=None)
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=_options("regions", _("All regions")), method="noop",
        empty_label=None)
    network = django_filters.ChoiceFilter(
        label=_("Member of"), choices=_options("networks", _("Any or none")), method="noop",
        empty_label=None)

    class Meta:
        model = Community
        fields: list[str] = []

    def noop(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset  # the selector does the filtering

    def cleaned(self) -> dict[str, object]:
        """The valid filters, with codes turned into ids for the selector."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        data = dict(getattr(self.form, "cleaned_data", {}))
        options = _all_choices()
        for field, kind in (("country", "countries"), ("region", "regions"),
                            ("network", "networks")):
            ids = {code: pk for code, _label, pk in options[kind]}
            data[field] = ids.get(data.get(field) or "")
        return data
