"""Coaching paths: the services' rules, the work queue's items, what followers see."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.workqueue import work_count, work_queue
from hamaynk.learning.models import AgreedAction, PathStep, StepProgress
from hamaynk.learning.services import coaching as services
from hamaynk.learning.services import cohorts as cohort_services
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import UserFactory, pdf_bytes

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are matched by their English words."""
    from django.utils import translation

    with translation.override("en"):
        yield


def today():
    return timezone.localdate()


def step(cohort, kind="assignment", due=None, title="Առաքելության քարտեզ"):
    from hamaynk.networks.models import NetworkRole

    secretariat = NetworkRole.objects.filter(network=cohort.network, role="secretariat").first()
    return services.step_save(cohort=cohort, actor=secretariat.user, values=services.StepValues(
            kind=kind, title_hy=title, title_en="Mission map", due_date=due or today() + 7 * DAY))


def log(member, actor, **values):
    values.setdefault("held_on", today())
    values.setdefault("attendees", [])
    return services.session_log(member=member, actor=actor, **values)


# ------------------------------------------------------------------ cohort and team

def test_selecting_a_community_needs_a_reason_kept_on_its_row_and_audited(world, cohort):
    with pytest.raises(DomainError, match="why") as refused:
        cohort_services.cohort_add_community(cohort=cohort, community=world.akunk,
                                             actor=world.secretariat, reason="  ")
    assert refused.value.field == "reason"
    assert not cohort.members.exists()
    member = cohort_services.cohort_add_community(cohort=cohort, community=world.akunk,
                                                  actor=world.secretariat, reason="Պատրաստ է")
    assert member.reason == "Պատրաստ է"
    from hamaynk.core.models import AuditEntry

    entry = AuditEntry.objects.get(action="learning.cohort.community_added")
    assert entry.data["reason"] == "Պատրաստ է"


def test_the_team_is_only_of_people_verified_for_the_community(world, akunk):
    with pytest.raises(DomainError, match="verified"):
        cohort_services.member_set_team(member=akunk, people=[world.pending], actor=world.head)
    with pytest.raises(DomainError, match="verified"):
        cohort_services.member_set_team(member=akunk, people=[world.other_head],
                                        actor=world.head)
    for person in (world.other_head, world.coach, world.secretariat, world.pending):
        with pytest.raises(PermissionDenied):
            cohort_services.member_set_team(member=akunk, people=[world.staff], actor=person)
    cohort_services.member_set_team(member=akunk, people=[world.staff], actor=world.staff)
    assert list(akunk.team.all()) == [world.staff]


def test_the_coach_must_be_one_of_the_cohorts(world, akunk):
    other: Any = UserFactory()
    from hamaynk.networks.models import NetworkRole

    NetworkRole.objects.create(user=other, network=world.network, role="coach")
    with pytest.raises(DomainError, match="cohort's coaches"):
        cohort_services.member_assign_coach(member=akunk, coach=other, actor=world.secretariat)
    with pytest.raises(PermissionDenied):
        cohort_services.member_assign_coach(member=akunk, coach=world.coach, actor=world.coach)
    # a coach taken off the cohort is no longer any community's coach there
    cohort_services.cohort_set_coaches(cohort=akunk.cohort, coaches=[other],
                                       actor=world.secretariat)
    akunk.refresh_from_db()
    assert akunk.coach is None


# ------------------------------------------------------------------ the path

def test_the_secretariat_orders_the_path_and_no_one_else_edits_it(world, cohort):
    first = step(cohort, kind="module", title="Առաջին")
    second = step(cohort, kind="coaching", title="Երկրորդ")
    assert [first.order, second.order] == [1, 2]
    services.step_move(cohort=cohort, actor=world.secretariat, step_id=second.pk, up=True)
    assert list(cohort.steps.values_list("title_hy", flat=True)) == ["Երկրորդ", "Առաջին"]
    with pytest.raises(DomainError, match="due date"):
        services.step_save(cohort=cohort, actor=world.secretariat, values=services.StepValues(
            kind="module", title_hy="Առանց ժամկետի", due_date=None))
    with pytest.raises(DomainError, match="kind"):
        services.step_save(cohort=cohort, actor=world.secretariat, values=services.StepValues(
            kind="party", title_hy="Տոն", due_date=today()))
    for person in (world.coach, world.head, world.other_secretariat):
        with pytest.raises(PermissionDenied):
            services.step_remove(cohort=cohort, actor=person, step_id=first.pk)
    services.step_remove(cohort=cohort, actor=world.secretariat, step_id=first.pk)
    assert list(cohort.steps.all()) == [second]


def test_a_step_is_marked_done_by_the_community_and_an_assignment_only_by_acceptance(
        world, akunk):
    module = step(akunk.cohort, kind="module")
    task = step(akunk.cohort, kind="assignment")
    services.step_set_done(member=akunk, step=module, actor=world.staff, done=True)
    assert StepProgress.objects.filter(member=akunk, step=module).exists()
    with pytest.raises(DomainError, match="accepts"):
        services.step_set_done(member=akunk, step=task, actor=world.staff, done=True)
    with pytest.raises(PermissionDenied):
        services.step_set_done(member=akunk, step=module, actor=world.other_head, done=False)


# ------------------------------------------------------------------ the log

def test_a_session_logs_actions_owned_by_team_members_due_after_the_session(world, akunk):
    with pytest.raises(DomainError, match="team"):
        log(akunk, world.coach, actions=[services.ActionValues(
            text="Կազմել քարտեզը", owner=world.other_head, due_date=today() + DAY)])
    with pytest.raises(DomainError, match="on or after"):
        log(akunk, world.coach, actions=[services.ActionValues(
            text="Կազմել քարտեզը", owner=world.staff, due_date=today() - DAY)])
    with pytest.raises(DomainError, match="future") as future:
        log(akunk, world.coach, held_on=today() + DAY)
    assert future.value.field == "held_on"
    with pytest.raises(DomainError, match="attended"):
        log(akunk, world.coach, attendees=[world.other_head])
    assert not akunk.sessions.exists()
    session = log(akunk, world.coach, attendees=[world.staff, world.coach], notes="Լավ սկիզբ",
                  actions=[services.ActionValues(text="Կազմել քարտեզը", owner=world.staff,
                                                 due_date=today() + 5 * DAY)])
    assert session.actions.get().owner == world.staff
    told = Notification.objects.get(recipient=world.staff)
    assert told.kind == "learning.action.agreed"


def test_another_community_and_another_coach_cannot_log_or_mark(world, akunk):
    from hamaynk.networks.models import NetworkRole

    second_coach = UserFactory()
    NetworkRole.objects.create(user=second_coach, network=world.network, role="coach")
    for person in (world.other_head, world.other_coach, second_coach, world.staff,
                   world.reviewer, world.other_secretariat):
        with pytest.raises(PermissionDenied):
            log(akunk, person)
    session = log(akunk, world.secretariat, actions=[services.ActionValues(
        text="Գրել", owner=world.head, due_date=today() + DAY)])
    for person in (world.other_head, second_coach, world.other_secretariat):
        with pytest.raises(PermissionDenied):
            services.action_mark_done(action=session.actions.get(), actor=person)


def test_open_actions_are_in_the_owners_queue_until_done(world, akunk):
    session = log(akunk, world.coach, actions=[services.ActionValues(
        text="Կազմել քարտեզը", owner=world.staff, due_date=today() + 3 * DAY)])
    action = session.actions.get()
    for person in (world.staff, world.head):  # the owner, and the community's people
        groups = {g.kind: g for g in work_queue(user=person).groups}
        item = groups["learning-actions"].items[0]
        assert item.url == action.get_absolute_url() and item.due == action.due_date
        assert item.detail == "Կազմել քարտեզը"
    assert "learning-actions" not in {g.kind for g in work_queue(user=world.other_head).groups}
    before = work_count(user=world.staff, now=timezone.now())
    services.action_mark_done(action=action, actor=world.staff)
    assert "learning-actions" not in {g.kind for g in work_queue(user=world.staff).groups}
    assert work_count(user=world.staff, now=timezone.now()) == before - 1
    with pytest.raises(DomainError, match="already"):
        services.action_mark_done(action=action, actor=world.head)


def test_the_next_session_follows_up_the_open_actions(world, akunk):
    first = log(akunk, world.coach, held_on=today() - 7 * DAY, actions=[
        services.ActionValues(text="Ա", owner=world.staff, due_date=today() - DAY),
        services.ActionValues(text="Բ", owner=world.head, due_date=today() - DAY)])
    a, b = first.actions.order_by("text")
    second = log(akunk, world.coach, follow_up={a.pk: "done", b.pk: "carried"})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.done_at is not None and b.done_at is None and b.carried_over_in == second
    assert list(AgreedAction.objects.filter(member=akunk, done_at__isnull=True)) == [b]


# ------------------------------------------------------------------ assignments

def test_an_assignment_is_handed_in_returned_and_accepted(world, akunk):
    task = step(akunk.cohort)
    with pytest.raises(DomainError, match="attach"):
        services.submission_hand_in(member=akunk, step=task, actor=world.staff, text=" ")
    with pytest.raises(PermissionDenied):
        services.submission_hand_in(member=akunk, step=task, actor=world.other_head, text="x")
    upload = SimpleUploadedFile("map.pdf", pdf_bytes(), content_type="application/pdf")
    handed = services.submission_hand_in(member=akunk, step=task, actor=world.staff,
                                         text="Քարտեզը կցված է", uploads=[upload])
    assert handed.status == "submitted" and handed.files.count() == 1
    assert Notification.objects.filter(recipient=world.coach,
                                       kind="learning.submission.handed_in").exists()
    coach_kinds = {g.kind for g in work_queue(user=world.coach).groups}
    assert "learning-review" in coach_kinds
    with pytest.raises(DomainError, match="what to change"):
        services.submission_review(submission=handed, actor=world.coach, accept=False)
    with pytest.raises(PermissionDenied):
        services.submission_review(submission=handed, actor=world.secretariat, accept=True)
    returned = services.submission_review(submission=handed, actor=world.coach, accept=False,
                                          comment="Ավելացրեք դերակատարներին")
    assert returned.status == "returned"
    told = Notification.objects.filter(kind="learning.submission.reviewed")
    assert {n.recipient for n in told} == {world.staff, world.head}
    with pytest.raises(IllegalTransition):
        services.submission_review(submission=returned, actor=world.coach, accept=True)
    again = services.submission_hand_in(member=akunk, step=task, actor=world.head,
                                        text="Լրացված է")
    accepted = services.submission_review(submission=again, actor=world.coach, accept=True)
    assert accepted.status == "accepted"
    assert StepProgress.objects.filter(member=akunk, step=task).exists()
    with pytest.raises(DomainError, match="accepted"):
        services.submission_hand_in(member=akunk, step=task, actor=world.staff, text="Նորից")


def test_a_file_that_is_not_what_it_says_is_refused_beside_the_field(world, akunk):
    task = step(akunk.cohort)
    fake = SimpleUploadedFile("map.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError) as refused:
        services.submission_hand_in(member=akunk, step=task, actor=world.staff, text="",
                                    uploads=[fake])
    assert refused.value.field == "files"
    assert not akunk.submissions.exists()


def test_an_assignment_of_another_cohort_is_refused(world, akunk):
    other = cohort_services.cohort_create(network=world.network, actor=world.secretariat,
                                          name_hy="Այլ")
    task = step(other)
    with pytest.raises(DomainError, match="not an assignment"):
        services.submission_hand_in(member=akunk, step=task, actor=world.staff, text="x")
    module = step(akunk.cohort, kind="module")
    with pytest.raises(DomainError, match="not an assignment"):
        services.submission_hand_in(member=akunk, step=module, actor=world.staff, text="x")


# ------------------------------------------------------------------ followers

def test_the_coach_sees_the_communities_pending_work_counted_when_it_has_a_day(world, akunk):
    overdue = step(akunk.cohort, kind="module", due=today() - 2 * DAY, title="Ուշացած")
    log(akunk, world.coach, actions=[services.ActionValues(
        text="Կազմել քարտեզը", owner=world.staff, due_date=today() + 2 * DAY)])
    from hamaynk.networks.models import MembershipApplication

    MembershipApplication.objects.create(network=world.network, community=world.akunk)
    groups = {g.kind: g for g in work_queue(user=world.coach).groups}
    dated = groups[f"learning-follow-{akunk.cohort_id}"]
    other = groups[f"learning-follow-{akunk.cohort_id}-other"]
    assert dated.counted and not other.counted
    assert [i.due for i in dated.items] == [today() - 2 * DAY, today() + 2 * DAY]
    assert all(i.url.endswith(f"#community-{world.akunk.pk}") for i in dated.items + other.items)
    assert dated.items[0].overdue  # the overdue step first
    assert overdue.title in dated.items[0].what
    assert len(other.items) == 1  # the membership application not yet submitted
    assert work_count(user=world.coach, now=timezone.now()) == 2
    # another network's coach follows none of it
    assert not work_queue(user=world.other_coach).groups


def test_a_community_without_a_coach_is_followed_by_no_coach(world, akunk):
    akunk_step = step(akunk.cohort, kind="module", due=today() - DAY)
    assert akunk_step.kind == PathStep.Kind.MODULE
    cohort_services.member_assign_coach(member=akunk, coach=None, actor=world.secretariat)
    kinds = {g.kind for g in work_queue(user=world.coach).groups}
    assert kinds == {"learning-cohorts"}


def test_the_notices_are_rendered_in_the_readers_language(world, akunk):
    from hamaynk.notifications.kinds import render_all

    task = step(akunk.cohort)
    log(akunk, world.coach, actions=[services.ActionValues(
        text="Կազմել քարտեզը", owner=world.staff, due_date=today() + DAY)])
    handed = services.submission_hand_in(member=akunk, step=task, actor=world.staff, text="Ա")
    services.submission_review(submission=handed, actor=world.coach, accept=False,
                               comment="Ավելացրեք դերակատարներին")
    sent = list(Notification.objects.order_by("pk"))
    assert {n.kind for n in sent} == {"learning.action.agreed", "learning.submission.handed_in",
                                      "learning.submission.reviewed"}
    from django.utils import translation

    english = [n.body for n in render_all(sent, language="en")]
    with translation.override("hy"):
        armenian = [n.body for n in render_all(sent, language="hy")]
    assert "owner of “Կազմել քարտեզը”" in english[0]
    assert "«Կազմել քարտեզը»" in armenian[0]
    assert "Akunk has handed in" in english[1] and "Ակունք համայնքը" in armenian[1]
    assert "Ավելացրեք դերակատարներին" in english[-1] and "վերադարձված" in armenian[-1]
