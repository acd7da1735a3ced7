"""Grants that fund interventions: an application names the intervention it funds (its
community while a draft, the secretariat at any time), the intervention's page lists its
grants as each viewer may see them and applies to an open call in one step, and a scaling
call may require an intervention in scaling funded by a completed development grant."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.grants import eligibility
from hamaynk.grants import services as grants
from hamaynk.grants.models import Application, Grant
from hamaynk.grants.tests.conftest import call_values, open_call  # noqa: F401
from hamaynk.portfolios.extensions import SCALING_AFTER_DEVELOPMENT
from hamaynk.portfolios.models import GrantLink, Intervention
from hamaynk.portfolios.services.funding import application_fund, intervention_apply
from hamaynk.tests_support import ROLES, InterventionFactory, PortfolioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


@pytest.fixture
def intervention(portfolio):
    return InterventionFactory(portfolio=portfolio, title_en="Rural guest houses")


@pytest.fixture
def draft(world, open_call):  # noqa: F811
    return grants.application_start(call=open_call, community=world.akunk, actor=world.staff)


def award(application, *, status="active"):
    Application.objects.filter(pk=application.pk).update(status="awarded")
    return Grant.objects.create(application=application, call=application.call,
                                community=application.community, amount=12000,
                                currency="USD", awarded_at=application.call.opens_at,
                                status=status)


def test_an_application_names_the_intervention_it_funds_and_the_history_says_so(
        world, draft, intervention):
    application_fund(application=draft, intervention=intervention, actor=world.staff)
    assert GrantLink.objects.get(application=draft).intervention == intervention
    intervention.refresh_from_db()
    assert intervention.funding == Intervention.Funding.GRANT  # it was not funded yet
    from hamaynk.portfolios.selectors.interventions import history

    assert [row.what for row in history(intervention)][0] == (
        "Grant application named the intervention it funds")
    application_fund(application=draft, intervention=None, actor=world.staff)
    assert not GrantLink.objects.exists()
    actions = list(AuditEntry.objects.filter(action__startswith="portfolios.grant.")
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["portfolios.grant.named", "portfolios.grant.unnamed"]


def test_an_application_funds_only_its_own_communitys_intervention(world, draft, peer):
    theirs = InterventionFactory(portfolio=PortfolioFactory(member=peer))
    with pytest.raises(DomainError, match="its own community"):
        application_fund(application=draft, intervention=theirs, actor=world.secretariat)
    assert not GrantLink.objects.exists()


def test_a_stopped_intervention_cannot_be_funded(world, draft, intervention):
    Intervention.objects.filter(pk=intervention.pk).update(status="stopped", stop_reason="Ոչ")
    intervention.refresh_from_db()
    with pytest.raises(DomainError, match="stopped intervention"):
        application_fund(application=draft, intervention=intervention, actor=world.head)


def test_after_submission_only_the_secretariat_changes_what_it_funds(world, draft,
                                                                     intervention):
    Application.objects.filter(pk=draft.pk).update(status="submitted")
    draft.refresh_from_db()
    with pytest.raises(PermissionDenied):
        application_fund(application=draft, intervention=intervention, actor=world.head)
    application_fund(application=draft, intervention=intervention, actor=world.secretariat)
    assert GrantLink.objects.filter(application=draft).exists()


@pytest.mark.parametrize("who", ["other_head", "reviewer", "coach", "outsider", "pending",
                                 "other_secretariat"])
def test_no_one_else_names_what_an_application_funds(world, draft, intervention, who):
    with pytest.raises(PermissionDenied):
        application_fund(application=draft, intervention=intervention,
                         actor=getattr(world, who))


def test_applying_for_an_intervention_starts_a_draft_that_names_it(world, open_call,  # noqa: F811
                                                                    intervention):
    application = intervention_apply(intervention=intervention, call=open_call,
                                     actor=world.head)
    assert application.status == "draft" and application.community == world.akunk
    assert GrantLink.objects.get(application=application).intervention == intervention
    with pytest.raises(DomainError, match="already has an application"):
        intervention_apply(intervention=intervention, call=open_call, actor=world.head)
    assert Application.objects.count() == 1


def test_applying_to_a_call_the_community_may_not_enter_writes_nothing(world, open_call,  # noqa: F811
                                                                        intervention):
    open_call.eligible_countries = ["MD"]
    open_call.save()
    with pytest.raises(DomainError, match="not eligible"):
        intervention_apply(intervention=intervention, call=open_call, actor=world.head)
    assert not Application.objects.exists() and not GrantLink.objects.exists()


def test_a_scaling_call_requires_an_intervention_in_scaling_with_a_completed_development_grant(
        world, portfolio, intervention):
    scaling = grants.call_create(
        network=world.network, actor=world.secretariat,
        **call_values(kind="scaling", slug="scaling-2027",
                      further_requirements=[SCALING_AFTER_DEVELOPMENT]))
    rules = {r.code: r for r in eligibility.check(scaling, world.akunk)}
    assert not rules[SCALING_AFTER_DEVELOPMENT].ok
    assert "in scaling" in rules[SCALING_AFTER_DEVELOPMENT].message
    development = grants.call_create(network=world.network, actor=world.secretariat,
                                     **call_values(kind="development", slug="development-2026"))
    application = Application.objects.create(call=development, community=world.akunk,
                                             form_version=development.current_form)
    GrantLink.objects.create(intervention=intervention, application=application)
    grant = award(application)
    Intervention.objects.filter(pk=intervention.pk).update(status="scaling")
    assert not eligibility.is_eligible(scaling, world.akunk)  # the grant is not completed
    Grant.objects.filter(pk=grant.pk).update(status="completed")
    assert eligibility.is_eligible(scaling, world.akunk)
    Intervention.objects.filter(pk=intervention.pk).update(status="testing")
    assert not eligibility.is_eligible(scaling, world.akunk)


def test_a_call_refuses_a_requirement_the_platform_does_not_know(world):
    with pytest.raises(DomainError, match="knows no requirement"):
        grants.call_create(network=world.network, actor=world.secretariat,
                           **call_values(further_requirements=["made_up"]))


def test_the_call_form_offers_the_portfolio_requirement(client, world):
    client.force_login(world.secretariat)
    page = client.get(reverse("grants:call_create", args=[world.network.slug])).content.decode()
    assert SCALING_AFTER_DEVELOPMENT in page and "funded by a completed development" in page


def test_the_intervention_page_lists_its_grants_and_applies_to_an_open_call(
        client, world, open_call, intervention):  # noqa: F811
    client.force_login(world.head)
    url = reverse("portfolios:intervention", args=[intervention.pk])
    page = client.get(url).content.decode()
    assert "No grant application names this intervention yet." in page
    assert open_call.title in page
    response = client.post(reverse("portfolios:intervention_apply", args=[intervention.pk]),
                           {"call": open_call.pk})
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Seed grants" in page and "draft" in page
    shown = client.get(application.get_absolute_url()).content.decode()
    assert "Funds the intervention" in shown and "Rural guest houses" in shown


@pytest.mark.parametrize("value", ["", "abc", "9" * 30, "-1", "99999"])
def test_applying_with_a_bad_call_says_so_beside_the_field(client, world, open_call,  # noqa: F811
                                                           intervention, value):
    client.force_login(world.head)
    response = client.post(reverse("portfolios:intervention_apply", args=[intervention.pk]),
                           {"call": value})
    assert response.status_code == 200
    assert "id_call_error" in response.content.decode()
    assert not Application.objects.exists()


def test_the_cohort_peer_sees_awarded_grants_only_and_without_a_link(client, world, peer,
                                                                     draft, intervention):
    from hamaynk.portfolios.services.portfolio import portfolio_share

    portfolio_share(portfolio=intervention.portfolio, actor=world.head, sharing="cohort")
    application_fund(application=draft, intervention=intervention, actor=world.staff)
    client.force_login(world.other_head)
    url = reverse("portfolios:intervention", args=[intervention.pk])
    assert "Seed grants" not in client.get(url).content.decode()
    award(draft)
    page = client.get(url).content.decode()
    assert "Seed grants" in page and draft.get_absolute_url() not in page


def test_the_naming_page_saves_and_refuses_bad_input(client, world, draft, intervention):
    client.force_login(world.staff)
    url = reverse("portfolios:application_funds", args=[draft.pk])
    assert "Rural guest houses" in client.get(url).content.decode()
    for bad in ("abc", "9" * 30, "99999"):
        response = client.post(url, {"intervention": bad})
        assert response.status_code == 200 and "id_intervention_error" in response.content.decode()
    assert client.post(url, {"intervention": intervention.pk}).status_code == 302
    assert GrantLink.objects.get().intervention == intervention
    client.post(url, {"intervention": ""})
    assert not GrantLink.objects.exists()


NAME = {"staff", "head", "secretariat"}
SEE_APPLICATION = {"staff", "head", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_funding_pages_permission_matrix(client, world, draft, intervention, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(reverse("portfolios:application_funds", args=[draft.pk])).status_code
    assert status == (302 if role == "anonymous" else 200 if role in NAME else 404)
    status = client.post(reverse("portfolios:intervention_apply", args=[intervention.pk]),
                         {"call": draft.call_id}).status_code
    seen = {"staff", "head", "coach", "secretariat"}
    assert status == (302 if role == "anonymous" else 200 if role in {"staff", "head"}
                      else 403 if role in seen else 404)


def test_the_intervention_page_reads_the_same_for_one_grant_or_five(client, world, portfolio,
                                                                    intervention):
    client.force_login(world.secretariat)
    url = reverse("portfolios:intervention", args=[intervention.pk])

    def add_grant(n):
        call = grants.call_create(network=world.network, actor=world.secretariat,
                                  **call_values(slug=f"past-{n}"))
        application = Application.objects.create(call=call, community=world.akunk,
                                                 form_version=call.current_form)
        GrantLink.objects.create(intervention=intervention, application=application)
        award(application, status="completed")

    add_grant(0)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n in range(1, 5):
        add_grant(n)
    client.get(url)  # the header's counts are read again once after a change
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    assert len(five) == len(one)


def test_the_api_gives_an_interventions_grants_as_its_page_does(client, world, draft,
                                                                  intervention):
    application_fund(application=draft, intervention=intervention, actor=world.staff)
    url = f"/api/portfolios/interventions/{intervention.pk}/grants"
    client.force_login(world.head)
    rows = client.get(url).json()
    assert [(r["kind"], r["state"], r["url"]) for r in rows] == [
        ("seed grant", "draft", draft.get_absolute_url())]
    client.force_login(world.other_head)  # not shared: as if it did not exist
    assert client.get(url).status_code == 404
    assert client.get("/api/portfolios/interventions/99999/grants").status_code == 404


def test_an_application_keeps_naming_an_intervention_stopped_since(client, world, draft,
                                                                   intervention):
    application_fund(application=draft, intervention=intervention, actor=world.staff)
    Intervention.objects.filter(pk=intervention.pk).update(status="stopped", stop_reason="Ոչ")
    client.force_login(world.staff)
    url = reverse("portfolios:application_funds", args=[draft.pk])
    assert f'value="{intervention.pk}" selected' in client.get(url).content.decode()
    assert client.post(url, {"intervention": intervention.pk}).status_code == 302
    assert GrantLink.objects.get().intervention_id == intervention.pk


def test_a_stopped_intervention_is_offered_no_call_and_applying_for_it_keeps_nothing(
        client, world, open_call, intervention):  # noqa: F811
    Intervention.objects.filter(pk=intervention.pk).update(status="stopped", stop_reason="Ոչ")
    intervention.refresh_from_db()
    client.force_login(world.head)
    page = client.get(reverse("portfolios:intervention", args=[intervention.pk])).content
    assert b"/apply/" not in page and b'name="call"' not in page
    with pytest.raises(DomainError, match="stopped intervention"):
        intervention_apply(intervention=intervention, call=open_call, actor=world.head)
    assert not Application.objects.exists() and not GrantLink.objects.exists()
