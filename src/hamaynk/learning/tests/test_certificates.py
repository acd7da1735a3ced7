"""Certificates: issued once per completion, checked by anyone by their code, revoked with a
reason everyone sees, downloaded only by the person, their community and the secretariat."""

import datetime
import io
from decimal import Decimal

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core.errors import DomainError
from hamaynk.documents.certificates import CertificateText, certificate_pdf, render_html
from hamaynk.documents.typography import assert_armenian_typography, document_text
from hamaynk.learning.models import Certificate
from hamaynk.learning.services.certificates import (
    certificate_issue,
    certificate_revoke,
    new_code,
    normal_code,
)
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


DAY = datetime.date(2026, 5, 14)  # a completion day: the certificate says what it was given


def issue(world, *, person=None, source_id=None, **values):
    person = person or world.staff
    return certificate_issue(
        network=world.network, actor=world.secretariat, person=person,
        community=world.akunk, name=values.pop("name", "Անահիտ Սարգսյան"),
        title_hy="«Թվային հմտություններ» դասընթաց", title_en="Course “Digital skills”",
        hours=Decimal("12.5"), completed_on=DAY, source_kind="learning.enrolment",
        source_id=source_id, **values)


def test_issue_makes_a_code_and_tells_the_person(world):
    certificate = issue(world, source_id=7)
    assert certificate.code == normal_code(certificate.code.lower())
    assert len(certificate.code) == 14 and certificate.code.count("-") == 2
    assert Notification.objects.filter(recipient=world.staff,
                                       kind="learning.certificate.issued").count() == 1


def test_the_same_completion_issues_one_certificate(world):
    first = issue(world, source_id=7)
    again = issue(world, source_id=7, name="Another name")
    assert again.pk == first.pk and again.name == "Անահիտ Սարգսյան"
    assert Certificate.objects.count() == 1


def test_only_the_networks_secretariat_issues(world):
    for person in (world.head, world.staff, world.coach, world.other_secretariat):
        with pytest.raises(PermissionDenied):
            certificate_issue(network=world.network, actor=person, name="X", title_hy="Y",
                              completed_on=DAY)


def test_issue_refuses_a_certificate_without_a_name(world):
    with pytest.raises(DomainError, match="name of the person"):
        issue(world, name="  ")


def test_codes_are_unlike_and_typing_mistakes_are_forgiven():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert normal_code(" 7q4d k2mx 9aob ") == "7Q4D-K2MX-9A0B"  # O typed for zero


def test_revoke_needs_a_reason_and_happens_once(world):
    certificate = issue(world)
    with pytest.raises(DomainError, match="Say why"):
        certificate_revoke(certificate=certificate, actor=world.secretariat, reason=" ")
    with pytest.raises(PermissionDenied):
        certificate_revoke(certificate=certificate, actor=world.other_secretariat,
                           reason="Error")
    certificate_revoke(certificate=certificate, actor=world.secretariat,
                       reason="Issued to the wrong person.")
    with pytest.raises(DomainError, match="already revoked"):
        certificate_revoke(certificate=certificate, actor=world.secretariat, reason="Again")
    assert Notification.objects.filter(kind="learning.certificate.revoked").count() == 1


def test_the_public_page_says_genuine_then_revoked(client, world):
    certificate = issue(world)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Անահիտ Սարգսյան" in page and 'class="notice ok"' in page
    certificate_revoke(certificate=certificate, actor=world.secretariat,
                       reason="Issued to the wrong person.")
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Issued to the wrong person." in page and 'class="notice err"' in page
    assert reverse("learning:certificate_pdf", args=[certificate.code]) not in page


def test_checking_a_code_typed_from_paper_finds_the_certificate(client, world):
    certificate = issue(world)
    typed = certificate.code.lower().replace("-", " ")
    response = client.get(reverse("learning:certificate_check"), {"code": typed})
    assert response.status_code == 302 and response["Location"] == certificate.get_absolute_url()
    response = client.get(reverse("learning:certificate_check"), {"code": "0000-0000-0000"})
    assert response.status_code == 404
    assert 'id="id_code_error"' in response.content.decode()


@pytest.mark.parametrize("code", ["", "x" * 300, "<script>", "%00", "💥", "----"])
def test_any_code_is_answered_without_error(client, world, code):
    assert client.get(reverse("learning:certificate_check"), {"code": code}).status_code in (
        200, 404)
    if code.strip("-"):
        assert client.get(f"/learning/certificates/{code}/").status_code == 404


DOWNLOAD = {"staff": 200, "head": 200, "secretariat": 200}  # the person, Akunk, M4EG


@pytest.mark.parametrize("role", ROLES)
def test_certificate_matrix(client, world, role):
    certificate = issue(world)
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    assert client.get(certificate.get_absolute_url()).status_code == 200  # public
    assert client.get(reverse("learning:certificate_check")).status_code == 200
    pdf = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert pdf.status_code == DOWNLOAD.get(role, 404), role
    mine = client.get(reverse("learning:my_certificates"))
    assert mine.status_code == (302 if role == "anonymous" else 200)
    revoke = client.post(certificate.get_absolute_url(), {"reason": "Wrong person."})
    certificate.refresh_from_db()
    if role == "secretariat":
        assert revoke.status_code == 302 and certificate.is_revoked
    else:
        assert revoke.status_code == 404 and not certificate.is_revoked


def test_revoke_without_a_reason_says_so_beside_the_field(client, world):
    certificate = issue(world)
    client.force_login(world.secretariat)
    response = client.post(certificate.get_absolute_url(), {"reason": ""})
    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_my_certificates_pins_its_queries(client, world):
    client.force_login(world.staff)
    issue(world)

    def count() -> int:
        from hamaynk.core import counts

        counts.changed_all()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("learning:my_certificates")).status_code == 200
        return len(queries)

    one = count()
    for n in range(29):
        issue(world, source_id=100 + n)
    assert count() == one


def text() -> CertificateText:
    return CertificateText(
        name="Անահիտ Սարգսյան-Մելիքսեթյան",
        title_hy="«Ռեսուրսների ներգրավում և ֆինանսավորման նոր աղբյուրներ» դասընթաց",
        title_en="Course “Resource mobilisation and new funding sources”",
        issuer_hy="«Համայնքի ղեկավարները հանուն տնտեսական զարգացման» նախաձեռնություն",
        issuer_en="Mayors for Economic Growth", completed_on=DAY, code="7Q4D-K2MX-9A0B",
        verify_url="https://hamaynk.am/learning/certificates/7Q4D-K2MX-9A0B/",
        hours=Decimal("12.5"))


def test_the_pdf_is_one_page_in_both_languages_with_an_armenian_font():
    data = certificate_pdf(text())
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    page = reader.pages[0].extract_text()
    for words in ("Անահիտ", "Ավարտական վկայական", "Certificate of completion", "12,5 ժամ",
                  "12.5 hours", "2026 թ. մայիսի 14", "14 May 2026", "7Q4D-K2MX-9A0B"):
        assert words in page
    fonts = {str(font["/BaseFont"]) for p in reader.pages
             for font in p["/Resources"]["/Font"].values()}
    assert any("Armenian" in font for font in fonts)


def test_the_certificates_armenian_reads_correctly():
    armenian = document_text(render_html(text())).split("Certificate of completion")[0]
    assert_armenian_typography(armenian)
    assert "<svg" in render_html(text())  # the QR code, drawn inline
