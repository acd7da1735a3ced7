import copy
import csv
import datetime
import inspect
import io
import json
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from hamaynk.grants import opendata
from hamaynk.grants.models import Application, Call, FormVersion, Grant
from hamaynk.grants.tests.conftest import call_values
from hamaynk.questionnaires.schema import empty_definition
from hamaynk.tests_support import CommunityFactory, NetworkFactory, RegionFactory

UTC = datetime.UTC


def make_call(network, **overrides):
    call = Call.objects.create(network=network, **call_values(**overrides))
    FormVersion.objects.create(call=call, number=1, definition=empty_definition())
    return call


def make_grant(call, community, *, amount, currency, title="", answers=None,
               awarded_at=None, status=Grant.Status.ACTIVE):
    application = Application.objects.create(
        call=call, community=community, form_version=call.form_versions.get(),
        status="submitted", title=title, answers=answers or {})
    return Grant.objects.create(
        application=application, call=call, community=community, amount=Decimal(amount),
        currency=currency, status=status,
        awarded_at=awarded_at or datetime.datetime(2026, 5, 4, 9, 0, tzinfo=UTC))


@pytest.fixture
def three_grants(db):
    network = NetworkFactory()
    kotayk = RegionFactory(code="AM-KT", name_hy="Կոտայք", name_en="Kotayk")
    tavush = RegionFactory(code="AM-TV", name_hy="Տավուշ", name_en="")
    akunk = CommunityFactory(region=kotayk, name_hy="Ակունք", name_en="Akunk")
    garni = CommunityFactory(region=kotayk, name_hy="Գառնի", name_en="")
    dilijan = CommunityFactory(region=tavush, name_hy="Դիլիջան", name_en="Dilijan")
    seed = make_call(network, slug="seed-2026", currency="AMD",
                     description_hy="Մեկնարկային դրամաշնորհների մրցույթ")
    scaling = make_call(network, slug="scaling-2026", kind="scaling", currency="EUR",
                        title_hy="Ընդլայնման դրամաշնորհներ", title_en="")
    return [
        # Late on 31 March in UTC is already 1 April in Yerevan, where the network works.
        make_grant(seed, akunk, amount="1234567.00", currency="AMD",
                   title="Ակունքի գյուղատնտեսական կոոպերատիվ",
                   answers={"summary": "Սառնարան և տեսակավորման գիծ"},
                   awarded_at=datetime.datetime(2026, 3, 31, 22, 30, tzinfo=UTC)),
        make_grant(seed, garni, amount="15000.50", currency="EUR",
                   status=Grant.Status.TERMINATED),
        make_grant(scaling, dilijan, amount="20000", currency="USD",
                   title="Dilijan crafts hub", answers={"summary": "  "}),
    ]


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validation tried to fetch something")

    monkeypatch.setattr("urllib.request.urlopen", refuse)


def records_by_id(data):
    return {record["id"]: record for record in data["grants"]}


def test_the_queryset_publishes_every_grant_terminated_included(three_grants):
    assert list(opendata.awarded_grants_queryset()) == three_grants


def test_a_package_of_three_grants_validates_offline_and_streams_the_same(three_grants,
                                                                          offline):
    qs = opendata.awarded_grants_queryset()
    data = opendata.package(qs)

    assert opendata.validate_package(data) == []
    assert {record["currency"] for record in data["grants"]} == {"AMD", "EUR", "USD"}
    assert data["version"] == "1.4"
    assert json.loads("".join(opendata.iter_json_package(qs))) == data


def test_a_record_maps_the_grant_call_community_and_network(three_grants):
    akunk, garni, dilijan = three_grants
    data = opendata.package(opendata.awarded_grants_queryset())
    records = records_by_id(data)

    first = records[f"360G-hamaynk-{akunk.pk}"]
    assert first == {
        "id": f"360G-hamaynk-{akunk.pk}",
        "title": "Seed grants: Akunk",
        "description": "Սառնարան և տեսակավորման գիծ",
        "currency": "AMD",
        "amountAwarded": 1234567,
        "awardDate": "2026-04-01",
        "recipientOrganization": [{"id": f"360G-hamaynk-COMMUNITY-{akunk.community_id}",
                                   "name": "Akunk (Ակունք)"}],
        "fundingOrganization": [{"id": "360G-hamaynk-NETWORK-m4eg",
                                 "name": "Mayors for Economic Growth"}],
        "beneficiaryLocation": [{"name": "Kotayk (Կոտայք)", "countryCode": "AM",
                                 "geoCode": "AM-KT", "geoCodeType": "ISO3166-2"}],
        "grantProgramme": [{"code": "seed-2026", "title": "Seed grants"}],
        "dateModified": akunk.updated_at.astimezone(UTC).isoformat(timespec="seconds"),
    }
    assert isinstance(first["amountAwarded"], int)

    # No project title or summary: the call's title and (Armenian-only) description.
    second = records[f"360G-hamaynk-{garni.pk}"]
    assert second["title"] == "Seed grants: Գառնի"
    assert second["description"] == "Մեկնարկային դրամաշնորհների մրցույթ"
    assert second["amountAwarded"] == 15000.5
    assert second["recipientOrganization"][0]["name"] == "Գառնի"
    assert second["awardDate"] == "2026-05-04"

    # A blank summary and a call without a description or an English title: the project's
    # own title, and a sentence rather than a copy of it.
    third = records[f"360G-hamaynk-{dilijan.pk}"]
    assert third["title"] == "Dilijan crafts hub"
    assert third["description"] == ("A grant to Dilijan under the call"
                                     " \u201cԸնդլայնման դրամաշնորհներ\u201d.")
    assert third["grantProgramme"] == [{"code": "scaling-2026",
                                        "title": "Ընդլայնման դրամաշնորհներ"}]
    assert third["beneficiaryLocation"][0]["name"] == "Տավուշ"


def test_english_titles_and_summaries_are_published_where_the_application_has_them(db):
    network = NetworkFactory()
    call = make_call(network, description_hy="Մրցույթի նկարագրություն",
                     description_en="A call for seed projects")
    grant = make_grant(call, CommunityFactory(name_en="Akunk"), amount="5000", currency="AMD",
                       title="Սառնարան",
                       answers={"title": "Սառնարան", "title_en": "A cold store",
                                "summary": "Սառնարան և տեսակավորման գիծ",
                                "summary_en": "A cold store and a sorting line"})
    record = opendata.grant_record(opendata.awarded_grants_queryset().get(pk=grant.pk))
    assert (record["title"], record["description"]) == ("A cold store",
                                                        "A cold store and a sorting line")


def test_the_description_is_never_a_copy_of_the_title(db):
    """The demo's summaries once repeated the title: the call's description is used then."""
    call = make_call(NetworkFactory(), title_en="", description_en="A call for seed projects")
    grant = make_grant(call, CommunityFactory(), amount="5000", currency="AMD",
                       title="Սառնարան", answers={"title": "Սառնարան", "summary": "Սառնարան"})
    record = opendata.grant_record(opendata.awarded_grants_queryset().get(pk=grant.pk))
    assert record["title"] == "Սառնարան"
    assert record["description"] == "A call for seed projects"
    # nor a copy of the project's Armenian title under the call's English one
    english = make_call(NetworkFactory(), slug="other", description_en="Seed projects")
    grant = make_grant(english, CommunityFactory(name_en="Akunk"), amount="5000",
                       currency="AMD", title="Սառնարան",
                       answers={"title": "Սառնարան", "summary": "Սառնարան"})
    record = opendata.grant_record(opendata.awarded_grants_queryset().get(pk=grant.pk))
    assert (record["title"], record["description"]) == ("Seed grants: Akunk", "Seed projects")


def test_the_record_does_not_depend_on_the_active_language(three_grants):
    qs = opendata.awarded_grants_queryset()
    english = opendata.package(qs)
    with translation.override("hy"):
        assert opendata.package(qs) == english


def test_the_prefix_comes_from_the_setting(three_grants, settings):
    settings.HAMAYNK_360_PREFIX = "360G-test"
    record = opendata.package(opendata.awarded_grants_queryset())["grants"][0]

    assert record["id"] == f"360G-test-{three_grants[0].pk}"
    assert record["recipientOrganization"][0]["id"].startswith("360G-test-COMMUNITY-")
    assert record["fundingOrganization"][0]["id"] == "360G-test-NETWORK-m4eg"


def test_package_metadata_is_added_and_streamed(three_grants, offline):
    qs = opendata.awarded_grants_queryset()
    metadata = {"publisher": {"name": "Hamaynk"}, "issued": "2026-06-01",
                "license": "https://creativecommons.org/licenses/by/4.0/"}
    data = opendata.package(qs, metadata=metadata)

    assert opendata.validate_package(data) == []
    assert json.loads("".join(opendata.iter_json_package(qs, metadata=metadata))) == data
    with pytest.raises(ValueError):
        opendata.package(qs, metadata={"grants": []})


def test_invalid_records_are_reported_readably(three_grants, offline):
    data = opendata.package(opendata.awarded_grants_queryset())
    broken = copy.deepcopy(data)
    del broken["grants"][0]["currency"]
    broken["grants"][1]["currency"] = "XYZ"
    broken["grants"][2]["awardDate"] = "2026-13-01"

    messages = opendata.validate_package(broken)

    assert "$.grants[0]: 'currency' is a required property" in messages
    assert "$.grants[1].currency: 'XYZ' is not an allowed value" in messages
    assert any(m.startswith("$.grants[2].awardDate") for m in messages)
    # The closest oneOf branch is reported, not the grant-to-an-individual one.
    assert not any("recipientIndividual" in m for m in messages)


def test_repeated_grant_identifiers_are_reported(three_grants, offline):
    data = opendata.package(opendata.awarded_grants_queryset())
    data["grants"][2]["id"] = data["grants"][0]["id"]

    assert opendata.validate_package(data) == [
        f"$.grants[2].id: {data['grants'][0]['id']!r} is used by an earlier grant"]
    assert opendata.validate_package({"grants": data["grants"][:1] * 2}) == [
        "$.grants: contains identical items",
        f"$.grants[1].id: {data['grants'][0]['id']!r} is used by an earlier grant"]


def test_dates_and_date_times_are_both_accepted(three_grants, offline):
    data = opendata.package(opendata.awarded_grants_queryset())
    data["grants"][0]["awardDate"] = "2026-04-01T10:00:00+04:00"
    assert opendata.validate_package(data) == []

    data["grants"][0]["dateModified"] = "yesterday"
    assert opendata.validate_package(data) != []


def test_an_empty_package_is_not_valid_360giving(db, offline):
    assert opendata.validate_package({"grants": []})
    assert json.loads("".join(opendata.iter_json_package(
        opendata.awarded_grants_queryset()))) == {"version": "1.4", "grants": []}


def test_csv_has_the_flattened_headings_then_one_row_per_grant(three_grants):
    rows = list(opendata.iter_csv_rows(opendata.awarded_grants_queryset()))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    parsed = list(csv.DictReader(io.StringIO(buffer.getvalue())))

    assert rows[0] == list(opendata.CSV_COLUMNS)
    assert rows[0][:6] == ["Identifier", "Title", "Description", "Currency",
                           "Amount Awarded", "Award Date"]
    assert len(parsed) == 3
    first, second, third = parsed
    assert first["Title"] == "Seed grants: Akunk"
    assert first["Recipient Org:Name"] == "Akunk (Ակունք)"
    assert first["Amount Awarded"] == "1234567"
    assert second["Amount Awarded"] == "15000.50"
    assert third["Amount Awarded"] == "20000"
    assert first["Beneficiary Location:0:Geographic Code"] == "AM-KT"
    assert first["Beneficiary Location:0:Geographic Code Type"] == "ISO3166-2"
    assert first["Grant Programme:0:Code"] == "seed-2026"
    assert first["Funding Org:Identifier"] == "360G-hamaynk-NETWORK-m4eg"
    assert first["Award Date"] == "2026-04-01"

    records = opendata.package(opendata.awarded_grants_queryset())["grants"]
    assert [row["Identifier"] for row in parsed] == [r["id"] for r in records]
    assert [row["Last Modified"] for row in parsed] == [r["dateModified"] for r in records]


def test_streaming_reads_the_queryset_in_chunks(three_grants):
    qs = opendata.awarded_grants_queryset()
    original = QuerySet.iterator
    with mock.patch.object(QuerySet, "iterator", autospec=True,
                           side_effect=original) as spy:
        chunks = opendata.iter_json_package(qs)
        assert inspect.isgenerator(chunks)
        assert spy.call_count == 0  # nothing read until the response is consumed
        text = "".join(chunks)
        rows = list(opendata.iter_csv_rows(qs))

    assert [c.kwargs for c in spy.call_args_list] == [{"chunk_size": 500}] * 2
    assert len(json.loads(text)["grants"]) == 3
    assert len(rows) == 4


def count_queries(qs):
    with CaptureQueriesContext(connection) as ctx:
        for _ in opendata.iter_json_package(qs):
            pass
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_grants(db):
    network = NetworkFactory()
    region = RegionFactory(code="AM-KT", name_hy="Կոտայք", name_en="Kotayk")
    call = make_call(network, currency="AMD")
    make_grant(call, CommunityFactory(region=region), amount="1000", currency="AMD")
    one = count_queries(opendata.awarded_grants_queryset())

    for _ in range(19):
        make_grant(call, CommunityFactory(region=region), amount="1000", currency="AMD")
    twenty = count_queries(opendata.awarded_grants_queryset())

    assert one == twenty == 1
