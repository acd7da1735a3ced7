"""Interventions changed (audited with what changed, on the version the page showed) and the
portfolio's clusters added, renamed and removed."""

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.core.workflow import StaleVersion
from hamaynk.portfolios.models import Intervention
from hamaynk.portfolios.services.interventions import (
    InterventionValues,
    cluster_add,
    cluster_remove,
    cluster_rename,
    intervention_add,
    intervention_change,
)
from hamaynk.tests_support import ClusterFactory, InterventionFactory, PortfolioFactory

pytestmark = pytest.mark.django_db


def values(**changes):
    base = {"title_hy": "Հյուրատներ", "hypothesis_if": "Եթե երեք ընտանիք ընդունեն հյուրեր",
            "hypothesis_then": "ապա հյուրերը կմնան երկու գիշեր"}
    return InterventionValues(**{**base, **changes})


def test_a_change_is_audited_with_the_fields_that_changed(world, portfolio):
    added = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    cluster = ClusterFactory(portfolio=portfolio)
    changed = intervention_change(intervention=added, actor=world.head, expected_version=1,
                                  values=values(title_en="Guest houses", cluster_id=cluster.pk))
    assert (changed.title_en, changed.cluster_id, changed.version) == (
        "Guest houses", cluster.pk, 2)
    entry = AuditEntry.objects.filter(action="portfolios.intervention.changed").get()
    assert entry.data["intervention"] == added.pk
    assert sorted(entry.data["changed"]) == ["cluster_id", "title_en"]


def test_a_change_that_changes_nothing_is_not_audited(world, portfolio):
    added = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    same = intervention_change(intervention=added, actor=world.staff, values=values())
    assert same.version == 1
    assert not AuditEntry.objects.filter(action="portfolios.intervention.changed").exists()


def test_a_stale_change_is_refused_and_says_someone_saved_it(world, portfolio):
    added = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    intervention_change(intervention=added, actor=world.staff, expected_version=1,
                        values=values(funder="ԵՄ"))
    with pytest.raises(StaleVersion, match="Someone else"):
        intervention_change(intervention=added, actor=world.head, expected_version=1,
                            values=values(funder="ՄԱԶԾ"))
    assert Intervention.objects.get(pk=added.pk).funder == "ԵՄ"


def test_a_change_keeps_to_the_portfolios_own_choices(world, portfolio):
    added = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    elsewhere = InterventionFactory(portfolio=PortfolioFactory())
    with pytest.raises(DomainError, match="this portfolio's own") as refused:
        intervention_change(intervention=added, actor=world.staff,
                            values=values(related_ids=[elsewhere.pk]))
    assert refused.value.field == "related"
    with pytest.raises(DomainError, match="related to itself"):
        intervention_change(intervention=added, actor=world.staff,
                            values=values(related_ids=[added.pk]))
    with pytest.raises(DomainError, match="cluster of this portfolio"):
        intervention_change(intervention=added, actor=world.staff, values=values(
            cluster_id=ClusterFactory(portfolio=elsewhere.portfolio).pk))
    with pytest.raises(DomainError, match="negative"):
        intervention_change(intervention=added, actor=world.staff, values=values(budget=-1))


def test_related_interventions_are_related_both_ways(world, portfolio):
    one = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    two = intervention_add(portfolio=portfolio, actor=world.staff,
                           values=values(title_hy="Շուկա", related_ids=[one.pk]))
    assert list(one.related.all()) == [two]


def test_only_the_community_changes_an_intervention(world, portfolio):
    added = intervention_add(portfolio=portfolio, actor=world.staff, values=values())
    for outsider in (world.coach, world.secretariat, world.other_head):
        with pytest.raises(PermissionDenied):
            intervention_change(intervention=added, actor=outsider, values=values(title_en="X"))


def test_a_cluster_is_added_renamed_and_named_once(world, portfolio):
    cluster = cluster_add(portfolio=portfolio, actor=world.staff, name_hy="Զբոսաշրջություն")
    with pytest.raises(DomainError, match="already has a cluster"):
        cluster_add(portfolio=portfolio, actor=world.staff, name_hy=" Զբոսաշրջություն ")
    with pytest.raises(DomainError, match="Name the cluster") as refused:
        cluster_add(portfolio=portfolio, actor=world.staff, name_hy="  ")
    assert refused.value.field == "name_hy"
    renamed = cluster_rename(cluster=cluster, actor=world.head, name_hy="Կանաչ զբոսաշրջություն",
                             name_en="Green tourism")
    assert renamed.name == "Green tourism"
    changes = [e.data["change"] for e in AuditEntry.objects.filter(
        action="portfolios.cluster.saved").order_by("pk")]
    assert changes == ["added", "renamed"]


def test_removing_a_cluster_keeps_its_interventions_without_one(world, portfolio):
    cluster = cluster_add(portfolio=portfolio, actor=world.staff, name_hy="Տեղական արտադրանք")
    added = intervention_add(portfolio=portfolio, actor=world.staff,
                             values=values(cluster_id=cluster.pk))
    with pytest.raises(PermissionDenied):
        cluster_remove(cluster=cluster, actor=world.coach)
    cluster_remove(cluster=cluster, actor=world.staff)
    assert Intervention.objects.get(pk=added.pk).cluster_id is None
    entry = AuditEntry.objects.filter(action="portfolios.cluster.saved").latest("pk")
    assert (entry.data["change"], entry.data["interventions"]) == ("removed", 1)
