"""The work queue as each role sees it: only its own items, each linked to the page where
the work is done, in a fixed number of queries whatever the size of the data."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamaynk.core import counts
from hamaynk.core.workqueue import work_count, work_queue
from hamaynk.grants import services as grant_services
from hamaynk.grants.models import (
    Application,
    CallQuestion,
    Clarification,
    Grant,
    GrantReport,
    Tranche,
)
from hamaynk.grants.services.calls import report_form
from hamaynk.grants.tests.conftest import call_values
from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.networks.models import Membership, MembershipApplication
from hamaynk.tests_support import ROLES, AffiliationFactory, CommunityFactory, ReviewFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.cookies["hamaynk_language"] = "en"
    return client


def open_call(world, slug="seed-2026", **overrides):
    call = grant_services.call_create(network=world.network, actor=world.secretariat,
                                      **call_values(slug=slug, **overrides))
    return grant_services.call_move(call=call, actor=world.secretariat, target="open")


def application(call, community, status, **values):
    return Application.objects.create(call=call, community=community, status=status,
                                      form_version=call.current_form,
                                      title=f"{community.name_en} project", **values)


def a_grant(call, community, now):
    awarded = application(call, community, "awarded", submitted_at=now - 20 * DAY)
    return Grant.objects.create(application=awarded, call=call, community=community,
                                amount=Decimal("10000"), currency="USD",
                                awarded_at=now - 10 * DAY)


@pytest.fixture
def busy(world):
    return make_busy(world)


def make_busy(world) -> dict:
    """Work for every role: Akunk drafts, Dilijan reports, the secretariat screens and pays,
    the reviewer scores, the coach follows a cohort (the browser test uses it too)."""
    now = timezone.now()
    call = open_call(world)
    draft = grant_services.application_start(call=call, community=world.akunk,
                                             actor=world.staff)
    submitted = application(call, world.dilijan, "submitted", submitted_at=now - 2 * DAY)
    third = CommunityFactory(region=world.tavush, name_en="Ijevan", name_hy="Իջևան")
    Membership.objects.create(network=world.network, community=third, status="junior")
    in_review = application(call, third, "in_review", submitted_at=now - 3 * DAY)
    review = ReviewFactory.create(application=in_review, reviewer=world.reviewer)
    # a grant of Dilijan's from an earlier call: a report due, a report submitted, a tranche
    earlier = grant_services.call_move(call=open_call(world, slug="seed-2025"),
                                       actor=world.secretariat, target="closed")
    grant = a_grant(earlier, world.dilijan, now)
    due = GrantReport.objects.create(grant=grant, purpose="progress",
                                     due_date=(now - DAY).date(),
                                     form_version=report_form(earlier, "progress"))
    sent = GrantReport.objects.create(grant=grant, purpose="financial", status="submitted",
                                      submitted_at=now - DAY, due_date=(now + 30 * DAY).date(),
                                      form_version=report_form(earlier, "financial"))
    tranche = Tranche.objects.create(grant=grant, order=1, amount=Decimal("10000"),
                                     due_date=(now + 5 * DAY).date())
    cohort = Cohort.objects.create(network=world.network, name_hy="Խումբ", name_en="Cohort")
    cohort.coaches.add(world.coach)
    # Dilijan's coach follows its pending work (its report is due)
    CohortMember.objects.create(cohort=cohort, community=world.dilijan, coach=world.coach,
                                reason="Ունի զբոսաշրջության ծրագիր")
    CallQuestion.objects.create(call=call, question="Կարո՞ղ է դիմել միավորված համայնքը",
                                asked_by=world.head)
    membership_application = MembershipApplication.objects.create(
        network=world.network, community=third, status="submitted", submitted_at=now - DAY)
    return {"call": call, "draft": draft, "submitted": submitted, "review": review,
            "due": due, "sent": sent, "tranche": tranche, "grant": grant, "cohort": cohort,
            "membership_application": membership_application}


def kinds(user) -> dict[str, list[str]]:
    return {group.kind: [item.url for item in group.items]
            for group in work_queue(user=user).groups}


# Each role's kinds of work in the busy world (M4EG's secretariat; the Communities
# Association's secretariat serves only unclaimed communities here, so it verifies Akunk's
# pending person but sees nothing of M4EG's grants or applications).
EXPECTED = {
    "anonymous": set(),
    "outsider": set(),
    "pending": set(),
    "staff": {"grants-drafts", "networks-join"},
    "head": {"grants-drafts", "networks-join"},
    "other_head": {"grants-reports-due", "networks-join"},
    "reviewer": {"grants-reviews"},
    "coach": {"learning-cohorts", "learning-follow"},  # Dilijan's report is due
    "secretariat": {"communities-affiliations", "grants-screen", "grants-reports-review",
                    "grants-payments", "grants-questions", "networks-decide-m4eg"},
    "other_secretariat": {"communities-affiliations"},
    "other_reviewer": set(),
    "other_coach": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_only_its_own_kinds_of_work(world, busy, role):
    user = world.people()[role]
    from django.contrib.auth.models import AnonymousUser

    # a cohort's kinds carry its id ("learning-follow-7"): compared without it
    assert {re.sub(r"-\d+", "", kind) for kind in kinds(user or AnonymousUser())
            } == EXPECTED[role]


def test_another_communitys_draft_and_report_are_not_in_akunks_queue(world, busy):
    akunk = kinds(world.head)
    dilijan = kinds(world.other_head)
    assert akunk["grants-drafts"] == [busy["draft"].get_absolute_url()]
    assert busy["draft"].get_absolute_url() not in sum(dilijan.values(), [])
    assert busy["due"].get_absolute_url() not in sum(akunk.values(), [])
    assert dilijan["grants-reports-due"] == [busy["due"].get_absolute_url()]


def test_the_reviewers_item_opens_the_review_and_is_due_in_two_weeks(world, busy):
    group = work_queue(user=world.reviewer).groups[0]
    (item,) = group.items
    assert item.url == busy["review"].get_absolute_url()
    assert item.due == busy["review"].created_at + 14 * DAY
    assert not item.overdue


def test_a_report_past_its_due_date_is_flagged_overdue(world, busy):
    (group,) = [g for g in work_queue(user=world.other_head).groups
                if g.kind == "grants-reports-due"]
    assert group.overdue == 1 and group.items[0].overdue
    assert work_queue(user=world.other_head).overdue == 1


def test_a_tranche_waiting_for_its_report_is_not_a_payment_due(world, busy):
    tranche = busy["tranche"]
    tranche.report = busy["sent"]
    tranche.save()
    assert "grants-payments" not in kinds(world.secretariat)
    busy["sent"].status = "accepted"
    busy["sent"].save()
    assert kinds(world.secretariat)["grants-payments"] == [busy["grant"].get_absolute_url()]


def test_a_tranche_due_months_ahead_is_not_yet_a_payment_to_make(world, busy):
    tranche = busy["tranche"]
    tranche.due_date = timezone.localdate() + datetime.timedelta(days=90)
    tranche.save()
    assert "grants-payments" not in kinds(world.secretariat)
    tranche.due_date = timezone.localdate() + datetime.timedelta(days=20)
    tranche.save()
    assert kinds(world.secretariat)["grants-payments"] == [busy["grant"].get_absolute_url()]


def test_a_community_with_an_open_application_is_not_invited_again(world, busy):
    assert kinds(world.head)["networks-join"] == [world.other_network.get_absolute_url(),
                                                  world.network.get_absolute_url()]
    MembershipApplication.objects.create(network=world.network, community=world.akunk)
    assert kinds(world.head)["networks-join"] == [world.other_network.get_absolute_url()]
    assert kinds(world.head)["networks-application"] == [
        MembershipApplication.objects.get(community=world.akunk).get_absolute_url()]


def test_an_open_call_is_suggested_only_to_an_eligible_community_that_has_not_applied(
        world, busy):
    innovation = open_call(world, slug="innovation-2026", kind="innovation",
                           eligible_statuses=["acting"])
    assert "grants-calls" not in kinds(world.head)  # Akunk is not an acting member
    Membership.objects.create(network=world.network, community=world.akunk, status="acting")
    assert kinds(world.head)["grants-calls"] == [innovation.get_absolute_url()]


def test_the_secretariats_question_is_the_communitys_to_answer(world, busy):
    Clarification.objects.create(application=busy["draft"], question="Ո՞վ է գործընկերը",
                                 asked_by=world.secretariat)
    assert kinds(world.staff)["grants-clarifications"] == [busy["draft"].get_absolute_url()]
    assert "grants-clarifications" not in kinds(world.other_head)


def test_suggestions_are_shown_but_not_counted(world, busy):
    queue = work_queue(user=world.head)
    assert queue.total == work_count(user=world.head) == 1  # the draft, not the invitations
    assert [g.kind for g in queue.suggested] == ["networks-join"]


def test_the_header_count_follows_a_change_at_once(world, busy):
    assert work_count(user=world.secretariat) == 6
    AffiliationFactory(community=world.dilijan, status="pending")
    assert work_count(user=world.secretariat) == 7


@pytest.mark.parametrize("role", ["secretariat", "head", "other_head", "reviewer", "coach",
                                  "outsider"])
def test_every_item_links_to_a_page_the_person_may_open(client, world, busy, role):
    client.force_login(world.people()[role])
    for urls in kinds(world.people()[role]).values():
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_the_page_shows_groups_with_counts_and_the_header_badge(client, world, busy):
    client.force_login(world.secretariat)
    html = client.get(reverse("my_work")).content.decode()
    assert "Applications to screen" in html and "Payments to make" in html
    screening = reverse("grants:screening", args=[busy["submitted"].pk])
    assert f'href="{screening}"' in html
    assert '6 items waiting' in html  # the header's badge


@pytest.mark.parametrize(("role", "says"), [
    ("reviewer", "as a reviewer: the proposals assigned to you"),
    ("head", "for your community: a membership application to finish"),
    ("coach", "as a coach: the coaching cohorts you follow"),
    ("secretariat", "as the secretariat: membership applications to decide"),
    ("outsider", "you do not act for a community and hold no role in a network"),
])
def test_an_empty_queue_says_what_will_appear_there_for_each_role(client, world, role, says):
    from hamaynk.communities.models import Affiliation

    Affiliation.objects.filter(status="pending").delete()  # the one item of the small world
    client.force_login(world.people()[role])
    html = client.get(reverse("my_work")).content.decode()
    assert "Nothing waits for you now" in html and says in html


def test_the_home_page_lists_the_groups_for_a_signed_in_person(client, world, busy):
    client.force_login(world.other_head)
    html = client.get(reverse("home")).content.decode()
    assert "Grant reports due" in html and reverse("my_work") + "#grants-reports-due" in html


def test_a_group_shows_the_first_ten_and_leads_to_the_full_list(world):
    for _ in range(12):
        AffiliationFactory(community=world.dilijan, status="pending")
    (group,) = [g for g in work_queue(user=world.secretariat).groups
                if g.kind == "communities-affiliations"]
    assert group.count == 13 and len(group.items) == 10 and group.more
    assert group.see_all == reverse("communities:affiliations") + "?status=pending"


def grow(world, n: int, now) -> None:
    """n more of everything: applications, reviews, reports, tranches, memberships, people."""
    for i in range(n):
        community = CommunityFactory(region=world.tavush)
        Membership.objects.create(network=world.network, community=community, status="junior",
                                  plan_due=(now + i * DAY).date())
        AffiliationFactory(community=community, status="pending")
        AffiliationFactory(community=community, user=world.head, role="staff")
        MembershipApplication.objects.create(network=world.network, community=community,
                                             status="submitted", submitted_at=now - i * DAY)
        call = open_call(world, slug=f"call-{community.pk}")
        application(call, community, "submitted", submitted_at=now - i * DAY)
        reviewed = application(open_call(world, slug=f"review-{community.pk}"), community,
                               "in_review", submitted_at=now)
        ReviewFactory.create(application=reviewed, reviewer=world.reviewer)
        grant = a_grant(grant_services.call_move(
            call=open_call(world, slug=f"grant-{community.pk}"), actor=world.secretariat,
            target="closed"), community, now)
        GrantReport.objects.create(grant=grant, purpose="progress", status="submitted",
                                   due_date=(now + DAY).date(), submitted_at=now,
                                   form_version=report_form(grant.call, "progress"))
        GrantReport.objects.create(grant=grant, purpose="financial",
                                   due_date=(now + i * DAY).date(),
                                   form_version=report_form(grant.call, "financial"))
        Tranche.objects.create(grant=grant, order=1, amount=Decimal("10000"),
                               due_date=(now + i * DAY).date())


def measure(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", ["secretariat", "head", "reviewer", "coach"])
@pytest.mark.parametrize("url", [reverse("my_work"), reverse("home"), reverse("dashboard")])
def test_the_work_queue_runs_the_same_queries_whatever_the_size_of_the_data(
        client, world, busy, role, url):
    client.force_login(world.people()[role])
    now = timezone.now()
    grow(world, 1, now)
    small = measure(client, url)
    grow(world, 25, now)
    assert measure(client, url) == small


@pytest.mark.parametrize("role", ["secretariat", "head", "reviewer", "coach", "outsider"])
def test_the_header_count_is_one_query_then_kept_until_something_is_saved(world, busy, role):
    user = world.people()[role]
    grow(world, 3, timezone.now())
    user.refresh_from_db()
    from hamaynk.accounts.permissions import network_role_pairs, verified_community_ids

    network_role_pairs(user), verified_community_ids(user)  # read with the user at sign-in
    with CaptureQueriesContext(connection) as cold:
        first = work_count(user=user)
    with CaptureQueriesContext(connection) as warm:
        assert work_count(user=user) == first
    # one SELECT of every count (the secretariat's also reads the names of its networks; a
    # coach's reads the communities it coaches and fetches once each source of what they
    # have pending, core.workqueue.followed_work), then nothing while no row is saved
    from hamaynk.core.workqueue import followed_providers

    followed = sum(len(list(p({0}, timezone.now()))) for p in followed_providers().values())
    assert len(cold) <= (2 if role != "coach" else 2 + followed) and len(warm) == 0
    grow(world, 1, timezone.now())  # rows saved: counted again
    with CaptureQueriesContext(connection) as again:
        work_count(user=user)
    assert len(again) == len(cold)


def test_my_work_counts_are_kept_until_a_row_is_saved(world, busy):
    """The page's counts (one SELECT) and first items are kept like the badge: a second visit
    neither counts nor fetches again; saving a row (doing or adding work) does both afresh."""
    first = work_queue(user=world.secretariat)
    with CaptureQueriesContext(connection) as kept:
        second = work_queue(user=world.secretariat)
    counts.changed_all()
    with CaptureQueriesContext(connection) as counted:
        again = work_queue(user=world.secretariat)
    groups = sum(1 for g in again.groups if g.items)
    assert len(counted) - len(kept) >= 1 + groups  # the counting SELECT and each group's rows
    assert [g.count for g in again.groups] == [g.count for g in first.groups]
    assert [g.items for g in second.groups] == [g.items for g in first.groups]
    screen = {g.kind: g.count for g in first.groups}["grants-screen"]
    grow(world, 1, timezone.now())
    after = {g.kind: g.count for g in work_queue(user=world.secretariat).groups}
    assert after["grants-screen"] == screen + 1
