"""The demo's learning catalogue loads, twice, without duplicates."""

from io import StringIO

import pytest
from django.core.management import call_command

from hamaynk.learning.models import Enrolment, Material, Opportunity, Session

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue_is_loaded_once_however_often_it_runs(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    sizes = [M.objects.count() for M in (Opportunity, Session, Material, Enrolment)]
    call_command("load_demo", stdout=StringIO())
    assert [M.objects.count() for M in (Opportunity, Session, Material, Enrolment)] == sizes
    assert sizes[0] == 5 and sizes[3] == 3  # the attendance demo's workshop and two people
    workshop = Opportunity.objects.get(kind="workshop", sessions__time_zone="Europe/Chisinau")
    session = workshop.sessions.get()
    assert (session.time_zone, session.community_quota, len(session.days())) == (
        "Europe/Chisinau", 2, 2)
    assert sorted(workshop.forms.values_list("purpose", flat=True)) == ["feedback",
                                                                         "registration"]
    assert all(form.parsed.all_questions() for form in workshop.forms.all())


def test_the_demo_shows_a_completed_enrolment_with_its_certificate(settings):
    from hamaynk.learning.models import Attendance, Certificate

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    completed = Enrolment.objects.get(completed_at__isnull=False)
    assert completed.person.email == "staff.akunk@demo.hamaynk.am"
    certificate = Certificate.objects.get(source_kind="learning.enrolment")
    assert certificate.source_id == completed.pk and not certificate.is_revoked
    assert Attendance.objects.count() == 4
