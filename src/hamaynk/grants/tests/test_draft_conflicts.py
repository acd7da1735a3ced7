"""Nothing typed is lost: a save made on a version someone else has since changed is refused
(the page keeps the text), the same person's autosaves follow each other, and a double
click on "Add" gives one budget line (issue 12, "Headers and data loss")."""

import re
import threading
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.grants import services
from hamaynk.grants.models import Application, GrantReport
from hamaynk.grants.tests.test_awards import grant, schedule  # noqa: F401
from hamaynk.grants.tests.test_review import in_review  # noqa: F401

pytestmark = pytest.mark.django_db
SAVED_ELSEWHERE = ("Someone else (or you, in another window) saved this after you opened the "
                   "page. Nothing from this page was saved: your text is kept below. Copy what "
                   "you need, reload the page and save again.")
OUT_OF_DATE = ("This page is out of date, so nothing from it was saved: your text is kept "
               "below. Copy what you need, reload the page and save again.")
ANSWERS = {"title": "Ակունքի կոոպերատիվ", "summary": "Առաջին տարբերակ", "months": "12"}


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    client.cookies["hamaynk_language"] = "en"


def section_url(application: Application) -> str:
    return reverse("grants:application_section", args=[application.pk, "project"])


def rendered_version(html: str) -> int:
    """The version carried by the page (or by an autosave's out-of-band update)."""
    tag = re.search(r'<input[^>]*name="draft-version"[^>]*>', html)
    assert tag, "the page carries no version"
    value = re.search(r'value="(\d+)"', tag.group(0))
    assert value
    return int(value.group(1))


# --- application sections: the service -----------------------------------------------------

def test_a_second_save_on_the_same_version_is_refused_and_the_first_text_stays(world, draft):
    seen = draft.version
    saved = services.application_save_section(application=draft, actor=world.staff,
                                              answers=ANSWERS, expected_version=seen)
    assert saved.version == seen + 1
    entries = AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        services.application_save_section(
            application=draft, actor=world.head, expected_version=seen,
            answers={**ANSWERS, "summary": "Երկրորդ տարբերակ"})
    assert str(refused.value.message) == SAVED_ELSEWHERE
    draft.refresh_from_db()
    assert draft.answers["summary"] == "Առաջին տարբերակ" and draft.version == seen + 1
    assert AuditEntry.objects.count() == entries


def test_a_stale_save_that_changes_nothing_is_no_conflict(world, draft):
    """An autosave still in flight when the Save button is pressed carries the same text on
    the old version: there is nothing to lose, so nothing is refused."""
    seen = draft.version
    services.application_save_section(application=draft, actor=world.staff, answers=ANSWERS,
                                      expected_version=seen)
    again = services.application_save_section(application=draft, actor=world.staff,
                                              answers=ANSWERS, expected_version=seen)
    assert again.version == seen + 1


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises whole transactions; the race needs row locks")
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_saves_on_one_version_store_exactly_one(world, draft):
    seen, barrier = draft.version, threading.Barrier(20)
    outcomes: dict[int, str] = {}

    def save(n: int) -> None:
        from django.db import connections

        barrier.wait()
        with translation.override("en"):  # each thread starts in the default language
            try:
                services.application_save_section(
                    application=draft, actor=world.staff, expected_version=seen,
                    answers={**ANSWERS, "summary": f"Տարբերակ {n}"})
                outcomes[n] = "saved"
            except DomainError as exc:
                outcomes[n] = str(exc.message)
            finally:
                connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [n for n, outcome in outcomes.items() if outcome == "saved"]
    assert len(winners) == 1
    assert sorted(set(outcomes.values())) == sorted({"saved", SAVED_ELSEWHERE})
    draft.refresh_from_db()
    assert draft.answers["summary"] == f"Տարբերակ {winners[0]}" and draft.version == seen + 1


# --- application sections: the page --------------------------------------------------------

def test_the_same_persons_consecutive_autosaves_all_succeed(client, world, draft):
    client.force_login(world.staff)
    url = section_url(draft)
    version = rendered_version(client.get(url).content.decode())
    for n in range(4):
        response = client.post(url, {**ANSWERS, "summary": f"Տարբերակ {n}",
                                     "draft-version": version},
                               headers={"HX-Request": "true"})
        html = response.content.decode()
        assert response.status_code == 200 and "Saved at" in html, html
        assert 'hx-swap-oob="true"' in html
        assert rendered_version(html) == version + 1
        version += 1
    draft.refresh_from_db()
    assert draft.answers["summary"] == "Տարբերակ 3" and draft.version == version


def test_a_stale_autosave_is_refused_with_the_message_and_writes_nothing(client, world, draft):
    client.force_login(world.staff)
    url = section_url(draft)
    version = rendered_version(client.get(url).content.decode())
    services.application_save_section(application=draft, actor=world.head, answers=ANSWERS,
                                      expected_version=version)
    response = client.post(url, {**ANSWERS, "summary": "Իմ տեքստը", "draft-version": version},
                           headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert SAVED_ELSEWHERE in html and "Not saved" in html
    assert "Saved at" not in html and "draft-version" not in html  # the version stays stale
    draft.refresh_from_db()
    assert draft.answers["summary"] == "Առաջին տարբերակ"


def test_a_stale_plain_save_shows_the_form_again_with_what_was_typed(client, world, draft):
    client.force_login(world.staff)
    url = section_url(draft)
    version = rendered_version(client.get(url).content.decode())
    services.application_save_section(application=draft, actor=world.head, answers=ANSWERS,
                                      expected_version=version)
    response = client.post(url, {**ANSWERS, "summary": "Իմ երկար տեքստը", "save": "",
                                 "draft-version": version})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [SAVED_ELSEWHERE]
    html = response.content.decode()
    assert "Իմ երկար տեքստը" in html and rendered_version(html) == version
    draft.refresh_from_db()
    assert draft.answers["summary"] == "Առաջին տարբերակ"


def test_a_save_without_the_pages_version_is_refused(client, world, draft):
    client.force_login(world.staff)
    for version in ({}, {"draft-version": "²"}, {"draft-version": "9" * 5000}):
        response = client.post(section_url(draft), {**ANSWERS, **version})
        assert response.status_code == 200
        assert response.context["form"].non_field_errors() == [OUT_OF_DATE]
    draft.refresh_from_db()
    assert draft.answers == {}
# --- the budget table ----------------------------------------------------------------------

def budget_form(client, application):
    response = client.get(reverse("grants:application_budget", args=[application.pk]))
    token = response.context["form"]["client_token"].value()
    assert token and f'value="{token}"' in response.content.decode()
    return token


def line_data(application, token):
    return {"category": application.call.budget_categories.first().pk,
            "description": "Սարքավորումներ", "requested": "12000", "own_contribution": "1500",
            "client_token": token}


def test_posting_the_same_add_form_twice_gives_one_line(client, world, draft):
    client.force_login(world.staff)
    url = reverse("grants:application_budget", args=[draft.pk])
    data = line_data(draft, budget_form(client, draft))
    first, second = client.post(url, data), client.post(url, data)  # a double click
    assert first.status_code == second.status_code == 302
    draft.refresh_from_db()
    assert draft.budget_lines.count() == 1 and draft.amount_requested == Decimal("12000")
    assert AuditEntry.objects.filter(action="grants.application.budget_changed").count() == 1


def test_two_different_adds_with_the_same_values_give_two_lines(client, world, draft):
    client.force_login(world.staff)
    url = reverse("grants:application_budget", args=[draft.pk])
    first, second = budget_form(client, draft), budget_form(client, draft)
    assert first != second
    client.post(url, line_data(draft, first))
    client.post(url, line_data(draft, second))
    draft.refresh_from_db()
    assert draft.budget_lines.count() == 2 and draft.amount_requested == Decimal("24000")


def test_a_used_token_returns_the_line_it_added(world, draft):
    token, category = uuid.uuid4(), draft.call.budget_categories.first()
    values = {"application": draft, "actor": world.staff, "category": category,
              "description": "Սարքեր", "requested": Decimal("100"),
              "own_contribution": Decimal("0"), "client_token": token}
    line = services.budget_line_save(**values)
    assert services.budget_line_save(**values).pk == line.pk
    assert draft.budget_lines.get().client_token == token




@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises whole transactions; the race needs row locks")
@pytest.mark.django_db(transaction=True)
def test_five_parallel_posts_of_one_add_form_give_one_line(world, draft):
    token, barrier = uuid.uuid4(), threading.Barrier(5)
    category = draft.call.budget_categories.first()
    lines: list[int] = []

    def add() -> None:
        from django.db import connections

        try:
            barrier.wait()
            lines.append(services.budget_line_save(
                application=draft, actor=world.staff, category=category, description="Սարքեր",
                requested=Decimal("100"), own_contribution=Decimal("0"), client_token=token).pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(lines) == 5 and len(set(lines)) == 1
    draft.refresh_from_db()
    assert draft.budget_lines.count() == 1 and draft.amount_requested == Decimal("100")
# --- grant reports ----------------------------------------------------------------------------

@pytest.fixture
def report(world, grant) -> GrantReport:  # noqa: F811
    return schedule(world, grant)[1].report


def test_a_stale_report_save_is_refused_and_keeps_the_first_text(world, report):
    seen = report.version
    services.report_save(report=report, actor=world.staff, answers={"progress": "Առաջին"},
                         expected_version=seen)
    with pytest.raises(DomainError) as refused:
        services.report_save(report=report, actor=world.head, answers={"progress": "Երկրորդ"},
                             expected_version=seen)
    assert str(refused.value.message) == SAVED_ELSEWHERE
    report.refresh_from_db()
    assert report.answers == {"progress": "Առաջին"} and report.version == seen + 1


def test_a_stale_report_page_shows_the_form_again_with_what_was_typed(client, world, report):
    client.force_login(world.staff)
    url = reverse("grants:report", args=[report.pk])
    version = rendered_version(client.get(url).content.decode())
    services.report_save(report=report, actor=world.head, answers={"progress": "Առաջին"},
                         expected_version=version)
    response = client.post(url, {"progress": "Իմ հաշվետվությունը", "submit": "1",
                                 "draft-version": version})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [SAVED_ELSEWHERE]
    assert "Իմ հաշվետվությունը" in response.content.decode()
    report.refresh_from_db()
    assert report.answers == {"progress": "Առաջին"} and report.status == "due"


def test_a_report_saved_but_not_yet_complete_keeps_its_page_current(client, world, report):
    """"Submit" saves, then finds the report incomplete: the page shown again carries the
    saved version, so the next save from it is no conflict with oneself."""
    form = report.form_version
    form.definition["sections"].append({"key": "money", "title_hy": "Ծախսեր", "questions": [
        {"key": "spent", "type": "long_text", "required": True, "label_hy": "Ծախսեր"}]})
    form.save()
    client.force_login(world.staff)
    url = reverse("grants:report", args=[report.pk])
    version = rendered_version(client.get(url).content.decode())
    refused = client.post(url, {"progress": "Առաջին", "submit": "1", "draft-version": version})
    assert refused.status_code == 200 and rendered_version(refused.content.decode()) == version + 1
    again = client.post(url, {"progress": "Երկրորդ", "draft-version": version + 1})
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.answers == {"progress": "Երկրորդ"} and report.status == "due"
