"""File answers are references to stored files: stored by the save services (a refused save
stores nothing), shown as a link for whoever may open the file and as its name otherwise."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamaynk.core.errors import DomainError
from hamaynk.core.models import StoredFile
from hamaynk.core.workflow import StaleVersion
from hamaynk.grants import copies, services
from hamaynk.grants.models import Call, Grant
from hamaynk.grants.tests.conftest import call_values, fill
from hamaynk.grants.tests.test_awards import grant, schedule  # noqa: F401
from hamaynk.grants.tests.test_review import in_review  # noqa: F401
from hamaynk.questionnaires.answers import answers_for_display
from hamaynk.tests_support import pdf_bytes

pytestmark = pytest.mark.django_db


def upload(name="letter.pdf"):
    return SimpleUploadedFile(name, pdf_bytes())


@pytest.fixture
def letters_call(world) -> Call:
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="letters"))
    for key, label in (("letter", "Support letter"), ("plan", "Site plan")):
        services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                    question={"key": key, "type": "file", "label_hy": "Նամակ",
                                              "label_en": label})
    return services.call_move(call=call, actor=world.secretariat, target="open")


@pytest.fixture
def with_letter(world, letters_call):
    draft = services.application_start(call=letters_call, community=world.akunk,
                                       actor=world.staff)
    application = fill(world, draft)
    return services.application_save_section(
        application=application, actor=world.staff, answers={},
        uploads={"letter": upload("support letter.pdf")},
        expected_version=application.version)


def stored_letter(application) -> StoredFile:
    return StoredFile.objects.get(pk=application.answers["letter"]["file_id"])


def test_the_save_service_stores_the_upload_for_its_application(world, with_letter):
    stored = stored_letter(with_letter)
    assert stored.owner == with_letter
    assert with_letter.answers["letter"]["name"] == "support letter.pdf"


def test_a_save_refused_for_a_stale_version_stores_no_file(world, with_letter):
    before = StoredFile.objects.count()
    with pytest.raises(StaleVersion):
        services.application_save_section(
            application=with_letter, actor=world.staff, answers={},
            uploads={"plan": upload("plan.pdf")}, expected_version=with_letter.version - 1)
    assert StoredFile.objects.count() == before


def test_a_save_refused_for_a_closed_call_stores_no_file(world, with_letter):
    Call.objects.filter(pk=with_letter.call_id).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1))
    with_letter.refresh_from_db()
    before = StoredFile.objects.count()
    with pytest.raises(DomainError, match="closed"):
        services.application_save_section(
            application=with_letter, actor=world.staff, answers={},
            uploads={"plan": upload("plan.pdf")}, expected_version=with_letter.version)
    assert StoredFile.objects.count() == before


def test_a_posted_section_that_is_out_of_date_stores_no_file(client, world, with_letter):
    client.force_login(world.staff)
    before = StoredFile.objects.count()
    response = client.post(reverse("grants:application_section",
                                   args=[with_letter.pk, "project"]), {
        "title": "Changed", "summary": "Changed", "months": "12",
        "draft-version": str(with_letter.version - 1), "plan": upload("plan.pdf")})
    assert response.status_code == 200
    assert StoredFile.objects.count() == before


def test_the_application_page_links_the_file_for_its_community(client, world, with_letter):
    client.force_login(world.staff)
    page = client.get(with_letter.get_absolute_url()).content.decode()
    assert f'href="{reverse("file", args=[stored_letter(with_letter).pk])}"' in page
    assert "support letter.pdf" in page and "file_id" not in page


def test_a_reader_who_may_not_open_the_file_sees_its_name_only(world, with_letter):
    sections = answers_for_display(with_letter.form_version.parsed, with_letter.answers,
                                   language="en", user=world.other_head)
    row = next(r for s in sections for r in s.rows if r.key == "letter")
    assert row.file is not None and row.file.name == "support letter.pdf"
    assert row.file.url == ""


def test_all_file_answers_of_a_page_are_read_in_one_query(world, with_letter):
    def queries_for(application, user):
        with CaptureQueriesContext(connection) as queries:
            sections = answers_for_display(application.form_version.parsed,
                                           application.answers, language="en", user=user)
        return len(queries), {r.file.name for s in sections for r in s.rows if r.file}

    queries_for(with_letter, world.staff)  # what the user's permissions keep once
    one_file = queries_for(with_letter, world.staff)
    application = services.application_save_section(
        application=with_letter, actor=world.staff, answers={},
        uploads={"plan": upload("plan.pdf")}, expected_version=with_letter.version)
    two_files = queries_for(application, world.staff)
    assert two_files == (one_file[0], {"support letter.pdf", "plan.pdf"})
    assert queries_for(application, None) == (1, {"support letter.pdf", "plan.pdf"})


def test_the_submission_copy_links_the_file_absolutely_for_its_reader(world, with_letter,
                                                                      settings):
    settings.HAMAYNK_SITE_URL = "https://hamaynk.example"
    sections = copies.answers_for_display(with_letter, "en", user=world.head, absolute=True)
    row = next(r for s in sections for r in s.rows if r.key == "letter")
    assert row.file is not None
    assert row.file.url == ("https://hamaynk.example"
                            + reverse("file", args=[stored_letter(with_letter).pk]))


def test_a_reviewer_without_a_conflict_opens_the_applications_file(client, world, with_letter):
    services.application_submit(application=with_letter, actor=world.head,
                                expected_version=None)
    services.screening_record(application=with_letter, actor=world.secretariat,
                              checks=[{"code": "complete", "label": "ok", "ok": True}])
    review = services.review_assign(application=with_letter, reviewer=world.reviewer,
                                    actor=world.secretariat)
    services.review_declare(review=review, actor=world.reviewer, conflict=False)
    file_url = reverse("file", args=[stored_letter(with_letter).pk])
    client.force_login(world.reviewer)
    page = client.get(reverse("grants:review", args=[review.pk])).content.decode()
    assert f'href="{file_url}"' in page and "file_id" not in page
    assert client.get(file_url).status_code == 200
    client.force_login(world.other_head)
    assert client.get(file_url).status_code == 404


def test_the_report_page_shows_the_evidence_as_a_link(client, world, with_letter):
    services.application_submit(application=with_letter, actor=world.head,
                                expected_version=None)
    services.screening_record(application=with_letter, actor=world.secretariat,
                              checks=[{"code": "complete", "label": "ok", "ok": True}])
    services.determination_record(application=with_letter, actor=world.secretariat,
                                  outcome="award", amount=Decimal("12000"), reason="ok")
    report = schedule(world, Grant.objects.get())[1].report
    report = services.report_save(report=report, actor=world.staff,
                                  answers={"progress": "Built"},
                                  uploads={"evidence": upload("photos.pdf")},
                                  expected_version=report.version)
    services.report_submit(report=report, actor=world.staff)
    stored = StoredFile.objects.get(pk=report.answers["evidence"]["file_id"])
    assert stored.owner == report
    client.force_login(world.secretariat)
    page = client.get(reverse("grants:report", args=[report.pk])).content.decode()
    assert f'href="{reverse("file", args=[stored.pk])}">photos.pdf</a>' in page
    assert "file_id" not in page


def test_a_report_save_refused_for_a_stale_version_stores_no_file(world, grant):  # noqa: F811
    report = schedule(world, grant)[1].report
    report = services.report_save(report=report, actor=world.staff,
                                  answers={"progress": "Built"}, expected_version=None)
    before = StoredFile.objects.count()
    with pytest.raises(StaleVersion):
        services.report_save(report=report, actor=world.staff, answers={},
                             uploads={"evidence": upload("photos.pdf")},
                             expected_version=report.version - 1)
    assert StoredFile.objects.count() == before
