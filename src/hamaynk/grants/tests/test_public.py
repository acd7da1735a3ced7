import csv
import io
import json

import pytest
from django.urls import reverse

from hamaynk.grants import opendata, services
from hamaynk.grants.tests.test_review import in_review  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def awarded(world, in_review):  # noqa: F811
    services.determination_record(application=in_review, actor=world.secretariat,
                                  outcome="award", amount=15000, reason="Լավ")
    return in_review


def test_public_awards_page_and_open_data(client, awarded):
    response = client.get(reverse("grants:awards"))
    assert [g.application for g in response.context["page_obj"]] == [awarded]
    body = b"".join(client.get(reverse("grants:awards_export", args=["json"]))
                    .streaming_content).decode()
    data = json.loads(body)
    assert opendata.validate_package(data) == []
    assert data["grants"][0]["amountAwarded"] == 15000
    rows = list(csv.reader(io.StringIO(b"".join(client.get(
        reverse("grants:awards_export", args=["csv"])).streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Identifier" and len(rows) == 2


def test_staff_exports_of_applications(client, world, awarded):
    url = reverse("grants:applications_export", args=[awarded.call.slug, "csv"])
    assert client.get(url).status_code == 302
    client.force_login(world.head)
    assert client.get(url).status_code == 404
    client.force_login(world.secretariat)
    rows = list(csv.reader(io.StringIO(b"".join(client.get(url).streaming_content)
                                       .decode("utf-8-sig"))))
    assert rows[1][0] == "Ակունք" and len(rows) == 2
    xlsx = client.get(reverse("grants:applications_export", args=[awarded.call.slug, "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.max_row == 2


def test_api_calls_awards_and_my_applications(client, world, awarded, draft):
    calls = client.get("/api/calls").json()["items"]
    assert calls[0]["slug"] == awarded.call.slug and calls[0]["max_award"] == "20000.00"
    awards = client.get("/api/awards").json()["items"]
    assert awards[0]["community_hy"] == "Ակունք" and awards[0]["amount"] == "15000.00"
    assert client.get("/api/me/grant-applications").status_code == 401
    client.force_login(world.staff)
    mine = client.get("/api/me/grant-applications").json()["items"]
    assert [a["status"] for a in mine] == ["awarded"]
    client.force_login(world.other_head)
    assert client.get("/api/me/grant-applications").json()["items"] == []



HOSTILE_TITLE = '=HYPERLINK("http://x","y")'


def test_application_exports_neutralise_formulas_and_keep_numbers_and_dates(
        client, world, awarded):
    import datetime

    from openpyxl import load_workbook

    type(awarded).objects.filter(pk=awarded.pk).update(title=HOSTILE_TITLE)
    client.force_login(world.secretariat)
    url = reverse("grants:applications_export", args=[awarded.call.slug, "csv"])
    rows = list(csv.reader(io.StringIO(b"".join(client.get(url).streaming_content)
                                       .decode("utf-8-sig"))))
    assert rows[1][2] == "'" + HOSTILE_TITLE
    xlsx = client.get(reverse("grants:applications_export", args=[awarded.call.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.freeze_panes == "A2"
    title, amount, submitted = sheet["C2"], sheet["E2"], sheet["K2"]
    assert (title.value, title.data_type) == ("'" + HOSTILE_TITLE, "s")
    assert amount.data_type == "n" and amount.value == awarded.amount_requested
    assert isinstance(submitted.value, datetime.datetime) and submitted.is_date
    assert submitted.number_format == "yyyy-mm-dd hh:mm"
