"""The secretariat runs calls: create and edit them, build their application form (a
versioned definition, frozen when the call opens), move them through their states, and
answer the public Q&A."""

import copy
import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.communities.selectors import people_acting_for
from hamaynk.core import audit, numbers
from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.core.parsing import date_bounds_message, within_programme_years
from hamaynk.core.transitions import lock, transition
from hamaynk.core.workflow import require
from hamaynk.grants import extensions
from hamaynk.grants.models import Application, BudgetCategory, Call, CallQuestion, FormVersion
from hamaynk.grants.states import CALL_TRANSITIONS
from hamaynk.networks.models import Network
from hamaynk.networks.selectors import secretariat_officers
from hamaynk.notifications.services import announce, notify
from hamaynk.questionnaires import builder
from hamaynk.questionnaires.schema import DefinitionError, empty_definition, parse_definition

C = Call.Status
CALL_FIELDS = ("kind", "slug", "title_hy", "title_en", "description_hy", "description_en",
               "currency", "envelope", "min_award", "max_award", "min_cofinancing_pct",
               "opens_at", "closes_at", "eligible_statuses", "eligible_countries",
               "requires_completed_kind", "eligible_cohort", "further_requirements")
DEFAULT_CATEGORIES = [("Աշխատավարձ և մասնագիտական ծառայություններ", "Staff and expert services"),
                      ("Սարքավորումներ և նյութեր", "Equipment and materials"),
                      ("Միջոցառումներ և հաղորդակցություն", "Events and communication"),
                      ("Այլ ծախսեր", "Other costs")]


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else getattr(v, "pk", None)
                if hasattr(v, "pk") else
                str(v) if not isinstance(v, (list, str, int, type(None))) else v)
            for k, v in values.items()}


def call_problems(values: dict[str, Any], network: Network | None = None) -> list[tuple[str, str]]:
    """What is wrong with a call's values, in words, as (field, message): the rules the
    database's constraints also hold, said beside the field before they are reached. The
    call form shows them all at once; the services refuse the first."""
    problems: list[tuple[str, str]] = []
    cohort = values.get("eligible_cohort")
    if cohort is not None and network is not None and cohort.network_id != network.pk:
        problems.append(("eligible_cohort", str(_("Choose a cohort of this network."))))
    for code in values.get("further_requirements") or []:
        if extensions.requirement(code) is None:
            problems.append(("further_requirements",
                             str(_("This platform knows no requirement “%(code)s”.")
                                 % {"code": code})))
    moments_ok = True
    for moment in ("opens_at", "closes_at"):
        if values.get(moment) is not None and not within_programme_years(values[moment]):
            problems.append((moment, str(date_bounds_message())))
            moments_ok = False
    opens, closes = values.get("opens_at"), values.get("closes_at")
    if moments_ok and opens is not None and closes is not None and closes <= opens:
        problems.append(("closes_at", str(_("The call must close after it opens: choose a "
                                            "closing moment later than the opening one."))))
    for name in ("envelope", "min_award", "max_award"):
        if values.get(name) is not None and values[name] < 0:
            problems.append((name, str(_("An amount cannot be negative."))))
    pct = values.get("min_cofinancing_pct")
    if pct is not None and not 0 <= pct <= 100:
        problems.append(("min_cofinancing_pct", str(_("Enter a share from 0 to 100."))))
    low, high, envelope = values.get("min_award"), values.get("max_award"), values.get("envelope")
    if low is not None and high is not None and high < low:
        problems.append(("max_award", str(_("The maximum award cannot be below the minimum "
                                            "(%(limit)s).") % {"limit": numbers.amount(low)})))
    elif high is not None and envelope is not None and high > envelope:
        problems.append(("max_award", str(_("The maximum award cannot exceed the envelope "
                                            "(%(limit)s).") % {"limit": numbers.amount(envelope)})))
    return problems


def _check_call(values: dict[str, Any], network: Network | None = None) -> None:
    problems = call_problems(values, network)
    if problems:
        field, message = problems[0]
        raise DomainError(message, field=field)


@transaction.atomic
def call_create(*, network: Network, actor: User, **values: Any) -> Call:
    require(actor, "networks.manage_settings", network)
    values.setdefault("eligible_cohort", None)
    values.setdefault("further_requirements", [])
    _check_call(values, network)
    if Call.objects.filter(slug=values["slug"]).exists():
        raise DomainError(_("Another call already uses this short address."), field="slug")
    call = Call.objects.create(network=network, **{k: values[k] for k in CALL_FIELDS})
    FormVersion.objects.create(call=call, number=1, definition=empty_definition())
    for order, (hy, en) in enumerate(DEFAULT_CATEGORIES, start=1):
        BudgetCategory.objects.create(call=call, order=order, name_hy=hy, name_en=en)
    audit.record(action="grants.call.created", actor=actor, target=call,
                 data=_plain({k: values[k] for k in CALL_FIELDS}))
    return call


@transaction.atomic
def call_update(*, call: Call, actor: User, **values: Any) -> Call:
    require(actor, "grants.manage_call", call)
    locked = lock(Call, call.pk)
    if locked.status in (C.CLOSED, C.DECIDED, C.ARCHIVED):
        raise DomainError(_("A closed call can no longer be changed."))
    merged = {k: values.get(k, getattr(locked, k)) for k in CALL_FIELDS}
    _check_call(merged, locked.network)
    if Call.objects.filter(slug=merged["slug"]).exclude(pk=locked.pk).exists():
        raise DomainError(_("Another call already uses this short address."), field="slug")
    if locked.status == C.OPEN and merged["closes_at"] != locked.closes_at \
            and merged["closes_at"] < timezone.now():
        raise DomainError(_("An open call cannot be closed in the past."), field="closes_at")
    before = _plain({k: getattr(locked, k) for k in CALL_FIELDS})
    for key, value in merged.items():
        setattr(locked, key, value)
    locked.save()
    after = _plain({k: getattr(locked, k) for k in CALL_FIELDS})
    if before != after:
        audit.record(action="grants.call.changed", actor=actor, target=locked,
                     data={"before": before, "after": after})
    return locked


@transaction.atomic
def call_move(*, call: Call, actor: User | None, target: str) -> Call:
    """Move a call to another state. Opening freezes its form; nobody can open a call
    whose form has errors, and nobody can announce or open one whose closing moment has
    passed. `actor` None is the scheduler (calls_tick)."""
    if actor is not None:
        require(actor, "grants.manage_call", call)
    locked = lock(Call, call.pk)
    CALL_TRANSITIONS.check(locked, target)
    if target in (C.PUBLISHED, C.OPEN) and locked.closes_at <= timezone.now():
        # It would show as open (or coming) while nobody can apply any more.
        moment = timezone.localtime(locked.closes_at, ZoneInfo(locked.network.time_zone))
        raise DomainError(_("The call's closing moment (%(moment)s) has already passed: "
                            "set a later closing moment in the call's settings first.")
                          % {"moment": date_format(moment, "DATETIME_FORMAT")},
                          field="closes_at")
    if target == C.OPEN:
        form = locked.current_form
        assert form is not None
        try:
            form.parsed  # noqa: B018 - a form with errors cannot open
        except DefinitionError as exc:
            raise DomainError(" ".join(exc.messages)) from exc
        form.frozen = True
        form.save(update_fields=["frozen", "updated_at"])
    transition(locked, to=target, table=CALL_TRANSITIONS, actor=actor,
               action="grants.call.status_changed", fields=[])
    return locked


def calls_tick(*, now: Any = None) -> dict[str, int]:
    """Open announced calls whose opening moment has come, close open ones whose closing
    moment has passed (run every few minutes; submission checks the moment itself)."""
    now = now or timezone.now()
    opened = closed = 0
    for call in Call.objects.filter(status=C.PUBLISHED, opens_at__lte=now, closes_at__gt=now):
        call_move(call=call, actor=None, target=C.OPEN)
        opened += 1
    for call in Call.objects.filter(status=C.OPEN, closes_at__lte=now):
        call_move(call=call, actor=None, target=C.CLOSED)
        closed += 1
    return {"opened": opened, "closed": closed}


CLOSING_REMINDER_DAYS = (7, 1)


def _closing_reminder_sent(application: Application, days: int) -> bool:
    return AuditEntry.objects.filter(
        action="grants.application.closing_reminder_sent",
        target_type=ContentType.objects.get_for_model(Application),
        target_id=str(application.pk), data__days=days).exists()


def send_closing_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind each community with a started, unsubmitted application to an open call, 7
    days and 1 day before the call closes (calendar days in the call's time zone): once
    each — the audit trail remembers, so running this twice sends nothing more; a run that
    finds the 7-day mark passed unsent sends it, but not within the last day, where only
    the 1-day reminder goes. Sent to the community's heads (who may submit)."""
    now = now or timezone.now()
    sent = 0
    drafts = (Application.objects.filter(call__in=Call.objects.filter(Call.open_at(now)),
                                         status=Application.Status.DRAFT)
              .select_related("call__network", "community").order_by("pk"))
    for application in drafts:
        zone = ZoneInfo(application.call.network.time_zone or settings.TIME_ZONE)
        days_left = (application.call.closes_at.astimezone(zone).date()
                     - now.astimezone(zone).date()).days
        due = [days for days in CLOSING_REMINDER_DAYS if days_left <= days]
        if not due:
            continue
        days = min(due)  # the nearer mark: within a day, the 7-day one is moot
        with transaction.atomic():
            locked = lock(Application, application.pk, select_related=("call__network",
                                                                         "community"))
            if locked.status != Application.Status.DRAFT or _closing_reminder_sent(locked,
                                                                                  days):
                continue
            audit.record(action="grants.application.closing_reminder_sent", actor=None,
                         target=locked, data={"days": days, "days_left": days_left})
            announce(people_acting_for(locked.community_id, roles=("head",)),
                     kind="grants.call.closing", essential=True,
                     params={"application": locked, "call": locked.call,
                              "days_left": max(days_left, 0), "zone": zone.key},
                     url=locked.get_absolute_url())()
        sent += 1
    return sent


# --- the form builder -------------------------------------------------------------------

REPORT_STARTER = {"sections": [{"key": "report", "title_hy": "Հաշվետվություն",
                                 "title_en": "Report", "questions": [
    {"key": "progress", "type": "long_text", "required": True,
     "label_hy": "Ի՞նչ է արվել հաշվետու ժամանակահատվածում",
     "label_en": "What was done in the reporting period?"},
    {"key": "evidence", "type": "file", "label_hy": "Հավելված (լուսանկարներ, փաստաթղթեր)",
     "label_en": "Annex (photos, documents)"}]}]}


def report_form(call: Call, purpose: str) -> FormVersion:
    """The call's report form of this purpose, created from a starter the first time."""
    form = call.form_for(purpose)
    if form is None:
        form = FormVersion.objects.create(call=call, purpose=purpose, number=1,
                                          definition=copy.deepcopy(REPORT_STARTER))
    return form


def _editable_form(call: Call, actor: User, purpose: str = "application") -> FormVersion:
    """The form to edit. The application form freezes when the call opens; a report form
    stays editable (each report keeps the version it answered)."""
    require(actor, "grants.manage_call", call)
    if purpose != "application":
        report_form(call, purpose)
    form = (FormVersion.objects.select_for_update().filter(call=call, purpose=purpose)
            .order_by("-number").first())
    assert form is not None
    if form.frozen:
        raise DomainError(_("The call is open: its form is frozen."))
    return form


def _save_definition(form: FormVersion, definition: dict[str, Any], actor: User,
                     change: str) -> FormVersion:
    try:
        parse_definition(definition)
    except DefinitionError as exc:
        raise DomainError(" ".join(exc.messages)) from exc
    before = form.definition
    form.definition = definition
    form.save(update_fields=["definition", "updated_at"])
    audit.record(action="grants.call.form_changed", actor=actor, target=form.call,
                 data={"change": change, "before": before, "after": definition})
    return form


@transaction.atomic
def form_section_save(*, call: Call, actor: User, key: str, title_hy: str, title_en: str = "",
                      intro_hy: str = "", intro_en: str = "",
                      purpose: str = "application") -> FormVersion:
    """Add a section (page), or rename an existing one."""
    form = _editable_form(call, actor, purpose)
    definition = builder.save_section(form.definition, key=key, title_hy=title_hy,
                                      title_en=title_en, intro_hy=intro_hy, intro_en=intro_en)
    return _save_definition(form, definition, actor, f"section {key}")


@transaction.atomic
def form_question_save(*, call: Call, actor: User, section_key: str,
                       question: dict[str, Any], original_key: str = "",
                       purpose: str = "application") -> FormVersion:
    """Add a question to a section, or replace one (found by its original key)."""
    form = _editable_form(call, actor, purpose)
    definition = builder.save_question(form.definition, section_key=section_key,
                                       question=question, original_key=original_key)
    return _save_definition(form, definition, actor, f"question {question.get('key')}")


@transaction.atomic
def form_question_delete(*, call: Call, actor: User, section_key: str, key: str,
                         purpose: str = "application") -> FormVersion:
    form = _editable_form(call, actor, purpose)
    definition = builder.remove_question(form.definition, section_key=section_key, key=key)
    return _save_definition(form, definition, actor, f"delete {key}")


@transaction.atomic
def form_question_move(*, call: Call, actor: User, section_key: str, key: str,
                       offset: int, purpose: str = "application") -> FormVersion:
    form = _editable_form(call, actor, purpose)
    definition = builder.move_question(form.definition, section_key=section_key, key=key,
                                       offset=offset)
    return _save_definition(form, definition, actor, f"move {key}")


# --- public Q&A -------------------------------------------------------------------------

@transaction.atomic
def call_question_ask(*, call: Call, actor: User, question: str) -> CallQuestion:
    if not actor.is_authenticated:
        raise DomainError(_("Sign in to ask a question."))
    if call.status not in Call.PUBLIC_STATUSES:
        raise DomainError(_("This call is not public."))
    if not question.strip():
        raise DomainError(_("Write your question."), field="question")
    asked = CallQuestion.objects.create(call=call, question=question.strip(), asked_by=actor)
    announce(secretariat_officers(network=call.network), kind="grants.call.question",
             params={"call": call, "question": asked}, url=call.get_absolute_url())()
    return asked


@transaction.atomic
def call_question_answer(*, question: CallQuestion, actor: User, answer: str) -> CallQuestion:
    require(actor, "grants.manage_call", question.call)
    if not answer.strip():
        raise DomainError(_("Write the answer."), field="answer")
    question.answer = answer.strip()
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at", "updated_at"])
    if question.asked_by_id:
        notify(recipient=question.asked_by, kind="grants.call.answer",  # type: ignore[arg-type]
               params={"call": question.call, "question": question},
               url=question.call.get_absolute_url())
    return question


@transaction.atomic
def call_document_add(*, call: Call, actor: User, title_hy: str, title_en: str,
                      upload: Any) -> Any:
    """Publish a document with the call (PDF, DOCX, XLSX or an image)."""
    from hamaynk.core.files import DOCUMENTS, XLSX, store_upload
    from hamaynk.core.models import StoredFile
    from hamaynk.grants.models import CallDocument

    require(actor, "grants.manage_call", call)
    if not title_hy.strip():
        raise DomainError(_("Give the document a title."), field="title_hy")
    stored = store_upload(upload=upload, uploaded_by=actor, allowed=DOCUMENTS | {XLSX},
                          owner=call, visibility=StoredFile.Visibility.PUBLIC)
    document = CallDocument.objects.create(call=call, title_hy=title_hy.strip(),
                                           title_en=title_en.strip(), file=stored)
    audit.record(action="grants.call.document_added", actor=actor, target=call,
                 data={"document": document.pk, "title": document.title_hy})
    return document


@transaction.atomic
def call_document_remove(*, call: Call, actor: User, document_id: int) -> None:
    require(actor, "grants.manage_call", call)
    document = call.documents.filter(pk=document_id).first()
    if document is None:
        raise DomainError(_("There is no such document."))
    from hamaynk.core.files import discard_stored

    audit.record(action="grants.call.document_removed", actor=actor, target=call,
                 data={"document": document.pk, "title": document.title_hy})
    stored = document.file
    document.delete()
    discard_stored(stored=stored, actor=actor, reason="document_removed", owner=call)
