"""The catalogue's writes, by the network's secretariat: opportunities (draft → published →
archived), their materials (links and checked files) and their sessions."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.models import Country
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock, record_change, transition
from hamaynk.core.workflow import require
from hamaynk.learning.models import Material, Opportunity, Session, Topic
from hamaynk.learning.models.catalogue import (
    AUDIENCE_CHOICES,
    LANGUAGE_CHOICES,
    validate_time_zone,
)
from hamaynk.learning.states import OPPORTUNITY_TRANSITIONS
from hamaynk.networks.models import Network

OS = Opportunity.Status
OPPORTUNITY_FIELDS = ("kind", "format", "title_hy", "title_en", "description_hy",
                      "description_en", "provider_hy", "provider_en", "hours",
                      "days_required", "pass_mark")
SESSION_FIELDS = ("label_hy", "label_en", "country", "place_hy", "place_en", "online_url",
                  "time_zone", "starts_at", "ends_at", "capacity", "community_quota",
                  "country_quota", "enrolment_deadline", "cancellation_cutoff",
                  "needs_approval")


def _joined(values: Iterable[str], allowed: list[tuple[str, Any]], field: str) -> str:
    known = [code for code, _label in allowed]
    chosen = list(dict.fromkeys(values))
    if any(code not in known for code in chosen):
        raise DomainError(_("Choose from the list."), field=field)
    return ",".join(code for code in known if code in chosen)


def _opportunity_values(*, kind: str, format: str, title_hy: str, languages: Iterable[str],
                        audience: Iterable[str], hours: Decimal | None,
                        **rest: Any) -> dict[str, Any]:
    if kind not in Opportunity.Kind.values:
        raise DomainError(_("Choose the kind of learning."), field="kind")
    if format not in Opportunity.Format.values:
        raise DomainError(_("Choose the format."), field="format")
    if not title_hy.strip():
        raise DomainError(_("Give the opportunity a title in Armenian."), field="title_hy")
    langs = _joined(languages, LANGUAGE_CHOICES, "languages")
    if not langs:
        raise DomainError(_("Choose at least one language."), field="languages")
    if hours is not None and hours <= 0:
        raise DomainError(_("The hours must be more than zero."), field="hours")
    values = {"kind": kind, "format": format, "title_hy": title_hy.strip(), "hours": hours,
              "languages": langs, "audience": _joined(audience, AUDIENCE_CHOICES, "audience"),
              **_completion_rules(rest.pop("days_required", None), rest.pop("pass_mark", None))}
    for name in ("title_en", "description_hy", "description_en", "provider_hy", "provider_en"):
        values[name] = str(rest.get(name) or "").strip()
    return values


DAYS_REQUIRED_MESSAGE = _("At least one day (leave it empty for every day).")
PASS_MARK_MESSAGE = _("A pass mark is a per cent, from 0 to 100.")


def _completion_rules(days_required: int | None, pass_mark: int | None) -> dict[str, Any]:
    if days_required is not None and days_required < 1:
        raise DomainError(DAYS_REQUIRED_MESSAGE, field="days_required")
    if pass_mark is not None and not 0 <= pass_mark <= 100:
        raise DomainError(PASS_MARK_MESSAGE, field="pass_mark")
    return {"days_required": days_required, "pass_mark": pass_mark}


@transaction.atomic
def opportunity_create(*, network: Network, actor: User, kind: str, format: str,
                       title_hy: str, languages: Iterable[str], topics: Iterable[Topic] = (),
                       audience: Iterable[str] = (), hours: Decimal | None = None,
                       **text: str) -> Opportunity:
    """A draft opportunity of the network (its secretariat's); published later."""
    require(actor, "learning.manage_catalogue", network)
    values = _opportunity_values(kind=kind, format=format, title_hy=title_hy,
                                 languages=languages, audience=audience, hours=hours, **text)
    opportunity = Opportunity.objects.create(network=network, status=OS.DRAFT, **values)
    opportunity.topics.set(list(topics))
    audit.record(action="learning.opportunity.created", actor=actor, target=opportunity)
    return opportunity


@transaction.atomic
def opportunity_update(*, opportunity: Opportunity, actor: User, kind: str, format: str,
                       title_hy: str, languages: Iterable[str], topics: Iterable[Topic] = (),
                       audience: Iterable[str] = (), hours: Decimal | None = None,
                       expected_version: int | None = None, **text: str) -> Opportunity:
    require(actor, "learning.manage_catalogue", opportunity)
    locked = lock(Opportunity, opportunity.pk, select_related=("network",),
                  expected_version=expected_version)
    values = _opportunity_values(kind=kind, format=format, title_hy=title_hy,
                                 languages=languages, audience=audience, hours=hours, **text)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.topics.set(list(topics))
    return record_change(locked, actor=actor, action="learning.opportunity.updated",
                         fields=list(values))


@transaction.atomic
def opportunity_move(*, opportunity: Opportunity, actor: User, to: str) -> Opportunity:
    """Publish (it appears in the public catalogue), take back to draft, or archive."""
    require(actor, "learning.manage_catalogue", opportunity)
    locked = lock(Opportunity, opportunity.pk, select_related=("network",))
    fields = []
    if to == OS.PUBLISHED:
        if not locked.sessions.exists() and locked.kind != Opportunity.Kind.ELEARNING:
            raise DomainError(_("Add a session before publishing: people enrol in sessions."))
        locked.published_at = timezone.now()
        fields = ["published_at"]
    transition(locked, to=to, table=OPPORTUNITY_TRANSITIONS, actor=actor,
               action=f"learning.opportunity.{to}", fields=fields)
    return locked


@transaction.atomic
def material_add(*, opportunity: Opportunity, actor: User, title_hy: str, title_en: str = "",
                 url: str = "", upload: Any = None) -> Material:
    """A link, or a file checked by its content (PDF, DOCX, XLSX, an image), shown with the
    opportunity to everyone who can see it."""
    from hamaynk.core.files import DOCUMENTS, XLSX, store_upload
    from hamaynk.core.models import StoredFile

    require(actor, "learning.manage_catalogue", opportunity)
    if not title_hy.strip():
        raise DomainError(_("Give the material a title."), field="title_hy")
    if bool(url.strip()) == (upload is not None):
        raise DomainError(_("Give either a link or a file."), field="url")
    stored = None
    if upload is not None:
        try:
            stored = store_upload(upload=upload, uploaded_by=actor, allowed=DOCUMENTS | {XLSX},
                                  owner=opportunity, visibility=StoredFile.Visibility.PUBLIC)
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages), field="file") from exc
    material = Material.objects.create(opportunity=opportunity, title_hy=title_hy.strip(),
                                       title_en=title_en.strip(), url=url.strip(), file=stored)
    audit.record(action="learning.material.added", actor=actor, target=opportunity,
                 data={"material": material.pk, "title": material.title_hy})
    return material


@transaction.atomic
def material_remove(*, opportunity: Opportunity, actor: User, material_id: int) -> None:
    from hamaynk.core.files import discard_stored

    require(actor, "learning.manage_catalogue", opportunity)
    material = opportunity.materials.select_related("file").filter(pk=material_id).first()
    if material is None:
        raise DomainError(_("There is no such material."))
    audit.record(action="learning.material.removed", actor=actor, target=opportunity,
                 data={"material": material.pk, "title": material.title_hy})
    stored = material.file
    material.delete()
    discard_stored(stored=stored, actor=actor, reason="material_removed", owner=opportunity)


def session_problems(values: dict[str, Any], *, format: str) -> list[tuple[str, Any]]:
    """What is wrong with a session's values, each beside its field (also the form's
    check, so no constraint's name reaches a page)."""
    problems: list[tuple[str, Any]] = []
    starts, ends = values.get("starts_at"), values.get("ends_at")
    deadline, cutoff = values.get("enrolment_deadline"), values.get("cancellation_cutoff")
    try:
        validate_time_zone(str(values.get("time_zone") or ""))
    except ValidationError:
        problems.append(("time_zone", _("Write a time zone such as Asia/Yerevan or "
                                        "Europe/Chisinau.")))
    if starts is None:
        problems.append(("starts_at", _("Give the start.")))
    if ends is None or (starts is not None and ends <= starts):
        problems.append(("ends_at", _("The session must end after it starts.")))
    if deadline is None:
        problems.append(("enrolment_deadline", _("Give the moment enrolment closes.")))
    elif starts is not None and deadline > starts:
        problems.append(("enrolment_deadline", _("Enrolment must close before the session "
                                                 "starts.")))
    if cutoff is not None and starts is not None and cutoff > starts:
        problems.append(("cancellation_cutoff", _("Cancellation must end before the session "
                                                  "starts.")))
    if not values.get("capacity") or values["capacity"] < 1:
        problems.append(("capacity", _("A session has at least one seat.")))
    for name in ("community_quota", "country_quota"):
        if values.get(name) is not None and values[name] < 1:
            problems.append((name, _("A quota is at least one seat (leave it empty for none).")))
    place = str(values.get("place_hy") or "").strip()
    link = str(values.get("online_url") or "").strip()
    if format in (Opportunity.Format.OFFLINE, Opportunity.Format.HYBRID) and not place:
        problems.append(("place_hy", _("Say where the session takes place.")))
    if format == Opportunity.Format.ONLINE and not link:
        problems.append(("online_url", _("Give the link to join online.")))
    return problems


def _session_values(opportunity: Opportunity, raw: dict[str, Any]) -> dict[str, Any]:
    values = {name: raw.get(name) for name in SESSION_FIELDS}
    for name in ("label_hy", "label_en", "place_hy", "place_en", "online_url", "time_zone"):
        values[name] = str(values[name] or "").strip()
    values["needs_approval"] = bool(values["needs_approval"])
    if values["country"] is not None and not isinstance(values["country"], Country):
        raise DomainError(_("Choose from the list."), field="country")
    problems = session_problems(values, format=opportunity.format)
    if problems:
        field, message = problems[0]
        raise DomainError(message, field=field)
    return values


@transaction.atomic
def session_create(*, opportunity: Opportunity, actor: User, **raw: Any) -> Session:
    require(actor, "learning.manage_catalogue", opportunity)
    if opportunity.status == OS.ARCHIVED:
        raise DomainError(_("An archived opportunity takes no new sessions."))
    session = Session.objects.create(opportunity=opportunity,
                                     **_session_values(opportunity, raw))
    audit.record(action="learning.session.created", actor=actor, target=session)
    return session


@transaction.atomic
def session_update(*, session: Session, actor: User, expected_version: int | None = None,
                   **raw: Any) -> Session:
    """Change a session; seats it now has free (more capacity, a larger quota) go to the
    waiting list in order."""
    from hamaynk.learning.services.enrolment import promote_waitlisted

    require(actor, "learning.manage_catalogue", session)
    locked = lock(Session, session.pk, select_related=("opportunity__network",),
                  of=("self",), expected_version=expected_version)
    values = _session_values(locked.opportunity, raw)
    for name, value in values.items():
        setattr(locked, name, value)
    record_change(locked, actor=actor, action="learning.session.updated", fields=list(values))
    promote_waitlisted(session=locked, actor=actor)
    return locked


def within(moment: datetime.datetime, zone: str) -> datetime.datetime:
    """A moment as it reads in a zone (for messages)."""
    import zoneinfo

    return moment.astimezone(zoneinfo.ZoneInfo(zone))
