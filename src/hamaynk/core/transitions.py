"""The one recipe for a change of state: lock the row, check the state table, bump the
version, save, write the audit entry, notify. Every service that moves a status goes
through `transition()`; a change that bumps the version and audits without a move goes
through `record_change()`. `core/tests/test_state_tables.py` walks every registered table
and refuses a service that sets a status (or a version) by hand.

    locked = lock(Application, application.pk, select_related=("call__network",),
                  expected_version=expected_version)
    transition(locked, to=AS.SUBMITTED, table=APPLICATION_TRANSITIONS, actor=actor,
               action="grants.application.submitted", details={"amount": ...},
               notify=[announce(officers, kind=..., params=..., url=...)])

Each app keeps its tables in its `states.py` (`StateTable(...)`, then `register(...)`); a
table names its model, its initial states and, if it has one, its own refusal message.

Why our own helper and not django-fsm-2 (maintained by django-commons, 4.x supports
Django 5.2): django-fsm-2 puts each transition on the model as a decorated method with its
side effects, while our models hold no workflow (DESIGN.md, "Inside an app") and our side
effects — the audit entry, the version, notifications, the other rows a service writes in
the same transaction — live in services. It would give us the source/target check (ten
lines here) but none of the lock, the version, the audit or the notifications, and it
would change every status field's class (a migration per model) and protect fields that
factories and the demo set directly. A table as data is also what the test can walk:
every state reachable, every pair audited.

Notifications: `notify` callables run inside the transaction, right after the audit entry,
so the bell entry commits (or rolls back) with the change; `notifications.notify` itself
sends the email after commit. `after_commit` callables (a PDF copy, a decision letter) are
queued with `transaction.on_commit`.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hamaynk.core import audit
from hamaynk.core.errors import IllegalTransition
from hamaynk.core.workflow import check_version

M = TypeVar("M", bound=models.Model)
Notices = Callable[[], object] | Iterable[Callable[[], object]] | None

REFUSED = _("This cannot be done while the status is “%(status)s”.")


class StateTable(Mapping[str, frozenset[str]]):
    """A model's state machine: from each state, the states it may move to. Read like the
    dict it replaces (`table[source]`)."""

    def __init__(self, *, model: type[models.Model], initial: Iterable[str],
                 transitions: Mapping[str, Iterable[str]], field: str = "status",
                 refusal: str | Promise | None = None) -> None:
        self.model = model
        self.field = field
        self.initial = frozenset(initial)
        self.transitions = {str(s): frozenset(str(t) for t in targets)
                            for s, targets in transitions.items()}
        self.refusal = refusal or REFUSED

    def __getitem__(self, source: str) -> frozenset[str]:
        return self.transitions[source]

    def __iter__(self) -> Iterator[str]:
        return iter(self.transitions)

    def __len__(self) -> int:
        return len(self.transitions)

    def __repr__(self) -> str:
        return f"StateTable({self.model._meta.label}.{self.field})"

    def pairs(self) -> list[tuple[str, str]]:
        return [(s, t) for s, targets in self.transitions.items() for t in sorted(targets)]

    def check(self, obj: models.Model, to: str) -> str:
        """Refuse (`IllegalTransition`, with the table's message) a move the table does not
        allow; return the current state."""
        source = getattr(obj, self.field)
        if to not in self.transitions.get(source, frozenset()):
            display = getattr(obj, f"get_{self.field}_display")()
            raise IllegalTransition(self.refusal % {"status": display})
        return str(source)


_TABLES: list[StateTable] = []


def register(*tables: StateTable) -> None:
    """Each app's `states.py` registers its tables; the state-table test walks them all."""
    for table in tables:
        if table not in _TABLES:
            _TABLES.append(table)


def registered_tables() -> list[StateTable]:
    return list(_TABLES)


def lock(model: type[M], pk: Any, *, select_related: Iterable[str] = (),
         of: Iterable[str] = (), expected_version: int | None = None,
         stale_message: str | Promise | None = None) -> M:
    """The row, locked until the transaction ends (`select_for_update`; `of` names the rows
    to lock when a nullable join must not be). A missing row raises the model's
    `DoesNotExist` (a 404 in a view). With `expected_version`, a row that moved on is
    refused with `StaleVersion`."""
    locked = (model._default_manager.select_for_update(of=tuple(of))
              .select_related(*select_related).get(pk=pk))
    check_version(locked, expected_version, stale_message)
    return locked


def _has_field(obj: models.Model, name: str) -> bool:
    try:
        obj._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _run(notify: Notices) -> None:
    if notify is None:
        return
    for notice in [notify] if callable(notify) else notify:
        notice()


def record_change(obj: M, *, actor: Any, action: str, details: Mapping[str, Any] | None = None,
                  fields: Iterable[str] | None = None, audit_target: models.Model | None = None,
                  notify: Notices = None,
                  after_commit: Iterable[Callable[[], object]] = ()) -> M:
    """Save a change made on a locked row: bump its `version` (when the model has one),
    save (`fields`: only those, plus the version and `updated_at`; `None`: the whole row),
    write the audit entry (on `audit_target`, else the row), then notify."""
    bumped = _has_field(obj, "version")
    if bumped:
        obj.version += 1  # type: ignore[attr-defined]
    if fields is None:
        obj.save()
    else:
        extra = [name for name, present in (("version", bumped),
                                            ("updated_at", _has_field(obj, "updated_at")))
                 if present]
        obj.save(update_fields=list(dict.fromkeys([*fields, *extra])))
    audit.record(action=action, actor=actor, target=audit_target or obj,
                 data=dict(details or {}))
    _run(notify)
    for callback in after_commit:
        transaction.on_commit(callback)
    return obj


def transition(obj: models.Model, *, to: str, table: StateTable, actor: Any, action: str,
               details: Mapping[str, Any] | None = None, fields: Iterable[str] | None = None,
               audit_target: models.Model | None = None, notify: Notices = None,
               after_commit: Iterable[Callable[[], object]] = ()) -> str:
    """Move a locked row to `to` if its table allows it (else `IllegalTransition`), then
    save, audit and notify as `record_change` does; the audit entry carries `before` and
    `after`. Returns the state it left."""
    source = table.check(obj, to)
    setattr(obj, table.field, to)
    record_change(obj, actor=actor, action=action,
                  details={**(details or {}), "before": source, "after": to},
                  fields=None if fields is None else [table.field, *fields],
                  audit_target=audit_target, notify=notify, after_commit=after_commit)
    return source
