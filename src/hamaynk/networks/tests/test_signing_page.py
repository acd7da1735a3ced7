"""The signing page shows what is signed: the application, its commitments and a link to
the whole application as a PDF, then asks for the full name (issue 14)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hamaynk.networks import services
from hamaynk.networks.models import MembershipApplication, bare_decision_number
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db


def signing_page(client, world, application, language="en"):
    client.cookies["hamaynk_language"] = language
    client.post("/accounts/login/", {"login": world.head.email, "password": "secret-pass-123"})
    url = reverse("networks:application_sign", args=[application.pk])
    client.post(client.get(url)["Location"], {"password": "secret-pass-123"})
    return client.get(url)


def test_the_signing_page_shows_the_application_commitments_and_the_pdf(client, world,
                                                                      ready_application):
    response = signing_page(client, world, ready_application)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Զարգացնել տեղական տնտեսությունը" in html  # the motivation
    for commitment in ready_application.accepted_commitments.all():
        assert commitment.text in html
    assert reverse("networks:application_pdf", args=[ready_application.pk]) in html
    assert html.index("Commitments accepted") < html.index('name="typed_name"')


def test_the_decision_number_carries_its_sign_once(client, world, ready_application):
    MembershipApplication.objects.filter(pk=ready_application.pk).update(
        decision_number="N 45-Ա")  # typed with its sign before the number was stored bare
    html = signing_page(client, world, ready_application).content.decode()
    assert "N 45-Ա" in html and "N N" not in html


@pytest.mark.parametrize(("typed", "stored"), [("N 45-Ա", "45-Ա"), ("№45-Ա", "45-Ա"),
                                                ("N. 45-Ա", "45-Ա"), ("45-Ա", "45-Ա"),
                                                ("Nor-12", "Nor-12")])
def test_the_number_is_stored_without_its_sign(typed, stored):
    assert bare_decision_number(typed) == stored


def test_a_saved_number_typed_with_its_sign_is_stored_bare(world, ready_application):
    application = services.application_update(
        application=ready_application, actor=world.staff, expected_version=None,
        motivation=ready_application.motivation, edo_name="Աննա Սարգսյան", edo_position="",
        edo_email="edo@akunk.am", edo_phone="", decision_number="N 46-Ա",
        decision_date=ready_application.decision_date,
        commitment_ids=list(ready_application.accepted_commitments.values_list("pk", flat=True)))
    assert application.decision_number == "46-Ա"
    assert application.decision_reference == "N 46-Ա"


@pytest.mark.parametrize("language", ["hy", "en"])
def test_the_confirmation_checkbox_sits_in_its_label_with_one_full_stop(client, world,
                                                                       ready_application,
                                                                       language):
    html = signing_page(client, world, ready_application, language).content.decode()
    label = html[html.index('<label class="check" for="id_confirm">'):]
    label = label[:label.index("</label>")]
    assert 'type="checkbox" name="confirm"' in label
    assert "։:" not in label and ".:" not in label and "։։" not in label


def test_the_whole_application_is_a_pdf_with_its_commitments(client, world, ready_application):
    client.cookies["hamaynk_language"] = "hy"
    client.force_login(world.head)
    response = client.get(reverse("networks:application_pdf", args=[ready_application.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "N 45-Ա" in text
    assert "Commitment" not in text  # the Armenian labels


@pytest.mark.parametrize("role", ROLES)
def test_the_pdf_is_for_whoever_may_see_the_application(client, world, ready_application,
                                                        role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    got = client.get(reverse("networks:application_pdf", args=[ready_application.pk]))
    if role in {"staff", "head", "secretariat"}:
        assert got.status_code == 200
    else:
        assert got.status_code == (302 if role == "anonymous" else 404)
