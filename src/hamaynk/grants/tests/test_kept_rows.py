"""Rendered rows (core.rows) are kept by what they show: a changed value, a changed related
object or another language gives the row anew; the same values give the kept HTML."""

from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template.backends.django import Template
from django.utils import translation

from hamaynk.communities.models import Community
from hamaynk.core.rows import fingerprint, rendered_rows
from hamaynk.grants.models import Application
from hamaynk.grants.selectors import application_listing
from hamaynk.tests_support import CommunityFactory

pytestmark = pytest.mark.django_db
FRAGMENT = "grants/call_applications.html#rows"


def listed(draft):
    return list(application_listing(Application.objects.filter(pk=draft.pk)
                                    .select_related("community__region")))


def render(draft, currency="EUR"):
    return str(rendered_rows(FRAGMENT, listed(draft),
                             context={"currency": currency})[0])


def test_the_same_values_give_the_kept_row(world, draft):
    with mock.patch.object(Template, "render", autospec=True,
                           side_effect=Template.render) as template_render:
        first = render(draft)
        again = render(draft)
    assert template_render.call_count == 1  # the second time found, not rendered
    assert again == first and ("Ակունք" in first or "Akunk" in first)


def test_a_changed_value_of_the_row_gives_a_new_row(world, draft):
    Application.objects.filter(pk=draft.pk).update(title="Water for Akunk")
    assert "Water for Akunk" in render(draft)
    Application.objects.filter(pk=draft.pk).update(title="Roads of Akunk", status="submitted")
    html = render(draft)
    assert "Roads of Akunk" in html and "Water for Akunk" not in html


def test_a_renamed_community_and_region_give_a_new_row(world, draft):
    with translation.override("en"):
        assert "Akunk" in render(draft)
        Community.objects.filter(pk=world.akunk.pk).update(name_en="Akunk village")
        world.kotayk.name_en = "Kotayk marz"
        world.kotayk.save()
        html = render(draft)
    assert "Akunk village" in html and "Kotayk marz" in html


def test_each_language_has_its_own_row(world, draft):
    with translation.override("hy"):
        armenian = render(draft)
    with translation.override("en"):
        english = render(draft)
    assert 'data-label="Համայնք"' in armenian and 'data-label="Community"' in english


def test_the_shared_context_is_part_of_the_row(world, draft):
    assert "EUR" in render(draft, "EUR")
    assert "USD" in render(draft, "USD")


def test_rows_are_rendered_every_time_when_keeping_is_off(world, draft, settings):
    settings.HAMAYNK_KEEP_RENDERED_ROWS = False
    render(draft)
    with mock.patch.object(Template, "render", autospec=True,
                           side_effect=Template.render) as template_render:
        render(draft)
    assert template_render.call_count == 1  # rendered again, nothing kept


def test_fingerprint_follows_objects_loaded_together_and_stops_at_a_cycle(world, draft):
    application = listed(draft)[0]
    shown = repr(fingerprint(application))
    assert "Ակունք" in shown and "Կոտայք" in shown
    community = application.community
    community._state.fields_cache["back"] = application  # a reverse one-to-one points back
    assert fingerprint(application)  # no endless recursion


def test_kept_and_new_rows_come_back_in_order_with_one_rendering_for_the_new(world, draft):
    others = []
    for name in ("Առաջին", "Երկրորդ"):
        community = CommunityFactory(region=world.kotayk)
        others.append(Application.objects.create(call=draft.call, community=community,
                                                 form_version=draft.form_version, title=name))
    render(draft)  # kept
    rows = list(application_listing(
        Application.objects.filter(pk__in=[o.pk for o in others] + [draft.pk])
        .select_related("community__region").order_by("-title")))
    with mock.patch.object(Template, "render", autospec=True,
                           side_effect=Template.render) as template_render:
        html = rendered_rows(FRAGMENT, rows, context={"currency": "EUR"})
    assert template_render.call_count == 1
    assert [r.title or "" for r in rows] == [
        next((o.title for o in [*others, draft] if o.title and o.title in h), "") for h in html]


def test_a_fragment_that_does_not_mark_its_rows_is_refused(world, draft):
    with pytest.raises(ImproperlyConfigured):
        rendered_rows("grants/call_applications.html#fields", listed(draft))


def test_each_time_zone_has_its_own_row(world, draft):
    from django.utils import timezone

    Application.objects.filter(pk=draft.pk).update(submitted_at=timezone.now())
    with timezone.override("Asia/Yerevan"):
        yerevan = render(draft)
    with timezone.override("UTC"):
        utc = render(draft)
    assert yerevan != utc
