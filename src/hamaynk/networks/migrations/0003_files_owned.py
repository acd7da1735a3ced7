"""Stored files say who owns them (core 0002): membership application scans belong to their
application, development plans' documents to the membership."""

from django.db import migrations


def own(apps, schema_editor):
    StoredFile = apps.get_model("core", "StoredFile")
    ContentType = apps.get_model("contenttypes", "ContentType")
    application_type, _ = ContentType.objects.get_or_create(app_label="networks",
                                                            model="membershipapplication")
    membership_type, _ = ContentType.objects.get_or_create(app_label="networks",
                                                           model="membership")
    Application = apps.get_model("networks", "MembershipApplication")
    for pk, decision, signed in Application.objects.values_list("pk", "decision_scan_id",
                                                                "signed_scan_id"):
        StoredFile.objects.filter(pk__in=[f for f in (decision, signed) if f]).update(
            owner_type=application_type, owner_id=str(pk))
    Plan = apps.get_model("networks", "DevelopmentPlan")
    for membership_id, file_id in Plan.objects.values_list("membership_id", "file_id"):
        StoredFile.objects.filter(pk=file_id).update(owner_type=membership_type,
                                                     owner_id=str(membership_id))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_storedfile_owner"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0002_membership_plan_due_membership_reminded_30_at_and_more"),
    ]
    operations = [migrations.RunPython(own, migrations.RunPython.noop)]
