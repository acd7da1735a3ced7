"""Sensemaking sessions: opened (or planned) by the coach or the secretariat with a snapshot
"before", the patterns noted, closed with a snapshot "after"; the page for the community is
read-only and 404 for everyone else."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.models import SensemakingSession, Snapshot
from hamaynk.portfolios.services import sensemaking as services
from hamaynk.portfolios.services.interventions import InterventionValues, intervention_add
from hamaynk.tests_support import ROLES, InterventionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


@pytest.fixture
def today(portfolio):
    return services.today_of(portfolio)


@pytest.fixture
def team(member, world):
    member.team.add(world.staff, world.head)
    return [world.staff, world.head]


def _open(world, portfolio, today, **kwargs):
    values = {"held_on": today, "language": "hy", "participants": [world.staff, world.coach]}
    return services.session_open(portfolio=portfolio, actor=world.coach, **{**values, **kwargs})


def test_opening_a_session_keeps_the_portfolio_as_it_was_before(world, portfolio, team, today):
    InterventionFactory(portfolio=portfolio, title_hy="Հյուրատներ")
    session = _open(world, portfolio, today)
    before = Snapshot.objects.get(session=session)
    assert before.label == f"{today.isoformat()}-ի իմաստավորման հանդիպումից առաջ"  # hy
    assert [i["title"] for i in before.data["interventions"]] == ["Հյուրատներ"]
    assert set(session.participants.all()) == {world.staff, world.coach}
    assert session.coach == world.coach and session.closed_at is None
    assert AuditEntry.objects.filter(action="portfolios.session.logged").exists()


def test_closing_a_session_keeps_the_portfolio_as_it_was_after(world, portfolio, team, today):
    session = _open(world, portfolio, today, language="en")
    intervention_add(portfolio=portfolio, actor=world.staff, values=InterventionValues(
        title_hy="Նոր", hypothesis_if="Եթե", hypothesis_then="ապա"))
    closed = services.session_close(session=session, actor=world.coach)
    assert closed.closed_at is not None
    after = Snapshot.objects.filter(session=session).latest("pk")
    assert after.label.startswith("After the sensemaking session")
    assert [i["title"] for i in after.data["interventions"]] == ["Նոր"]
    with pytest.raises(DomainError, match="closed"):
        services.session_close(session=closed, actor=world.coach)


def test_a_session_may_be_planned_up_to_a_year_ahead_but_records_nothing_before_its_day(
        world, portfolio, team, today):
    planned = _open(world, portfolio, today + datetime.timedelta(days=30))
    with pytest.raises(DomainError, match="planned"):
        services.session_note(session=planned, actor=world.coach, patterns="Ոչինչ")
    with pytest.raises(DomainError, match="planned"):
        services.session_close(session=planned, actor=world.coach)
    with pytest.raises(DomainError, match="a year ahead") as refused:
        _open(world, portfolio, today + datetime.timedelta(days=400))
    assert refused.value.field == "held_on"


def test_a_session_is_recorded_at_most_a_year_after_it_was_held(world, portfolio, today):
    with pytest.raises(DomainError, match="a year after"):
        _open(world, portfolio, today - datetime.timedelta(days=400), participants=[])
    with pytest.raises(DomainError, match="Give the day"):
        _open(world, portfolio, None, participants=[])


def test_participants_are_the_team_and_the_coach(world, portfolio, team, today):
    with pytest.raises(DomainError, match="team and the coach") as refused:
        _open(world, portfolio, today, participants=[world.other_head])
    assert refused.value.field == "participants"
    with pytest.raises(DomainError, match="language"):
        _open(world, portfolio, today, language="fr")
    assert not SensemakingSession.objects.exists() and not Snapshot.objects.exists()


def test_one_session_is_open_at_a_time(world, portfolio, team, today):
    _open(world, portfolio, today)
    with pytest.raises(DomainError, match="close it first"):
        services.session_open(portfolio=portfolio, actor=world.secretariat, held_on=today,
                              language="en", participants=[])


@pytest.mark.parametrize("role", ["head", "staff", "other_head", "other_secretariat",
                                  "other_coach", "reviewer"])
def test_only_the_coach_and_the_secretariat_run_sessions(world, portfolio, today, role):
    with pytest.raises(PermissionDenied):
        services.session_open(portfolio=portfolio, actor=world.people()[role], held_on=today,
                              language="hy", participants=[])


def test_the_patterns_are_noted_while_the_session_is_open(world, portfolio, team, today):
    session = _open(world, portfolio, today)
    noted = services.session_note(session=session, actor=world.secretariat,
                                  patterns="  Հյուրերը գալիս են շաբաթ օրերին  ")
    assert noted.patterns == "Հյուրերը գալիս են շաբաթ օրերին"
    with pytest.raises(PermissionDenied):
        services.session_note(session=session, actor=world.head, patterns="x")


# ------------------------------------------------------------------------------- pages

@pytest.fixture
def session(world, portfolio, team, today):
    return _open(world, portfolio, today)


@pytest.mark.parametrize("role", ROLES)
def test_session_page_permission_matrix(client, world, session, role):
    allowed = {"staff", "head", "coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(session.get_absolute_url()).status_code
    assert status == (200 if role in allowed else 302 if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ROLES)
def test_open_a_session_page_permission_matrix(client, world, portfolio, role):
    allowed = {"coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(reverse("portfolios:session_new", args=[portfolio.pk])).status_code
    assert status == (200 if role in allowed else 302 if role == "anonymous" else 404)


def test_the_community_reads_its_session_but_cannot_write_it(client, world, session):
    client.force_login(world.head)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Record and apply the decision" not in page and "Close the session" not in page
    assert "Download the session pack (PDF)" in page
    response = client.post(session.get_absolute_url(), {"action": "patterns",
                                                         "patterns": "x"})
    assert response.status_code == 404


def test_the_coach_opens_a_session_in_the_browser(client, world, portfolio, team, today):
    client.force_login(world.coach)
    url = reverse("portfolios:session_new", args=[portfolio.pk])
    page = client.get(url).content.decode()
    assert "Open the session" in page
    response = client.post(url, {"held_on": today.isoformat(), "language": "en",
                                 "participants": [world.staff.pk]})
    session = SensemakingSession.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Record and apply the decision" in page and "Close the session" in page


@pytest.mark.parametrize("held_on", ["", "yesterday", "9" * 40, "2026-13-45", "0001-01-01",
                                     "\x00"])
def test_a_bad_day_is_refused_beside_the_field(client, world, portfolio, held_on):
    client.force_login(world.coach)
    url = reverse("portfolios:session_new", args=[portfolio.pk])
    response = client.post(url, {"held_on": held_on, "language": "hy"})
    assert response.status_code == 200
    assert response.context["form"].errors.get("held_on")
    assert not SensemakingSession.objects.exists()


@pytest.mark.parametrize("participants", [["x"], ["9" * 30], ["-1"], ["\x00"]])
def test_bad_participants_are_refused_beside_the_field(client, world, portfolio, today,
                                                       participants):
    client.force_login(world.coach)
    url = reverse("portfolios:session_new", args=[portfolio.pk])
    response = client.post(url, {"held_on": today.isoformat(), "language": "xx",
                                 "participants": participants})
    assert response.status_code == 200
    assert response.context["form"].errors.get("participants")


def test_another_communitys_person_is_not_a_participant(client, world, portfolio, team, today):
    client.force_login(world.coach)
    url = reverse("portfolios:session_new", args=[portfolio.pk])
    response = client.post(url, {"held_on": today.isoformat(), "language": "hy",
                                 "participants": [world.other_head.pk]})
    assert response.status_code == 200 and response.context["form"].errors.get("participants")


def test_closing_in_the_browser_asks_first(client, world, session):
    client.force_login(world.coach)
    url = session.get_absolute_url()
    asked = client.post(url, {"action": "close"})
    assert asked.status_code == 200 and b"Close the session?" in asked.content
    session.refresh_from_db()
    assert session.closed_at is None
    assert client.post(url, {"action": "close", "confirmed": "yes"}).status_code == 302
    session.refresh_from_db()
    assert session.closed_at is not None
    again = client.post(url, {"action": "close", "confirmed": "yes"}, follow=True)
    assert again.status_code == 200


def test_an_unknown_action_shows_the_page_again(client, world, session):
    client.force_login(world.coach)
    for action in ["", "delete", "\x00", "9" * 50]:
        assert client.post(session.get_absolute_url(), {"action": action}).status_code == 200


def _queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_the_session_page_runs_the_same_queries_for_1_and_30_decisions(client, world,
                                                                       portfolio, session):
    client.force_login(world.coach)
    url = session.get_absolute_url()
    one = InterventionFactory(portfolio=portfolio)
    session.decisions.create(kind="cluster", intervention=one, reason="Մեկ",
                             decided_by=world.coach)
    client.get(url)
    few = _queries(client, url)
    for n in range(29):
        person = UserFactory()
        portfolio.member.team.add(person)
        session.participants.add(person)
        session.decisions.create(kind="pivot", intervention=InterventionFactory(
            portfolio=portfolio), reason=f"Պատճառ {n}", decided_by=world.coach)
    assert _queries(client, url) == few


def test_the_open_a_session_page_points_to_the_open_one(client, world, portfolio, session):
    client.force_login(world.coach)
    page = client.get(reverse("portfolios:session_new", args=[portfolio.pk])).content.decode()
    assert "Go to the open session" in page and session.get_absolute_url() in page
    assert "Open the session" not in page
