"""Decisions of a session: each changes the portfolio in one step, with its reason, in the
same transaction as its row, audited; a refused one writes nothing and says why beside the
field."""

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.models import Decision, Intervention
from hamaynk.portfolios.services import sensemaking as services
from hamaynk.tests_support import (
    InterventionFactory,
    SensemakingClusterFactory,
    SensemakingSessionFactory,
)

pytestmark = pytest.mark.django_db
V = services.DecisionValues


@pytest.fixture
def session(world, portfolio):
    return SensemakingSessionFactory(portfolio=portfolio, coach=world.coach)


@pytest.fixture
def testing(portfolio):
    return InterventionFactory(portfolio=portfolio, status="testing")


def _decide(world, session, **values):
    return services.decision_record(session=session, actor=world.coach, values=V(**values))


def test_a_stopped_intervention_says_why(world, session, testing):
    decision = _decide(world, session, kind="stop", reason="Հյուրեր չեկան",
                       intervention_id=testing.pk)
    testing.refresh_from_db()
    assert (testing.status, testing.stop_reason) == ("stopped", "Հյուրեր չեկան")
    assert (decision.kind, decision.intervention, decision.reason) == (
        "stop", testing, "Հյուրեր չեկան")
    assert decision.details == {"from": "testing", "to": "stopped"}
    assert AuditEntry.objects.filter(action="portfolios.decision.applied").count() == 1
    assert AuditEntry.objects.filter(action="portfolios.intervention.moved").count() == 1


def test_a_tested_intervention_is_scaled(world, session, testing):
    _decide(world, session, kind="scale", reason="Աշխատեց", intervention_id=testing.pk)
    testing.refresh_from_db()
    assert testing.status == "scaling"


def test_an_illegal_move_writes_nothing_and_says_why_beside_the_intervention(
        world, session, portfolio):
    idea = InterventionFactory(portfolio=portfolio, status="idea")
    with pytest.raises(DomainError, match="cannot move") as refused:
        _decide(world, session, kind="scale", reason="Շուտ է", intervention_id=idea.pk)
    assert refused.value.field == "intervention"
    idea.refresh_from_db()
    assert idea.status == "idea" and not Decision.objects.exists()
    assert not AuditEntry.objects.filter(action="portfolios.decision.applied").exists()


def test_a_pivot_writes_the_new_hypothesis_and_keeps_the_old_in_the_audit(
        world, session, testing):
    old_if = testing.hypothesis_if
    _decide(world, session, kind="pivot", reason="Ուրիշ բան ենք փորձելու",
            intervention_id=testing.pk, hypothesis_if="Եթե դպրոցը ընդունի",
            hypothesis_then="ապա ծնողները կգան", hypothesis_because="քանի որ")
    testing.refresh_from_db()
    assert (testing.hypothesis_if, testing.hypothesis_then, testing.hypothesis_because) == (
        "Եթե դպրոցը ընդունի", "ապա ծնողները կգան", "քանի որ")
    entry = AuditEntry.objects.get(action="portfolios.intervention.changed")
    assert entry.data["before"][0] == old_if and entry.data["pivot"] is True


def test_a_pivot_needs_the_new_hypothesis(world, session, testing):
    with pytest.raises(DomainError, match="if we") as refused:
        _decide(world, session, kind="pivot", reason="Փոխում ենք", intervention_id=testing.pk)
    assert refused.value.field == "hypothesis_if"
    assert not Decision.objects.exists()


def test_an_intervention_is_put_in_a_cluster_of_its_portfolio(world, session, testing,
                                                              portfolio):
    cluster = SensemakingClusterFactory(portfolio=portfolio, name_hy="Զբոսաշրջություն")
    _decide(world, session, kind="cluster", reason="Նույն թեման է",
            intervention_id=testing.pk, cluster_id=cluster.pk)
    testing.refresh_from_db()
    assert testing.cluster == cluster
    other = SensemakingClusterFactory()  # another portfolio's
    with pytest.raises(DomainError, match="cluster of this portfolio") as refused:
        _decide(world, session, kind="cluster", reason="Սխալ", intervention_id=testing.pk,
                cluster_id=other.pk)
    assert refused.value.field == "cluster"
    testing.refresh_from_db()
    assert testing.cluster == cluster and Decision.objects.count() == 1


def test_a_new_intervention_is_added_by_the_coach(world, session, portfolio):
    decision = _decide(world, session, kind="new", reason="Նոր գաղափար",
                       title_hy="Համայնքային խոհանոց", hypothesis_if="Եթե բացենք",
                       hypothesis_then="ապա կգան")
    added = Intervention.objects.get(portfolio=portfolio)
    assert decision.intervention == added and added.status == "idea"
    assert added.created_by == world.coach


def test_a_new_intervention_needs_its_title(world, session):
    with pytest.raises(DomainError, match="title") as refused:
        _decide(world, session, kind="new", reason="Նոր", hypothesis_if="Եթե",
                hypothesis_then="ապա")
    assert refused.value.field == "title_hy" and not Intervention.objects.exists()


def test_every_decision_says_why(world, session, testing):
    with pytest.raises(DomainError, match="Say why") as refused:
        _decide(world, session, kind="scale", reason="   ", intervention_id=testing.pk)
    assert refused.value.field == "reason"


def test_a_decision_is_about_an_intervention_of_this_portfolio(world, session):
    theirs = InterventionFactory(status="testing")
    with pytest.raises(DomainError, match="intervention of this portfolio") as refused:
        _decide(world, session, kind="stop", reason="Ոչ", intervention_id=theirs.pk)
    assert refused.value.field == "intervention"
    theirs.refresh_from_db()
    assert theirs.status == "testing"
    with pytest.raises(DomainError, match="Choose the decision"):
        _decide(world, session, kind="delete", reason="Ոչ", intervention_id=theirs.pk)


def test_a_closed_session_takes_no_decision(world, session, testing):
    services.session_close(session=session, actor=world.coach)
    with pytest.raises(DomainError, match="closed"):
        _decide(world, session, kind="scale", reason="Ուշ", intervention_id=testing.pk)


@pytest.mark.parametrize("role", ["head", "staff", "other_coach", "other_secretariat"])
def test_only_those_who_run_the_session_decide(world, session, testing, role):
    with pytest.raises(PermissionDenied):
        services.decision_record(session=session, actor=world.people()[role],
                                 values=V(kind="scale", reason="Ո՛չ",
                                          intervention_id=testing.pk))


def test_the_secretariat_decides_too(world, session, testing):
    services.decision_record(session=session, actor=world.secretariat,
                             values=V(kind="stop", reason="Բյուջե չկա",
                                      intervention_id=testing.pk))
    testing.refresh_from_db()
    assert testing.status == "stopped"


# ------------------------------------------------------------------------------- the page

def test_a_decision_recorded_in_the_browser_changes_the_portfolio(client, world, session,
                                                                  testing):
    client.force_login(world.coach)
    response = client.post(session.get_absolute_url(), {
        "action": "decision", "kind": "stop", "intervention": testing.pk,
        "reason": "Չաշխատեց"})
    assert response.status_code == 302
    testing.refresh_from_db()
    assert testing.status == "stopped"
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Չաշխատեց" in page and testing.title_hy in page


def test_a_refused_decision_says_why_beside_the_field(client, world, session, portfolio):
    idea = InterventionFactory(portfolio=portfolio)
    client.force_login(world.coach)
    response = client.post(session.get_absolute_url(), {
        "action": "decision", "kind": "scale", "intervention": idea.pk, "reason": "Շուտ"})
    assert response.status_code == 200
    assert response.context["forms"]["decision"].errors["intervention"]
    assert not Decision.objects.exists()


@pytest.mark.parametrize("field,value", [
    ("intervention", "x"), ("intervention", "9" * 40), ("intervention", "-3"),
    ("cluster", "9" * 25), ("kind", "explode"), ("reason", "\x00"), ("reason", "ա" * 5000),
    ("title_hy", "\x00"), ("hypothesis_if", "ա" * 5000)])
def test_bad_decision_input_is_refused_without_a_500(client, world, session, testing, field,
                                                     value):
    client.force_login(world.coach)
    data = {"action": "decision", "kind": "cluster", "intervention": testing.pk,
            "reason": "Պատճառ", field: value}
    response = client.post(session.get_absolute_url(), data)
    assert response.status_code == 200
    assert response.context["forms"]["decision"].errors
    assert not Decision.objects.exists()


def test_another_portfolios_intervention_is_an_invalid_choice(client, world, session):
    theirs = InterventionFactory(status="testing")
    client.force_login(world.coach)
    response = client.post(session.get_absolute_url(), {
        "action": "decision", "kind": "stop", "intervention": theirs.pk, "reason": "Ոչ"})
    assert response.status_code == 200
    assert response.context["forms"]["decision"].errors["intervention"]
