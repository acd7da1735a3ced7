"""The intervention pages: who sees and writes them, adding and editing through the form
(a stale edit keeps the typed text), moving the status (allowed next states only; stopping
asks why), clusters, bad input never a 500, and the same number of queries for 1 or 30 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.portfolios.models import Cluster, Intervention
from hamaynk.portfolios.services.interventions import (
    InterventionValues,
    intervention_change,
    intervention_move,
)
from hamaynk.tests_support import (
    ROLES,
    ClusterFactory,
    InterventionFactory,
    LearningQuestionFactory,
    MilestoneFactory,
    PortfolioFactory,
)

pytestmark = pytest.mark.django_db
SEE = {"staff", "head", "coach", "secretariat"}
WRITE = {"staff", "head"}


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


def expected(role, allowed, seen=SEE):
    if role == "anonymous":
        return 302
    if role in allowed:
        return 200
    return 403 if role in seen else 404


def pages(portfolio, intervention):
    return {
        "intervention": (reverse("portfolios:intervention", args=[intervention.pk]), SEE),
        "change": (reverse("portfolios:intervention_change", args=[intervention.pk]), WRITE),
        "new": (reverse("portfolios:intervention_new", args=[portfolio.pk]), WRITE),
        "clusters": (reverse("portfolios:clusters", args=[portfolio.pk]), SEE),
        "canvas": (reverse("portfolios:canvas", args=[portfolio.pk]), SEE),
        "canvas_svg": (reverse("portfolios:canvas_svg", args=[portfolio.pk]), SEE),
        "practice": (reverse("portfolios:practice", args=[portfolio.pk]), SEE),
    }


@pytest.mark.parametrize("role", ROLES)
def test_intervention_pages_permission_matrix(client, world, portfolio, role):
    intervention = InterventionFactory(portfolio=portfolio)
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for name, (url, allowed) in pages(portfolio, intervention).items():
        status = client.get(url).status_code
        assert (name, status) == (name, expected(role, allowed)), name


def test_a_missing_intervention_or_portfolio_is_a_404(client, world, portfolio):
    client.force_login(world.head)
    for url in ("/portfolios/intervention/99999/", "/portfolios/99999/canvas/",
                "/portfolios/99999/canvas.svg", "/portfolios/99999/practice/",
                f"/portfolios/intervention/{'9' * 25}/"):
        assert client.get(url).status_code == 404


def form_data(**changes):
    data = {"title_hy": "Գինու փառատոն", "title_en": "", "hypothesis_if": "Եթե անցկացնենք",
            "hypothesis_then": "ապա կգան հյուրեր", "hypothesis_because": "", "kind": "pilot",
            "budget": "1500000", "currency": "AMD", "funding": "donor", "funder": "ԵՄ",
            "cluster": "", "version": "1"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_team_adds_an_intervention_through_the_form(client, world, portfolio):
    cluster = ClusterFactory(portfolio=portfolio)
    client.force_login(world.staff)
    url = reverse("portfolios:intervention_new", args=[portfolio.pk])
    response = client.post(url, form_data(cluster=str(cluster.pk)))
    added = Intervention.objects.get(portfolio=portfolio)
    assert response.status_code == 302 and response["Location"] == added.get_absolute_url()
    assert (added.status, added.kind, added.cluster, str(added.budget)) == (
        "idea", "pilot", cluster, "1500000.00")


def test_choices_of_another_portfolio_are_refused_beside_the_field(client, world, portfolio):
    other = InterventionFactory(portfolio=PortfolioFactory())
    client.force_login(world.staff)
    url = reverse("portfolios:intervention_new", args=[portfolio.pk])
    response = client.post(url, {**form_data(), "related": [str(other.pk)],
                                 "cluster": str(ClusterFactory(portfolio=other.portfolio).pk)})
    assert response.status_code == 200
    assert "related" in response.context["form"].errors
    assert "cluster" in response.context["form"].errors
    assert not Intervention.objects.filter(portfolio=portfolio).exists()


@pytest.mark.parametrize("field,value", [
    ("budget", "9" * 40), ("budget", "-5"), ("budget", "NaN"), ("budget", "1e400"),
    ("title_hy", "Ա\x00Բ"), ("hypothesis_if", ""), ("kind", "rocket"), ("currency", "XXX"),
    ("cluster", "9" * 30), ("cluster", "abc"), ("related", "-1"), ("challenges", "1" * 25),
    ("stakeholders", "\x00"), ("version", "9" * 30), ("title_hy", "Ա" * 400),
])
def test_bad_input_on_the_intervention_form_is_an_error_not_a_500(client, world, portfolio,
                                                                   field, value):
    intervention = InterventionFactory(portfolio=portfolio)
    client.force_login(world.staff)
    for url in (reverse("portfolios:intervention_new", args=[portfolio.pk]),
                reverse("portfolios:intervention_change", args=[intervention.pk])):
        response = client.post(url, form_data(**{field: value}))
        assert response.status_code == 200, (url, field)
        assert field in response.context["form"].errors


def test_an_edit_on_a_stale_page_keeps_the_typed_text_and_says_so(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    intervention_change(intervention=intervention, actor=world.head, expected_version=1,
                        values=InterventionValues(title_hy="Նոր անուն", hypothesis_if="Եթե",
                                                  hypothesis_then="ապա"))
    client.force_login(world.staff)
    url = reverse("portfolios:intervention_change", args=[intervention.pk])
    response = client.post(url, form_data(title_hy="Իմ տարբերակը", version="1"))
    assert response.status_code == 200
    assert "Someone else" in response.content.decode()
    assert "Իմ տարբերակը" in response.content.decode()
    assert Intervention.objects.get(pk=intervention.pk).title_hy == "Նոր անուն"
    missing = client.post(url, form_data(title_hy="Առանց տարբերակի", version=None))
    assert "out of date" in missing.content.decode()


def test_the_edit_form_starts_with_what_the_intervention_says(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio, funder="Համաշխարհային բանկ")
    client.force_login(world.head)
    response = client.get(reverse("portfolios:intervention_change", args=[intervention.pk]))
    assert "Համաշխարհային բանկ" in response.content.decode()
    assert response.context["form"].initial["version"] == 1


def test_the_status_moves_to_the_allowed_next_states_only(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    client.force_login(world.staff)
    url = intervention.get_absolute_url()
    choices = [v for v, _ in client.get(url).context["move"].fields["to"].choices]
    assert choices == ["testing", "stopped"]
    refused = client.post(url, {"to": "scaling", "version": "1"})
    assert "to" in refused.context["move"].errors
    assert client.post(url, {"to": "testing", "version": "1"}).status_code == 302
    assert Intervention.objects.get(pk=intervention.pk).status == "testing"


def test_stopping_on_the_page_asks_why_and_the_history_says_it(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    client.force_login(world.staff)
    url = intervention.get_absolute_url()
    asked = client.post(url, {"to": "stopped", "reason": "  ", "version": "1"})
    assert "Say why" in str(asked.context["move"].errors["reason"])
    client.post(url, {"to": "stopped", "reason": "Հյուրեր չեկան", "version": "1"})
    page = client.get(url)
    assert page.context["page"].history[0].after == "stopped"
    assert "Հյուրեր չեկան" in page.content.decode()


def test_the_history_names_the_fields_an_edit_changed(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    client.force_login(world.staff)
    client.post(reverse("portfolios:intervention_change", args=[intervention.pk]),
                form_data(funder="Համաշխարհային բանկ"))
    row = client.get(intervention.get_absolute_url()).context["page"].history[0]
    assert row.what == "Intervention changed"
    assert set(row.changed) >= {"funder", "budget", "kind"}


def test_a_move_on_a_stale_page_is_refused(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    intervention_move(intervention=intervention, actor=world.head, to="testing")
    client.force_login(world.staff)
    response = client.post(intervention.get_absolute_url(),
                           {"to": "stopped", "reason": "X", "version": "1"})
    assert response.status_code == 200 and response.context["move"].non_field_errors()


def test_the_coach_reads_the_intervention_but_cannot_move_it(client, world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    client.force_login(world.coach)
    page = client.get(intervention.get_absolute_url())
    assert page.status_code == 200 and b'name="to"' not in page.content
    assert client.post(intervention.get_absolute_url(), {"to": "testing"}).status_code == 403


def test_clusters_are_added_renamed_and_removed_on_their_page(client, world, portfolio):
    client.force_login(world.staff)
    url = reverse("portfolios:clusters", args=[portfolio.pk])
    assert client.post(url, {"action": "add", "name_hy": "Զբոսաշրջություն"}).status_code == 302
    cluster = Cluster.objects.get(portfolio=portfolio)
    again = client.post(url, {"action": "add", "name_hy": "Զբոսաշրջություն"})
    assert "name_hy" in again.context["form"].errors
    client.post(url, {"action": "rename", "cluster": str(cluster.pk),
                      f"c{cluster.pk}-name_hy": "Կանաչ", f"c{cluster.pk}-name_en": "Green"})
    assert Cluster.objects.get(pk=cluster.pk).name_en == "Green"
    intervention = InterventionFactory(portfolio=portfolio, cluster=cluster)
    client.post(url, {"action": "remove", "cluster": str(cluster.pk)})
    assert not Cluster.objects.filter(pk=cluster.pk).exists()
    assert Intervention.objects.get(pk=intervention.pk).cluster is None


@pytest.mark.parametrize("data", [
    {"action": "remove", "cluster": "9" * 30}, {"action": "rename", "cluster": "x"},
    {"action": "fly", "cluster": "1"}, {"action": "add", "name_hy": "\x00"},
])
def test_bad_cluster_posts_are_refused_not_a_500(client, world, portfolio, data):
    other = ClusterFactory(portfolio=PortfolioFactory())
    client.force_login(world.staff)
    url = reverse("portfolios:clusters", args=[portfolio.pk])
    assert client.post(url, data).status_code in (200, 404)
    assert client.post(url, {"action": "remove", "cluster": str(other.pk)}).status_code == 404
    assert Cluster.objects.filter(pk=other.pk).exists()


def count_queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def fill(portfolio, n):
    cluster = ClusterFactory(portfolio=portfolio)
    first = InterventionFactory(portfolio=portfolio, cluster=cluster)
    for _ in range(n - 1):
        other = InterventionFactory(portfolio=portfolio, cluster=ClusterFactory(
            portfolio=portfolio))
        first.related.add(other)
    for _ in range(n):
        LearningQuestionFactory(portfolio=portfolio, intervention=first)
        MilestoneFactory(portfolio=portfolio, intervention=first)
    return first


@pytest.mark.parametrize("name", ["intervention", "clusters", "canvas", "canvas_svg",
                                  "portfolio", "change"])
def test_intervention_pages_run_the_same_queries_for_1_or_30_rows(client, world, portfolio,
                                                                  name):
    client.force_login(world.head)
    first = fill(portfolio, 1)

    def url():
        if name == "portfolio":
            return portfolio.get_absolute_url()
        return pages(portfolio, first)[name][0]

    one = count_queries(client, url())
    more = fill(portfolio, 30)
    first.related.add(more)
    assert count_queries(client, url()) == one
