"""The catalogue's pages: who sees what (the permission matrix), the secretariat's pages,
bounded queries, and hostile query values."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from hamaynk.core import counts
from hamaynk.learning.models import Enrolment, Material, Opportunity, Session
from hamaynk.learning.services import catalogue as services
from hamaynk.learning.services import enrolment as enrolling
from hamaynk.tests_support import (
    ROLES,
    AffiliationFactory,
    CountryFactory,
    EnrolmentFactory,
    OpportunityFactory,
    SessionFactory,
    UserFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """The pages in English (the messages these tests read); the journey walks both."""
    client.cookies["hamaynk_language"] = "en"


@pytest.fixture
def session(world):
    return SessionFactory(opportunity__network=world.network, community_quota=2,
                          opportunity__title_hy="Կանաչ անցման սեմինար")


@pytest.fixture
def enrolment(world, session):
    return enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                           actor=world.staff)


def _status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


SECRETARIAT = {"secretariat"}
EVERYONE = set(ROLES)


def _expected(role, allowed, *, public=False):
    if role in allowed:
        return 200
    return 404 if public or role != "anonymous" else 302


@pytest.mark.parametrize("role", ROLES)
def test_catalogue_pages_permission_matrix(client, world, session, enrolment, role):
    user = world.people()[role]
    draft = OpportunityFactory(network=world.network, status="draft")
    opportunity = session.opportunity
    public = [(reverse("learning:catalogue"), EVERYONE),
              (opportunity.get_absolute_url(), EVERYONE),
              (session.get_absolute_url(), EVERYONE),
              (reverse("learning:session_ics", args=[session.pk]), EVERYONE),
              (draft.get_absolute_url(), SECRETARIAT)]
    for url, allowed in public:
        assert _status(client, user, url) == _expected(role, allowed, public=True), (role, url)
    signed_in = [
        (reverse("learning:our_learning"), {"staff", "head", "other_head"}),
        (reverse("learning:manage", args=["m4eg"]), SECRETARIAT),
        (reverse("learning:opportunity_create", args=["m4eg"]), SECRETARIAT),
        (reverse("learning:opportunity_edit", args=[opportunity.pk]), SECRETARIAT),
        (reverse("learning:materials", args=[opportunity.pk]), SECRETARIAT),
        (reverse("learning:session_create", args=[opportunity.pk]), SECRETARIAT),
        (reverse("learning:session_edit", args=[session.pk]), SECRETARIAT),
        (reverse("learning:session_enrolments", args=[session.pk]), SECRETARIAT),
        (reverse("learning:attendance", args=[session.pk]), SECRETARIAT),
        (reverse("learning:manage", args=["caa"]), {"other_secretariat"}),
    ]
    for url, allowed in signed_in:
        assert _status(client, user, url) == _expected(role, allowed), (role, url)


@pytest.mark.parametrize("role", ROLES)
def test_cancelling_an_enrolment_permission_matrix(client, world, enrolment, role):
    user = world.people()[role]
    url = reverse("learning:enrolment_cancel", args=[enrolment.pk])
    allowed = {"staff", "head", "secretariat"}
    status = _status(client, user, url, "post")
    assert status == (302 if role in allowed or role == "anonymous" else 404), role
    enrolment.refresh_from_db()
    assert (enrolment.status == "cancelled") == (role in allowed), role


@pytest.mark.parametrize("role", ROLES)
def test_moving_an_opportunity_permission_matrix(client, world, session, role):
    user = world.people()[role]
    opportunity = session.opportunity
    url = reverse("learning:opportunity_move", args=[opportunity.pk])
    status = _status(client, user, url, "post", {"to": "archive"})
    assert status == (302 if role in ("secretariat", "anonymous") else 404), role
    opportunity.refresh_from_db()
    assert (opportunity.status == "archived") == (role == "secretariat")


def test_the_secretariat_builds_and_publishes_a_workshop_through_the_pages(client, world):
    client.force_login(world.secretariat)
    with translation.override("en"):
        response = client.post(reverse("learning:opportunity_create", args=["m4eg"]), {
            "kind": "workshop", "format": "offline", "title_hy": "", "languages": ["hy"]})
        assert "This field is required." in response.content.decode()
        response = client.post(reverse("learning:opportunity_create", args=["m4eg"]), {
            "kind": "workshop", "format": "offline", "title_hy": "Առաջնորդություն",
            "title_en": "Leadership", "languages": ["hy", "en"], "audience": ["head"],
            "hours": "6"})
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302 and opportunity.status == "draft"
    assert opportunity.languages == "hy,en"
    year = timezone.now().year + 2  # a March ahead, whatever today is
    new_session = reverse("learning:session_create", args=[opportunity.pk])
    values = {"time_zone": "Europe/Chisinau", "place_hy": "Քիշնև",
              "starts_at": f"{year}-03-10T10:00", "ends_at": f"{year}-03-10T09:00",
              "enrolment_deadline": f"{year}-03-01T18:00", "capacity": "20",
              "community_quota": "2"}
    with translation.override("en"):
        response = client.post(new_session, values)
    assert "The session must end after it starts." in response.content.decode()
    assert not Session.objects.exists()
    client.post(new_session, {**values, "ends_at": f"{year}-03-11T17:00"})
    session = Session.objects.get()
    assert session.time_zone == "Europe/Chisinau"
    assert session.starts_at == datetime.datetime(year, 3, 10, 8, tzinfo=datetime.UTC)
    assert session.days() == [datetime.date(year, 3, 10), datetime.date(year, 3, 11)]
    client.post(reverse("learning:opportunity_move", args=[opportunity.pk]), {"to": "publish"})
    opportunity.refresh_from_db()
    assert opportunity.status == "published"
    client.logout()
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Europe/Chisinau" in page and "Asia/Yerevan" in page


def test_publishing_without_a_session_is_refused_with_the_reason(client, world):
    opportunity = OpportunityFactory(network=world.network, status="draft")
    client.force_login(world.secretariat)
    with translation.override("en"):
        response = client.post(reverse("learning:opportunity_move", args=[opportunity.pk]),
                               {"to": "publish"}, follow=True)
    assert "Add a session before publishing" in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.status == "draft"


def test_materials_are_links_or_checked_files(client, world, session):
    from django.core.files.uploadedfile import SimpleUploadedFile

    opportunity = session.opportunity
    client.force_login(world.secretariat)
    url = reverse("learning:materials", args=[opportunity.pk])
    with translation.override("en"):
        response = client.post(url, {"title_hy": "Սլայդեր", "file": SimpleUploadedFile(
            "slides.pdf", b"not a pdf at all", content_type="application/pdf")})
    assert "not an accepted type" in response.content.decode()
    client.post(url, {"title_hy": "Սլայդեր", "file": SimpleUploadedFile(
        "slides.pdf", pdf_bytes(), content_type="application/pdf")})
    client.post(url, {"title_hy": "Տեսագրություն", "url": "https://example.org/video"})
    assert Material.objects.count() == 2
    client.logout()
    page = client.get(opportunity.get_absolute_url()).content.decode()
    assert "Սլայդեր" in page and "https://example.org/video" in page
    stored = Material.objects.exclude(file=None).get().file
    assert client.get(reverse("file", args=[stored.pk])).status_code == 200


def test_a_community_enrols_in_the_session_page_and_sees_it_in_our_learning(client, world,
                                                                           session):
    colleague = AffiliationFactory(community=world.akunk, user__full_name="Մարիամ Մելքոնյան").user
    client.force_login(world.staff)
    response = client.post(session.get_absolute_url(), {"community": world.akunk.pk,
                                                         "person": colleague.pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert (enrolment.person, enrolment.enrolled_by, enrolment.status) == (
        colleague, world.staff, "confirmed")
    with translation.override("en"):
        response = client.post(session.get_absolute_url(), {"community": world.akunk.pk,
                                                             "person": colleague.pk})
    assert "already enrolled" in response.content.decode()
    page = client.get(reverse("learning:our_learning")).content.decode()
    assert "Մարիամ Մելքոնյան" in page
    client.post(reverse("learning:enrolment_hand_over", args=[enrolment.pk]),
                {"person": world.head.pk})
    enrolment.refresh_from_db()
    assert enrolment.person == world.head


def test_another_communitys_person_cannot_be_chosen_in_the_page(client, world, session):
    client.force_login(world.staff)
    response = client.post(session.get_absolute_url(), {"community": world.dilijan.pk,
                                                         "person": world.other_head.pk})
    assert response.status_code == 200 and not Enrolment.objects.exists()


def test_the_organiser_approves_in_the_enrolment_list(client, world):
    session = SessionFactory(opportunity__network=world.network, needs_approval=True)
    enrolment = enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                                actor=world.staff)
    client.force_login(world.secretariat)
    url = reverse("learning:session_enrolments", args=[session.pk])
    before = client.get(url).content.decode()  # the rows are now in the fragment cache
    assert f'name="approve" value="{enrolment.pk}"' in before
    client.post(url, {"approve": enrolment.pk, f"version-{enrolment.pk}": enrolment.version})
    enrolment.refresh_from_db()
    assert enrolment.status == "confirmed"
    after = client.get(url).content.decode()  # the changed row is not the cached one
    assert f'name="cancel" value="{enrolment.pk}"' in after
    assert f'name="approve" value="{enrolment.pk}"' not in after
    client.force_login(world.other_secretariat)
    assert client.post(url, {"cancel": enrolment.pk}).status_code == 404


def test_the_session_calendar_file_names_the_session_zone(client, world):
    session = SessionFactory(opportunity__network=world.network, time_zone="Europe/Chisinau",
                             place_hy="Քիշնև")
    response = client.get(reverse("learning:session_ics", args=[session.pk]))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in text and "TZID=Europe/Chisinau" in text
    assert "BEGIN:VTIMEZONE" in text


def test_the_catalogue_filters_and_keeps_their_values(client, world):
    from hamaynk.learning.models import Topic

    moldova = CountryFactory(code="MD", name_hy="Մոլդովա", name_en="Moldova")
    green = Topic.objects.get(slug="green-transition")
    online = OpportunityFactory(network=world.network, format="online", languages="hy,en",
                                title_hy="Թվային հմտություններ վեբինար")
    offline = OpportunityFactory(network=world.network, format="offline",
                                 title_hy="Կանաչ անցման սեմինար")
    offline.topics.add(green)
    when = timezone.localtime(timezone.now() + datetime.timedelta(days=40))
    SessionFactory(opportunity=offline, country=moldova, starts_at=when,
                   ends_at=when + datetime.timedelta(hours=3),
                   enrolment_deadline=when - datetime.timedelta(days=1))
    SessionFactory(opportunity=online)
    url = reverse("learning:catalogue")

    def titles(**params):
        page = client.get(url, params).content.decode()
        shown = {o.title_hy for o in (online, offline)
                 if f'href="{o.get_absolute_url()}"' in page}
        return shown, page

    assert titles()[0] == {online.title_hy, offline.title_hy}
    assert titles(format="online")[0] == {online.title_hy}
    assert titles(language="en")[0] == {online.title_hy}
    assert titles(topic="green-transition")[0] == {offline.title_hy}
    assert titles(country="MD")[0] == {offline.title_hy}
    found, page = titles(month=when.strftime("%Y-%m"), country="MD")
    assert found == {offline.title_hy}
    assert f'value="{when.strftime("%Y-%m")}"' in page
    assert '<option value="MD" selected>' in page


@pytest.mark.parametrize("params", [
    {"topic": "x" * 500}, {"format": "\x00"}, {"language": "zz"}, {"month": "2026-13"},
    {"month": "0000-01"}, {"month": "9999-12"}, {"country": "'; drop"}, {"page": "-1"},
    {"page": "99999999999999999999"}, {"status": "\x00"}, {"community": "abc"},
    {"community": "99999999999999999999"}])
def test_hostile_query_values_are_never_a_500(client, world, session, enrolment, params):
    urls = [reverse("learning:catalogue"), session.opportunity.get_absolute_url()]
    for url in urls:
        assert client.get(url, params).status_code == 200, (url, params)
    client.force_login(world.secretariat)
    assert client.get(reverse("learning:session_enrolments", args=[session.pk]),
                      params).status_code == 200
    client.force_login(world.staff)
    assert client.get(reverse("learning:our_learning"), params).status_code == 200


@pytest.mark.parametrize("data", [
    {"approve": "abc"}, {"enrolment": "1", "decision": "x"},
    {"decline": "99999999999999999999"}, {"cancel": ""}, {}])
def test_hostile_posts_are_never_a_500(client, world, session, data):
    client.force_login(world.secretariat)
    url = reverse("learning:session_enrolments", args=[session.pk])
    assert client.post(url, data).status_code == 404
    values = {"time_zone": "Mars/Olympus", "starts_at": "tomorrow", "capacity": "-5",
              "community_quota": "0", "enrolment_deadline": "\x00"}
    assert client.post(reverse("learning:session_edit", args=[session.pk]),
                       values).status_code == 200
    for moment in ("0001-01-01T00:00", "9999-12-31T23:59"):
        response = client.post(reverse("learning:session_edit", args=[session.pk]), {
            "time_zone": "Europe/Chisinau", "starts_at": moment, "ends_at": moment,
            "enrolment_deadline": moment, "capacity": "3", "place_hy": "Քիշնև"})
        assert response.status_code == 200 and "Enter a date from the year" in \
            response.content.decode()
    assert client.post(reverse("learning:opportunity_move", args=[session.opportunity_id]),
                       {"to": "nowhere"}).status_code == 404


def _queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_catalogue_pages_run_a_bounded_number_of_queries(client, world):
    from hamaynk.learning.models import Topic

    opportunity = OpportunityFactory(network=world.network)
    opportunity.topics.add(*Topic.objects.all()[:2])
    session = SessionFactory(opportunity=opportunity)
    EnrolmentFactory(session=session, community=world.akunk, person=world.staff)
    client.force_login(world.staff)
    urls = [reverse("learning:catalogue"), opportunity.get_absolute_url(),
            session.get_absolute_url(), reverse("learning:our_learning")]
    before = [_queries(client, u) for u in urls]
    for i in range(30):
        other = OpportunityFactory(network=world.network)
        other.topics.add(*Topic.objects.all()[:2])
        SessionFactory(opportunity=other)
        extra = SessionFactory(opportunity=opportunity)
        person = AffiliationFactory(community=world.akunk).user
        EnrolmentFactory(session=extra if i % 2 else session, community=world.akunk,
                         person=person)
    assert [_queries(client, u) for u in urls] == before


def test_the_organisers_lists_run_a_bounded_number_of_queries(client, world, session):
    client.force_login(world.secretariat)
    EnrolmentFactory(session=session, community=world.akunk, person=world.staff)
    urls = [reverse("learning:session_enrolments", args=[session.pk]),
            reverse("learning:manage", args=["m4eg"])]
    before = [_queries(client, u) for u in urls]
    for i in range(30):
        EnrolmentFactory(session=session, community=world.dilijan,
                         person=UserFactory(), status="waitlisted" if i % 2 else "requested")
        SessionFactory(opportunity=OpportunityFactory(network=world.network, status="draft"))
    assert [_queries(client, u) for u in urls] == before


def test_recommendations_are_a_hook_that_returns_nothing_yet(world):
    from hamaynk.learning.selectors.catalogue import recommended_for

    assert list(recommended_for(community=world.akunk)) == []


def test_a_session_update_keeps_the_moments_in_its_zone(world):
    session = SessionFactory(opportunity__network=world.network, time_zone="Europe/Chisinau")
    values = {f: getattr(session, f) for f in services.SESSION_FIELDS}
    updated = services.session_update(session=session, actor=world.secretariat,
                                       **{**values, "label_hy": "Քիշնև"})
    assert updated.version == session.version + 1


def test_the_api_lists_published_opportunities_their_sessions_and_my_enrolments(
        client, world, session, enrolment):
    OpportunityFactory(network=world.network, status="draft")
    listed = client.get("/api/learning/opportunities").json()
    assert [o["id"] for o in listed["items"]] == [session.opportunity_id]
    assert client.get("/api/learning/opportunities", {"format": "\x00"}).status_code == 422
    sessions = client.get(f"/api/learning/opportunities/{session.opportunity_id}/sessions")
    assert sessions.json()["items"][0]["confirmed"] == 1
    draft = Opportunity.objects.get(status="draft")
    assert client.get(f"/api/learning/opportunities/{draft.pk}/sessions").status_code == 404
    assert client.get("/api/me/enrolments").status_code == 401
    client.force_login(world.staff)
    mine = client.get("/api/me/enrolments").json()["items"]
    assert [(e["id"], e["status"]) for e in mine] == [(enrolment.pk, "confirmed")]
