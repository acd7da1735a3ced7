import pytest
from django.core.management import call_command
from django.urls import reverse

from hamaynk.notifications.models import Notification
from hamaynk.notifications.services import notify, send_digests
from hamaynk.tests_support import UserFactory

pytestmark = pytest.mark.django_db


def tell(user, *, essential=False):
    from hamaynk.networks.models import Network, NetworkRole

    network = Network.objects.get(slug="m4eg")
    role, _new = NetworkRole.objects.get_or_create(user=user, network=network, role="coach")
    return notify(recipient=user, kind="networks.role.granted", params={"role": role},
                  essential=essential, url="/my/")


def test_notify_renders_in_the_recipients_language(world, mailoutbox,
                                                  django_capture_on_commit_callbacks):
    english = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        note = tell(english)
    assert note.rendered("en").subject == "You are now coach of M4EG"
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "You are now coach of M4EG"
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


def test_a_notification_is_stored_as_its_kind_and_params_never_as_text(world):
    note = tell(world.head)
    note.refresh_from_db()
    assert note.kind == "networks.role.granted"
    assert note.params["role"]["$model"] == "networks.networkrole"
    assert not note.stored_subject and not note.stored_body


def test_the_bell_shows_each_notification_in_the_readers_current_language(client, world):
    world.head.preferred_language = "hy"
    world.head.save()
    tell(world.head)
    client.force_login(world.head)
    client.cookies["hamaynk_language"] = "en"
    html = client.get(reverse("notifications:inbox")).content.decode()
    assert "You are now coach of M4EG" in html
    client.cookies["hamaynk_language"] = "hy"
    html = client.get(reverse("notifications:inbox")).content.decode()
    assert "Ձեր դերը «M4EG» ցանցում՝ ուղղորդող" in html


def test_a_notification_says_what_was_true_when_it_was_sent(world):
    """The role's snapshot is rendered, not the role as it is now."""
    from hamaynk.networks.models import NetworkRole

    note = tell(world.head)
    NetworkRole.objects.filter(user=world.head).update(role="reviewer")
    note.refresh_from_db()
    assert note.rendered("en").subject == "You are now coach of M4EG"


def test_a_digest_is_written_in_the_recipients_language(world, mailoutbox):
    user = UserFactory(email_frequency="digest", preferred_language="en")
    tell(user)
    send_digests()
    assert "You are now coach of M4EG" in mailoutbox[0].body


def test_an_old_notification_keeps_its_stored_text(world):
    from hamaynk.notifications.kinds import LEGACY

    old = Notification.objects.create(recipient=world.head, kind=LEGACY, params={"kind": "x"},
                                      stored_subject="Ձեր դերը հաստատվել է",
                                      stored_body="Տեքստ", language="hy")
    assert (old.rendered("en").subject, old.rendered("en").body) == ("Ձեր դերը հաստատվել է",
                                                                    "Տեքստ")


def test_the_migration_keeps_old_rows_text_as_the_legacy_kind(world):
    import importlib

    from django.apps import apps

    row = Notification.objects.create(recipient=world.head, kind="networks.role.granted",
                                      stored_subject="Հին", language="hy")
    importlib.import_module("hamaynk.notifications.migrations.0003_kind_and_params"
                            ).keep_old_text(apps, None)
    row.refresh_from_db()
    assert row.kind == "notifications.legacy" and row.params == {"kind": "networks.role.granted"}
    assert row.subject == "Հին"


def test_an_unregistered_kind_is_refused_when_sent(world):
    with pytest.raises(LookupError, match="not registered"):
        notify(recipient=world.head, kind="nobody.registered.this")


def test_every_kind_a_service_sends_is_registered_with_its_templates():
    import re
    from pathlib import Path

    from django.template.loader import get_template

    from hamaynk.notifications.kinds import kind, registered_kinds

    package = Path(__file__).resolve().parents[2]
    sent = set()
    for path in package.rglob("services*/**/*.py"):
        sent.update(re.findall(r'kind="([a-z_]+\.[a-z_]+\.[a-z_]+)"', path.read_text()))
    for path in package.rglob("services.py"):
        sent.update(re.findall(r'kind="([a-z_]+\.[a-z_]+\.[a-z_]+)"', path.read_text()))
    assert sent and sent <= registered_kinds()
    for code in registered_kinds():
        for part in ("subject", "body"):
            get_template(f"{kind(code).template}_{part}.txt")
