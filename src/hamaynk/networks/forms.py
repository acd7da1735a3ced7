from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.networks.models import NetworkRole


class TeamMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.Role.choices)
