"""A community's membership application: prepared by its staff, signed and submitted by its
head, reviewed by the network's secretariat. Every function is one transaction, checks the
actor's permission, moves the explicit state machine, writes the audit trail and notifies
after commit."""

import datetime
from collections.abc import Callable

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.files import DOCUMENTS, replace_stored, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.core.parsing import date_bounds_message, within_programme_years
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import SAVED_ELSEWHERE, check_version
from hamaynk.networks.models import (
    Membership,
    MembershipApplication,
    Network,
    bare_decision_number,
)
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.networks.services._common import add_months, require, today_in
from hamaynk.networks.states import APPLICATION_TRANSITIONS
from hamaynk.notifications.services import announce

A = MembershipApplication.Status
JOINS = ("network", "community__region")


def _tell_community(application: MembershipApplication, action: str, *,
                    essential: bool = True) -> Callable[[], object]:
    return announce(people_acting_for(application.community_id), kind=action,
                    essential=essential,
                    params={"application": application}, url=application.get_absolute_url())


@transaction.atomic
def application_start(*, network: Network, community: Community,
                      actor: User) -> MembershipApplication:
    """Open a draft application; a second click returns nothing new (one open application
    per community and network, held by a database constraint)."""
    require(actor, "networks.prepare_application", community)
    if Membership.objects.filter(network=network, community=community,
                                 status__in=Membership.VISIBLE_STATUSES).exists():
        raise DomainError(_("%(community)s is already a member of this network.")
                          % {"community": community.name})
    if MembershipApplication.objects.filter(network=network, community=community,
                                            status__in=MembershipApplication.OPEN_STATUSES).exists():
        raise DomainError(_("%(community)s already has an open application to this network.")
                          % {"community": community.name})
    try:
        with transaction.atomic():
            application = MembershipApplication.objects.create(
                network=network, community=community, prepared_by=actor)
    except IntegrityError as exc:
        raise DomainError(_("%(community)s already has an open application to this network.")
                          % {"community": community.name}) from exc
    audit.record(action="networks.application.started", actor=actor, target=application)
    return application


@transaction.atomic
def application_update(*, application: MembershipApplication, actor: User,
                       expected_version: int | None, motivation: str, edo_name: str,
                       edo_position: str, edo_email: str, edo_phone: str,
                       commitment_ids: list[int], decision_number: str,
                       decision_date: datetime.date | None,
                       decision_scan: UploadedFile | None = None) -> MembershipApplication:
    """Save the community's answers (a draft, or after the secretariat asked for changes).
    Refused (`StaleVersion`, nothing written) when the application moved on from
    `expected_version`, unless the save changes nothing (a double click)."""
    require(actor, "networks.prepare_application", application)
    locked = lock(MembershipApplication, application.pk, select_related=JOINS)
    if not locked.is_editable:
        raise DomainError(_("This application can no longer be changed."))
    if decision_date is not None and not within_programme_years(decision_date):
        raise DomainError(date_bounds_message(), field="decision_date")
    if decision_date is not None and decision_date > today_in(locked.network):
        raise DomainError(_("A council decision cannot be dated in the future: give the date "
                            "the council adopted it."), field="decision_date")
    fields = {"motivation": motivation.strip(), "edo_name": edo_name.strip(),
              "edo_position": edo_position.strip(), "edo_email": edo_email.strip(),
              "edo_phone": edo_phone.strip(),
              "decision_number": bare_decision_number(decision_number),
              "decision_date": decision_date}
    valid = set(locked.network.commitments.filter(is_active=True, pk__in=commitment_ids)
                .values_list("pk", flat=True))
    if decision_scan is None and all(getattr(locked, k) == v for k, v in fields.items()) and (
            valid == set(locked.accepted_commitments.values_list("pk", flat=True))):
        return locked
    check_version(locked, expected_version, SAVED_ELSEWHERE)
    before = {k: str(getattr(locked, k) or "") for k in fields}
    for key, value in fields.items():
        setattr(locked, key, value)
    if decision_scan is not None:
        new_scan = store_upload(
            upload=decision_scan, uploaded_by=actor, allowed=DOCUMENTS, owner=locked,
            visibility=StoredFile.Visibility.COMMUNITY)
        if locked.submitted_at is None:  # a draft's scan is no evidence yet: replaced, it goes
            replace_stored(old=locked.decision_scan, new=new_scan, actor=actor, owner=locked)
        locked.decision_scan = new_scan
    locked.accepted_commitments.set(valid)
    return record_change(locked, actor=actor, action="networks.application.updated",
                         details={"before": before,
                                  "after": {k: str(v or "") for k, v in fields.items()},
                                  "commitments": sorted(valid)})


def application_missing(application: MembershipApplication) -> list[str]:
    """What still stands between this application and its submission, in plain words."""
    missing = []
    if not application.motivation:
        missing.append(str(_("Say why the community wants to join.")))
    network = application.network
    if network.requires_edo and not (application.edo_name and application.edo_email):
        missing.append(str(_("Name the Economic Development Officer and give their email.")))
    elif not application.edo_name:
        missing.append(str(_("Name a contact person.")))
    wanted = set(network.commitments.filter(is_active=True).values_list("pk", flat=True))
    accepted = set(application.accepted_commitments.values_list("pk", flat=True))
    if wanted - accepted:
        missing.append(str(_("Accept every commitment (%(count)d not yet accepted).")
                           % {"count": len(wanted - accepted)}))
    if not (application.decision_number and application.decision_date):
        missing.append(str(_("Give the number and date of the council decision.")))
    if not application.decision_scan_id:
        missing.append(str(_("Attach the scan of the adopted council decision.")))
    return missing


def _same_name(typed: str, full_name: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()
    return bool(norm(typed)) and norm(typed) == norm(full_name)


@transaction.atomic
def application_sign_and_submit(*, application: MembershipApplication, actor: User,
                                expected_version: int | None, typed_name: str,
                                signed_scan: UploadedFile | None = None
                                ) -> MembershipApplication:
    """The community head signs (typed full name, after re-entering their password — the
    view asks for it) and submits. Staff cannot sign."""
    require(actor, "networks.sign_application", application)
    locked = lock(MembershipApplication, application.pk, select_related=JOINS,
                  expected_version=expected_version)
    if not locked.is_editable:
        raise DomainError(_("This application can no longer be changed."))
    if not _same_name(typed_name, actor.full_name):
        raise DomainError(_("Type your full name exactly as in your account: %(name)s.")
                          % {"name": actor.full_name or actor.email}, field="typed_name")
    missing = application_missing(locked)
    if missing:
        raise DomainError(_("The application is not complete yet: %(missing)s")
                          % {"missing": " ".join(missing)})
    APPLICATION_TRANSITIONS.check(locked, A.SUBMITTED)
    now = timezone.now()
    locked.signed_by, locked.signed_name, locked.signed_at = actor, typed_name.strip(), now
    previous_scan = locked.signed_scan_id  # evidence of an earlier submission: kept
    if signed_scan is not None:
        locked.signed_scan = store_upload(
            upload=signed_scan, uploaded_by=actor, allowed=DOCUMENTS, owner=locked,
            visibility=StoredFile.Visibility.COMMUNITY)
    locked.submitted_at = now
    locked.review_message = ""
    audit.record(action="networks.application.signed", actor=actor, target=locked,
                 data={"typed_name": locked.signed_name, "signed_at": now.isoformat(),
                       "signed_scan": locked.signed_scan_id, "previous_signed_scan": previous_scan})
    transition(locked, to=A.SUBMITTED, table=APPLICATION_TRANSITIONS, actor=actor,
               action="networks.application.submitted",
               notify=[announce(secretariat_officers(network=locked.network),
                                kind="networks.application.received",
                                params={"application": locked}, url=locked.get_absolute_url()),
                       _tell_community(locked, "networks.application.submitted")])
    return locked


def _decide(application: MembershipApplication, actor: User, expected_version: int | None,
            target: str, action: str, message: str = "") -> MembershipApplication:
    require(actor, "networks.decide_application", application)
    locked = lock(MembershipApplication, application.pk, select_related=JOINS,
                  expected_version=expected_version)
    APPLICATION_TRANSITIONS.check(locked, target)
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.review_message = message.strip()
    transition(locked, to=target, table=APPLICATION_TRANSITIONS, actor=actor, action=action,
               details={"message": locked.review_message},
               notify=_tell_community(locked, action))
    return locked


@transaction.atomic
def application_request_changes(*, application: MembershipApplication, actor: User,
                                expected_version: int | None,
                                message: str) -> MembershipApplication:
    if not message.strip():
        raise DomainError(_("Write what the community should change."), field="message")
    locked = _decide(application, actor, expected_version, A.CHANGES_REQUESTED,
                     "networks.application.changes_requested", message)
    return locked


@transaction.atomic
def application_reject(*, application: MembershipApplication, actor: User,
                       expected_version: int | None, message: str) -> MembershipApplication:
    if not message.strip():
        raise DomainError(_("Give the reason: the community will read it."), field="message")
    locked = _decide(application, actor, expected_version, A.REJECTED,
                     "networks.application.rejected", message)
    return locked


@transaction.atomic
def application_approve(*, application: MembershipApplication, actor: User,
                        expected_version: int | None, message: str = "") -> Membership:
    """Approve: the community becomes a member, with the status, since-date and LEDP due
    date that the network's rules give."""
    locked = _decide(application, actor, expected_version, A.APPROVED,
                     "networks.application.approved", message)
    network = locked.network
    since = today_in(network)
    values = {"status": network.status_on_approval, "since": since, "application": locked,
              "plan_due": add_months(since, network.plan_due_months)
              if network.requires_plan else None,
              "status_before_suspension": "", "status_reason": "",
              "reminded_30_at": None, "reminded_7_at": None}
    membership, _created = Membership.objects.update_or_create(
        network=network, community=locked.community, defaults=values)
    audit.record(action="networks.membership.created", actor=actor, target=membership,
                 data={"status": membership.status, "since": since.isoformat(),
                       "plan_due": membership.plan_due.isoformat() if membership.plan_due
                       else None})
    return membership


@transaction.atomic
def application_withdraw(*, application: MembershipApplication,
                         actor: User) -> MembershipApplication:
    require(actor, "networks.prepare_application", application)
    locked = lock(MembershipApplication, application.pk, select_related=JOINS)
    officers = [] if locked.status == A.DRAFT else secretariat_officers(network=locked.network)
    transition(locked, to=A.WITHDRAWN, table=APPLICATION_TRANSITIONS, actor=actor,
               action="networks.application.withdrawn",
               notify=announce(officers, kind="networks.application.withdrawn",
                               params={"application": locked}, url=locked.get_absolute_url()))
    return locked
