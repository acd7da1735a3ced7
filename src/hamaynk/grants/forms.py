import re
import uuid
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Country
from hamaynk.core.numbers import localize_limits
from hamaynk.core.parsing import validate_programme_date
from hamaynk.documents.armenian import latin_slug
from hamaynk.grants import extensions
from hamaynk.grants.models import Application, BudgetCategory, BudgetLine, Call
from hamaynk.grants.services.calls import call_problems
from hamaynk.networks.models import Membership


class LocalizedLimits:
    """Min/max limits in refusals written as the reader's language writes numbers."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        localize_limits(self.fields.values())


MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local", "step": "1"},
                             format="%Y-%m-%dT%H:%M:%S")


SLUG_HELP = _("The part of the call's page address after /grants/calls/, e.g. "
              "“seed-2026” in /grants/calls/seed-2026/. Latin letters, digits and hyphens; "
              "Armenian letters are written in Latin ones for you. Leave it empty to make it "
              "from the title.")


def short_address(text: str) -> str:
    """A call's short address from what was typed or from its title: Armenian letters in
    Latin ones («Ակունք» → "akunk"), everything else slugified, at most 50 characters."""
    return latin_slug(text)[:50].strip("-")


class CallForm(LocalizedLimits, forms.ModelForm):
    """Moments are entered in the network's time zone (the view activates it). The short
    address may be typed in any letters or left empty (made from the title). The rules the
    database's constraints hold are checked here first, in words, beside their fields
    (`services.calls.call_problems`), so no constraint's name ever reaches the page."""

    slug = forms.CharField(label=_("Short address"), required=False, max_length=200,
                           help_text=SLUG_HELP)

    eligible_statuses = forms.MultipleChoiceField(
        label=_("Member statuses that may apply"), required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(s, label) for s, label in Membership.Status.choices
                 if s in Membership.VISIBLE_STATUSES],
        help_text=_("None ticked: any community may apply."))
    eligible_countries = forms.MultipleChoiceField(
        label=_("Countries that may apply"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every country."))
    further_requirements = forms.MultipleChoiceField(
        label=_("Further requirements"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("What other parts of the platform let a call ask of the communities "
                    "that apply."))

    class Meta:
        model = Call
        fields = ["kind", "slug", "title_hy", "title_en", "description_hy", "description_en",
                  "currency", "envelope", "min_award", "max_award", "min_cofinancing_pct",
                  "opens_at", "closes_at", "eligible_statuses", "eligible_countries",
                  "requires_completed_kind", "eligible_cohort", "further_requirements"]
        widgets = {"opens_at": MOMENT, "closes_at": MOMENT,
                   "description_hy": forms.Textarea(attrs={"rows": 5}),
                   "description_en": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, network: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if network is not None:
            from hamaynk.learning.models import Cohort

            cast(forms.ModelChoiceField, self.fields["eligible_cohort"]).queryset = (
                Cohort.objects.filter(network=network))
        cast(forms.MultipleChoiceField, self.fields["eligible_countries"]).choices = [
            (c.code, c.name) for c in Country.objects.all()]
        further = cast(forms.MultipleChoiceField, self.fields["further_requirements"])
        further.choices = extensions.requirement_choices()
        if not further.choices:
            del self.fields["further_requirements"]
        for name in ("opens_at", "closes_at"):
            cast(forms.DateTimeField, self.fields[name]).input_formats = [
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        typed = str(cleaned.get("slug") or "").strip()
        source = typed or str(cleaned.get("title_hy") or cleaned.get("title_en") or "")
        slug = short_address(source)
        if typed and not slug:
            self.add_error("slug", _("Use letters or digits in the short address, e.g. "
                                     "“seed-2026”."))
        elif slug:
            if not typed:  # made from the title: a free one, never someone else's
                taken = Call.objects.exclude(pk=self.instance.pk).filter(
                    slug__startswith=slug).values_list("slug", flat=True)
                base, number = slug, 2
                while slug in set(taken):
                    slug, number = f"{base[:46]}-{number}", number + 1
            cleaned["slug"] = slug
            data: Any = cast(Any, self.data).copy()  # a QueryDict's copy can be changed
            data[self.add_prefix("slug")] = slug  # the page shows the address it will have
            self.data = data
        for field, message in call_problems(cleaned):
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned


class BudgetLineForm(LocalizedLimits, forms.ModelForm):
    # A one-time token rendered with each new form: posting the same form twice adds one line.
    client_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = BudgetLine
        fields = ["category", "description", "requested", "own_contribution"]

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["category"]).queryset = (
            BudgetCategory.objects.filter(call=call))
        self.fields["client_token"].initial = uuid.uuid4()

    def clean_client_token(self) -> uuid.UUID | None:
        """A token that is not one (an old page, a hand-made post) only loses the guard."""
        try:
            return uuid.UUID(self.cleaned_data["client_token"])
        except ValueError:
            return None


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class TextForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)


class QuestionAskForm(TextForm):
    text = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)


class CriterionForm(LocalizedLimits, forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name_hy = forms.CharField(label=_("Criterion (Armenian)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Criterion (English)"), max_length=200, required=False)
    guidance_hy = forms.CharField(label=_("Guidance for reviewers (Armenian)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    guidance_en = forms.CharField(label=_("Guidance for reviewers (English)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    weight = forms.DecimalField(label=_("Weight"), min_value=Decimal("0.01"), max_digits=5,
                                decimal_places=2, required=False, initial=1)
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100,
                                   required=False, initial=5)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, max_num=20)


class DeterminationForm(LocalizedLimits, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("award", _("award")), ("reject", _("reject")),
        ("more_info", _("ask for more information"))])
    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=0,
                                max_digits=14, decimal_places=2)
    reason = forms.CharField(label=_("Reason (goes into the letter)"),
                             widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)
    justification = forms.CharField(
        label=_("Why the decision differs from the ranking (if it does)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class TrancheForm(LocalizedLimits, forms.Form):
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2,
                                min_value=Decimal("0.01"), required=False)
    due_date = forms.DateField(label=_("Due"), required=False,
                               validators=[validate_programme_date],
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    waits_for = forms.ChoiceField(label=_("Waits for the report"), required=False, choices=[
        ("", _("no report")), ("progress", _("progress report")),
        ("financial", _("financial report"))])


TrancheFormSet = forms.formset_factory(TrancheForm, extra=3, max_num=12)


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    min_score = forms.DecimalField(label=_("Mean score at least"), required=False,
                                   min_value=0, max_value=100)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=[
        ("submitted", _("latest submitted first")), ("score", _("best score first")),
        ("amount", _("largest amount first")), ("community", _("community"))])

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from hamaynk.grants.models import Application

        cast(forms.ChoiceField, self.fields["status"]).choices = [
            ("", _("Any status")), *[(s, label) for s, label in Application.Status.choices
                                     if s != "draft"]]
        cast(forms.ChoiceField, self.fields["region"]).choices = [
            ("", _("All regions")), *regions]


class CallDocumentForm(forms.Form):
    title_hy = forms.CharField(label=_("Title in Armenian"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, XLSX or an image, up to "
                                                        "10 MB."))


class ScoreField(forms.IntegerField):
    """A whole score on a criterion's scale; the message names the range."""

    def __init__(self, *, scale_max: int, **kwargs: Any) -> None:
        message = _("Enter a whole number from 0 to %(max)s.") % {"max": scale_max}
        super().__init__(min_value=0, max_value=scale_max, required=False, error_messages={
            "invalid": message, "min_value": message, "max_value": message}, **kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if not re.fullmatch(r"[0-9]{1,6}", str(value).strip()):  # no "²", "٣", "1e3", "-1"
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(str(value).strip())


class ReviewForm(forms.Form):
    """A reviewer's scores (one field `score_<criterion id>` per criterion) and comment."""

    comment = forms.CharField(label=_("Comment"), required=False, max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, criteria: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = ScoreField(
                scale_max=criterion.scale_max, label=str(criterion))

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria
                if self.cleaned_data.get(f"score_{c.pk}") is not None}


class DeclareForm(forms.Form):
    declare = forms.ChoiceField(choices=[("none", "none"), ("conflict", "conflict")])
    note = forms.CharField(label=_("If yes, describe the conflict"), required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    """Assign one reviewer to one application of the call."""

    application = forms.ModelChoiceField(
        queryset=Application.objects.none(), label=_("Application"),
        error_messages={"invalid_choice": _("Choose an application."),
                        "required": _("Choose an application.")})
    reviewer = forms.ModelChoiceField(
        queryset=Application.objects.none(), label=_("Reviewer"),
        error_messages={"invalid_choice": _("Choose a reviewer."),
                        "required": _("Choose a reviewer.")})

    def __init__(self, *args: Any, call: Call, reviewers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["application"]).queryset = call.applications.all()
        cast(forms.ModelChoiceField, self.fields["reviewer"]).queryset = reviewers


class AutoAssignForm(forms.Form):
    per_application = forms.IntegerField(label=_("Reviewers per application"), min_value=1,
                                         max_value=10, initial=2)


class TranchePayForm(forms.Form):
    reference = forms.CharField(label=_("Payment reference"), required=False, max_length=100)


class ReportDecisionForm(forms.Form):
    decide = forms.ChoiceField(choices=[("accept", "accept"), ("return", "return")])
    text = forms.CharField(label=_("Message"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class ScreeningForm(forms.Form):
    """The notes of the eligibility checklist (one per check, and one overall)."""

    note = forms.CharField(required=False, max_length=5000)

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in codes:
            self.fields[f"note_{code}"] = forms.CharField(required=False, max_length=5000)

    def text(self, name: str) -> str:
        return str(self.cleaned_data.get(name, "")) if self.is_valid() else ""
