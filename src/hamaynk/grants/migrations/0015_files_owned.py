"""Stored files say who owns them (core 0002): a call's documents belong to the call, the
files answered in an application or a report to that application or report."""

from django.db import migrations


def _file_ids(answers):
    for value in (answers or {}).values():
        if isinstance(value, dict) and isinstance(value.get("file_id"), int):
            yield value["file_id"]


def own(apps, schema_editor):
    StoredFile = apps.get_model("core", "StoredFile")
    ContentType = apps.get_model("contenttypes", "ContentType")

    def owned_by(model):
        kind, _ = ContentType.objects.get_or_create(app_label="grants", model=model)
        return kind

    call_type = owned_by("call")
    for call_id, file_id in apps.get_model("grants", "CallDocument").objects.values_list(
            "call_id", "file_id"):
        StoredFile.objects.filter(pk=file_id).update(owner_type=call_type,
                                                     owner_id=str(call_id))
    for model, name in (("Application", "application"), ("GrantReport", "grantreport")):
        kind = owned_by(name)
        rows = apps.get_model("grants", model).objects.exclude(answers={})
        for pk, answers in rows.values_list("pk", "answers").iterator():
            ids = list(_file_ids(answers))
            if ids:
                StoredFile.objects.filter(pk__in=ids, owner_type__isnull=True).update(
                    owner_type=kind, owner_id=str(pk))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_storedfile_owner"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("grants", "0014_application_listed_order"),
    ]
    operations = [migrations.RunPython(own, migrations.RunPython.noop)]
