"""How the portfolio learns and keeps on course: learning questions with their evidence log
and what was learned (answering closes a question), the risk register, the workplan of
milestones. Each function checks its permission, writes in one transaction and audits on
the portfolio."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.files import DOCUMENTS, XLSX, store_upload
from hamaynk.core.models import StoredFile
from hamaynk.core.parsing import MAX_YEAR, MIN_YEAR
from hamaynk.core.transitions import lock
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import (
    Intervention,
    LearningEntry,
    LearningQuestion,
    Milestone,
    Portfolio,
    Risk,
)

EDIT = "portfolios.edit_portfolio"
MAX_TEXT = 4000


def _text(value: str, field: str, message: Any) -> str:
    value = (value or "").strip()[:MAX_TEXT]
    if not value:
        raise DomainError(message, field=field)
    return value


def _day(value: datetime.date | None, field: str) -> datetime.date:
    if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DomainError(_("Give a day between %(first)s and %(last)s.")
                          % {"first": MIN_YEAR, "last": MAX_YEAR}, field=field)
    return value


def _own_intervention(portfolio: Portfolio, intervention_id: int | None) -> int | None:
    if intervention_id is not None and not Intervention.objects.filter(
            pk=intervention_id, portfolio=portfolio).exists():
        raise DomainError(_("Choose an intervention of this portfolio."), field="intervention")
    return intervention_id


def _audit(action: str, actor: User, portfolio: Portfolio, **data: Any) -> None:
    audit.record(action=action, actor=actor, target=portfolio, data=data)


@transaction.atomic
def question_add(*, portfolio: Portfolio, actor: User, question: str,
                 intervention_id: int | None = None) -> LearningQuestion:
    require(actor, EDIT, portfolio)
    text = _text(question, "question", _("Write the question."))
    found = LearningQuestion.objects.create(
        portfolio=portfolio, question=text,
        intervention_id=_own_intervention(portfolio, intervention_id))
    _audit("portfolios.question.saved", actor, portfolio, question=found.pk, change="added",
           intervention=intervention_id)
    return found


@transaction.atomic
def question_note(*, question: LearningQuestion, actor: User, noted_on: datetime.date | None,
                  text: str, upload: Any = None) -> LearningEntry:
    """An entry of the question's evidence log: what was observed on a day, with a file
    (a document, an image or a spreadsheet, checked by content and size)."""
    portfolio = question.portfolio
    require(actor, EDIT, portfolio)
    body = _text(text, "text", _("Say what was observed."))
    day = _day(noted_on, "noted_on")
    stored = None
    if upload is not None:
        try:
            stored = store_upload(upload=upload, uploaded_by=actor, allowed=DOCUMENTS | {XLSX},
                                  owner=question, visibility=StoredFile.Visibility.COMMUNITY)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="file") from exc
    entry = LearningEntry.objects.create(question=question, noted_on=day, text=body,
                                         file=stored, added_by=actor)
    _audit("portfolios.question.entry_added", actor, portfolio, question=question.pk,
           entry=entry.pk, file=stored.pk if stored else None)
    return entry


@transaction.atomic
def question_answer(*, question: LearningQuestion, actor: User, learned: str
                    ) -> LearningQuestion:
    """What was learned: answering closes the question (a later answer replaces it)."""
    require(actor, EDIT, question.portfolio)
    text = _text(learned, "learned", _("Say what was learned."))
    locked = lock(LearningQuestion, question.pk)
    locked.learned, locked.answered_at = text, timezone.now()
    locked.save(update_fields=["learned", "answered_at", "updated_at"])
    _audit("portfolios.question.saved", actor, question.portfolio, question=locked.pk,
           change="answered")
    return locked


def _scale(value: Any, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise DomainError(_("Choose from 1 to 5."), field=field)
    return value


@transaction.atomic
def risk_add(*, portfolio: Portfolio, actor: User, description: str, likelihood: int,
             impact: int, mitigation: str = "", owner: User | None = None) -> Risk:
    """A risk of the register; its owner is one of the community's own people."""
    require(actor, EDIT, portfolio)
    text = _text(description, "description", _("Describe the risk."))
    if owner is not None and not owner.affiliations.filter(
            community_id=portfolio.community_id, status="verified").exists():
        raise DomainError(_("Choose one of the community's people."), field="owner")
    risk = Risk.objects.create(portfolio=portfolio, description=text,
                               likelihood=_scale(likelihood, "likelihood"),
                               impact=_scale(impact, "impact"),
                               mitigation=(mitigation or "").strip()[:MAX_TEXT], owner=owner)
    _audit("portfolios.risk.saved", actor, portfolio, risk=risk.pk, change="added",
           likelihood=likelihood, impact=impact)
    return risk


@transaction.atomic
def risk_close(*, risk: Risk, actor: User) -> Risk:
    require(actor, EDIT, risk.portfolio)
    locked = lock(Risk, risk.pk)
    if locked.closed_at is not None:
        raise DomainError(_("This risk is already closed."))
    locked.closed_at = timezone.now()
    locked.save(update_fields=["closed_at", "updated_at"])
    _audit("portfolios.risk.saved", actor, risk.portfolio, risk=locked.pk, change="closed")
    return locked


@transaction.atomic
def risk_change(*, risk: Risk, actor: User, likelihood: int, impact: int,
                mitigation: str = "") -> Risk:
    """Score an open risk again and say what is done about it now."""
    require(actor, EDIT, risk.portfolio)
    locked = lock(Risk, risk.pk)
    if locked.closed_at is not None:
        raise DomainError(_("This risk is closed: it no longer changes."))
    before = (locked.likelihood, locked.impact)
    locked.likelihood = _scale(likelihood, "likelihood")
    locked.impact = _scale(impact, "impact")
    locked.mitigation = (mitigation or "").strip()[:MAX_TEXT]
    locked.save(update_fields=["likelihood", "impact", "mitigation", "updated_at"])
    _audit("portfolios.risk.saved", actor, risk.portfolio, risk=locked.pk, change="changed",
           before=list(before), likelihood=locked.likelihood, impact=locked.impact)
    return locked


@transaction.atomic
def milestone_add(*, portfolio: Portfolio, actor: User, title: str,
                  due_date: datetime.date | None, intervention_id: int | None = None
                  ) -> Milestone:
    require(actor, EDIT, portfolio)
    text = _text(title, "title", _("Name the milestone."))[:300]
    milestone = Milestone.objects.create(
        portfolio=portfolio, title=text, due_date=_day(due_date, "due_date"),
        intervention_id=_own_intervention(portfolio, intervention_id))
    _audit("portfolios.milestone.saved", actor, portfolio, milestone=milestone.pk,
           change="added", due=str(milestone.due_date))
    return milestone


@transaction.atomic
def milestone_done(*, milestone: Milestone, actor: User) -> Milestone:
    require(actor, EDIT, milestone.portfolio)
    locked = lock(Milestone, milestone.pk)
    if locked.done_at is not None:
        raise DomainError(_("This milestone is already done."))
    locked.done_at = timezone.now()
    locked.save(update_fields=["done_at", "updated_at"])
    _audit("portfolios.milestone.saved", actor, milestone.portfolio, milestone=locked.pk,
           change="done")
    return locked


@transaction.atomic
def milestone_change(*, milestone: Milestone, actor: User, title: str,
                     due_date: datetime.date | None) -> Milestone:
    """Rename an open milestone or move its date (the workplan changes; the audit keeps the
    date it had)."""
    require(actor, EDIT, milestone.portfolio)
    locked = lock(Milestone, milestone.pk)
    if locked.done_at is not None:
        raise DomainError(_("This milestone is done: it no longer changes."))
    before = locked.due_date
    locked.title = _text(title, "title", _("Name the milestone."))[:300]
    locked.due_date = _day(due_date, "due_date")
    locked.save(update_fields=["title", "due_date", "updated_at"])
    _audit("portfolios.milestone.saved", actor, milestone.portfolio, milestone=locked.pk,
           change="changed", before=str(before), due=str(locked.due_date))
    return locked
