"""Stored files say who owns them (core 0002): a community's emblem belongs to it."""

from django.db import migrations


def own(apps, schema_editor):
    StoredFile = apps.get_model("core", "StoredFile")
    ContentType = apps.get_model("contenttypes", "ContentType")
    community_type, _ = ContentType.objects.get_or_create(app_label="communities",
                                                          model="community")
    Community = apps.get_model("communities", "Community")
    for pk, emblem in Community.objects.filter(emblem__isnull=False).values_list("pk",
                                                                                 "emblem_id"):
        StoredFile.objects.filter(pk=emblem).update(owner_type=community_type, owner_id=str(pk))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_storedfile_owner"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("communities", "0005_search_trigram_index"),
    ]
    operations = [migrations.RunPython(own, migrations.RunPython.noop)]
