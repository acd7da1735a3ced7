"""Every state table of every app: complete, reachable, and every move audited through the
one recipe (`core.transitions`) — and no service that moves a status by hand."""

import ast
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.utils import translation

import hamaynk
from hamaynk import tests_support as ts
from hamaynk.core.errors import IllegalTransition
from hamaynk.core.models import AuditEntry
from hamaynk.core.transitions import StateTable, registered_tables, transition

SRC = Path(hamaynk.__file__).parent

# Every app's states.py registers its tables when imported: import them all, so that a
# table no service has imported yet is walked too.
for _states in sorted(SRC.glob("*/states.py")):
    importlib.import_module(f"hamaynk.{_states.parent.name}.states")

TABLES = registered_tables()


def _states_of(table: StateTable) -> set[str]:
    return {str(value) for value, _label in table.model._meta.get_field(table.field).choices}


def test_every_model_with_a_status_has_a_registered_table():
    tabled = {(t.model, t.field) for t in TABLES}
    missing = [model._meta.label for model in apps.get_models()
               if model.__module__.startswith("hamaynk.")
               and any(f.name == "status" and f.choices for f in model._meta.concrete_fields)
               and (model, "status") not in tabled]
    assert missing == []
    assert len(TABLES) >= 10


@pytest.mark.parametrize("table", TABLES, ids=repr)
def test_the_table_names_every_state_and_only_known_ones(table):
    states = _states_of(table)
    assert set(table) == states, "every state of the model has a row in its table"
    assert table.initial and table.initial <= states
    for targets in table.values():
        assert targets <= states


@pytest.mark.parametrize("table", TABLES, ids=repr)
def test_every_state_is_reachable_from_an_initial_state(table):
    seen, todo = set(table.initial), list(table.initial)
    while todo:
        for target in table[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    assert seen == _states_of(table)


@pytest.mark.parametrize("table", TABLES, ids=repr)
def test_a_move_the_table_does_not_allow_is_refused(table):
    for source in table:
        for target in _states_of(table) - table[source]:
            with pytest.raises(IllegalTransition):
                table.check(table.model(**{table.field: source}), target)


# A factory-made row of each model with a table (its state is then set to the source).
MAKERS: dict[str, Callable[[], Any]] = {
    "communities.Affiliation": ts.AffiliationFactory,
    "networks.MembershipApplication": ts.MembershipApplicationFactory,
    "networks.Membership": ts.MembershipFactory,
    "networks.DevelopmentPlan": ts.DevelopmentPlanFactory,
    "grants.Call": ts.CallFactory,
    "grants.Application": ts.GrantApplicationFactory,
    "grants.Review": ts.ReviewFactory,
    "grants.Grant": ts.GrantFactory,
    "grants.Tranche": ts.TrancheFactory,
    "grants.GrantReport": ts.GrantReportFactory,
    "learning.Submission": ts.SubmissionFactory,
    "learning.Opportunity": ts.OpportunityFactory,
    "learning.Enrolment": ts.EnrolmentFactory,
    # a stopped one says why (a constraint): the reason is there before the status moves
    "portfolios.Intervention": lambda: ts.InterventionFactory(stop_reason="Չստացվեց"),
}

PAIRS = [pytest.param(table, source, target, id=f"{table!r}:{source}->{target}")
         for table in TABLES for source, target in table.pairs()]


def test_every_table_has_a_maker():
    assert {t.model._meta.label for t in TABLES} <= set(MAKERS)


@pytest.mark.django_db
@pytest.mark.parametrize(("table", "source", "target"), PAIRS)
def test_every_transition_is_saved_and_audited(table, source, target):
    actor = ts.UserFactory()
    row = MAKERS[table.model._meta.label]()
    table.model._default_manager.filter(pk=row.pk).update(**{table.field: source})
    row.refresh_from_db()
    version = getattr(row, "version", None)
    with transaction.atomic():
        left = transition(row, to=target, table=table, actor=actor, action="test.moved",
                          details={"why": "test"})
    assert left == source
    row.refresh_from_db()
    assert getattr(row, table.field) == target
    if version is not None:
        assert row.version == version + 1
    entry = AuditEntry.objects.get(action="test.moved", target_id=str(row.pk))
    assert entry.actor == actor
    assert entry.data == {"why": "test", "before": source, "after": target}


@pytest.mark.django_db
def test_a_refused_transition_writes_nothing():
    row = ts.CallFactory(status="archived")
    table = next(t for t in TABLES if t.model is type(row))
    with translation.override("en"), pytest.raises(IllegalTransition, match="“archived”"):
        transition(row, to="open", table=table, actor=None, action="test.moved")
    row.refresh_from_db()
    assert row.status == "archived" and not AuditEntry.objects.filter(action="test.moved")


# --- no service moves a status (or a version) by hand ------------------------------------

def _service_files() -> list[Path]:
    return sorted([*SRC.glob("*/services.py"), *SRC.glob("*/services/*.py")])


def _by_hand(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if name in ("move", "_move"):
                found.append(f"line {node.lineno}: {name}(")
            if name == "update" and any(k.arg in ("status", "version") for k in node.keywords):
                found.append(f"line {node.lineno}: .update(status/version=…)")
            if name == "setattr" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                    and node.args[1].value in ("status", "version"):
                found.append(f"line {node.lineno}: setattr(…, {node.args[1].value!r})")
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for element in ast.walk(target):
                if isinstance(element, ast.Attribute) and element.attr in ("status", "version"):
                    found.append(f"line {element.lineno}: .{element.attr} =")
    return found


def test_services_change_states_only_through_the_recipe():
    offenders = {str(path.relative_to(SRC)): hits for path in _service_files()
                 if (hits := _by_hand(ast.parse(path.read_text())))}
    assert offenders == {}
    assert len(_service_files()) > 5


def test_the_check_catches_a_hand_made_move():
    code = ("def f(a):\n    a.status = 'x'\n    a.version += 1\n    move(a, 'y', T)\n"
            "    a.paid, a.status = 1, 'p'\n    A.objects.filter().update(status='z')\n")
    assert len(_by_hand(ast.parse(code))) == 5
