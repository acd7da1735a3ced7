"""Certificates: the public check by code (no sign-in: an employer or a ministry reads it from
the paper), the PDF for those who may have it, a person's own list, and revoking."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamaynk.core.errors import DomainError
from hamaynk.core.exports import absolute_url
from hamaynk.core.pagination import paginate
from hamaynk.documents.certificates import CertificateText, certificate_pdf
from hamaynk.learning.models import Certificate
from hamaynk.learning.selectors.certificates import certificate_by_code, certificates_of
from hamaynk.learning.services import certificates as services


class CheckForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Certificate code"), max_length=40,
                           help_text=gettext_lazy("As printed under the QR code, e.g. "
                                                  "7Q4D-K2MX-9A0B."))


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why is it revoked?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=gettext_lazy("Shown on the certificate's public page."))


def certificate_check(request: HttpRequest) -> HttpResponse:
    """The form where a code typed from paper leads to its certificate's page."""
    form = CheckForm(request.GET or None)
    if form.is_valid():
        found = certificate_by_code(form.cleaned_data["code"])
        if found is not None:
            return redirect(found)
        form.add_error("code", _("No certificate has this code. Check it against the paper: "
                                 "twelve letters and digits in three groups."))
    return render(request, "learning/certificates/check.html", {"form": form},
                  status=404 if form.is_bound and form.errors else 200)


def certificate_detail(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificate_by_code(code)
    if certificate is None:
        raise Http404
    can_revoke = (not certificate.is_revoked
                  and request.user.has_perm("learning.issue_certificate", certificate))
    form = RevokeForm(request.POST or None)
    if request.method == "POST":
        if not can_revoke:
            raise Http404
        if form.is_valid():
            try:
                services.certificate_revoke(certificate=certificate, actor=request.user,  # type: ignore[arg-type]
                                            reason=form.cleaned_data["reason"])
            except DomainError as exc:
                form.add_error(exc.field, exc.message)  # type: ignore[arg-type]
            else:
                messages.success(request, _("The certificate is revoked."))
                return redirect(certificate)
    return render(request, "learning/certificates/detail.html", {
        "certificate": certificate, "form": form, "can_revoke": can_revoke,
        "can_download": not certificate.is_revoked and request.user.has_perm(
            "learning.download_certificate", certificate)})


def _text(certificate: Certificate) -> CertificateText:
    network = certificate.network
    return CertificateText(
        name=certificate.name, title_hy=certificate.title_hy, title_en=certificate.title_en,
        issuer_hy=network.name_hy, issuer_en=network.name_en,
        completed_on=certificate.completed_on, code=certificate.code,
        verify_url=absolute_url(certificate.get_absolute_url()), hours=certificate.hours,
        participation=certificate.participation)


def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificate_by_code(code)
    if (certificate is None or certificate.is_revoked
            or not request.user.has_perm("learning.download_certificate", certificate)):
        raise Http404
    response = HttpResponse(certificate_pdf(_text(certificate)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/certificates/mine.html", {
        "page_obj": paginate(certificates_of(request.user), request.GET.get("page"))})
