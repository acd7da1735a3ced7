import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hamaynk.core.files import DOCUMENTS, store_upload
from hamaynk.networks.models import MembershipApplication
from hamaynk.tests_support import complete_application, configure_m4eg, pdf_bytes

PDF = pdf_bytes()


def pdf_upload(name: str = "decision.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English here; the Armenian catalogue has its own tests."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def m4eg(world):
    return configure_m4eg(world.network)


@pytest.fixture
def ready_application(world, m4eg):
    """Akunk's application, complete, waiting for the head's signature."""
    application = MembershipApplication.objects.create(network=m4eg, community=world.akunk,
                                                       prepared_by=world.staff)
    scan = store_upload(upload=pdf_upload(), uploaded_by=world.staff, allowed=DOCUMENTS,
                        visibility="community")
    return complete_application(application, scan=scan)
