"""The demo's portfolios load, twice, without duplicates: Dilijan's written and shared with
the cohort, Akunk's started and empty (the journey begins there)."""

from io import StringIO

import pytest
from django.core.management import call_command

from hamaynk.communities.models import Organisation
from hamaynk.portfolios.models import Intervention, Mission, Portfolio, Stakeholder

pytestmark = pytest.mark.django_db


def test_the_demo_portfolios_are_loaded_once_however_often_it_runs(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    sizes = [M.objects.count() for M in (Portfolio, Intervention, Stakeholder, Organisation)]
    call_command("load_demo", stdout=StringIO())
    assert [M.objects.count() for M in (Portfolio, Intervention, Stakeholder,
                                        Organisation)] == sizes
    dilijan = Portfolio.objects.get(community__name_hy="Դիլիջան")
    akunk = Portfolio.objects.get(community__name_hy="Ակունք")
    assert dilijan.sharing == "public" and dilijan.mission.horizon == 2029
    assert set(dilijan.interventions.values_list("status", flat=True)) == {
        "idea", "testing", "scaling", "stopped"}  # the session stopped one, scaled one
    session = dilijan.sessions.get()
    assert session.closed_at is not None and session.decisions.count() == 2
    assert session.snapshots.count() == 2
    assert not akunk.interventions.exists()
    assert not Mission.objects.filter(portfolio=akunk).exists()
