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
    assert sizes[0] == 4 and sizes[3] == 1
    workshop = Opportunity.objects.get(kind="workshop")
    session = workshop.sessions.get()
    assert (session.time_zone, session.community_quota, len(session.days())) == (
        "Europe/Chisinau", 2, 2)
    assert sorted(workshop.forms.values_list("purpose", flat=True)) == ["feedback",
                                                                         "registration"]
    assert all(form.parsed.all_questions() for form in workshop.forms.all())
