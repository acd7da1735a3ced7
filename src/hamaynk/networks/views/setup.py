"""The secretariat's settings of its network: rules, commitments, council texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hamaynk.core.errors import DomainError
from hamaynk.networks import selectors, services
from hamaynk.networks.forms import CommitmentFormSet, CouncilTemplateForm, RulesForm
from hamaynk.networks.models import CouncilTemplate
from hamaynk.networks.services.setup import RULE_FIELDS, CommitmentInput


@login_required
def network_settings(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_for_secretariat(slug=slug, user=request.user)
    commitments = list(network.commitments.all())
    initial = [{"pk": c.pk, "text_hy": c.text_hy, "text_en": c.text_en,
                "is_active": c.is_active} for c in commitments]
    posted = request.method == "POST"
    rules_form = RulesForm(request.POST if posted else None, instance=network)
    formset = CommitmentFormSet(request.POST if posted else None, initial=initial,
                                prefix="commitments")
    if posted and rules_form.is_valid() and formset.is_valid():
        try:
            services.network_rules_update(
                network=network, actor=request.user,  # type: ignore[arg-type]
                **{f: rules_form.cleaned_data[f] for f in RULE_FIELDS})
            services.commitments_save(network=network, actor=request.user,  # type: ignore[arg-type]
                                      items=[CommitmentInput(
                                          pk=f.cleaned_data.get("pk"),
                                          text_hy=f.cleaned_data.get("text_hy", ""),
                                          text_en=f.cleaned_data.get("text_en", ""),
                                          is_active=f.cleaned_data.get("is_active", False))
                                          for f in formset.forms if f.cleaned_data])
        except DomainError as exc:
            rules_form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
        else:
            messages.success(request, _("The network settings are saved."))
            return redirect("networks:settings", slug=slug)
    return render(request, "networks/settings.html", {
        "network": network, "rules_form": rules_form, "formset": formset,
        "languages": [("hy", _("Armenian")), ("en", _("English"))]})


@login_required
def council_template_edit(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    network = selectors.network_for_secretariat(slug=slug, user=request.user)
    if language not in {"hy", "en"}:
        raise Http404
    template = (CouncilTemplate.objects.filter(network=network, language=language).first()
                or CouncilTemplate(network=network, language=language))
    form = CouncilTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.council_template_save(network=network,
                                           actor=request.user,  # type: ignore[arg-type]
                                           language=language, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("The council texts are saved."))
            return redirect("networks:settings", slug=slug)
    return render(request, "networks/council_template.html",
                  {"network": network, "form": form, "language": language})
