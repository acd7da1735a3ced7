import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.networks.models import Membership, MembershipApplication
from hamaynk.networks.tests.conftest import pdf_upload
from hamaynk.tests_support import ROLES, CommunityFactory

pytestmark = pytest.mark.django_db
AKUNK = {"staff", "head", "secretariat"}


def status_for(client, world, role, url, method="get", data=None):
    client.logout()
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, ready_application, role):
    membership = Membership.objects.get(community=world.dilijan)
    cases = [
        (reverse("networks:application", args=[ready_application.pk]), AKUNK),
        (reverse("networks:application_edit", args=[ready_application.pk]), {"staff", "head"}),
        (reverse("networks:applications", args=["m4eg"]), {"secretariat"}),
        (reverse("networks:settings", args=["m4eg"]), {"secretariat"}),
        (reverse("networks:council_template", args=["m4eg", "hy"]), {"secretariat"}),
        (reverse("networks:council_package", args=["m4eg", world.akunk.pk]), AKUNK),
        (reverse("networks:membership", args=[membership.pk]), {"other_head", "secretariat"}),
        (reverse("networks:members", args=["m4eg"]), set(ROLES)),
        (reverse("networks:detail", args=["m4eg"]), set(ROLES)),
    ]
    for url, allowed in cases:
        got = status_for(client, world, role, url)
        public = url.endswith("/members/") or url.endswith("/m4eg/")
        want = 200 if role in allowed else (302 if role == "anonymous" and not public else 404)
        assert got == want, (role, url, got)


@pytest.mark.parametrize("role", ROLES)
def test_signing_page_is_only_for_the_head(client, world, ready_application, role):
    url = reverse("networks:application_sign", args=[ready_application.pk])
    got = status_for(client, world, role, url)
    if role == "head":
        assert got in (200, 302)  # 302: asked to confirm the password first
    elif role == "anonymous":
        assert got == 302
    else:
        assert got == 404


def test_the_head_signs_after_confirming_the_password(client, world, ready_application):
    client.post("/accounts/login/", {"login": world.head.email, "password": "secret-pass-123"})
    url = reverse("networks:application_sign", args=[ready_application.pk])
    response = client.get(url)
    assert response.status_code == 302 and "reauthenticate" in response["Location"]
    client.post(response["Location"], {"password": "secret-pass-123"})
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": ready_application.version, "typed_name": "wrong",
                                 "confirm": "on"})
    assert response.status_code == 200 and "typed_name" in response.context["form"].errors
    response = client.post(url, {"version": ready_application.version,
                                 "typed_name": world.head.full_name, "confirm": "on",
                                 "signed_scan_upload": pdf_upload("signed.pdf")})
    assert response.status_code == 302
    ready_application.refresh_from_db()
    assert ready_application.status == "submitted" and ready_application.signed_scan


def test_a_forced_login_must_reauthenticate_before_signing(client, world, ready_application):
    client.force_login(world.head)
    response = client.get(reverse("networks:application_sign", args=[ready_application.pk]))
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


def test_staff_prepares_the_application_in_the_browser_form(client, world, m4eg):
    client.cookies["hamaynk_language"] = "en"
    client.force_login(world.staff)
    response = client.post(reverse("networks:join", args=["m4eg", world.akunk.pk]))
    application = MembershipApplication.objects.get(community=world.akunk)
    assert response["Location"] == reverse("networks:application_edit", args=[application.pk])
    client.post(reverse("networks:join", args=["m4eg", world.akunk.pk]))  # double click
    assert MembershipApplication.objects.filter(community=world.akunk).count() == 1
    url = reverse("networks:application_edit", args=[application.pk])
    data = {"version": application.version, "motivation": "Ուզում ենք զարգանալ",
            "edo_name": "Աննա", "edo_email": "not-an-email", "decision_number": "45-Ա",
            "decision_date": "2026-11-20",
            "commitments": list(m4eg.commitments.values_list("pk", flat=True))}
    response = client.post(url, data)
    assert response.status_code == 200 and "edo_email" in response.context["form"].errors
    data["edo_email"] = "edo@akunk.am"
    data["decision_scan_upload"] = pdf_upload()
    assert client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.decision_scan and application.accepted_commitments.count() == 2
    again = client.post(url, {**data, "decision_scan_upload": ""})  # a double click
    assert again.status_code == 302  # the same answers again: nothing to lose, no conflict
    stale = client.post(url, {**data, "decision_scan_upload": "",
                              "motivation": "Իմ նոր տեքստը"})
    assert stale.status_code == 200  # the version moved on: refused, nothing lost
    assert stale.context["form"].non_field_errors() == [
        "Someone else (or you, in another window) saved this after you opened the page. "
        "Nothing from this page was saved: your text is kept below. Copy what you need, "
        "reload the page and save again."]
    assert "Իմ նոր տեքստը" in stale.content.decode()
    application.refresh_from_db()
    assert application.motivation == "Ուզում ենք զարգանալ"


def test_secretariat_decides_from_the_application_page(client, world, ready_application):
    from hamaynk.networks import services

    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None, typed_name=world.head.full_name)
    ready_application.refresh_from_db()
    client.force_login(world.secretariat)
    url = reverse("networks:application_decide", args=[ready_application.pk])
    client.post(url, {"version": ready_application.version, "decision": "reject", "message": ""})
    ready_application.refresh_from_db()
    assert ready_application.status == "submitted"  # a rejection needs a reason
    client.post(url, {"version": ready_application.version, "decision": "approve"})
    assert Membership.objects.get(community=world.akunk).status == "junior"


def test_council_documents_read_back(client, world, m4eg):
    import docx
    from pypdf import PdfReader

    client.force_login(world.staff)
    for document in ("decision", "justification", "budget_note"):
        response = client.get(reverse("networks:council_document",
                                      args=["m4eg", world.akunk.pk, document, "docx"]))
        assert response.status_code == 200
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
        assert "Ակունք" in text.replace("ԱԿՈՒՆՔ", "Ակունք")
        response = client.get(reverse("networks:council_document",
                                      args=["m4eg", world.akunk.pk, document, "pdf"]))
        assert response["Content-Type"] == "application/pdf"
        pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        assert "ԱԿՈՒՆՔ" in pdf or "Ակունք" in pdf
    decision = docx.Document(io.BytesIO(client.get(reverse(
        "networks:council_document", args=["m4eg", world.akunk.pk, "decision", "docx"])
    ).content))
    text = "\n".join(p.text for p in decision.paragraphs)
    assert "ԿՈՏԱՅՔԻ ՄԱՐԶԻ ԱԿՈՒՆՔ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ" in text
    from django.utils import timezone

    from hamaynk.documents.armenian import date_hy

    assert date_hy(timezone.localdate()) in text  # e.g. "2026 թ. նոյեմբերի 23"
    assert "ՄԻԱՆԱԼՈՒ ՄԱՍԻՆ" in text and "ՆԱԽԱԳԻԾ" in text
    justification = docx.Document(io.BytesIO(client.get(reverse(
        "networks:council_document", args=["m4eg", world.akunk.pk, "justification", "docx"])
    ).content))
    assert "Համայնքի ղեկավարները հանուն տնտեսական զարգացման" in "\n".join(
        p.text for p in justification.paragraphs)


def test_council_package_without_texts_says_so(client, world):
    client.force_login(world.staff)
    response = client.get(reverse("networks:council_document",
                                  args=["m4eg", world.akunk.pk, "decision", "pdf"]), follow=True)
    assert response.status_code == 200 and list(response.context["messages"])


def test_unknown_document_or_format_is_404(client, world, m4eg):
    client.force_login(world.staff)
    for args in (("x", "pdf"), ("decision", "exe")):
        url = reverse("networks:council_document", args=["m4eg", world.akunk.pk, *args])
        assert client.get(url).status_code == 404


def test_member_directory_filters_and_exports(client, world, m4eg):
    Membership.objects.create(network=m4eg, community=world.akunk, status="junior")
    response = client.get(reverse("networks:members", args=["m4eg"]), {"status": "acting"})
    assert [m.community for m in response.context["page_obj"]] == [world.dilijan]
    response = client.get(reverse("networks:members", args=["m4eg"]), {"region": "AM-XX"})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.get(reverse("networks:members_export", args=["m4eg", "csv"]),
                          {"region": "AM-KT"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 2 and rows[1][0] == "Ակունք"
    response = client.get(reverse("networks:members_export", args=["m4eg", "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        "Ակունք", "Դիլիջան"}
    assert client.get(reverse("networks:members_export", args=["m4eg", "pdf"])).status_code == 404


def test_member_directory_and_queue_query_counts_are_fixed(client, world, m4eg):
    def count(url):
        counts.changed_all()  # the list counts its rows again, as after any change
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    client.force_login(world.secretariat)
    members = reverse("networks:members", args=["m4eg"])
    queue = reverse("networks:applications", args=["m4eg"])
    MembershipApplication.objects.create(network=m4eg, community=world.akunk, status="submitted")
    count(members), count(queue)  # warm: the filter choices are cached after one page
    before = (count(members), count(queue))
    for _ in range(30):
        c = CommunityFactory(region=world.tavush)
        Membership.objects.create(network=m4eg, community=c, status="junior")
        MembershipApplication.objects.create(network=m4eg, community=c, status="submitted")
    assert (count(members), count(queue)) == before
    assert max(before) <= 12


def test_settings_save_rules_commitments_and_council_texts(client, world, m4eg):
    client.force_login(world.secretariat)
    url = reverse("networks:settings", args=["m4eg"])
    form = client.get(url).context["formset"]
    data = {"status_on_approval": "junior", "requires_plan": "on", "plan_due_months": "18",
            "suspension_grace_days": "30", "requires_edo": "on", "dues_amount": "",
            "dues_currency": "", "description_hy": "Նկարագրություն", "description_en": "",
            "commitments-TOTAL_FORMS": str(len(form.forms)), "commitments-INITIAL_FORMS": "2",
            "commitments-MIN_NUM_FORMS": "0", "commitments-MAX_NUM_FORMS": "30"}
    for i, f in enumerate(form.forms):
        data[f"commitments-{i}-pk"] = f.initial.get("pk", "")
        data[f"commitments-{i}-text_hy"] = f.initial.get("text_hy", "")
        data[f"commitments-{i}-text_en"] = f.initial.get("text_en", "")
        data[f"commitments-{i}-is_active"] = "on"
    data["commitments-2-text_hy"] = "Մասնակցել ֆորումներին"
    data["commitments-1-is_active"] = ""
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["rules_form"].errors
    m4eg.refresh_from_db()
    assert m4eg.plan_due_months == 18 and m4eg.suspension_grace_days == 30
    assert list(m4eg.commitments.filter(is_active=True).values_list("order", flat=True)) == [1, 3]
    response = client.post(url, {**data, "dues_amount": "50000"})
    assert response.status_code == 200 and "dues_currency" in response.context["rules_form"].errors


def test_member_directory_shows_a_new_member_at_once_and_filters(client, world, m4eg):
    """Public and the same for everyone; an unknown network is a 404."""
    url = reverse("networks:members", args=["m4eg"])
    first = client.get(url).content.decode()
    assert "Դիլիջան" in first or "Dilijan" in first
    Membership.objects.create(network=m4eg, community=world.akunk, status="junior")
    again = client.get(url).content.decode()
    assert again.count("<tr>") == first.count("<tr>") + 1
    filtered = client.get(url, {"status": "junior"}).content.decode()  # another filter: anew
    assert "Ակունք" in filtered or "Akunk" in filtered
    assert client.get(reverse("networks:members", args=["nowhere"])).status_code == 404


def test_member_exports_neutralise_formulas_with_dates_as_dates_and_absolute_links(
        client, world, m4eg, settings):
    import datetime

    from openpyxl import load_workbook

    settings.HAMAYNK_SITE_URL = "https://hamaynk.example.am"
    Membership.objects.filter(community=world.dilijan).update(since=datetime.date(2026, 3, 2))
    type(world.dilijan).objects.filter(pk=world.dilijan.pk).update(
        name_hy="=cmd|' /C calc'!A0", name_en="@SUM(1+1)")
    response = client.get(reverse("networks:members_export", args=["m4eg", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][:2] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"]
    assert rows[1][5] == "2026-03-02"
    assert rows[1][7].startswith("https://hamaynk.example.am/")
    response = client.get(reverse("networks:members_export", args=["m4eg", "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.freeze_panes == "A2"
    assert [sheet["A2"].value, sheet["B2"].value] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"]
    assert sheet["A2"].data_type == "s"
    assert sheet["F2"].value == datetime.datetime(2026, 3, 2) and sheet["F2"].is_date
    assert sheet["H2"].value.startswith("https://hamaynk.example.am/")


def test_member_directory_lists_by_region_then_name_and_follows_a_renamed_community(
        client, world, m4eg):
    url = reverse("networks:members", args=["m4eg"])
    Membership.objects.create(network=m4eg, community=world.akunk, status="junior")
    later = CommunityFactory.create(region=world.tavush, name_hy="Իջևան", name_en="Ijevan")
    Membership.objects.create(network=m4eg, community=later, status="member")

    def order():
        page = client.get(url, {"page": 1}).context["page_obj"]
        return [m.community.name_en for m in page]

    assert order() == ["Akunk", "Dilijan", "Ijevan"]  # AM-KT, then AM-TV by Armenian name
    later.name_hy = "Բերդ"  # renamed: now before Դիլիջան
    later.save()
    assert order() == ["Akunk", "Ijevan", "Dilijan"]
    world.akunk.region = world.tavush  # moved to another region: listed and filtered there
    world.akunk.save()
    assert [m.community.name_en for m in client.get(url, {"region": "AM-TV"}).context[
        "page_obj"]] == ["Akunk", "Ijevan", "Dilijan"]
    assert not client.get(url, {"region": "AM-KT"}).context["page_obj"].object_list


def test_rejecting_a_membership_application_asks_to_confirm(client, world, ready_application):
    from hamaynk.networks import services

    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None, typed_name=world.head.full_name)
    ready_application.refresh_from_db()
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    url = reverse("networks:application_decide", args=[ready_application.pk])
    data = {"version": ready_application.version, "decision": "reject",
            "message": "Չի համապատասխանում"}
    page = client.post(url, data).content.decode()
    assert "The decision is final" in page and "Չի համապատասխանում" in page
    ready_application.refresh_from_db()
    assert ready_application.status == "submitted"
    client.post(url, {**data, "confirmed": "yes"})
    ready_application.refresh_from_db()
    assert ready_application.status == "rejected"
