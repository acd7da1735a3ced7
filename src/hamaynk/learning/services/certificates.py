"""Issuing and revoking certificates. Issuing is what a completion (attendance recorded, a quiz
passed) or an event's check-in calls, inside its own transaction: one certificate per source,
so recording the same completion twice issues nothing new."""

import datetime
import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.learning.models import Certificate
from hamaynk.networks.models import Network
from hamaynk.notifications.services import notify

# Crockford's base 32: no I, L, O, U — a code read aloud or typed from paper is not mistaken
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_code() -> str:
    """Twelve characters in three groups (60 random bits): "7Q4D-K2MX-9A0B"."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def normal_code(text: str) -> str:
    """A code as someone typed it (lower case, spaces, O for 0) in its printed form."""
    raw = "".join(ch for ch in text.upper().translate(MISREAD) if ch in ALPHABET)
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


@transaction.atomic
def certificate_issue(*, network: Network, actor: User, name: str, title_hy: str,
                      completed_on: datetime.date, title_en: str = "",
                      hours: Decimal | None = None, person: User | None = None,
                      community: Community | None = None, participation: bool = False,
                      source_kind: str = "", source_id: int | None = None) -> Certificate:
    """A certificate for `person` (or a named guest), issued by `network`'s secretariat or by
    what it runs; the same source again gives the certificate already issued."""
    require(actor, "learning.issue_certificate", network)
    return certificate_record(network=network, actor=actor, name=name, title_hy=title_hy,
                              completed_on=completed_on, title_en=title_en, hours=hours,
                              person=person, community=community, participation=participation,
                              source_kind=source_kind, source_id=source_id)


def certificate_record(*, network: Network, actor: User, name: str, title_hy: str,
                       completed_on: datetime.date, title_en: str = "",
                       hours: Decimal | None = None, person: User | None = None,
                       community: Community | None = None, participation: bool = False,
                       source_kind: str = "", source_id: int | None = None) -> Certificate:
    """`certificate_issue` without its permission check, for a service that has checked what
    entitles the person to it (`completion.completion_check`: the rules of an opportunity met,
    whoever's action met them — the organiser's attendance or the person's own quiz). Runs in
    the caller's transaction."""
    if source_id is not None:
        issued = Certificate.objects.filter(source_kind=source_kind, source_id=source_id).first()
        if issued is not None:
            return issued
    if not name.strip():
        raise DomainError(_("A certificate needs the name of the person it is for."),
                          field="name")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    code=new_code(), network=network, person=person, community=community,
                    name=name.strip(), title_hy=title_hy, title_en=title_en, hours=hours,
                    completed_on=completed_on, participation=participation,
                    source_kind=source_kind, source_id=source_id)
            break
        except IntegrityError:
            if source_id is not None and Certificate.objects.filter(
                    source_kind=source_kind, source_id=source_id).exists():
                return Certificate.objects.get(source_kind=source_kind, source_id=source_id)
    else:  # pragma: no cover - 60 random bits do not collide five times
        raise DomainError(_("The certificate could not be issued. Try again."))
    audit.record(action="learning.certificate.issued", actor=actor, target=certificate,
                 data={"source": f"{source_kind}:{source_id}" if source_kind else ""})
    if person is not None:
        notify(recipient=person, kind="learning.certificate.issued",
               params={"certificate": certificate}, url=certificate.get_absolute_url())
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor: User, reason: str) -> Certificate:
    """Revoke a certificate issued in error: its public page says so, with the reason."""
    require(actor, "learning.issue_certificate", certificate)
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        raise DomainError(_("This certificate is already revoked."))
    if not reason.strip():
        raise DomainError(_("Say why the certificate is revoked: the public page shows it."),
                          field="reason")
    locked.revoked_at = timezone.now()
    locked.revoked_reason = reason.strip()
    locked.revoked_by = actor
    locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by", "updated_at"])
    audit.record(action="learning.certificate.revoked", actor=actor, target=locked,
                 data={"reason": locked.revoked_reason})
    if locked.person is not None:
        notify(recipient=locked.person, kind="learning.certificate.revoked",
               params={"certificate": locked}, url=locked.get_absolute_url())
    return locked
