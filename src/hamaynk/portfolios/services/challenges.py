"""The portfolio's challenges and the evidence that shows each is real: a note, a figure,
a link or a file. Each function checks its permission, writes in one transaction and
audits (on the portfolio, so its history tells the whole story)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.files import DOCUMENTS, XLSX, discard_stored, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import Challenge, Evidence, Portfolio

MAX_TEXT = 5000
EVIDENCE_FILE_TYPES = DOCUMENTS | {XLSX}


@dataclass
class ChallengeValues:
    title_hy: str
    title_en: str = ""
    description: str = ""


def _checked(values: ChallengeValues) -> ChallengeValues:
    values = ChallengeValues(title_hy=values.title_hy.strip(), title_en=values.title_en.strip(),
                             description=values.description.strip())
    if not values.title_hy:
        raise DomainError(_("Name the challenge in Armenian."), field="title_hy")
    for name, limit in (("title_hy", 300), ("title_en", 300), ("description", MAX_TEXT)):
        if len(getattr(values, name)) > limit:
            raise DomainError(_("This is too long (at most %(limit)d characters).")
                              % {"limit": limit}, field=name)
    return values


@transaction.atomic
def challenge_add(*, portfolio: Portfolio, actor: User, values: ChallengeValues) -> Challenge:
    require(actor, "portfolios.edit_portfolio", portfolio)
    values = _checked(values)
    last = portfolio.challenges.aggregate(last=Max("order"))["last"] or 0
    challenge = Challenge.objects.create(portfolio=portfolio, order=last + 1,
                                         title_hy=values.title_hy, title_en=values.title_en,
                                         description=values.description)
    audit.record(action="portfolios.challenge.added", actor=actor, target=portfolio,
                 data={"challenge": challenge.pk, "title": challenge.title_hy})
    return challenge


@transaction.atomic
def challenge_change(*, challenge: Challenge, actor: User, values: ChallengeValues
                     ) -> Challenge:
    require(actor, "portfolios.edit_portfolio", challenge.portfolio)
    values = _checked(values)
    locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
    changed = {name: {"from": getattr(locked, name), "to": getattr(values, name)}
               for name in ("title_hy", "title_en", "description")
               if getattr(locked, name) != getattr(values, name)}
    if not changed:
        return locked
    for name, change in changed.items():
        setattr(locked, name, change["to"])
    locked.save()
    audit.record(action="portfolios.challenge.changed", actor=actor, target=locked.portfolio,
                 data={"challenge": locked.pk, "changed": changed})
    return locked


@transaction.atomic
def challenge_remove(*, challenge: Challenge, actor: User) -> None:
    """Remove a challenge with its evidence (and their files); the interventions that
    addressed it no longer name it."""
    portfolio = challenge.portfolio
    require(actor, "portfolios.edit_portfolio", portfolio)
    for evidence in challenge.evidence.select_related("file"):
        _drop_file(evidence, actor)
    audit.record(action="portfolios.challenge.removed", actor=actor, target=portfolio,
                 data={"challenge": challenge.pk, "title": challenge.title_hy})
    challenge.delete()


@dataclass
class EvidenceValues:
    kind: str
    text: str = ""
    url: str = ""
    upload: Any = None


def _checked_evidence(values: EvidenceValues) -> EvidenceValues:
    """A note or a figure says something; a link is a web address; a file is uploaded."""
    kinds = Evidence.Kind
    if values.kind not in kinds.values:
        raise DomainError(_("Choose the kind of evidence."), field="kind")
    text, url = values.text.strip(), values.url.strip()
    if len(text) > MAX_TEXT:
        raise DomainError(_("This is too long (at most %(limit)d characters).")
                          % {"limit": MAX_TEXT}, field="text")
    if values.kind in (kinds.NOTE, kinds.DATA) and not text:
        raise DomainError(_("Say what it shows."), field="text")
    if values.kind == kinds.LINK:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise DomainError(_("Enter a web address starting with https:// or http://."),
                              field="url") from exc
        if len(url) > 500:
            raise DomainError(_("The address is too long."), field="url")
    if values.kind == kinds.FILE and values.upload is None:
        raise DomainError(_("Choose the file."), field="upload")
    return EvidenceValues(kind=values.kind, text=text,
                          url=url if values.kind == kinds.LINK else "",
                          upload=values.upload if values.kind == kinds.FILE else None)


@transaction.atomic
def evidence_add(*, challenge: Challenge, actor: User, values: EvidenceValues) -> Evidence:
    require(actor, "portfolios.edit_portfolio", challenge.portfolio)
    values = _checked_evidence(values)
    evidence = Evidence.objects.create(challenge=challenge, kind=values.kind, text=values.text,
                                       url=values.url, added_by=actor)
    if values.upload is not None:
        try:
            evidence.file = store_upload(upload=values.upload, uploaded_by=actor,
                                         allowed=EVIDENCE_FILE_TYPES, owner=evidence,
                                         visibility=StoredFile.Visibility.COMMUNITY)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="upload") from exc
        evidence.save(update_fields=["file", "updated_at"])
    audit.record(action="portfolios.evidence.added", actor=actor,
                 target=challenge.portfolio,
                 data={"challenge": challenge.pk, "evidence": evidence.pk, "kind": values.kind})
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: User) -> None:
    portfolio = evidence.challenge.portfolio
    require(actor, "portfolios.edit_portfolio", portfolio)
    _drop_file(evidence, actor)
    audit.record(action="portfolios.evidence.removed", actor=actor, target=portfolio,
                 data={"challenge": evidence.challenge_id, "evidence": evidence.pk,
                       "kind": evidence.kind})
    evidence.delete()


def _drop_file(evidence: Evidence, actor: User) -> None:
    if evidence.file_id is None:
        return
    stored = evidence.file
    evidence.file = None
    evidence.save(update_fields=["file", "updated_at"])
    discard_stored(stored=stored, actor=actor, reason="removed", owner=evidence.challenge)
