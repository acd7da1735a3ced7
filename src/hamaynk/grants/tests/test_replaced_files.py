import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hamaynk.core.files import DOCUMENTS, store_upload
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.grants import services
from hamaynk.grants.tests.conftest import call_values
from hamaynk.grants.tests.test_awards import grant  # noqa: F401
from hamaynk.grants.tests.test_review import in_review  # noqa: F401
from hamaynk.tests_support import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_with_a_file_question(world):
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="letters"))
    services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                question={"key": "letter", "type": "file", "required": False,
                                          "label_hy": "Նամակ"})
    return services.call_move(call=call, actor=world.secretariat, target="open")


def letter(world, name):
    stored = store_upload(upload=SimpleUploadedFile(name, pdf_bytes()), uploaded_by=world.staff,
                          allowed=DOCUMENTS, visibility="community")
    return stored, {"letter": {"file_id": stored.pk, "name": stored.original_name}}


def test_a_drafts_replaced_file_answer_is_removed_with_its_bytes(
        world, call_with_a_file_question, django_capture_on_commit_callbacks):
    draft = services.application_start(call=call_with_a_file_question, community=world.akunk,
                                       actor=world.staff)
    old, first = letter(world, "letter-1.pdf")
    new, second = letter(world, "letter-2.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_save_section(application=draft, actor=world.staff, answers=first,
                                          expected_version=None)
        services.application_save_section(application=draft, actor=world.staff, answers=second,
                                          expected_version=None)
    assert not StoredFile.objects.filter(pk=old.pk).exists()
    assert not old.file.storage.exists(old.file.name)
    assert StoredFile.objects.filter(pk=new.pk).exists()
    assert AuditEntry.objects.get(action="core.file.discarded").target_id == str(draft.pk)


def test_a_removed_call_document_takes_its_file_with_it(world, open_call,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = services.call_document_add(
            call=open_call, actor=world.secretariat, title_hy="Ուղեցույց", title_en="",
            upload=SimpleUploadedFile("guide.pdf", pdf_bytes()))
        stored = document.file
        services.call_document_remove(call=open_call, actor=world.secretariat,
                                      document_id=document.pk)
    assert not StoredFile.objects.filter(pk=stored.pk).exists()
    assert not stored.file.storage.exists(stored.file.name)


def evidence(world, name):
    stored, answers = letter(world, name)
    return stored, {"progress": "Կառուցվեց", "evidence": answers["letter"]}


def test_a_due_reports_replaced_annex_is_removed_but_a_returned_reports_is_kept(
        world, grant, django_capture_on_commit_callbacks):  # noqa: F811
    from hamaynk.grants.tests.test_awards import schedule

    report = schedule(world, grant)[1].report
    first, answers_1 = evidence(world, "annex-1.pdf")
    second, answers_2 = evidence(world, "annex-2.pdf")
    third, answers_3 = evidence(world, "annex-3.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_save(report=report, actor=world.staff, answers=answers_1,
                             expected_version=None)
        services.report_save(report=report, actor=world.staff, answers=answers_2,
                             expected_version=None)
        services.report_submit(report=report, actor=world.staff)
        services.report_decide(report=report, actor=world.secretariat, accept=False,
                               message="Add the photos")
        services.report_save(report=report, actor=world.staff, answers=answers_3,
                             expected_version=None)
    assert not StoredFile.objects.filter(pk=first.pk).exists()
    assert set(StoredFile.objects.filter(pk__in=[second.pk, third.pk])
               .values_list("pk", flat=True)) == {second.pk, third.pk}


def test_a_refused_file_answer_is_explained_next_to_its_question(
        client, world, call_with_a_file_question):
    from django.urls import reverse

    from hamaynk.core.tests.test_files import plain_zip

    draft = services.application_start(call=call_with_a_file_question, community=world.akunk,
                                       actor=world.staff)
    client.force_login(world.staff)
    client.cookies["hamaynk_language"] = "en"
    response = client.post(reverse("grants:application_section", args=[draft.pk, "project"]), {
        "title": "Կոոպերատիվ", "summary": "Համառոտ", "draft-version": str(draft.version),
        "letter": SimpleUploadedFile("letter.docx", plain_zip({"a.txt": b"zip, not docx"}))})
    assert response.status_code == 200
    assert response.context["form"].errors["letter"] == [
        "This file's content is not an accepted type. Accepted: DOCX, JPEG, PDF, PNG, WebP."]
    assert not StoredFile.objects.exists()
