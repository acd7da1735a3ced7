"""One answer to "may applications be started, changed and submitted now?": `Call.is_open`."""

from datetime import UTC, datetime, timedelta

import pytest

from hamaynk.grants.models import Call

OPENS = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
CLOSES = datetime(2030, 4, 1, 18, 0, tzinfo=UTC)


def call(status: str = "open") -> Call:
    return Call(status=status, opens_at=OPENS, closes_at=CLOSES)


@pytest.mark.parametrize(("now", "expected"), [
    (OPENS - timedelta(seconds=1), False),  # before it opens
    (OPENS, True),  # the moment it opens
    (OPENS + timedelta(days=10), True),  # between
    (CLOSES - timedelta(seconds=1), True),
    (CLOSES, False),  # the moment it closes
    (CLOSES + timedelta(days=1), False),  # after
])
def test_an_open_call_is_open_from_its_opening_until_its_closing_moment(now, expected):
    assert call().is_open(now) is expected


@pytest.mark.parametrize("status", ["draft", "published", "closed", "decided", "archived"])
def test_a_call_whose_status_is_not_open_is_never_open(status):
    assert call(status).is_open(OPENS + timedelta(days=10)) is False


def test_without_a_moment_it_asks_about_now(time_machine):
    time_machine.move_to(OPENS + timedelta(days=1))
    assert call().is_open() is True
    time_machine.move_to(CLOSES)
    assert call().is_open() is False


@pytest.mark.django_db
@pytest.mark.parametrize("now", [OPENS - timedelta(seconds=1), OPENS, OPENS + timedelta(days=10),
                                 CLOSES - timedelta(seconds=1), CLOSES, CLOSES + timedelta(days=1)])
def test_the_open_calls_filter_agrees_with_is_open_at_each_edge(now):
    from hamaynk.grants.selectors import open_calls
    from hamaynk.tests_support import CallFactory

    open_one = CallFactory(status="open", opens_at=OPENS, closes_at=CLOSES)
    CallFactory(status="published", opens_at=OPENS, closes_at=CLOSES)
    assert list(open_calls(now=now)) == ([open_one] if open_one.is_open(now) else [])


@pytest.mark.django_db
def test_the_home_page_lists_a_call_only_while_it_is_open(client, time_machine):
    from hamaynk.tests_support import CallFactory

    time_machine.move_to(OPENS - timedelta(days=30))
    CallFactory(status="open", opens_at=OPENS, closes_at=CLOSES, title_hy="Բաց կանչ")
    time_machine.move_to(OPENS + timedelta(days=1))
    assert "Բաց կանչ" in client.get("/").content.decode()
    time_machine.move_to(CLOSES + timedelta(minutes=1))  # past its closing, not yet moved to closed
    assert "Բաց կանչ" not in client.get("/").content.decode()
