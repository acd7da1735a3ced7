"""The bell's number, kept on the user row from now on: counted once for everyone."""

from django.db import migrations
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def count_unread(apps, schema_editor):  # type: ignore[no-untyped-def]
    User = apps.get_model("accounts", "User")  # noqa: N806
    Notification = apps.get_model("notifications", "Notification")  # noqa: N806
    unread = (Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
              .order_by().values("recipient").annotate(n=Count("pk")).values("n"))
    User.objects.update(unread_notifications=Coalesce(Subquery(unread), Value(0)))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_user_unread_notifications"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(count_unread, migrations.RunPython.noop)]
