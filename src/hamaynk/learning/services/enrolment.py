"""Enrolment: a community's head or staff ask a seat in a session for one of the
community's people (themselves or a colleague with a verified affiliation).

Seats: a confirmed enrolment holds one. An enrolment that would go beyond the session's
capacity, its seats per community or per country waits on the waiting list, in the order
the enrolments were made; when a seat frees (a cancellation, more seats) the first waiting
enrolment that now fits is confirmed in the same transaction, and its person told. Where
the session asks for it, the organiser approves each enrolment first (to a seat, or to the
waiting list when none is free).

Every write locks the session's row first, so two enrolments never take the last seat."""

import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Affiliation, Community
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import require
from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Session
from hamaynk.learning.selectors.forms import form_asked
from hamaynk.learning.services.forms import check_answers, record_response
from hamaynk.learning.states import ENROLMENT_TRANSITIONS
from hamaynk.notifications.services import notify

E = Enrolment.Status


def moment_text(moment: Any, zone: str) -> str:
    """A moment as the session's zone reads it, the zone named: "3 March 2027, 10:00
    (Europe/Chisinau)"."""
    local = timezone.localtime(moment, zoneinfo.ZoneInfo(zone))
    return f"{date_format(local, 'DATETIME_FORMAT')} ({zone})"


@dataclass
class Seats:
    """The confirmed seats of a session, as (community, country) pairs, read under its lock."""

    session: Session
    held: list[tuple[int, int | None]]

    @classmethod
    def of(cls, session: Session) -> "Seats":
        return cls(session, list(session.enrolments.filter(status=E.CONFIRMED).values_list(
            "community_id", "community__region__country_id")))

    def refusal(self, community_id: int, country_id: int | None) -> str | None:
        """Why one more seat for this community does not fit (`None`: it fits)."""
        s = self.session
        if len(self.held) >= s.capacity:
            return "capacity"
        if s.community_quota and sum(1 for c, _k in self.held if c == community_id) \
                >= s.community_quota:
            return "community"
        if s.country_quota and country_id is not None and sum(
                1 for _c, k in self.held if k == country_id) >= s.country_quota:
            return "country"
        return None

    def take(self, community_id: int, country_id: int | None) -> None:
        self.held.append((community_id, country_id))

    @property
    def full(self) -> bool:
        return len(self.held) >= self.session.capacity


def _lock_session(session: Session) -> Session:
    return lock(Session, session.pk, select_related=("opportunity__network",), of=("self",))


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    return lock(Enrolment, enrolment.pk, select_related=("community__region", "person"),
                of=("self",))


def _tell(enrolment: Enrolment, kind: str, *, actor: Any = None) -> None:
    """Tell the enrolment's person (not when they did it themselves)."""
    if actor is not None and enrolment.person_id == getattr(actor, "pk", None):
        return
    notify(recipient=enrolment.person, kind=kind, params={"enrolment": enrolment},
           url=enrolment.session.get_absolute_url())


def _teller(enrolment: Enrolment, kind: str) -> Callable[[], None]:
    return lambda: _tell(enrolment, kind)


def _is_verified_member(person: User, community: Community) -> bool:
    return Affiliation.objects.filter(user=person, community=community,
                                      status=Affiliation.Status.VERIFIED).exists()


def _check_person(session: Session, community: Community, person: User) -> None:
    if not _is_verified_member(person, community):
        raise DomainError(_("Only a person with a verified affiliation to %(community)s can "
                            "be enrolled for it.") % {"community": community.name},
                          field="person")
    if Enrolment.objects.filter(session=session, person=person,
                                status__in=Enrolment.ACTIVE).exists():
        raise DomainError(_("%(person)s is already enrolled in this session.")
                          % {"person": person.get_full_name()}, field="person")


@transaction.atomic
def enrol(*, session: Session, community: Community, person: User, actor: User,
          answers: Mapping[str, Any] | None = None) -> Enrolment:
    """Ask a seat for `person` on behalf of `community`: confirmed at once when it fits,
    waitlisted when it does not, or awaiting the organiser's approval. Where the
    opportunity has registration questions, `answers` are checked and kept with it."""
    require(actor, "learning.enrol_for", community)
    locked = _lock_session(session)
    now = timezone.now()
    if locked.opportunity.status != Opportunity.Status.PUBLISHED:
        raise DomainError(_("This opportunity is not open for enrolment."))
    if now > locked.enrolment_deadline:
        raise DomainError(_("Enrolment closed on %(moment)s.") % {"moment": moment_text(
            locked.enrolment_deadline, locked.time_zone)}, field="person")
    _check_person(locked, community, person)
    registration = form_asked(locked.opportunity, LearningForm.Purpose.REGISTRATION)
    kept = check_answers(registration, answers or {}) if registration is not None else {}
    country_id = community.region.country_id
    if locked.needs_approval:
        status = E.REQUESTED
    else:
        status = E.CONFIRMED if Seats.of(locked).refusal(community.pk, country_id) is None \
            else E.WAITLISTED
    enrolment = Enrolment.objects.create(session=locked, community=community, person=person,
                                         enrolled_by=actor, status=status, queued_at=now,
                                         decided_at=None if status == E.REQUESTED else now)
    audit.record(action="learning.enrolment.created", actor=actor, target=enrolment,
                 data={"status": status, "community": community.pk, "person": person.pk})
    if registration is not None:
        record_response(enrolment=enrolment, form=registration, answers=kept)
    if status != E.REQUESTED:
        _tell(enrolment, f"learning.enrolment.{status}", actor=actor)
    return enrolment


def promote_waitlisted(*, session: Session, actor: Any) -> list[Enrolment]:
    """Confirm, in their order, the waiting enrolments that now fit (`session` is locked by
    the caller's transaction); each person is told."""
    seats = Seats.of(session)
    promoted: list[Enrolment] = []
    waiting = (Enrolment.objects.select_for_update(of=("self",))
               .filter(session=session, status=E.WAITLISTED)
               .select_related("community__region", "person").order_by("queued_at", "pk"))
    for enrolment in waiting:
        if seats.full:
            break
        country_id = enrolment.community.region.country_id
        if seats.refusal(enrolment.community_id, country_id) is not None:
            continue
        enrolment.session = session
        enrolment.decided_at = timezone.now()
        transition(enrolment, to=E.CONFIRMED, table=ENROLMENT_TRANSITIONS, actor=actor,
                   action="learning.enrolment.promoted", fields=["decided_at"],
                   notify=_teller(enrolment, "learning.enrolment.promoted"))
        seats.take(enrolment.community_id, country_id)
        promoted.append(enrolment)
    return promoted


@transaction.atomic
def decide(*, enrolment: Enrolment, actor: User, approve: bool, reason: str = "",
           expected_version: int | None = None) -> Enrolment:
    """The organiser approves (a seat, or the waiting list when none fits) or declines."""
    require(actor, "learning.decide_enrolment", enrolment)
    session = _lock_session(enrolment.session)
    locked = _lock_enrolment(enrolment)
    locked.session = session
    if expected_version is not None and locked.version != expected_version:
        raise DomainError(_("This enrolment changed while you were looking at it. Read it "
                            "again, then decide."))
    was = locked.status
    if approve:
        if was != E.REQUESTED:
            raise DomainError(_("Only an enrolment awaiting approval can be approved."))
        fits = Seats.of(session).refusal(locked.community_id,
                                         locked.community.region.country_id) is None
        to = E.CONFIRMED if fits else E.WAITLISTED
    else:
        to = E.DECLINED
    locked.decided_at = timezone.now()
    locked.reason = reason.strip()
    transition(locked, to=to, table=ENROLMENT_TRANSITIONS, actor=actor,
               action="learning.enrolment.approved" if approve else "learning.enrolment.declined",
               fields=["decided_at", "reason"],
               notify=lambda: _tell(locked, f"learning.enrolment.{to}"))
    return locked


@transaction.atomic
def cancel(*, enrolment: Enrolment, actor: User, reason: str = "") -> Enrolment:
    """The community gives the seat back (before the session's cancellation cut-off; the
    organiser may at any time before it ends); the seat goes to the waiting list."""
    require(actor, "learning.change_enrolment", enrolment)
    session = _lock_session(enrolment.session)
    locked = _lock_enrolment(enrolment)
    locked.session = session
    now = timezone.now()
    organiser = actor.has_perm("learning.decide_enrolment", locked)
    if not organiser and now > session.cancellable_until():
        raise DomainError(_("Cancellation closed on %(moment)s. Write to the organiser.")
                          % {"moment": moment_text(session.cancellable_until(),
                                                   session.time_zone)})
    if organiser and now > session.ends_at:
        raise DomainError(_("The session is over: its enrolments stay as they are."))
    locked.reason = reason.strip()
    was = transition(locked, to=E.CANCELLED, table=ENROLMENT_TRANSITIONS, actor=actor,
                     action="learning.enrolment.cancelled", fields=["reason"],
                     notify=lambda: _tell(locked, "learning.enrolment.cancelled", actor=actor))
    if was == E.CONFIRMED:
        promote_waitlisted(session=session, actor=actor)
    return locked


@transaction.atomic
def hand_over(*, enrolment: Enrolment, actor: User, person: User) -> Enrolment:
    """Give the seat (or the place in the list) to a colleague of the same community, before
    the session starts; the colleague is told."""
    require(actor, "learning.change_enrolment", enrolment)
    session = _lock_session(enrolment.session)
    locked = _lock_enrolment(enrolment)
    locked.session = session
    if not locked.is_active:
        raise DomainError(_("Only an active enrolment can be handed over."))
    if timezone.now() > session.starts_at:
        raise DomainError(_("The session has started: its seats can no longer be handed over."))
    if person.pk == locked.person_id:
        raise DomainError(_("Choose another person."), field="person")
    _check_person(session, locked.community, person)
    before = locked.person_id
    locked.person = person
    record_change(locked, actor=actor, action="learning.enrolment.handed_over",
                  fields=["person"], details={"from": before, "to": person.pk},
                  notify=lambda: _tell(locked, "learning.enrolment.handed_over", actor=actor))
    return locked

