"""Backup and restore: the demo goes into one archive and comes back equal, object by object
and file by file, into the second (empty) test database `restore` (settings_test)."""

import hashlib
import json
import os
import tarfile
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from hamaynk.core import backup
from hamaynk.core.files import IMAGES, store_upload
from hamaynk.core.models import StoredFile

BOTH = ["default", "restore"]
PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
             b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def _value(obj, field):
    """A field's value; content types and permissions by natural key (they are rebuilt)."""
    if field.is_relation and field.related_model in (ContentType, Permission):
        related = getattr(obj, field.name)
        return None if related is None else related.natural_key()
    return getattr(obj, field.attname)


def snapshot(using):
    """Every row of every table the archive carries, all field values; rows of
    many-to-many tables as a sorted list (their own ids are not kept)."""
    tables = {}
    for model in backup._archived_models():
        fields = [f for f in model._meta.concrete_fields
                  if not (model._meta.auto_created and f.primary_key)]
        rows = [tuple(_value(obj, f) for f in fields)
                for obj in model._meta.base_manager.using(using).order_by("pk")]
        tables[model._meta.label] = sorted(rows, key=repr) if model._meta.auto_created else rows
    return tables


def file_hashes(storage):
    return {name: hashlib.sha256(storage.open(name).read()).hexdigest()
            for name in backup.stored_file_names(storage)}


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # the demo loader's own guard
    call_command("load_demo", stdout=StringIO())
    head = apps.get_model("accounts.User").objects.get(email="head.akunk@demo.hamaynk.am")
    store_upload(upload=SimpleUploadedFile("logo.png", PNG_BYTES), uploaded_by=head,
                 allowed=IMAGES, visibility=StoredFile.Visibility.PUBLIC)
    big = os.urandom(300_000)
    name = default_storage.save("uploads/2026/11/scan.bin", ContentFile(big))
    StoredFile.objects.create(file=name, original_name="scan «1».pdf",
                              content_type="application/pdf", size=len(big),
                              sha256=hashlib.sha256(big).hexdigest())


@pytest.mark.django_db(databases=BOTH)
def test_backup_of_the_demo_restores_every_object_and_file_equal(demo, tmp_path, settings):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=StringIO())
    before, files_before = snapshot("default"), file_hashes(default_storage)
    assert sum(len(rows) for rows in before.values()) > 200 and len(files_before) == 2

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "restored-files")}}}
    out = StringIO()
    call_command("restore", str(archive), database="restore", stdout=out)

    assert "the counts and sha256 hashes match the manifest" in out.getvalue()
    after = snapshot("restore")
    for label in before:
        assert after[label] == before[label], label
    assert file_hashes(FileSystemStorage(location=tmp_path / "restored-files")) == files_before
    # PostgreSQL's sequences were reset: the next row gets a new id.
    highest = StoredFile.objects.using("restore").order_by("-pk").first().pk
    new = StoredFile.objects.using("restore").create(
        file="x", original_name="x", content_type="image/png", size=1, sha256="0" * 64)
    assert new.pk > highest


@pytest.mark.django_db(databases=BOTH)
def test_backup_manifest_lists_counts_migrations_and_every_file(world, tmp_path):
    content = b"council decision"
    default_storage.save("uploads/a/decision.docx", ContentFile(content))
    archive = tmp_path / "backup.tar.gz"
    manifest = backup.make_backup(destination=archive)

    with tarfile.open(archive) as tar:
        assert json.load(tar.extractfile("manifest.json")) == manifest
        assert tar.extractfile("files/uploads/a/decision.docx").read() == content
    assert manifest["format_version"] == 1
    assert manifest["database"]["vendor"] in {"sqlite", "postgresql"}
    assert manifest["tables"]["accounts_user"] == world.head._meta.model.objects.count()
    assert "0001_initial" in manifest["migrations"]["core"]
    assert manifest["files"] == [{"path": "uploads/a/decision.docx", "size": len(content),
                                  "sha256": hashlib.sha256(content).hexdigest()}]


@pytest.mark.django_db(databases=BOTH)
def test_restore_refuses_a_database_that_already_has_data(world, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup.make_backup(destination=archive)

    with pytest.raises(CommandError) as exc:
        call_command("restore", str(archive), stdout=StringIO())

    assert str(exc.value).startswith("The target database already has data (")
    assert "pass --force to replace everything in it" in str(exc.value)


@pytest.mark.django_db(databases=BOTH)
def test_restore_refuses_an_archive_whose_data_was_altered(world, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup.make_backup(destination=archive)
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(altered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.jsonl":
                data = data.replace(b'"accounts.user"', b'"accounts.user" ', 1)
                member.size = len(data)
            target.addfile(member, tarfile.io.BytesIO(data))

    with pytest.raises(CommandError, match=r"^The archive's data does not match its manifest"):
        call_command("restore", str(altered), database="restore", stdout=StringIO())
    assert not apps.get_model("accounts.User").objects.using("restore").exists()
