import pytest

from hamaynk.core.models import StoredFile
from hamaynk.networks import services
from hamaynk.networks.tests.conftest import pdf_upload

pytestmark = pytest.mark.django_db


def update(world, application, scan_name):
    services.application_update(
        application=application, actor=world.staff, expected_version=None,
        motivation=application.motivation, edo_name=application.edo_name, edo_position="",
        edo_email=application.edo_email, edo_phone="",
        commitment_ids=list(application.network.commitments.values_list("pk", flat=True)),
        decision_number=application.decision_number, decision_date=application.decision_date,
        decision_scan=pdf_upload(scan_name))
    application.refresh_from_db()
    return application.decision_scan


def test_a_drafts_replaced_decision_scan_is_removed_with_its_bytes(
        world, ready_application, django_capture_on_commit_callbacks):
    old = ready_application.decision_scan
    with django_capture_on_commit_callbacks(execute=True):
        new = update(world, ready_application, "decision-v2.pdf")
    assert not StoredFile.objects.filter(pk=old.pk).exists()
    assert not old.file.storage.exists(old.file.name)
    assert StoredFile.objects.filter(pk=new.pk).exists()


def test_scans_of_a_submitted_application_are_kept_as_evidence(
        world, ready_application, django_capture_on_commit_callbacks):
    first_decision = ready_application.decision_scan
    with django_capture_on_commit_callbacks(execute=True):
        services.application_sign_and_submit(application=ready_application, actor=world.head,
                                             expected_version=None,
                                             typed_name=world.head.full_name,
                                             signed_scan=pdf_upload("signed-1.pdf"))
        ready_application.refresh_from_db()
        first_signed = ready_application.signed_scan
        services.application_request_changes(application=ready_application,
                                             actor=world.secretariat, expected_version=None,
                                             message="Attach the right scan")
        update(world, ready_application, "decision-v2.pdf")
        services.application_sign_and_submit(application=ready_application, actor=world.head,
                                             expected_version=None,
                                             typed_name=world.head.full_name,
                                             signed_scan=pdf_upload("signed-2.pdf"))
    assert StoredFile.objects.filter(pk__in=[first_decision.pk, first_signed.pk]).count() == 2
    assert first_signed.file.storage.exists(first_signed.file.name)
