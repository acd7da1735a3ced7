"""The forms of grants that fund interventions: which intervention an application funds,
and which open call to apply to for an intervention."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.core.parsing import parse_id
from hamaynk.grants.models import Application, Call
from hamaynk.portfolios.forms.interventions import OneOfOwn
from hamaynk.portfolios.selectors.funding import fundable_interventions


class Fundable(OneOfOwn):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.status_label})"


class FundsForm(forms.Form):
    intervention = Fundable(label=_("Intervention it funds"), queryset=None, required=False,
                            empty_label=_("None"),
                            help_text=_("An intervention of the community's portfolio that "
                                        "is not stopped."))

    def __init__(self, *args: Any, application: Application, current: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["intervention"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = fundable_interventions(application, keep=current)
        field.initial = current


class ApplyForm(forms.Form):
    call = forms.TypedChoiceField(label=_("Open call"), coerce=int, empty_value=None)

    def __init__(self, *args: Any, calls: list[Call], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls = {call.pk: call for call in calls}
        field = self.fields["call"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(call.pk, f"{call.title} · {call.get_kind_display()}")
                         for call in calls]

    def clean_call(self) -> Call:
        value = self.cleaned_data["call"]
        call = self.calls.get(value) if parse_id(value) is not None else None
        if call is None:
            raise forms.ValidationError(_("Choose one of the open calls listed."))
        return call
