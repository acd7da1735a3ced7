import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hamaynk.communities import services
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.core.tests.test_files import PNG_BYTES

pytestmark = pytest.mark.django_db


def set_emblem(world, name):
    services.community_update_profile(community=world.akunk, actor=world.head, website="",
                                      population=None, official_code="",
                                      emblem=SimpleUploadedFile(name, PNG_BYTES))
    world.akunk.refresh_from_db()
    return world.akunk.emblem


def test_a_replaced_emblem_is_removed_with_its_bytes(client, world,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        old = set_emblem(world, "old.png")
        new = set_emblem(world, "new.png")
    assert new.pk != old.pk
    assert list(StoredFile.objects.values_list("pk", flat=True)) == [new.pk]
    assert not old.file.storage.exists(old.file.name)
    assert client.get(reverse("file", args=[old.pk])).status_code == 404
    assert client.get(reverse("file", args=[new.pk])).status_code == 200
    entry = AuditEntry.objects.get(action="core.file.discarded")
    assert entry.target_id == str(world.akunk.pk) and entry.data["file"] == old.pk
