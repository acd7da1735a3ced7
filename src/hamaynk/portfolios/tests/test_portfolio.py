import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.services.portfolio import portfolio_share, portfolio_start
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db


def test_a_portfolio_is_started_once_per_cohort_community(world, member, portfolio):
    assert portfolio_start(member=member, actor=world.staff) == portfolio
    assert (portfolio.community, portfolio.network) == (world.akunk, world.network)
    assert AuditEntry.objects.filter(action="portfolios.portfolio.started").count() == 1


def test_another_community_cannot_start_the_portfolio(world, member):
    with pytest.raises(PermissionDenied):
        portfolio_start(member=member, actor=world.other_head)


def test_only_the_head_decides_who_sees_the_portfolio(world, portfolio):
    with pytest.raises(PermissionDenied):
        portfolio_share(portfolio=portfolio, actor=world.staff, sharing="cohort")
    with pytest.raises(DomainError, match="Choose who sees"):
        portfolio_share(portfolio=portfolio, actor=world.head, sharing="everyone")
    shared = portfolio_share(portfolio=portfolio, actor=world.head, sharing="cohort")
    assert shared.sharing == "cohort" and shared.version == portfolio.version + 1


@pytest.mark.parametrize("role", ROLES)
def test_portfolio_page_permission_matrix(client, world, portfolio, role):
    allowed = {"staff", "head", "coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(portfolio.get_absolute_url()).status_code
    assert status == (200 if role in allowed else 302 if role == "anonymous" else 404)


def test_a_cohort_peer_sees_the_portfolio_once_shared(client, world, portfolio, peer):
    client.force_login(world.other_head)  # Dilijan's head, in the same cohort
    assert client.get(portfolio.get_absolute_url()).status_code == 404
    portfolio_share(portfolio=portfolio, actor=world.head, sharing="cohort")
    assert client.get(portfolio.get_absolute_url()).status_code == 200


def test_an_intervention_is_stopped_only_with_its_reason(world, portfolio):
    from hamaynk.portfolios.services.interventions import (
        InterventionValues,
        intervention_add,
        intervention_move,
    )

    added = intervention_add(portfolio=portfolio, actor=world.staff, values=InterventionValues(
        title_hy="Հյուրատներ", hypothesis_if="Եթե երեք ընտանիք ընդունեն հյուրեր",
        hypothesis_then="ապա հյուրերը կմնան երկու գիշեր"))
    with pytest.raises(DomainError, match="Say why"):
        intervention_move(intervention=added, actor=world.staff, to="stopped")
    with pytest.raises(PermissionDenied):
        intervention_move(intervention=added, actor=world.other_head, to="testing")
    moved = intervention_move(intervention=added, actor=world.staff, to="testing")
    stopped = intervention_move(intervention=moved, actor=world.head, to="stopped",
                                reason="Հյուրեր չեկան")
    assert (stopped.status, stopped.stop_reason) == ("stopped", "Հյուրեր չեկան")
    with pytest.raises(DomainError):
        intervention_move(intervention=stopped, actor=world.head, to="scaling")
    entry = AuditEntry.objects.filter(action="portfolios.intervention.moved").latest("pk")
    assert entry.data["after"] == "stopped" and entry.data["reason"] == "Հյուրեր չեկան"


@pytest.mark.parametrize("role", ROLES)
def test_the_portfolio_api_answers_whoever_sees_the_page(client, world, portfolio, role):
    from hamaynk.tests_support import InterventionFactory

    InterventionFactory(portfolio=portfolio, status="testing")
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    response = client.get(f"/api/portfolios/{portfolio.pk}")
    allowed = {"staff", "head", "coach", "secretariat"}
    assert response.status_code == (200 if role in allowed else 401 if role == "anonymous"
                                    else 404)
    if response.status_code == 200:
        data = response.json()
        assert data["community"] == "Ակունք"
        assert [i["status"] for i in data["interventions"]] == ["testing"]
