"""The council decision package of a community joining a network: the network's editable
texts (CouncilTemplate) filled in for the community, rendered by the documents app."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Affiliation, Community
from hamaynk.core.errors import DomainError
from hamaynk.core.i18n import labelled
from hamaynk.documents import council
from hamaynk.documents.armenian import latin_slug
from hamaynk.networks.models import CouncilTemplate, MembershipApplication, Network

DOCUMENT_TITLES = {
    "decision": _("Draft council decision"),
    "justification": _("Justification"),
    "budget_note": _("Budget-impact note"),
}
MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf"}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format_map(_Blank(values))


def _lines(text: str, values: dict[str, str]) -> tuple[str, ...]:
    return tuple(_fill(line.strip(), values) for line in text.splitlines() if line.strip())


def _paragraphs(text: str, values: dict[str, str]) -> tuple[str, ...]:
    blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(_fill(b, values) for b in blocks if b)


def package_for(*, network: Network, community: Community,
                today: datetime.date | None = None) -> council.CouncilPackage:
    template = CouncilTemplate.objects.filter(network=network, language="hy").first()
    if template is None:
        raise DomainError(_("The secretariat has not written this network's council texts "
                            "yet."))
    head = (Affiliation.objects.filter(community=community, role="head", status="verified")
            .select_related("user").first())
    values = {"community": community.name_hy, "network": network.name_hy,
              "marz": community.region.genitive_hy}
    return council.CouncilPackage(
        community_name_hy=community.name_hy,
        region_genitive_hy=community.region.genitive_hy
        if community.region.kind == "marz" else "",
        network_name_hy=network.name_hy,
        title_hy=_fill(template.title, values),
        legal_basis=_lines(template.legal_basis, values),
        decision_points=_lines(template.points, values),
        entry_into_force=_fill(template.entry_into_force.strip(), values),
        justification_paragraphs=_paragraphs(template.justification, values),
        co_financing=template.co_financing,
        currency="AMD",
        head_name=head.user.full_name if head else "",
        rapporteur=head.user.full_name if head else "",
        draft_date=today or timezone.localdate(),
    )


def council_document(*, network: Network, community: Community, document: str,
                     fmt: str) -> tuple[bytes, str, str]:
    """(content, file name, content type) of one document of the package."""
    package = package_for(network=network, community=community)
    render = council.render_docx if fmt == "docx" else council.render_pdf
    return render(package, document), council.filename(package, document, fmt), MIME[fmt]


def application_blocks(application: MembershipApplication) -> list[council.Block]:
    """What the head signs, in the reader's language: the application's key data and the
    commitments accepted in it, then the signature line."""
    community, network = application.community, application.network
    edo = ", ".join(part for part in (application.edo_name, application.edo_position,
                                      application.edo_email, application.edo_phone) if part)
    decision = ", ".join(part for part in (
        application.decision_reference,
        date_format(application.decision_date, "DATE_FORMAT")
        if application.decision_date else "") if part)
    commitments = list(application.accepted_commitments.all())
    blocks = [
        council.Block("heading", str(_("Membership application"))),
        council.Block("title", f"{community.name} → {network.name}"),
        council.Block("body", labelled(_("Community"),
                                       f"{community.name}, {community.region.name}")),
        council.Block("body", labelled(_("Network"), network.name)),
        council.Block("body", labelled(_("Motivation"), application.motivation or "—")),
        council.Block("body", labelled(_("Contact / EDO"), edo or "—")),
        council.Block("body", labelled(_("Council decision"), decision or "—")),
        council.Block("title", str(_("Commitments accepted"))),
        *(council.Block("point", f"{number}. {commitment.text}")
          for number, commitment in enumerate(commitments, start=1)),
    ]
    if not commitments:
        blocks.append(council.Block("body", "—"))
    if application.signed_at:
        signed_at = date_format(localtime(application.signed_at), "DATETIME_FORMAT")
        blocks.append(council.Block("signature", f"{application.signed_name}, {signed_at}"))
    return blocks


def application_pdf(application: MembershipApplication) -> tuple[bytes, str]:
    """(content, file name) of the whole application as a PDF, in the active language."""
    from hamaynk.documents.pdf_writer import write_pdf

    title = f"{_('Membership application')}. {application.community.name}"
    content = write_pdf(application_blocks(application), title=title, lang=get_language())
    slug = slugify(application.community.name_en) or latin_slug(application.community.name_hy)
    return content, f"{slug or 'community'}-application-{application.pk}.pdf"
