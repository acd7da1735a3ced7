from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community
from hamaynk.communities.selectors import filter_choices
from hamaynk.networks.selectors import network_choices


def _all_choices(countries: list[str] | None = None) -> dict[str, list[tuple[str, str, int]]]:
    return {**filter_choices(countries), "networks": network_choices()}


def _options(kind: str, empty: Any, countries: list[str] | None = None
             ) -> list[tuple[str, str]]:
    return [("", str(empty)),
            *((code, label) for code, label, _pk in _all_choices(countries)[kind])]


class DirectoryFilter(django_filters.FilterSet):
    """The public directory of communities' filters; the query string stays readable:
    ?q=akunk&country=AM&region=AM-KT&network=m4eg"""

    q = django_filters.CharFilter(label=_("Name"), method="noop",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=lambda: _options("countries", _("All countries")),
        method="noop", empty_label=None)
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=lambda: _options("regions", _("All regions")),
        method="noop", empty_label=None)
    network = django_filters.ChoiceFilter(
        label=_("Member of"), choices=lambda: _options("networks", _("Any or none")),
        method="noop", empty_label=None)

    class Meta:
        model = Community
        fields: list[str] = []

    def __init__(self, data: Any = None, *args: Any, countries: list[str] | None = None,
                 **kwargs: Any) -> None:
        """`countries`: whose regions the region filter offers (the viewer's community's
        country) — narrowed to the chosen country when one is chosen."""
        super().__init__(data, *args, **kwargs)
        chosen = (data or {}).get("country", "")
        known = {code for code, _label, _pk in _all_choices()["countries"]}
        self.countries = [chosen] if chosen in known else countries
        self.filters["region"].extra["choices"] = _options("regions", _("All regions"),
                                                           self.countries)

    def noop(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset  # the selector does the filtering

    def cleaned(self) -> dict[str, object]:
        """The valid filters, with codes turned into ids for the selector."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        data = dict(getattr(self.form, "cleaned_data", {}))
        options = _all_choices(self.countries)
        for field, kind in (("country", "countries"), ("region", "regions"),
                            ("network", "networks")):
            ids = {code: pk for code, _label, pk in options[kind]}
            data[field] = ids.get(data.get(field) or "")
        return data
