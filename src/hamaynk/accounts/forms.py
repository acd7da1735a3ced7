from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "email_frequency", "gender"]
        widgets = {"email_frequency": forms.RadioSelect, "gender": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        gender = self.fields["gender"]
        gender.required = False
        gender.choices = [("", _("I prefer not to say")), *User.Gender.choices]  # type: ignore[attr-defined]
