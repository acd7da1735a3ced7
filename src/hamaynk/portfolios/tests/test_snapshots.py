"""Snapshots: the portfolio's state as plain data (the canvas's format), taken on request,
listed, shown as it was, and compared (the difference is a pure function)."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.communities.models import Organisation
from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.portfolios.models import Challenge, Mission, Snapshot, Stakeholder
from hamaynk.portfolios.selectors.snapshots import Change, portfolio_state, state_difference
from hamaynk.portfolios.services.snapshots import snapshot_take
from hamaynk.tests_support import (
    ROLES,
    InterventionFactory,
    SensemakingClusterFactory,
    SnapshotFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(portfolio):
    Mission.objects.create(portfolio=portfolio, statement_hy="Ակունքը՝ կանաչ զբոսաշրջության "
                           "կենտրոն", horizon=2028, indicator_hy="Հյուրերի թիվը", target=3000)
    challenge = Challenge.objects.create(portfolio=portfolio, title_hy="Երիտասարդները մեկնում են")
    organisation = Organisation.objects.create(name_hy="Կոտայքի մարզպետարան")
    stakeholder = Stakeholder.objects.create(portfolio=portfolio, organisation=organisation,
                                             influence=5, interest=3)
    cluster = SensemakingClusterFactory(portfolio=portfolio, name_hy="Զբոսաշրջություն")
    first = InterventionFactory(portfolio=portfolio, title_hy="Հյուրատներ", cluster=cluster,
                                status="testing")
    second = InterventionFactory(portfolio=portfolio, title_hy="Արահետ")
    first.challenges.add(challenge)
    first.stakeholders.add(stakeholder)
    first.related.add(second)
    return {"challenge": challenge, "stakeholder": stakeholder, "cluster": cluster,
            "first": first, "second": second}


def test_the_state_is_plain_json_in_the_canvas_format(portfolio, filled):
    state = json.loads(json.dumps(portfolio_state(portfolio)))
    first, second = filled["first"], filled["second"]
    assert state["interventions"] == [
        {"id": first.pk, "title": "Հյուրատներ", "status": "testing", "kind": "experiment",
         "cluster": "Զբոսաշրջություն", "related": [second.pk],
         "challenges": [filled["challenge"].pk], "stakeholders": [filled["stakeholder"].pk]},
        {"id": second.pk, "title": "Արահետ", "status": "idea", "kind": "experiment",
         "cluster": None, "related": [first.pk], "challenges": [], "stakeholders": []}]
    assert state["clusters"] == [{"id": filled["cluster"].pk, "name": "Զբոսաշրջություն"}]
    assert state["challenges"] == [{"id": filled["challenge"].pk,
                                    "title": "Երիտասարդները մեկնում են"}]
    assert state["stakeholders"] == [{"id": filled["stakeholder"].pk,
                                      "name": "Կոտայքի մարզպետարան", "influence": 5,
                                      "interest": 3}]
    assert state["mission"]["statement"].startswith("Ակունքը") and state["mission"][
        "target"] == "3000.00"


def test_an_empty_portfolio_has_an_empty_state(portfolio):
    assert portfolio_state(portfolio) == {"mission": None, "challenges": [], "stakeholders": [],
                                          "clusters": [], "interventions": [],
                                          "hypotheses": {}}


def test_the_state_reads_in_the_same_queries_for_1_and_30_interventions(portfolio,
                                                                        django_assert_num_queries):
    InterventionFactory(portfolio=portfolio)
    with CaptureQueriesContext(connection) as few:
        portfolio_state(portfolio)
    for _n in range(29):
        InterventionFactory(portfolio=portfolio)
    with django_assert_num_queries(len(few.captured_queries)):
        portfolio_state(portfolio)


# --------------------------------------------------------------------- the difference

def _state(interventions=(), challenges=(), stakeholders=(), clusters=(), mission=None,
           hypotheses=None):
    return {"mission": mission, "interventions": list(interventions),
            "challenges": list(challenges), "stakeholders": list(stakeholders),
            "clusters": list(clusters), "hypotheses": hypotheses or {}}


def _i(pk, title="Ա", status="idea", cluster=None):
    return {"id": pk, "title": title, "status": status, "kind": "experiment",
            "cluster": cluster, "related": [], "challenges": [], "stakeholders": []}


def test_nothing_changed_between_two_equal_states():
    state = _state([_i(1)], [{"id": 1, "title": "Խ"}])
    assert state_difference(state, state) == []


def test_interventions_added_removed_and_changed():
    before = _state([_i(1, "Հյուրատներ", "testing"), _i(2, "Արահետ")])
    after = _state([_i(1, "Հյուրատներ", "scaling", "Զբոսաշրջություն"), _i(3, "Խոհանոց")])
    assert state_difference(before, after) == [
        Change("intervention", "added", "Խոհանոց"),
        Change("intervention", "removed", "Արահետ"),
        Change("intervention", "changed", "Հյուրատներ", "status", "testing", "scaling"),
        Change("intervention", "changed", "Հյուրատներ", "cluster", None, "Զբոսաշրջություն")]


def test_a_renamed_or_pivoted_intervention_is_a_change():
    before = _state([_i(1, "Հին")], hypotheses={"1": {"if": "Եթե Ա", "then": "ապա Բ",
                                                        "because": ""}})
    after = _state([_i(1, "Նոր")], hypotheses={"1": {"if": "Եթե Գ", "then": "ապա Բ",
                                                       "because": ""}})
    assert state_difference(before, after) == [
        Change("intervention", "changed", "Նոր", "title", "Հին", "Նոր"),
        Change("intervention", "changed", "Նոր", "hypothesis", "Եթե Ա / ապա Բ",
               "Եթե Գ / ապա Բ")]


def test_challenges_stakeholders_and_clusters_are_compared():
    before = _state(challenges=[{"id": 1, "title": "Ա"}],
                    stakeholders=[{"id": 1, "name": "Մարզպետարան", "influence": 3,
                                   "interest": 2}], clusters=[{"id": 1, "name": "Ա"}])
    after = _state(challenges=[{"id": 2, "title": "Բ"}],
                   stakeholders=[{"id": 1, "name": "Մարզպետարան", "influence": 5,
                                  "interest": 2}], clusters=[{"id": 1, "name": "Բ"}])
    assert state_difference(before, after) == [
        Change("challenge", "added", "Բ"), Change("challenge", "removed", "Ա"),
        Change("stakeholder", "changed", "Մարզպետարան", "influence", 3, 5),
        Change("cluster", "changed", "Բ", "name", "Ա", "Բ")]


def test_the_missions_change():
    mission = {"statement": "Ա", "horizon": 2028, "target": "10.00"}
    assert state_difference(_state(), _state(mission=mission)) == [
        Change("mission", "added", "Ա")]
    assert state_difference(_state(mission=mission), _state()) == [
        Change("mission", "removed", "Ա")]
    assert state_difference(_state(mission=mission),
                            _state(mission={**mission, "target": "20.00"})) == [
        Change("mission", "changed", "Ա", "target", "10.00", "20.00")]


def test_a_broken_or_old_state_is_compared_without_failing():
    assert state_difference({}, {"interventions": ["x", None, {"id": 1}]}) == [
        Change("intervention", "added", "")]
    assert state_difference({"interventions": None}, {}) == []


# ------------------------------------------------------------------------------ taking

def test_a_snapshot_is_taken_with_its_label(world, portfolio, filled):
    snapshot = snapshot_take(portfolio=portfolio, actor=world.head, label="  Ավագանուց առաջ ")
    assert snapshot.label == "Ավագանուց առաջ" and snapshot.session is None
    assert snapshot.data["interventions"][0]["title"] == "Հյուրատներ"
    with pytest.raises(DomainError, match="label") as refused:
        snapshot_take(portfolio=portfolio, actor=world.head, label="  ")
    assert refused.value.field == "label"
    with pytest.raises(DomainError, match="At most"):
        snapshot_take(portfolio=portfolio, actor=world.head, label="ա" * 201)
    with pytest.raises(PermissionDenied):
        snapshot_take(portfolio=portfolio, actor=world.other_head, label="Ոչ")


def test_a_snapshot_is_taken_on_the_snapshots_page(client, world, portfolio):
    client.force_login(world.coach)
    url = reverse("portfolios:snapshots", args=[portfolio.pk])
    assert client.post(url, {"label": "Հանդիպումից առաջ"}).status_code == 302
    assert Snapshot.objects.get().label == "Հանդիպումից առաջ"
    page = client.get(url).content.decode()
    assert "Հանդիպումից առաջ" in page


@pytest.mark.parametrize("label", ["", "\x00", "ա" * 201])
def test_a_bad_label_is_refused_beside_the_field(client, world, portfolio, label):
    client.force_login(world.head)
    response = client.post(reverse("portfolios:snapshots", args=[portfolio.pk]),
                           {"label": label})
    assert response.status_code == 200 and response.context["form"].errors["label"]
    assert not Snapshot.objects.exists()


# ------------------------------------------------------------------------------ pages

@pytest.fixture
def snapshots(world, portfolio, filled):
    older = snapshot_take(portfolio=portfolio, actor=world.coach, label="Առաջ")
    filled["second"].status = "testing"
    filled["second"].save()
    newer = snapshot_take(portfolio=portfolio, actor=world.coach, label="Հետո")
    return older, newer


def _pages(portfolio, snapshots):
    older, newer = snapshots
    compare = reverse("portfolios:snapshot_compare", args=[portfolio.pk])
    return [reverse("portfolios:snapshots", args=[portfolio.pk]),
            reverse("portfolios:snapshot", args=[older.pk]),
            f"{compare}?a={older.pk}&b={newer.pk}", f"{compare}?a={older.pk}",
            reverse("portfolios:snapshot_canvas_svg", args=[older.pk])]


@pytest.mark.parametrize("role", ROLES)
def test_snapshot_pages_permission_matrix(client, world, portfolio, snapshots, role):
    allowed = {"staff", "head", "coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for url in _pages(portfolio, snapshots):
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 302 if role == "anonymous" else 404), url


def test_a_snapshot_shows_the_portfolio_as_it_was(client, world, portfolio, snapshots, filled):
    older, _newer = snapshots
    filled["first"].title_hy = "Վերանվանված"
    filled["first"].save()
    client.force_login(world.head)
    page = client.get(reverse("portfolios:snapshot", args=[older.pk])).content.decode()
    assert "Հյուրատներ" in page and "Վերանվանված" not in page
    assert "Երիտասարդները մեկնում են" in page and "Կոտայքի մարզպետարան" in page


def test_the_comparison_lists_what_changed(client, world, portfolio, snapshots):
    older, newer = snapshots
    client.force_login(world.head)
    client.cookies["hamaynk_language"] = "en"
    url = reverse("portfolios:snapshot_compare", args=[portfolio.pk])
    page = client.get(f"{url}?a={newer.pk}&b={older.pk}").content.decode()  # either order
    assert "Արահետ" in page and "testing" in page and "changed (status)" in page
    same = client.get(f"{url}?a={newer.pk}").content.decode()
    assert "Nothing changed." in same


@pytest.mark.parametrize("query", ["", "?a=x", "?a=99999999", "?a=" + "9" * 40, "?a=\x00",
                                   "?a={older}&b=x", "?a={older}&b={theirs}", "?a={theirs}"])
def test_a_bad_comparison_is_a_404(client, world, portfolio, snapshots, query):
    theirs = SnapshotFactory()
    client.force_login(world.head)
    url = reverse("portfolios:snapshot_compare", args=[portfolio.pk])
    query = query.format(older=snapshots[0].pk, theirs=theirs.pk)
    assert client.get(url + query).status_code == 404


def test_another_portfolios_snapshot_is_a_404(client, world, portfolio):
    theirs = SnapshotFactory()
    client.force_login(world.head)
    assert client.get(reverse("portfolios:snapshot", args=[theirs.pk])).status_code == 404


def test_a_broken_snapshot_still_shows(client, world, portfolio):
    broken = SnapshotFactory(portfolio=portfolio, data={"interventions": ["x", {"id": 1}],
                                                        "mission": None})
    client.force_login(world.head)
    assert client.get(reverse("portfolios:snapshot", args=[broken.pk])).status_code == 200


def _queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_the_snapshots_list_runs_the_same_queries_for_1_and_30(client, world, portfolio):
    client.force_login(world.head)
    url = reverse("portfolios:snapshots", args=[portfolio.pk])
    SnapshotFactory(portfolio=portfolio, taken_by=world.coach)
    client.get(url)
    few = _queries(client, url)
    for _n in range(29):
        SnapshotFactory(portfolio=portfolio, taken_by=world.coach)
    assert _queries(client, url) == few
    assert client.get(url + "?page=" + "9" * 30).status_code == 200


def test_a_snapshot_page_runs_the_same_queries_for_1_and_30_interventions(client, world,
                                                                          portfolio):
    client.force_login(world.head)
    InterventionFactory(portfolio=portfolio)
    one = snapshot_take(portfolio=portfolio, actor=world.head, label="1")
    for _n in range(29):
        InterventionFactory(portfolio=portfolio)
    many = snapshot_take(portfolio=portfolio, actor=world.head, label="30")
    client.get(reverse("portfolios:snapshot", args=[one.pk]))
    few = _queries(client, reverse("portfolios:snapshot", args=[one.pk]))
    assert _queries(client, reverse("portfolios:snapshot", args=[many.pk])) == few
    compare = reverse("portfolios:snapshot_compare", args=[portfolio.pk])
    assert _queries(client, f"{compare}?a={one.pk}&b={many.pk}") == _queries(
        client, f"{compare}?a={one.pk}&b={one.pk}")


def test_a_snapshot_draws_the_canvas_as_it_was(client, world, portfolio, snapshots, filled):
    older, _newer = snapshots
    filled["first"].title_hy = "Վերանվանված"
    filled["first"].save()
    client.force_login(world.coach)
    response = client.get(reverse("portfolios:snapshot_canvas_svg", args=[older.pk]))
    svg = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "Հյուրատներ" in svg and "Վերանվանված" not in svg
    page = client.get(reverse("portfolios:snapshot", args=[older.pk])).content.decode()
    assert reverse("portfolios:snapshot_canvas_svg", args=[older.pk]) in page
    compare = reverse("portfolios:snapshot_compare", args=[portfolio.pk])
    page = client.get(f"{compare}?a={older.pk}").content.decode()
    assert reverse("portfolios:canvas_svg", args=[portfolio.pk]) in page  # after: now
