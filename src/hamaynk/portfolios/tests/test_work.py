"""The portfolio's items in the work queue: milestones due for the community (and those who
follow it), the mission to write, the sensemaking sessions a coach has to close."""

import datetime

import pytest
from django.utils import timezone

from hamaynk.core.workqueue import work_queue
from hamaynk.portfolios.models import Milestone, Mission, SensemakingSession

pytestmark = pytest.mark.django_db


def _kinds(user, now):
    return {g.kind: g for g in work_queue(user=user, now=now).groups}


def test_a_milestone_due_soon_is_the_communitys_work(world, portfolio):
    now = timezone.now()
    Milestone.objects.create(portfolio=portfolio, title="Քարտեզը պատրաստ",
                             due_date=now.date() + datetime.timedelta(days=3))
    Milestone.objects.create(portfolio=portfolio, title="Հեռու",
                             due_date=now.date() + datetime.timedelta(days=60))
    Milestone.objects.create(portfolio=portfolio, title="Արված",
                             due_date=now.date() - datetime.timedelta(days=3), done_at=now)
    group = _kinds(world.staff, now)["portfolios-milestones"]
    assert [i.what for i in group.items] == ["Milestone: Քարտեզը պատրաստ"]
    assert "portfolios-milestones" not in _kinds(world.other_head, now)


def test_the_mission_to_write_is_a_suggestion_until_written(world, portfolio):
    now = timezone.now()
    group = _kinds(world.head, now)["portfolios-mission"]
    assert group.count == 1 and not group.counted
    Mission.objects.create(portfolio=portfolio, statement_hy="Առաքելություն", horizon=2030,
                           indicator_hy="Եկամուտ", target=30)
    assert "portfolios-mission" not in _kinds(world.head, now)


def test_the_coach_closes_the_sessions_they_opened(world, portfolio):
    now = timezone.now()
    SensemakingSession.objects.create(portfolio=portfolio, held_on=now.date(),
                                      coach=world.coach)
    assert _kinds(world.coach, now)["portfolios-sessions"].count == 1
    assert "portfolios-sessions" not in _kinds(world.other_coach, now)
