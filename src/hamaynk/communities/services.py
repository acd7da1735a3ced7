"""Every write to the registry and to affiliations. Each is one transaction, checks
permission, enforces the affiliation state machine, writes the audit trail, and notifies
after commit."""

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import (
    forget_roles,
    network_ids_served,
    verified_community_ids,
)
from hamaynk.communities.models import Affiliation, Community, Contact, Country, Organisation
from hamaynk.communities.states import AFFILIATION_TRANSITIONS
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.files import IMAGES, replace_stored, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.core.transitions import lock, transition
from hamaynk.notifications.services import announce

S = Affiliation.Status


def _responsible_officers(community: Community) -> list[User]:
    """The secretariat officers who may verify the community's people: of the networks it
    works with, or of every network while it works with none."""
    owner = community.ownership()
    if owner.unclaimed:
        officers = User.objects.filter(network_roles__role="secretariat", is_active=True)
    else:
        officers = User.objects.filter(network_roles__role="secretariat", is_active=True,
                                       network_roles__network_id__in=owner.network_ids)
    return list(officers.distinct())


@transaction.atomic
def affiliation_request(*, user: User, community: Community, role: str,
                        position: str = "") -> Affiliation:
    """A person says they work for a community; the secretariat will verify it."""
    if not user.is_authenticated:
        raise PermissionDenied
    if role not in Affiliation.Role.values:
        raise DomainError(_("Choose a role."), field="role")
    if not community.is_current:
        raise DomainError(_("This community no longer exists; choose the one it merged into."),
                          field="community")
    if Affiliation.objects.filter(user=user, community=community,
                                  status__in=[S.PENDING, S.VERIFIED]).exists():
        raise DomainError(_("You already have a request or a role for this community."),
                          field="community")
    try:
        with transaction.atomic():
            affiliation = Affiliation.objects.create(user=user, community=community, role=role,
                                                     position=position.strip())
    except IntegrityError as exc:  # a double click: the constraint keeps one open request
        raise DomainError(_("You already have a request or a role for this community."),
                          field="community") from exc
    audit.record(action="communities.affiliation.requested", actor=user, target=affiliation,
                 data={"role": role, "community": community.pk})
    announce(_responsible_officers(community), kind="communities.affiliation.requested",
             params={"affiliation": affiliation}, url=reverse("communities:affiliations"))()
    return affiliation


def _decide(*, affiliation: Affiliation, actor: User, target: str, action: str,
            reason: str = "") -> Affiliation:
    if not actor.has_perm("communities.decide_affiliation", affiliation):
        raise PermissionDenied
    locked = lock(Affiliation, affiliation.pk, select_related=("user", "community"))
    AFFILIATION_TRANSITIONS.check(locked, target)
    if target == S.VERIFIED and locked.role == Affiliation.Role.HEAD and \
            Affiliation.objects.filter(community=locked.community, role=Affiliation.Role.HEAD,
                                       status=S.VERIFIED).exists():
        raise DomainError(_("This community already has a verified head. Revoke that role first."))
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.reason = reason.strip()
    transition(locked, to=target, table=AFFILIATION_TRANSITIONS, actor=actor, action=action,
               details={"reason": locked.reason},
               fields=["decided_by", "decided_at", "reason"],
               notify=announce([locked.user], kind=action, essential=True,
                               params={"affiliation": locked},
                               url=locked.community.get_absolute_url()))
    forget_roles(locked.user)
    return locked


@transaction.atomic
def affiliation_verify(*, affiliation: Affiliation, actor: User) -> Affiliation:
    """Verify a person's role. The community's verified head is told of every other person
    verified for it: a community is shared by networks, and its head is the one who knows
    who works for it."""
    verified = _decide(affiliation=affiliation, actor=actor, target=S.VERIFIED,
                       action="communities.affiliation.verified")
    heads = (Affiliation.objects.filter(community=verified.community, role=Affiliation.Role.HEAD,
                                        status=S.VERIFIED).exclude(user=verified.user)
             .select_related("user"))
    announce([head.user for head in heads], kind="communities.affiliation.verified_for_head",
             essential=True,
             params={"affiliation": verified}, url=verified.community.get_absolute_url())()
    return verified


@transaction.atomic
def affiliation_reject(*, affiliation: Affiliation, actor: User, reason: str) -> Affiliation:
    if not reason.strip():
        raise DomainError(_("Give a reason: the person will read it."), field="reason")
    return _decide(affiliation=affiliation, actor=actor, target=S.REJECTED,
                   action="communities.affiliation.rejected", reason=reason)


@transaction.atomic
def affiliation_revoke(*, affiliation: Affiliation, actor: User, reason: str) -> Affiliation:
    if not reason.strip():
        raise DomainError(_("Give a reason: the person will read it."), field="reason")
    return _decide(affiliation=affiliation, actor=actor, target=S.REVOKED,
                   action="communities.affiliation.revoked", reason=reason)


@transaction.atomic
def community_confirm(*, community: Community, actor: User) -> Community:
    """The secretariat confirms an unverified registry row against the official source."""
    if not actor.has_perm("communities.confirm_community", community):
        raise PermissionDenied
    locked = lock(Community, community.pk)
    if locked.is_verified:
        raise DomainError(_("This community is already confirmed."))
    locked.is_verified = True
    locked.save(update_fields=["is_verified", "updated_at"])
    audit.record(action="communities.community.confirmed", actor=actor, target=locked)
    return locked


PROFILE_FIELDS = ("website", "population", "official_code")


@transaction.atomic
def community_update_profile(*, community: Community, actor: User, website: str,
                             population: int | None, official_code: str,
                             emblem: UploadedFile | None = None) -> Community:
    """The community's own staff (or the secretariat) keep its public profile current."""
    if not actor.has_perm("communities.edit_profile", community):
        raise PermissionDenied
    locked = lock(Community, community.pk)
    before = {f: getattr(locked, f) for f in PROFILE_FIELDS}
    locked.website, locked.population, locked.official_code = website, population, official_code
    after = {f: getattr(locked, f) for f in PROFILE_FIELDS}
    if emblem is not None:
        stored = store_upload(upload=emblem, uploaded_by=actor, allowed=IMAGES, owner=locked,
                              visibility=StoredFile.Visibility.PUBLIC)
        # The old emblem is not history: it goes, row and bytes.
        locked.emblem = replace_stored(old=locked.emblem, new=stored, actor=actor, owner=locked)
        after["emblem"] = stored.pk
    locked.save()
    if before != after:
        audit.record(action="communities.community.profile_changed", actor=actor, target=locked,
                     data={"before": before, "after": after})
    return locked


# --- the shared registry of organisations and people (portfolios name them as stakeholders) --

def _may_add_to_registry(actor: User) -> None:
    """Anyone who works in the programme adds to the shared registry: a verified head or
    staff member of a community, or a network's officer (secretariat, coach, reviewer)."""
    if not (getattr(actor, "is_authenticated", False) and actor.is_active):
        raise PermissionDenied
    if not (verified_community_ids(actor) or any(
            network_ids_served(actor, role) for role in ("secretariat", "coach", "reviewer"))):
        raise PermissionDenied


def _clean_name(value: str, field: str, limit: int) -> str:
    cleaned = " ".join((value or "").split())
    if "\x00" in cleaned:
        raise DomainError(_("Remove the invisible characters from the name."), field=field)
    if len(cleaned) > limit:
        raise DomainError(_("The name is too long (at most %(limit)d characters).")
                          % {"limit": limit}, field=field)
    return cleaned


def _spellings(name: str) -> set[str]:
    """The same name in other cases (SQLite compares only ASCII letters without case)."""
    return {name, name.lower(), name.upper(), name.title(), name.capitalize()}


@transaction.atomic
def organisation_add(*, actor: User, kind: str, name_hy: str, name_en: str = "",
                     country_id: int | None = None, website: str = "") -> Organisation:
    """Add an organisation to the shared registry, refusing one whose name is already
    there (the message names the row to choose instead)."""
    _may_add_to_registry(actor)
    if kind not in Organisation.Kind.values:
        raise DomainError(_("Choose the kind of organisation."), field="kind")
    name_hy = _clean_name(name_hy, "name_hy", 300)
    name_en = _clean_name(name_en, "name_en", 300)
    if not name_hy and not name_en:
        raise DomainError(_("Give the organisation's name in Armenian or English."),
                          field="name_hy")
    for field, name in (("name_hy", name_hy), ("name_en", name_en)):
        if not name:
            continue
        same = _spellings(name)
        found = Organisation.objects.filter(
            Q(name_hy__iexact=name) | Q(name_en__iexact=name) | Q(name_hy__in=same)
            | Q(name_en__in=same)).first()
        if found is not None:
            raise DomainError(_("«%(name)s» is already in the registry: search for it and "
                                "choose it.") % {"name": found.name}, field=field)
    if country_id is not None and not Country.objects.filter(pk=country_id).exists():
        raise DomainError(_("Choose a country of the list."), field="country")
    organisation = Organisation.objects.create(
        kind=kind, name_hy=name_hy, name_en=name_en, country_id=country_id,
        website=(website or "").strip()[:200], added_by=actor)
    audit.record(action="communities.organisation.added", actor=actor, target=organisation,
                 data={"kind": kind, "name_hy": name_hy, "name_en": name_en})
    return organisation


@transaction.atomic
def contact_add(*, actor: User, full_name: str, position: str = "",
                organisation: Organisation | None = None) -> Contact:
    """Add a person to the shared registry, refusing the same name at the same organisation
    (the message names the row to choose instead)."""
    _may_add_to_registry(actor)
    full_name = _clean_name(full_name, "full_name", 200)
    if not full_name:
        raise DomainError(_("Give the person's name."), field="full_name")
    position = _clean_name(position, "position", 200)
    found = Contact.objects.filter(
        Q(full_name__iexact=full_name) | Q(full_name__in=_spellings(full_name)),
        organisation=organisation).first()
    if found is not None:
        raise DomainError(_("«%(name)s» is already in the registry: search for it and "
                            "choose it.") % {"name": str(found)}, field="full_name")
    contact = Contact.objects.create(full_name=full_name, position=position,
                                     organisation=organisation, added_by=actor)
    audit.record(action="communities.contact.added", actor=actor, target=contact,
                 data={"full_name": full_name, "organisation": getattr(organisation, "pk", None)})
    return contact
