"""Coaching paths: the pages — who may open them, their queries whatever the size, their
forms with bad input, and what the cohort page says of each community."""

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from hamaynk.core import counts
from hamaynk.core.workqueue import followed_work
from hamaynk.grants.models import GrantReport
from hamaynk.learning.models import AgreedAction, CoachingSession
from hamaynk.learning.services import coaching as services
from hamaynk.learning.services import cohorts as cohort_services
from hamaynk.networks.models import MembershipApplication
from hamaynk.tests_support import (
    ROLES,
    AffiliationFactory,
    CommunityFactory,
    GrantFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


@pytest.fixture
def task(world, cohort):
    return services.step_save(cohort=cohort, actor=world.secretariat, values=services.StepValues(
        kind="assignment", title_hy="Առաքելության քարտեզ", due_date=today() + 7 * DAY))


def urls(cohort, member, task) -> dict[str, tuple[str, set[str]]]:
    community = {"staff", "head"}
    return {
        "path": (reverse("learning:path", args=[cohort.pk]), {"secretariat"}),
        "member": (member.get_absolute_url(), community | {"coach", "secretariat"}),
        "team": (reverse("learning:team", args=[member.pk]), community),
        "log": (reverse("learning:log", args=[member.pk]), community | {"coach", "secretariat"}),
        "log_new": (reverse("learning:log_new", args=[member.pk]), {"coach", "secretariat"}),
        "step": (reverse("learning:step", args=[member.pk, task.pk]),
                 community | {"coach", "secretariat"}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_coaching_pages_permission_matrix(client, world, cohort, akunk, task, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    for name, (url, allowed) in urls(cohort, akunk, task).items():
        status = client.get(url).status_code
        expected = 200 if role in allowed else 302 if role == "anonymous" else 404
        assert status == expected, (role, name)
        if role not in allowed:  # a POST does nothing either
            assert client.post(url, {"done": "1", "step": task.pk}).status_code in (302, 404)


def test_another_communitys_page_is_a_404_for_a_head(client, world, cohort, akunk):
    dilijan = cohort_services.cohort_add_community(cohort=cohort, community=world.dilijan,
                                                   actor=world.secretariat, reason="Ունի ծրագիր")
    client.force_login(world.head)
    assert client.get(dilijan.get_absolute_url()).status_code == 404
    assert client.get(reverse("learning:log", args=[dilijan.pk])).status_code == 404
    assert client.get(reverse("learning:log", args=[99999])).status_code == 404


def count_queries(client, url):
    counts.changed_all()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def busy_community(world, cohort, n):
    community = CommunityFactory(region=world.tavush)
    member = cohort_services.cohort_add_community(cohort=cohort, community=community,
                                                  actor=world.secretariat, reason=f"Պատճառ {n}")
    person: Any = AffiliationFactory(community=community).user
    cohort_services.member_set_team(member=member, people=[person], actor=person)
    cohort_services.member_assign_coach(member=member, coach=world.coach,
                                        actor=world.secretariat)
    services.session_log(member=member, actor=world.coach, held_on=today(), attendees=[person],
                         actions=[services.ActionValues(text="Գործ", owner=person,
                                                        due_date=today() + DAY)])
    MembershipApplication.objects.create(network=world.network, community=community)
    grant = GrantFactory(application__community=community, application__call__network=world.network)
    GrantReport.objects.create(grant=grant, purpose="progress", due_date=today() - DAY,
                               form_version=grant.application.form_version)
    return member


def test_the_cohort_page_costs_the_same_for_1_or_30_busy_communities(client, world, cohort,
                                                                     task):
    busy_community(world, cohort, 0)
    client.force_login(world.secretariat)
    before, first = count_queries(client, cohort.get_absolute_url())
    row = first.context["page_obj"].object_list[0]
    assert row.team_size == 1 and row.open_actions == 1 and row.last_session == today()
    assert len(row.pending) == 2  # a report overdue, an application not submitted
    for n in range(1, 30):
        busy_community(world, cohort, n)
    after, response = count_queries(client, cohort.get_absolute_url())
    assert after == before
    assert len(response.context["page_obj"].object_list) == 25
    page = response.content.decode()
    assert f'id="community-{row.community_id}"' in page


def test_the_coachs_work_queue_costs_the_same_for_1_or_30_communities(client, world, cohort):
    busy_community(world, cohort, 0)
    client.force_login(world.coach)
    before, _response = count_queries(client, reverse("my_work"))
    for n in range(1, 30):
        busy_community(world, cohort, n)
    after, response = count_queries(client, reverse("my_work"))
    assert after == before


def test_the_log_page_costs_the_same_for_1_or_30_sessions(client, world, akunk):
    def session():
        services.session_log(member=akunk, actor=world.coach, held_on=today(),
                             attendees=[world.staff, world.coach], notes="Նշումներ",
                             actions=[services.ActionValues(text="Գործ", owner=world.staff,
                                                            due_date=today() + DAY)])

    session()
    client.force_login(world.staff)
    url = reverse("learning:log", args=[akunk.pk])
    before, _r = count_queries(client, url)
    for _n in range(29):
        session()
    after, response = count_queries(client, url)
    assert after == before
    assert len(response.context["page_obj"].object_list) == 10


def test_the_member_page_costs_the_same_for_1_or_30_steps(client, world, akunk):
    def add(n):
        services.step_save(cohort=akunk.cohort, actor=world.secretariat,
                           values=services.StepValues(kind="module", title_hy=f"Քայլ {n}",
                                                      due_date=today() + n * DAY))

    add(0)
    client.force_login(world.coach)
    before, _r = count_queries(client, akunk.get_absolute_url())
    for n in range(1, 30):
        add(n)
    after, _r = count_queries(client, akunk.get_absolute_url())
    assert after == before


def test_followed_work_is_bounded_whatever_the_number_of_communities(world, cohort):
    members = [busy_community(world, cohort, 0)]
    with CaptureQueriesContext(connection) as one:
        found = followed_work(community_ids=[m.community_id for m in members])
    assert len(found[members[0].community_id]) == 3  # report, application, action
    members += [busy_community(world, cohort, n) for n in range(1, 30)]
    with CaptureQueriesContext(connection) as thirty:
        found = followed_work(community_ids=[m.community_id for m in members], limit=2)
    assert len(thirty.captured_queries) == len(one.captured_queries)
    assert set(found) == {m.community_id for m in members}
    assert all(len(items) <= 6 for items in found.values())  # ≤ 2 per source
    assert followed_work(community_ids=[]) == {}
    skipped = followed_work(community_ids=[members[0].community_id], exclude=("learning",))
    assert all("#action-" not in item.url for item in skipped[members[0].community_id])


def test_followed_work_is_kept_in_the_reader_s_language_until_a_row_is_saved(world, cohort):
    member = busy_community(world, cohort, 0)
    with translation.override("en"):
        english = followed_work(community_ids=[member.community_id])
        with CaptureQueriesContext(connection) as kept:
            assert followed_work(community_ids=[member.community_id]) == english
    assert len(kept.captured_queries) == 0
    with translation.override("hy"):
        armenian = followed_work(community_ids=[member.community_id])
    assert [i.what for i in armenian[member.community_id]] != [
        i.what for i in english[member.community_id]]
    busy_community(world, cohort, 1)  # rows saved: read afresh
    with translation.override("en"), CaptureQueriesContext(connection) as again:
        followed_work(community_ids=[member.community_id])
    assert len(again.captured_queries) > 0


# ------------------------------------------------------------------ forms

def test_the_coach_logs_a_session_and_staff_mark_the_action_done(client, world, akunk):
    client.force_login(world.coach)
    url = reverse("learning:log_new", args=[akunk.pk])
    response = client.post(url, {
        "held_on": today().isoformat(), "attendees": [world.staff.pk, world.coach.pk],
        "notes": "Քննարկեցինք քարտեզը", "action-TOTAL_FORMS": "3",
        "action-INITIAL_FORMS": "0", "action-0-text": "Կազմել քարտեզը",
        "action-0-owner": world.staff.pk, "action-0-due_date": (today() + 3 * DAY).isoformat()})
    assert response.status_code == 302
    action = AgreedAction.objects.get()
    assert action.owner == world.staff
    client.force_login(world.staff)
    response = client.post(reverse("learning:log", args=[akunk.pk]), {"done": action.pk})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_by == world.staff


def test_an_incomplete_action_row_is_refused_beside_its_field(client, world, akunk):
    client.force_login(world.coach)
    response = client.post(reverse("learning:log_new", args=[akunk.pk]), {
        "held_on": today().isoformat(), "action-TOTAL_FORMS": "3", "action-INITIAL_FORMS": "0",
        "action-0-text": "Կազմել քարտեզը"})
    assert response.status_code == 200
    assert set(response.context["actions"].forms[0].errors) == {"owner", "due_date"}
    assert not CoachingSession.objects.exists()
    response = client.post(reverse("learning:log_new", args=[akunk.pk]), {
        "held_on": (today() + 3 * DAY).isoformat(), "action-TOTAL_FORMS": "0",
        "action-INITIAL_FORMS": "0"})
    assert "held_on" in response.context["form"].errors


def test_the_community_hands_in_and_the_coach_returns_then_accepts(client, world, akunk, task):
    url = reverse("learning:step", args=[akunk.pk, task.pk])
    client.force_login(world.staff)
    response = client.post(url, {"hand_in": "1", "text": ""})
    assert response.status_code == 200 and "text" in response.context["hand_in"].errors
    upload = SimpleUploadedFile("map.pdf", pdf_bytes(), content_type="application/pdf")
    assert client.post(url, {"hand_in": "1", "text": "Կցված է", "attachments": [upload]}
                       ).status_code == 302
    submission = akunk.submissions.get()
    stored = submission.files.get()
    assert client.get(reverse("file", args=[stored.pk])).status_code == 200
    client.force_login(world.other_head)
    assert client.get(reverse("file", args=[stored.pk])).status_code == 404
    client.force_login(world.coach)
    assert client.get(reverse("file", args=[stored.pk])).status_code == 200
    response = client.post(url, {"review": "1", "decision": "return", "comment": "",
                                 "version": submission.version})
    assert "comment" in response.context["review"].errors
    client.post(url, {"review": "1", "decision": "return", "comment": "Ավելին",
                      "version": submission.version})
    submission.refresh_from_db()
    assert submission.status == "returned"


def test_the_secretariat_edits_the_path_in_the_page(client, world, cohort):
    client.force_login(world.secretariat)
    url = reverse("learning:path", args=[cohort.pk])
    response = client.post(url, {"step-kind": "module", "step-title_hy": "Առաջին"})
    assert "due_date" in response.context["form"].errors
    client.post(url, {"step-kind": "module", "step-title_hy": "Առաջին",
                      "step-due_date": today().isoformat()})
    first = cohort.steps.get()
    client.post(f"{url}?edit={first.pk}", {"step-kind": "sensemaking", "step-title_hy": "Նոր",
                                           "step-due_date": today().isoformat()})
    first.refresh_from_db()
    assert (first.kind, first.title_hy) == ("sensemaking", "Նոր")
    response = client.post(url, {"remove": first.pk})  # asks first, says what happens
    assert response.status_code == 200 and cohort.steps.exists()
    client.post(url, {"remove": first.pk, "confirmed": "yes"})
    assert not cohort.steps.exists()


def test_the_head_names_the_team_and_the_secretariat_the_coach(client, world, akunk):
    client.force_login(world.head)
    url = reverse("learning:team", args=[akunk.pk])
    response = client.post(url, {"team": [world.pending.pk]})
    assert response.status_code == 200 and "team" in response.context["form"].errors
    client.post(url, {"team": [world.staff.pk]})
    assert list(akunk.team.all()) == [world.staff]
    client.force_login(world.secretariat)
    client.post(akunk.get_absolute_url(), {"coach": ""})
    akunk.refresh_from_db()
    assert akunk.coach is None


FUZZ = ["", "0", "-1", "abc", "9" * 30, "1e3", "../", "<script>", "٣", "\x00", "2026-13-45"]


@pytest.mark.parametrize("value", FUZZ)
def test_fuzzed_parameters_never_give_a_500(client, world, cohort, akunk, task, value):
    pages = urls(cohort, akunk, task)
    client.force_login(world.coach)
    for field in ("held_on", "attendees", "action-0-owner", "action-0-due_date",
                  "action-TOTAL_FORMS", "follow_1"):
        status = client.post(pages["log_new"][0], {field: value, "action-TOTAL_FORMS": "1",
                                                   "action-INITIAL_FORMS": "0"}).status_code
        assert status in (200, 302), field
    client.force_login(world.secretariat)
    for _name, (url, _allowed) in pages.items():
        assert client.get(url, {"page": value, "edit": value}).status_code in (200, 404)
        for field in ("done", "remove", "up", "down", "step", "coach", "held_on", "team",
                      "version", "decision", "action-TOTAL_FORMS"):
            status = client.post(url, {field: value, "review": "1", "hand_in": "1"}).status_code
            assert status in (200, 302, 404), (url, field)


def test_the_cohort_page_shows_a_step_done_at_once(client, world, cohort, akunk):
    step = services.step_save(cohort=cohort, actor=world.secretariat, values=services.StepValues(
        kind="module", title_hy="Համակարգային մտածողություն",
        due_date=timezone.localdate() + datetime.timedelta(days=30)))
    client.force_login(world.secretariat)
    assert "0 / 1" in client.get(cohort.get_absolute_url()).content.decode()  # rows cached
    services.step_set_done(member=akunk, step=step, actor=world.coach, done=True)
    assert "1 / 1" in client.get(cohort.get_absolute_url()).content.decode()
