import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hamaynk.core.files import DOCUMENTS, DOCX, IMAGES, PDF, PNG, store_upload, validate_upload
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.networks.models import MembershipApplication
from hamaynk.tests_support import ROLES

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
             b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(("content", "expected"), [
    (PNG_BYTES, PNG), (PDF_BYTES, PDF), (docx_bytes(), DOCX)])
def test_validate_upload_detects_the_type_from_content(content, expected):
    assert validate_upload(upload("whatever.bin", content), allowed=DOCUMENTS) == expected


@pytest.mark.parametrize("content", [b"MZ\x90\x00\x03 windows exe", b"<script>alert(1)</script>",
                                     b"plain text pretending"])
def test_validate_upload_refuses_content_that_lies_about_its_name(content):
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("decision.pdf", content, "application/pdf"), allowed=DOCUMENTS)
    assert exc.value.code == "bad_type"


def test_validate_upload_refuses_a_pdf_where_only_images_are_allowed():
    with pytest.raises(ValidationError):
        validate_upload(upload("logo.png", PDF_BYTES), allowed=IMAGES)


def test_validate_upload_refuses_empty_and_too_large_files(settings):
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("a.pdf", b""), allowed=DOCUMENTS)
    assert exc.value.code == "empty"
    settings.HAMAYNK_UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("a.pdf", PDF_BYTES + b" " * 200), allowed=DOCUMENTS)
    assert exc.value.code == "too_large"


@pytest.mark.django_db
def test_stored_file_name_comes_from_content_not_from_the_user(world):
    stored = store_upload(upload=upload("../../etc/passwd.png", PNG_BYTES), uploaded_by=world.head,
                          allowed=IMAGES)
    assert stored.file.name.endswith(".png") and ".." not in stored.file.name
    assert stored.original_name == "passwd.png"  # Django strips the path
    assert AuditEntry.objects.filter(action="core.file.uploaded").exists()


def _download_matrix(client, world, stored):
    statuses = {}
    for role, user in world.people().items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(reverse("file", args=[stored.pk]))
        statuses[role] = response.status_code
        if response.status_code == 200:
            assert response["Content-Type"] == PDF
            assert b"".join(response.streaming_content).startswith(b"%PDF")
    return {role for role, status in statuses.items() if status == 200}, set(statuses.values())


@pytest.mark.django_db
def test_a_public_file_is_for_everyone(client, world):
    stored = store_upload(upload=upload("call.pdf", PDF_BYTES), uploaded_by=world.secretariat,
                          allowed=DOCUMENTS, visibility="public")
    allowed, statuses = _download_matrix(client, world, stored)
    assert allowed == set(ROLES)


@pytest.mark.django_db
def test_a_file_inherits_its_owners_visibility(client, world):
    """A scan uploaded for Akunk's M4EG application: Akunk's people and M4EG's secretariat,
    never another network's secretariat, reviewer or coach (ids are sequential)."""
    application = MembershipApplication.objects.create(network=world.network,
                                                       community=world.akunk)
    stored = store_upload(upload=upload("scan.pdf", PDF_BYTES), uploaded_by=world.head,
                          allowed=DOCUMENTS, owner=application)
    allowed, statuses = _download_matrix(client, world, stored)
    assert allowed == {"staff", "head", "secretariat"}
    assert statuses == {200, 404}


@pytest.mark.django_db
def test_a_file_with_no_owner_yet_is_its_uploaders_alone(client, world):
    stored = store_upload(upload=upload("scan.pdf", PDF_BYTES), uploaded_by=world.head,
                          allowed=DOCUMENTS, visibility="community", community_id=world.akunk.pk)
    allowed, _statuses = _download_matrix(client, world, stored)
    assert allowed == {"head"}


@pytest.mark.django_db
def test_missing_file_is_404(client):
    assert client.get(reverse("file", args=[424242])).status_code == 404
    assert not StoredFile.objects.exists()
