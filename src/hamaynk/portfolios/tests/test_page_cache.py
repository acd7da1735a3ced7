"""The portfolio page's long sections are cached fragments keyed on the portfolio's
generation (portfolios/caching.py): served from the cache while nothing changes; any saved
or deleted challenge, piece of evidence, stakeholder, intervention or cluster — or a renamed
organisation of the registry — shows at once; whoever may edit and whoever may not get each
their own entry; a cached page reads none of the sections' rows."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.portfolios.models import Intervention
from hamaynk.tests_support import (
    ChallengeFactory,
    ClusterFactory,
    EvidenceFactory,
    InterventionFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen(client, world, portfolio):
    client.cookies["hamaynk_language"] = "en"
    client.force_login(world.head)
    url = reverse("portfolios:portfolio", args=[portfolio.pk])
    return lambda: client.get(url).content.decode()


def test_the_sections_are_served_from_the_cache_while_nothing_is_saved(seen, portfolio):
    intervention = InterventionFactory(portfolio=portfolio, title_en="Winter trails")
    assert "Winter trails" in seen()
    # written without a save (no signal): not seen, so the section was not rendered again
    Intervention.objects.filter(pk=intervention.pk).update(title_en="Not rendered")
    page = seen()
    assert "Winter trails" in page and "Not rendered" not in page


def test_every_saved_or_deleted_row_shows_at_once(seen, portfolio):
    seen()
    challenge = ChallengeFactory(portfolio=portfolio, title_en="Young people leave")
    assert "Young people leave" in seen()
    EvidenceFactory(challenge=challenge, text="Census 2022: minus a fifth")
    assert "Census 2022: minus a fifth" in seen()
    stakeholder = StakeholderFactory(portfolio=portfolio, organisation__name_en="Park office")
    assert "Park office" in seen()
    organisation = stakeholder.organisation
    organisation.name_en = "National park administration"
    organisation.save()
    assert "National park administration" in seen()
    cluster: Any = ClusterFactory(portfolio=portfolio, name_en="Tourism")
    intervention = InterventionFactory(portfolio=portfolio, cluster=cluster,
                                       title_en="Guest houses")
    assert "Guest houses" in seen() and "Tourism" in seen()
    cluster.name_en = "Year-round tourism"
    cluster.save()
    assert "Year-round tourism" in seen()
    intervention.delete()
    stakeholder.delete()
    challenge.delete()
    page = seen()
    assert "Guest houses" not in page and "National park administration" not in page
    assert "Young people leave" not in page


def test_who_may_edit_and_who_may_not_have_each_their_own_sections(client, world, seen,
                                                                    portfolio):
    ChallengeFactory(portfolio=portfolio, title_en="Young people leave")
    assert "Add a challenge" in seen()
    client.force_login(world.coach)
    page = client.get(reverse("portfolios:portfolio", args=[portfolio.pk])).content.decode()
    assert "Young people leave" in page and "Add a challenge" not in page


def test_a_cached_page_reads_none_of_the_sections_rows(seen, portfolio):
    for _ in range(3):
        InterventionFactory(portfolio=portfolio)
        StakeholderFactory(portfolio=portfolio)
        EvidenceFactory(challenge=ChallengeFactory(portfolio=portfolio))
    seen()
    with CaptureQueriesContext(connection) as queries:
        seen()
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    for table in ("portfolios_intervention", "portfolios_stakeholder", "portfolios_challenge",
                  "portfolios_evidence"):
        assert table not in tables
