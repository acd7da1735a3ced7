from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.core.parsing import validate_programme_date
from hamaynk.networks.models import (
    Commitment,
    CouncilTemplate,
    DevelopmentPlan,
    Membership,
    MembershipApplication,
    Network,
    NetworkRole,
)
from hamaynk.networks.services.setup import RULE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TeamMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.Role.choices)


class CommitmentChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Commitment) -> str:  # type: ignore[override]
        return obj.text


class ApplicationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    commitments = CommitmentChoice(
        label=_("Commitments"), queryset=Commitment.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick each commitment the community accepts. All are needed to submit."))
    decision_scan_upload = forms.FileField(
        label=_("Adopted council decision (scan)"), required=False,
        help_text=_("PDF, DOCX or an image, up to 10 MB."))

    class Meta:
        model = MembershipApplication
        fields = ["motivation", "edo_name", "edo_position", "edo_email", "edo_phone",
                  "decision_number", "decision_date"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5}), "decision_date": DATE}

    def __init__(self, *args: object, network: Network, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        commitments = cast(forms.ModelMultipleChoiceField, self.fields["commitments"])
        commitments.queryset = network.commitments.filter(is_active=True)
        if self.instance.pk:
            self.fields["commitments"].initial = list(
                self.instance.accepted_commitments.values_list("pk", flat=True))
            self.fields["version"].initial = self.instance.version
        if network.requires_edo:
            self.fields["edo_name"].label = _("Economic Development Officer (EDO)")
            self.fields["edo_name"].help_text = _(
                "Mandated by the head, able to attend learning events and responsive to the "
                "secretariat.")


class SignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    typed_name = forms.CharField(label=_("Your full name"), max_length=200,
                                 help_text=_("Typing your name is your signature."))
    confirm = forms.BooleanField(label=_(
        "I, the community head, sign this application on behalf of the community and confirm "
        "the commitments accepted in it."))
    signed_scan_upload = forms.FileField(label=_("Signed application (scan), optional"),
                                         required=False)


class ApplicationDecisionForm(forms.Form):
    DECISIONS = [("approve", _("Approve")), ("request_changes", _("Ask for changes")),
                 ("reject", _("Reject"))]
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS,
                                 widget=forms.RadioSelect)
    message = forms.CharField(label=_("Message to the community"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Required when you ask for changes or reject."))


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("Plan document"), help_text=_("PDF or DOCX, up to 10 MB."))
    building_blocks = forms.MultipleChoiceField(
        label=_("Building blocks the plan covers"), choices=DevelopmentPlan.Block.choices,
        widget=forms.CheckboxSelectMultiple)


class PlanDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("approve", _("Approve the plan")), ("return", _("Return it for changes"))])
    message = forms.CharField(label=_("Message to the community"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class MembershipActionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)
    new_plan_due = forms.DateField(label=_("New LEDP due date"), required=False, widget=DATE,
                                   validators=[validate_programme_date])


class RulesForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = list(RULE_FIELDS)
        widgets = {"description_hy": forms.Textarea(attrs={"rows": 4}),
                   "description_en": forms.Textarea(attrs={"rows": 4})}


class CommitmentForm(forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text_hy = forms.CharField(label=_("Commitment (Armenian)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    text_en = forms.CharField(label=_("Commitment (English)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    is_active = forms.BooleanField(label=_("in use"), required=False, initial=True)


CommitmentFormSet = forms.formset_factory(CommitmentForm, extra=2, max_num=30)


class CouncilTemplateForm(forms.ModelForm):
    class Meta:
        model = CouncilTemplate
        fields = ["title", "legal_basis", "points", "entry_into_force", "justification",
                  "co_financing"]
        widgets = {f: forms.Textarea(attrs={"rows": r}) for f, r in (
            ("legal_basis", 3), ("points", 4), ("entry_into_force", 2), ("justification", 12))}


class MemberFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Any status")), *[(s, label) for s, label in Membership.Status.choices
                                 if s in Membership.VISIBLE_STATUSES]])

    def __init__(self, *args: object, countries: list[tuple[str, str]],
                 regions: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        cast(forms.ChoiceField, self.fields["country"]).choices = [
            ("", _("All countries")), *countries]
        cast(forms.ChoiceField, self.fields["region"]).choices = [
            ("", _("All regions")), *regions]


class QueueFilterForm(MemberFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Any status")), *[(s, label) for s, label in
                                 MembershipApplication.Status.choices if s != "draft"]])
    q = forms.CharField(label=_("Community"), required=False)
