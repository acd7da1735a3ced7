"""A notification stores its kind and parameters and is rendered when it is read (in the
reader's language); rows written before keep their text as the legacy kind."""

from django.db import migrations, models


def keep_old_text(apps, schema_editor):  # type: ignore[no-untyped-def]
    Notification = apps.get_model("notifications", "Notification")  # noqa: N806
    for row in Notification.objects.exclude(kind="notifications.legacy").iterator():
        row.params = {"kind": row.kind}
        row.kind = "notifications.legacy"
        row.save(update_fields=["params", "kind"])


def no_text_to_restore(apps, schema_editor):  # type: ignore[no-untyped-def]
    Notification = apps.get_model("notifications", "Notification")  # noqa: N806
    for row in Notification.objects.filter(kind="notifications.legacy").iterator():
        row.kind = (row.params or {}).get("kind", row.kind)
        row.save(update_fields=["kind"])


class Migration(migrations.Migration):

    dependencies = [
        ("notifications", "0002_count_unread"),
    ]

    operations = [
        migrations.RenameField("notification", "subject", "stored_subject"),
        migrations.RenameField("notification", "body", "stored_body"),
        migrations.AlterField(
            model_name="notification", name="stored_subject",
            field=models.CharField(blank=True, max_length=300, verbose_name="subject")),
        migrations.AlterField(
            model_name="notification", name="stored_body",
            field=models.TextField(blank=True, verbose_name="message")),
        migrations.AddField(
            model_name="notification", name="params",
            field=models.JSONField(blank=True, default=dict, help_text=(
                "What the kind's templates need: plain values and references to objects "
                "(notifications/kinds.py)."))),
        migrations.AlterField(
            model_name="notification", name="language",
            field=models.CharField(help_text="The language it was emailed in.", max_length=8)),
        migrations.RunPython(keep_old_text, no_text_to_restore),
    ]
