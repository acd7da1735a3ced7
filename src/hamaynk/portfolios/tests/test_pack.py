"""The session pack: a PDF in the session's language, of the portfolio now and the community's
open coaching actions."""

import datetime
import io

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from hamaynk.learning.models import AgreedAction, CoachingSession
from hamaynk.portfolios.models import LearningQuestion, Milestone, Mission, Risk
from hamaynk.portfolios.pack import pack_html, pack_pdf
from hamaynk.tests_support import ROLES, InterventionFactory, SensemakingSessionFactory

pytestmark = pytest.mark.django_db
MISSION = "Մինչև 2028 թվականը Ակունքի տնային տնտեսությունների 30 %-ը եկամուտ կունենա"


def pdf_text(data: bytes) -> str:
    return " ".join("\n".join(page.extract_text()
                              for page in pypdf.PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def session(world, portfolio):
    return SensemakingSessionFactory(portfolio=portfolio, coach=world.coach, language="hy")


@pytest.fixture
def filled(world, portfolio, member):
    Mission.objects.create(portfolio=portfolio, statement_hy=MISSION, horizon=2028,
                           indicator_hy="Տնային տնտեսություններ", target=30, unit="%")
    InterventionFactory(portfolio=portfolio, title_hy="Հյուրատներ", status="testing")
    InterventionFactory(portfolio=portfolio, title_hy="Փակված փորձ", status="stopped",
                        stop_reason="Չստացվեց")
    LearningQuestion.objects.create(portfolio=portfolio, question="Հյուրերը կմնա՞ն երկու գիշեր")
    LearningQuestion.objects.create(portfolio=portfolio, question="Պատասխանված հարց",
                                    answered_at=timezone.now())
    Risk.objects.create(portfolio=portfolio, description="Ճանապարհը փակ է ձմռանը",
                        likelihood=4, impact=3)
    today = timezone.localdate()
    Milestone.objects.create(portfolio=portfolio, title="Ուշացած հանգրվան",
                             due_date=today - datetime.timedelta(days=10))
    Milestone.objects.create(portfolio=portfolio, title="Ապագա հանգրվան",
                             due_date=today + datetime.timedelta(days=30))
    coaching = CoachingSession.objects.create(member=member, held_on=today, coach=world.coach,
                                              logged_by=world.coach)
    AgreedAction.objects.create(session=coaching, member=member, text="Կազմել բյուջեն",
                                owner=world.staff, due_date=today)


def test_the_pack_holds_the_armenian_mission_and_what_is_open(world, session, filled):
    text = pdf_text(pack_pdf(session, reader=world.coach))
    assert MISSION in text
    for expected in ("Հյուրատներ", "Փակված փորձ", "Հյուրերը կմնա՞ն երկու գիշեր",
                     "Ճանապարհը փակ է ձմռանը", "Ուշացած հանգրվան", "Կազմել բյուջեն"):
        assert expected in text, expected
    assert "Պատասխանված հարց" not in text and "Ապագա հանգրվան" not in text


def test_the_pack_is_in_the_sessions_language(world, portfolio, filled):
    english = SensemakingSessionFactory(portfolio=portfolio, language="en")
    assert "Open learning questions" in pack_html(english, reader=world.coach)
    armenian = SensemakingSessionFactory(portfolio=portfolio, language="hy")
    assert "Open learning questions" not in pack_html(armenian, reader=world.coach)


def test_an_empty_portfolio_has_a_pack_too(world, session):
    assert pack_pdf(session, reader=world.coach).startswith(b"%PDF")


def test_typed_text_cannot_inject_markup(world, portfolio, session):
    InterventionFactory(portfolio=portfolio, title_hy='<img src="http://example.com/x">')
    html = pack_html(session, reader=world.coach)
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize("role", ROLES)
def test_pack_permission_matrix(client, world, session, role):
    allowed = {"staff", "head", "coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("portfolios:session_pack", args=[session.pk]))
    assert response.status_code == (200 if role in allowed else 302 if role == "anonymous"
                                    else 404)
    if role in allowed:
        assert response["Content-Type"] == "application/pdf"


def test_the_pack_shows_the_grants_and_their_reports_as_its_reader_may_see_them(
        world, portfolio, peer):
    from hamaynk.grants import services as grants
    from hamaynk.grants.models import Application, Grant, GrantReport
    from hamaynk.grants.tests.conftest import call_values
    from hamaynk.portfolios.models import GrantLink

    session = SensemakingSessionFactory(portfolio=portfolio, language="en")
    intervention = InterventionFactory(portfolio=portfolio, title_en="Guest houses")
    awarded_call = grants.call_create(network=world.network, actor=world.secretariat,
                                      **call_values(slug="seed-2025", title_en="Seed 2025"))
    awarded = Application.objects.create(call=awarded_call, community=world.akunk,
                                         form_version=awarded_call.current_form,
                                         status="awarded")
    grant = Grant.objects.create(application=awarded, call=awarded_call,
                                 community=world.akunk, amount=15000, currency="USD",
                                 awarded_at=awarded_call.opens_at)
    GrantReport.objects.create(grant=grant, purpose="progress", due_date=timezone.localdate(),
                               form_version=awarded_call.current_form)
    draft_call = grants.call_create(network=world.network, actor=world.secretariat,
                                    **call_values(slug="dev-2026", kind="development",
                                                  title_en="Development 2026"))
    draft = Application.objects.create(call=draft_call, community=world.akunk,
                                       form_version=draft_call.current_form)
    GrantLink.objects.create(intervention=intervention, application=draft)
    html = pack_html(session, reader=world.head)
    assert "Seed 2025" in html and "Development 2026" in html and "Guest houses" in html
    assert "Progress report" in html
    coach = pack_html(session, reader=world.coach)  # awarded only, with the reports' states
    assert "Seed 2025" in coach and "Progress report" in coach
    assert "Development 2026" not in coach
    peers = pack_html(session, reader=world.other_head)  # awarded only, without reports
    assert "Seed 2025" in peers and "Development 2026" not in peers
    assert "Progress report" not in peers


def test_the_pack_lists_the_learning_its_communitys_people_completed(world, portfolio):
    from hamaynk.tests_support import EnrolmentFactory

    EnrolmentFactory(community=world.akunk, person=world.staff, completed_at=timezone.now(),
                     session__opportunity__title_en="Resource mobilisation for heads")
    EnrolmentFactory(community=world.akunk, person=world.head,
                     session__opportunity__title_en="Still going")  # not completed
    EnrolmentFactory(community=world.dilijan, completed_at=timezone.now(),
                     session__opportunity__title_en="Another community's")
    html = pack_html(SensemakingSessionFactory(portfolio=portfolio, language="en"),
                     reader=world.coach)
    assert "Resource mobilisation for heads" in html and world.staff.get_full_name() in html
    assert "Still going" not in html and "Another community's" not in html
