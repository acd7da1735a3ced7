"""The lists' rows are cached fragments (core/fragments.py): the same values are served
from the cache; a changed title or status, or a renamed community, shows at once; each
language has its own entry."""

import pytest
from django.urls import reverse

from hamaynk.grants.models import Application
from hamaynk.grants.tests.test_public import awarded  # noqa: F401
from hamaynk.grants.tests.test_review import in_review  # noqa: F401

pytestmark = pytest.mark.django_db


def page(client, url, language="en"):
    client.cookies.load({"hamaynk_language": language})
    return client.get(url).content.decode()


def test_public_awards_same_values_served_from_the_cache(client, awarded):  # noqa: F811
    url = reverse("grants:awards")
    assert awarded.title in page(client, url)
    # a change that does not go through a service (no save, no updated_at): not seen, which
    # shows the rows were not rendered again
    Application.objects.filter(pk=awarded.pk).update(title="Not rendered")
    again = page(client, url)
    assert awarded.title in again and "Not rendered" not in again


def test_public_awards_show_a_new_title_and_a_renamed_community(client, world, awarded):  # noqa: F811
    url = reverse("grants:awards")
    page(client, url)
    awarded.title = "Clean water for Akunk"
    awarded.save()
    assert "Clean water for Akunk" in page(client, url)
    community = awarded.community
    community.name_en = "Akunk village"
    community.save()
    assert "Akunk village" in page(client, url)


def test_each_language_has_its_own_rows(client, awarded):  # noqa: F811
    url = reverse("grants:awards")
    english, armenian = page(client, url, "en"), page(client, url, "hy")
    assert 'data-label="Community"' in english and 'data-label="Community"' not in armenian
    assert 'data-label="Համայնք"' in armenian


def test_the_applications_list_shows_a_changed_status_at_once(client, world, in_review):  # noqa: F811
    client.force_login(world.secretariat)
    url = reverse("grants:call_applications", args=[in_review.call.slug])
    before = page(client, url)
    assert in_review.get_status_display() in before
    in_review.status = "more_info"
    in_review.save()
    after = page(client, url)
    assert after != before and str(Application(status="more_info").get_status_display()) in after
