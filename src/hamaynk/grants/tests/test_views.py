import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.grants import services
from hamaynk.grants.models import Application, Call
from hamaynk.grants.tests.conftest import call_values, fill
from hamaynk.tests_support import ROLES, CommunityFactory

pytestmark = pytest.mark.django_db


def get(client, world, role, url):
    client.logout()
    if world.people()[role] is not None:
        client.force_login(world.people()[role])
    return client.get(url).status_code


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, draft, role):
    hidden = services.call_create(network=world.network, actor=world.secretariat,
                                  **call_values(slug="draft-call"))
    akunk = {"staff", "head", "secretariat"}
    cases = [
        (reverse("grants:calls"), set(ROLES), 200),
        (draft.call.get_absolute_url(), set(ROLES), 200),
        (hidden.get_absolute_url(), {"secretariat"}, 404),
        (reverse("grants:call_edit", args=[draft.call.slug]), {"secretariat"}, 404),
        (reverse("grants:call_form", args=[draft.call.slug]), {"secretariat"}, 404),
        (reverse("grants:call_applications", args=[draft.call.slug]), {"secretariat"}, 404),
        (reverse("grants:call_create", args=["m4eg"]), {"secretariat"}, 404),
        (draft.get_absolute_url(), akunk, 404),
        (reverse("grants:application_section", args=[draft.pk, "project"]), akunk, 404),
        (reverse("grants:application_budget", args=[draft.pk]), akunk, 404),
        (reverse("grants:application_pdf", args=[draft.pk]), akunk, 404),
    ]
    for url, allowed, denied in cases:
        status = get(client, world, role, url)
        want = 200 if role in allowed else denied
        if role == "anonymous" and want == 404 and url != hidden.get_absolute_url():
            want = 302
        assert status == want, (role, url, status)


def test_the_section_page_saves_and_continues(client, world, draft):
    client.cookies["hamaynk_language"] = "en"
    client.force_login(world.staff)
    url = reverse("grants:application_section", args=[draft.pk, "project"])
    version = {"draft-version": draft.version}
    response = client.post(url, {"title": "Կոոպերատիվ", "summary": "", "months": "99",
                                 **version})
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"months"}
    response = client.post(url, {"title": "Կոոպերատիվ", "summary": "Ամփոփ", "months": "12",
                                 **version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Կոոպերատիվ" and draft.answers["months"] == "12"
    saved = client.post(url, {"title": "Կոոպերատիվ 2", "summary": "Ամփոփ", "months": "12",
                              "draft-version": draft.version}, headers={"HX-Request": "true"})
    assert saved.status_code == 200 and b"<html" not in saved.content
    assert b"Saved at" in saved.content
    invalid = client.post(url, {"title": "", "summary": "Ամփոփ", "months": "99",
                                "draft-version": draft.version + 1},
                          headers={"HX-Request": "true"})  # the fields' errors, not the page
    assert b"<html" not in invalid.content and b"Not saved." in invalid.content


def test_budget_page_adds_and_removes_lines(client, world, draft):
    client.force_login(world.staff)
    url = reverse("grants:application_budget", args=[draft.pk])
    category = draft.call.budget_categories.first()
    response = client.post(url, {"category": category.pk, "description": "Սարքեր",
                                 "requested": "-5", "own_contribution": "0"})
    assert response.status_code == 200 and response.context["form"].errors
    client.post(url, {"category": category.pk, "description": "Սարքեր",
                      "requested": "12000", "own_contribution": "1500"})
    draft.refresh_from_db()
    assert draft.amount_requested == 12000
    line = draft.budget_lines.get()
    client.post(url, {"delete": line.pk})
    draft.refresh_from_db()
    assert draft.amount_requested == 0


def test_head_submits_from_the_overview(client, world, draft):
    application = fill(world, draft)
    client.force_login(world.head)
    url = reverse("grants:application_submit", args=[application.pk])
    asked = client.post(url, {"version": application.version})  # first, what happens next
    assert asked.status_code == 200 and 'name="confirmed" value="yes"' in asked.content.decode()
    application.refresh_from_db()
    assert application.status == "draft"
    response = client.post(url, {"version": application.version, "confirmed": "yes"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    pdf = client.get(reverse("grants:application_pdf", args=[application.pk]))
    assert pdf["Content-Type"] == "application/pdf"


def test_secretariat_creates_a_call_in_the_network_time_zone(client, world):
    client.force_login(world.secretariat)
    data = {**call_values(slug="innovation"), "kind": "innovation",
            "opens_at": "2026-12-01T09:00:00", "closes_at": "2027-01-31T23:59:59",
            "eligible_countries": ["AM"], "eligible_statuses": []}
    response = client.post(reverse("grants:call_create", args=["m4eg"]), data)
    assert response.status_code == 302, response.context["form"].errors
    call = Call.objects.get(slug="innovation")
    assert call.closes_at.isoformat() == "2027-01-31T19:59:59+00:00"  # 23:59:59 in Yerevan


def test_secretariat_builds_the_form_in_the_browser_form(client, world):
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="built"))
    client.force_login(world.secretariat)
    url = reverse("grants:call_form_question", args=["built", "project"])
    response = client.post(url, {"key": "partners_involved", "type": "yes_no",
                                 "label_hy": "Գործընկերներ կա՞ն", "required": "on"})
    assert response.status_code == 302
    response = client.post(url, {"key": "partners", "type": "long_text",
                                 "label_hy": "Գործընկերները", "required": "on",
                                 "show_if_question": "partners_involved",
                                 "show_if_value": "այո"})
    assert response.status_code == 302
    questions = call.current_form.definition["sections"][0]["questions"]
    assert questions[-1]["show_if"] == {"question": "partners_involved", "equals": True}
    response = client.post(url, {"key": "Bad Key", "type": "short_text", "label_hy": "x"})
    assert response.status_code == 200 and "key" in response.context["form"].errors


def test_call_list_pages_have_fixed_query_counts(client, world, draft):
    client.force_login(world.secretariat)

    def count(url):
        counts.changed_all()  # each list counts its rows, as after any change
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    fill(world, draft)
    services.application_submit(application=draft, actor=world.head, expected_version=None)
    urls = [reverse("grants:calls"), reverse("grants:manage"),
            reverse("grants:call_applications", args=[draft.call.slug]),
            reverse("grants:call_applications", args=[draft.call.slug]) + "?q=project"]
    [count(u) for u in urls]  # warm: the filter choices are cached after one page
    before = [count(u) for u in urls]
    for i in range(30):
        community = CommunityFactory(region=world.kotayk)
        Application.objects.create(call=draft.call, community=community, status="submitted",
                                   form_version=draft.form_version, title=f"Project {i}")
        services.call_create(network=world.network, actor=world.secretariat,
                             **call_values(slug=f"call-{i}"))
    assert [count(u) for u in urls] == before


def test_secretariat_publishes_call_documents(client, world, open_call):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamaynk.tests_support import pdf_bytes

    url = reverse("grants:call_documents", args=[open_call.slug])
    pdf = SimpleUploadedFile("guidelines.pdf", pdf_bytes(), "application/pdf")
    client.force_login(world.head)
    assert client.post(url, {"title_hy": "Ուղեցույց", "file": pdf}).status_code == 404
    client.force_login(world.secretariat)
    fake = SimpleUploadedFile("guidelines.pdf", b"MZ not a pdf", "application/pdf")
    refused = client.post(url, {"title_hy": "Ուղեցույց", "file": fake})
    assert refused.status_code == 200  # the call's page again, the refusal beside the file
    assert "թույլատրելի չէ" in " ".join(refused.context["document_form"].errors["file"])
    assert 'value="Ուղեցույց"' in refused.content.decode()  # the title typed is kept
    assert not open_call.documents.exists()
    untitled = client.post(url, {"title_hy": "", "file": fake})
    assert untitled.context["document_form"].errors["title_hy"]
    pdf.seek(0)
    client.post(url, {"title_hy": "Ուղեցույց", "file": pdf})
    document = open_call.documents.get()
    client.logout()
    assert client.get(reverse("file", args=[document.file.pk])).status_code == 200
    assert "Ուղեցույց" in client.get(open_call.get_absolute_url()).content.decode()


def test_application_filter_keeps_what_was_asked_and_says_what_is_wrong(client, world, draft,
                                                                          settings):
    client.force_login(world.secretariat)
    url = reverse("grants:call_applications", args=[draft.call.slug])
    assert 'value="waste"' in client.get(url, {"q": "waste"}).content.decode()
    assert 'value="water"' in client.get(url, {"q": "water"}).content.decode()
    page = client.get(url, {"q": "water", "page": "2"}).content.decode()
    assert 'value="water"' in page  # the same fields for every page of one search
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "hy"})
    armenian = client.get(url, {"min_score": "many"}).content.decode()
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    english = client.get(url, {"min_score": "many"}).content.decode()
    assert "Մուտքագրեք թիվ" in armenian  # the error beside the field, in each language
    assert "Enter a number." in english and "Մուտքագրեք թիվ" not in english
