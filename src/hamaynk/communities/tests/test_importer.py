from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hamaynk.communities.importer import import_registry
from hamaynk.communities.models import Community, Region

pytestmark = pytest.mark.django_db


def test_import_registry_loads_marzes_communities_and_candidates():
    report = import_registry()
    assert Region.objects.filter(country__code="AM").count() == 11
    kotayk = Region.objects.get(code="AM-KT")
    assert (kotayk.name_hy, kotayk.genitive_hy, kotayk.kind) == ("Կոտայք", "Կոտայքի", "marz")
    assert Region.objects.get(code="AM-LO").genitive_hy == "Լոռու"
    akunk = Community.objects.get(region=kotayk, name_hy="Ակունք")
    assert akunk.is_verified and akunk.name_en == "Akunk"
    assert report.created == Community.objects.filter(is_verified=True).count()
    assert report.unverified_added == Community.objects.filter(is_verified=False).count() > 0
    # Moldova and Ukraine regions come from pycountry.
    assert Region.objects.filter(country__code="MD", kind="raion").count() > 30
    assert Region.objects.filter(country__code="UA", kind="oblast").count() >= 24


def test_import_registry_twice_does_not_duplicate():
    import_registry()
    counts = (Community.objects.count(), Region.objects.count())
    second = import_registry()
    assert (Community.objects.count(), Region.objects.count()) == counts
    assert second.created == 0 and second.unverified_added == 0


def test_import_rejects_a_bad_row_and_changes_nothing(tmp_path: Path):
    bad = tmp_path / "communities.csv"
    bad.write_text(
        "marz_iso,marz_hy,marz_en,community_hy,community_en,population,source_url\n"
        "AM-KT,Կոտայք,Kotayk,Ակունք,Akunk,,\n"
        "AM-XX,Նոր,New,Նոր,New,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"communities.csv, line 3: unknown marz 'AM-XX'"):
        call_command("import_registry", communities=bad, no_candidates=True)
    assert Community.objects.count() == 0 and Region.objects.count() == 0


@pytest.mark.parametrize("population", ["many", "²", "9" * 5000])
def test_import_rejects_a_non_number_population(tmp_path: Path, population: str):
    bad = tmp_path / "communities.csv"
    bad.write_text(
        "marz_iso,marz_hy,marz_en,community_hy,community_en,population,source_url\n"
        f"AM-KT,Կոտայք,Kotayk,Ակունք,Akunk,{population},\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2: population must be a whole number"):
        call_command("import_registry", communities=bad, no_candidates=True)
    assert not Community.objects.exists()


def test_import_rejects_a_file_that_is_not_csv(tmp_path: Path):
    bad = tmp_path / "marzes.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_registry", marzes=bad)
    assert not Region.objects.exists()


def test_same_name_in_two_regions_is_two_communities(registry):
    gegharkunik = Region.objects.get(code="AM-GR")
    Community.objects.create(region=gegharkunik, name_hy="Ակունք", name_en="Akunk")
    assert Community.objects.filter(name_hy="Ակունք").count() == 2
