"""The scale generator at smoke-test size (the real run is make scale-data + make bench on
PostgreSQL; see docs/performance.md; the load driver's smoke test is in hamaynk_bench)."""

import pytest
from django.core.management import call_command

from hamaynk.communities.models import Community
from hamaynk.demo import scale
from hamaynk.grants.models import Application, Grant, Review

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
