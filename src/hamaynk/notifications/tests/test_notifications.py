import pytest
from django.core.management import call_command
from django.urls import reverse

from hamaynk.notifications.models import Notification
from hamaynk.notifications.services import notify, send_digests
from hamaynk.tests_support import UserFactory

pytestmark = pytest.mark.django_db
TEMPLATE = "networks/notifications/role_granted"


def tell(user, *, essential=False):
    from hamaynk.networks.models import Network, NetworkRole

    network = Network.objects.get(slug="m4eg")
    role = NetworkRole(user=user, network=network, role="coach")
    return notify(recipient=user, kind="test", template=TEMPLATE, context={"role": role},
                  essential=essential, url="/my/")


def test_notify_renders_in_the_recipients_language(world, mailoutbox,
                                                  django_capture_on_commit_callbacks):
    english = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        note = tell(english)
    assert note.subject == "You are now coach of M4EG"
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == note.subject
    assert "http://127.0.0.1:8000/my/" in mailoutbox[0].body
    note.refresh_from_db()
    assert note.email_status == "sent" and note.emailed_at


@pytest.mark.parametrize(("frequency", "essential", "status", "emails"), [
    ("immediate", False, "sent", 1), ("digest", False, "digest", 0), ("off", False, "skipped", 0),
    ("off", True, "sent", 1), ("digest", True, "sent", 1)])
def test_notify_follows_the_email_preference(world, mailoutbox, django_capture_on_commit_callbacks,
                                             frequency, essential, status, emails):
    user = UserFactory(email_frequency=frequency)
    with django_capture_on_commit_callbacks(execute=True):
        note = tell(user, essential=essential)
    note.refresh_from_db()
    assert note.email_status == status and len(mailoutbox) == emails


def test_email_is_sent_once_even_if_the_task_runs_twice(world, mailoutbox):
    from hamaynk.notifications.services import email_notification

    note = tell(UserFactory())
    assert email_notification(notification_id=note.pk)
    assert not email_notification(notification_id=note.pk)
    assert len(mailoutbox) == 1


def test_daily_digest_sends_one_email_per_person(world, mailoutbox):
    user = UserFactory(email_frequency="digest", preferred_language="hy")
    for _ in range(3):
        tell(user)
    assert send_digests() == 1
    assert len(mailoutbox) == 1 and "(3)" in mailoutbox[0].subject
    assert not Notification.objects.filter(email_status="digest").exists()
    call_command("send_digests")
    assert len(mailoutbox) == 1


def test_bell_counts_unread_and_mark_read(client, world):
    tell(world.head)
    tell(world.head)
    client.force_login(world.head)
    response = client.get(reverse("notifications:inbox"))
    assert response.context["unread_notifications"] == 2
    first = response.context["page_obj"][0]
    client.post(reverse("notifications:read"), {"id": first.pk})
    assert client.get("/").context["unread_notifications"] == 1
    client.post(reverse("notifications:read"))
    assert client.get("/").context["unread_notifications"] == 0


def test_bell_number_is_kept_on_the_user_and_needs_no_query(client, world,
                                                            django_assert_num_queries):
    from hamaynk.notifications.selectors import unread_count

    tell(world.head)
    tell(world.head)
    world.head.refresh_from_db()
    with django_assert_num_queries(0):
        assert unread_count(user=world.head) == 2
    client.force_login(world.head)
    assert b'class="badge"' in client.get("/").content


def test_bell_number_is_counted_afresh_when_read(world):
    from hamaynk.accounts.models import User
    from hamaynk.notifications.services import mark_read

    tell(world.head)
    User.objects.filter(pk=world.head.pk).update(unread_notifications=7)  # drifted
    mark_read(recipient=world.head)
    world.head.refresh_from_db()
    assert world.head.unread_notifications == 0
    tell(world.head)
    tell(world.head)
    note = tell(world.head)
    mark_read(recipient=world.head, notification_id=note.pk)
    world.head.refresh_from_db()
    assert world.head.unread_notifications == 2


def test_one_cannot_mark_someone_elses_notification(client, world):
    note = tell(world.head)
    client.force_login(world.staff)
    client.post(reverse("notifications:read"), {"id": note.pk})
    note.refresh_from_db()
    assert note.read_at is None


def test_inbox_needs_sign_in_and_has_bounded_queries(client, world, django_assert_max_num_queries):
    assert client.get(reverse("notifications:inbox")).status_code == 302
    for _ in range(30):
        tell(world.head)
    client.force_login(world.head)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("notifications:inbox"))
    assert len(response.context["page_obj"].object_list) == 20


def test_migration_counts_what_was_unread_before(world):
    import importlib

    from django.apps import apps

    from hamaynk.accounts.models import User

    tell(world.head)
    tell(world.head)
    User.objects.update(unread_notifications=0)
    importlib.import_module("hamaynk.notifications.migrations.0002_count_unread").count_unread(
        apps, None)
    world.head.refresh_from_db()
    assert world.head.unread_notifications == 2
