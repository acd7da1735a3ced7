import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hamaynk.core.files import (
    DOCUMENTS,
    DOCX,
    IMAGES,
    PDF,
    PNG,
    XLSX,
    store_upload,
    validate_upload,
)
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.networks.models import MembershipApplication
from hamaynk.tests_support import ROLES, SHEET_MAIN, office_bytes, pdf_bytes

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
             b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF_BYTES = pdf_bytes()


@pytest.fixture(autouse=True)
def _english():
    """Refusals are checked in English here; the Armenian catalogue has its own tests."""
    from django.utils import translation

    with translation.override("en"):
        yield


def docx_bytes() -> bytes:
    return office_bytes()


def xlsx_bytes() -> bytes:
    return office_bytes(SHEET_MAIN, "xl/workbook.xml")


def python_docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def openpyxl_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(("content", "expected"), [
    (PNG_BYTES, PNG), (PDF_BYTES, PDF), (docx_bytes(), DOCX), (python_docx_bytes(), DOCX),
    (xlsx_bytes(), XLSX), (openpyxl_bytes(), XLSX)])
def test_validate_upload_detects_the_type_from_content(content, expected):
    assert validate_upload(upload("whatever.bin", content), allowed=DOCUMENTS | {XLSX}) == expected


def plain_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def refusal(content: bytes, name: str, allowed=DOCUMENTS) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload(name, content), allowed=allowed)
    return exc.value


def test_upload_refuses_a_zip_posing_as_docx():
    jar = plain_zip({"META-INF/MANIFEST.MF": b"Manifest-Version: 1.0\n",
                     "Evil.class": b"\xca\xfe\xba\xbe"})
    error = refusal(jar, "council_decision.docx")
    assert error.code == "bad_type"
    assert error.messages == ["This file's content is not an accepted type. "
                              "Accepted: DOCX, JPEG, PDF, PNG, WebP."]


def test_upload_refuses_a_docx_whose_content_types_say_xlsx():
    assert refusal(xlsx_bytes(), "report.docx").code == "bad_type"


def test_upload_refuses_content_types_naming_a_part_that_is_not_there():
    only_types = plain_zip({"[Content_Types].xml": office_bytes_types()})
    assert refusal(only_types, "decision.docx").code == "bad_type"


def office_bytes_types() -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        return archive.read("[Content_Types].xml")


def test_upload_refuses_a_docx_zip_bomb():
    # 1 GB of zeros compresses to about 1 MB: refused from the archive's directory alone.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", office_bytes_types())
        archive.writestr("word/document.xml", "<document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry:
            block = bytes(1024 * 1024)
            for _ in range(1024):
                entry.write(block)
    bomb = buffer.getvalue()
    assert len(bomb) < 2 * 1024 * 1024
    error = refusal(bomb, "decision.docx")
    assert error.code == "too_large_unpacked"
    assert error.messages == ["This document unpacks to more than 100.0\xa0MB; "
                              "it cannot be accepted."]


def test_upload_refuses_an_office_file_with_too_many_parts():
    parts = {f"word/media/{i}.xml": b"<a/>" for i in range(2001)}
    error = refusal(office_bytes(extra=parts), "decision.docx")
    assert error.code == "too_many_parts"


def test_upload_refuses_pdf_magic_followed_by_html():
    error = refusal(b"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>",
                    "decision.pdf")
    assert error.code == "bad_pdf"
    assert error.messages == ["This file starts like a PDF but cannot be read as one. Save it "
                              "again as PDF and upload it once more."]


def test_upload_refuses_a_pdf_whose_end_points_to_no_cross_reference_table():
    # pypdf would rebuild the table by scanning every byte; we refuse instead.
    body = b"%PDF-1.7\n" + b"1 0 obj <<>> endobj\n" * 1000
    assert refusal(body + b"startxref\n12\n%%EOF\n", "x.pdf").code == "bad_pdf"
    assert refusal(body + b"startxref\n999999\n%%EOF\n", "x.pdf").code == "bad_pdf"


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_upload_refuses_a_password_protected_pdf_but_takes_a_merely_restricted_one():
    error = refusal(encrypted_pdf("secret"), "x.pdf")
    assert error.code == "encrypted_pdf"
    assert error.messages == ["This PDF is protected by a password. Upload it without the "
                              "password."]
    assert validate_upload(upload("x.pdf", encrypted_pdf("")), allowed=DOCUMENTS) == PDF


def test_upload_refuses_a_pdf_with_too_many_pages(monkeypatch):
    from hamaynk.core import files

    monkeypatch.setattr(files, "PDF_MAX_PAGES", 3)
    assert refusal(pdf_bytes(pages=4), "long.pdf").code == "too_many_pages"
    assert validate_upload(upload("short.pdf", pdf_bytes(pages=3)), allowed=DOCUMENTS) == PDF


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
                          allowed=DOCUMENTS, visibility="community")
    allowed, _statuses = _download_matrix(client, world, stored)
    assert allowed == {"head"}


@pytest.mark.django_db
def test_missing_file_is_404(client):
    assert client.get(reverse("file", args=[424242])).status_code == 404
    assert not StoredFile.objects.exists()


def download(client, world, name: str, content: bytes, allowed=DOCUMENTS):
    stored = store_upload(upload=upload(name, content), uploaded_by=world.head, allowed=allowed,
                          visibility="public")
    response = client.get(reverse("file", args=[stored.pk]))
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_download_is_served_under_our_name_and_the_detected_extension(client, world):
    response = download(client, world, "council_decision.jar", PDF_BYTES)
    assert response["Content-Disposition"] == 'inline; filename="council_decision.pdf"'
    assert response["Content-Type"] == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    response = download(client, world, "council_decision.jar", docx_bytes())
    assert response["Content-Disposition"] == 'attachment; filename="council_decision.docx"'
    assert response["Content-Type"] == DOCX


@pytest.mark.django_db
def test_download_name_drops_path_control_characters_and_a_right_to_left_override(client, world):
    response = download(client, world, "Որոշում 45\u202egpj.exe\r\n.pdf.html", docx_bytes())
    # RFC 5987: the Armenian name percent-encoded in UTF-8, with no override, CR or LF.
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D5%88%D6%80%D5%B8%D5%B7%D5%B8%D6%82%D5%B4_45_gpj_exe_pdf"
        ".docx")
    response = download(client, world, "....", PNG_BYTES, allowed=IMAGES)
    assert response["Content-Disposition"] == 'inline; filename="file.png"'
