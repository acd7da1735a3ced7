"""The work queue's registry: providers' sources become groups, in the order a person should
do them; suggestions are listed but not counted."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from hamaynk.core import workqueue
from hamaynk.core.workqueue import Source, WorkItem, work_count, work_queue
from hamaynk.tests_support import UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def only(monkeypatch):
    """Replace the registered providers by the test's own, for the test only."""
    def use(*providers):
        monkeypatch.setattr(workqueue, "_providers",
                            {f"p{i}": p for i, p in enumerate(providers)})
    return use


def item(name, *, since=None, due=None):
    return WorkItem(what=name, whom="Ակունք", url=f"/{name}/", since=since, due=due)


def test_items_come_overdue_first_then_by_due_then_oldest(only):
    now = timezone.now()
    items = [item("later", due=now + 5 * DAY), item("undated-new", since=now - DAY),
             item("overdue", due=now - DAY), item("soon", due=now + DAY),
             item("undated-old", since=now - 9 * DAY),
             item("date-due-today", due=timezone.localdate(now))]
    only(lambda user, now: [Source.of_items(kind="k", title="T", items=items)])
    (group,) = work_queue(user=UserFactory(), now=now).groups
    assert [i.what for i in group.items] == ["overdue", "date-due-today", "soon", "later",
                                             "undated-old", "undated-new"]
    assert group.overdue == 1 and group.items[0].overdue and not group.items[1].overdue


def test_a_date_is_due_until_the_end_of_that_day(only):
    now = timezone.now()
    yesterday = timezone.localdate(now) - DAY
    assert item("x", due=timezone.localdate(now)).is_overdue(now) is False
    assert item("x", due=yesterday).is_overdue(now) is True


def test_groups_with_overdue_work_come_first_and_empty_ones_are_left_out(only):
    now = timezone.now()
    only(lambda user, now: [
        Source.of_items(kind="calm", title="Calm", items=[item("a", since=now - 30 * DAY)]),
        Source.of_items(kind="empty", title="Empty", items=[]),
        Source.of_items(kind="late", title="Late", items=[item("b", due=now - DAY)])])
    assert [g.kind for g in work_queue(user=UserFactory(), now=now).groups] == ["late", "calm"]


def test_suggestions_are_listed_but_not_in_the_count(only):
    only(lambda user, now: [
        Source.of_items(kind="todo", title="To do", items=[item("a"), item("b")]),
        Source.of_items(kind="idea", title="Idea", items=[item("c")], counted=False)])
    user = UserFactory()
    queue = work_queue(user=user)
    assert [g.kind for g in queue.to_do] == ["todo"] and [g.kind for g in queue.suggested] == [
        "idea"]
    assert queue.total == work_count(user=user) == 2


def test_a_group_shows_at_most_the_limit_and_counts_them_all(only):
    only(lambda user, now: [Source.of_items(kind="k", title="T",
                                            items=[item(str(i)) for i in range(15)])])
    (group,) = work_queue(user=UserFactory(), limit=10).groups
    assert group.count == 15 and len(group.items) == 10 and group.more


def test_a_queryset_source_is_counted_in_the_one_counting_query(only, django_assert_num_queries):
    from hamaynk.accounts.models import User

    for _ in range(3):
        UserFactory()
    only(lambda user, now: [
        Source.of_queryset(kind=f"k{i}", title="T", queryset=User.objects.order_by("pk"),
                           item=lambda u: item(u.email)) for i in range(4)])
    user = UserFactory()
    with django_assert_num_queries(1):
        assert work_count(user=user) == 16


def test_nobody_signed_in_has_no_work(only):
    only(lambda user, now: [Source.of_items(kind="k", title="T", items=[item("a")])])
    assert work_queue(user=AnonymousUser()).groups == []
    assert work_count(user=AnonymousUser()) == 0


def test_every_app_registers_its_provider():
    assert {"communities", "networks", "grants", "learning"} <= set(workqueue.providers())
