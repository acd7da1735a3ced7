import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from hamaynk.core.files import DOCUMENTS, discard_stored, store_upload
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.tests_support import pdf_bytes

pytestmark = pytest.mark.django_db


def stored_pdf(world):
    return store_upload(upload=SimpleUploadedFile("a.pdf", pdf_bytes()), uploaded_by=world.head,
                        allowed=DOCUMENTS)


def test_a_discarded_file_loses_its_row_now_and_its_bytes_after_commit(
        world, django_capture_on_commit_callbacks):
    stored = stored_pdf(world)
    storage, name = stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        discard_stored(stored=stored, actor=world.head, reason="replaced", owner=world.akunk)
    assert not StoredFile.objects.filter(pk=stored.pk).exists()
    assert storage.exists(name)  # not before the commit
    for callback in callbacks:
        callback()
    assert not storage.exists(name)
    entry = AuditEntry.objects.get(action="core.file.discarded")
    assert entry.target_id == str(world.akunk.pk) and entry.data["reason"] == "replaced"


def test_a_rolled_back_discard_keeps_the_bytes(world, django_capture_on_commit_callbacks):
    stored = stored_pdf(world)
    pk, storage, name = stored.pk, stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                discard_stored(stored=stored, actor=world.head, reason="replaced")
                raise RuntimeError
        except RuntimeError:
            pass
    assert StoredFile.objects.filter(pk=pk).exists()
    assert storage.exists(name)
