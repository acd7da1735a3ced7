"""The scale generator at smoke-test size (the real run is make scale-data + make bench on
PostgreSQL; see docs/performance.md; the load driver's smoke test is in hamaynk_bench)."""

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from hamaynk.communities.models import Community
from hamaynk.demo import scale
from hamaynk.grants.models import Application, Grant, Review
from hamaynk.learning.models import Attendance, Cohort, Enrolment, Opportunity, Session

pytestmark = pytest.mark.django_db(transaction=True)


def test_scale_data_is_deterministic_and_replaces_itself(capsys):
    call_command("scale_data", scale=0.01)
    first = (Community.objects.filter(official_code__startswith="SCALE-").count(),
             Application.objects.count(), Review.objects.count(), Grant.objects.count())
    titles = list(Application.objects.order_by("title").values_list("title", flat=True)[:5])
    call_command("scale_data", scale=0.01)
    again = (Community.objects.filter(official_code__startswith="SCALE-").count(),
             Application.objects.count(), Review.objects.count(), Grant.objects.count())
    assert first == again and first[0] == 250 and first[2] == 4 * first[1]
    assert titles == list(Application.objects.order_by("title").values_list("title", flat=True)[:5])
    assert "made in" in capsys.readouterr().out
    scale.clear()
    assert not Application.objects.exists()


def test_scale_learning_data_has_the_issues_shape():
    scale.generate(scale=0.01)
    assert Opportunity.objects.filter(status="published").count() == 20
    assert Session.objects.count() == 100 and Enrolment.objects.count() == 2000
    assert Session.objects.filter(starts_at__gt=timezone.now()).exists()
    statuses = set(Enrolment.objects.values_list("status", flat=True))
    assert {"confirmed", "waitlisted", "cancelled"} <= statuses
    # attendance for the past sessions' days only, and most past confirmed ones completed
    assert not Attendance.objects.filter(enrolment__session__ends_at__gt=timezone.now()).exists()
    past = Enrolment.objects.filter(status="confirmed", session__ends_at__lt=timezone.now())
    assert past.filter(completed_at__isnull=False).count() > past.count() // 2
    assert Attendance.objects.filter(enrolment__in=past).count() >= past.count()
    largest = Enrolment.objects.values("session").annotate(n=Count("pk")).order_by("-n")[0]
    assert largest["n"] == 40
    cohort = Cohort.objects.get(network__slug="scale-m4eg",
                                name_en="Portfolio cohort (load test)")
    assert cohort.members.count() == 25 and cohort.steps.count() == 6
    scale.clear()
    assert not Enrolment.objects.exists() and not Cohort.objects.exists()


def test_scale_portfolio_data_has_the_issues_shape():
    from hamaynk.portfolios.models import Intervention, Portfolio, SensemakingSession

    scale.generate(scale=0.01)
    portfolios = Portfolio.objects.filter(network__slug="scale-m4eg")
    assert portfolios.count() == 10
    one = portfolios.first()
    assert one.interventions.count() == 30 and one.stakeholders.count() == 50
    assert one.sessions.count() == 10 and one.challenges.count() == 6
    assert set(Intervention.objects.values_list("status", flat=True)) == {
        "idea", "testing", "scaling", "stopped"}
    assert not Intervention.objects.filter(status="stopped", stop_reason="").exists()
    assert one.interventions.filter(related__isnull=False).exists()
    scale.clear()
    assert not Portfolio.objects.exists() and not SensemakingSession.objects.exists()
