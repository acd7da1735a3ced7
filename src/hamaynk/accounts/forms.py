from django import forms

from hamaynk.accounts.models import User


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "email_frequency"]
        widgets = {"email_frequency": forms.RadioSelect}
