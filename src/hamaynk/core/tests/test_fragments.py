"""Cached fragments (core/fragments.py): Django's {% cache %} in the shared cache, keyed on
what they show — pk and updated_at of the objects, the language and the time zone."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from hamaynk.communities.models import Community
from hamaynk.core import fragments

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
CACHED = Template('{% load cache %}{% cache 60 "t" v LANGUAGE_CODE TIME_ZONE %}'
                  "{{ counter.next }}{% endcache %}")


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def next(self) -> int:
        self.calls += 1
        return self.calls


def render(counter: Counter, v: str, language: str = "hy", zone: str = "Asia/Yerevan") -> str:
    with translation.override(language), timezone.override(zone):
        return CACHED.render(Context({"counter": counter, "v": v, "LANGUAGE_CODE": language,
                                      "TIME_ZONE": zone}))


def test_the_same_values_are_rendered_once_another_language_or_zone_anew(world):
    counter = Counter()
    key = fragments.version(Community.objects.order_by("pk"))
    assert render(counter, key) == render(counter, key) == "1"
    assert render(counter, key, "en") == "2"
    assert render(counter, key, "en", "Europe/Chisinau") == "3"
    assert counter.calls == 3


def test_a_saved_change_gives_a_new_key(world):
    listed = list(Community.objects.filter(pk=world.akunk.pk))
    before = fragments.version(listed)
    assert fragments.version(list(Community.objects.filter(pk=world.akunk.pk))) == before
    world.akunk.name_en = "Akunk village"
    world.akunk.save()
    assert fragments.version(list(Community.objects.filter(pk=world.akunk.pk))) != before


def test_related_objects_and_plain_values_are_part_of_the_key(world):
    rows = list(Community.objects.filter(pk=world.akunk.pk).select_related("region"))
    plain = fragments.version(rows)
    with_values = fragments.version(rows, also=(1, "EUR"))
    assert len({plain, with_values, fragments.version(rows, also=(2, "EUR"))}) == 3
    with pytest.raises(ImproperlyConfigured):  # a list that did not load updated_at
        fragments.version(Community.objects.only("name_en"))


def test_filter_fields_are_keyed_on_the_query_without_the_page():
    factory = RequestFactory()
    first = fragments.query_version(factory.get("/", {"q": "water", "page": "1"}))
    assert fragments.query_version(factory.get("/", {"q": "water", "page": "7"})) == first
    assert fragments.query_version(factory.get("/", {"q": "waste"})) != first
    assert fragments.query_version(factory.get("/", {"q": "water"}), also="v2") != first


def test_every_cached_fragment_varies_on_language_and_zone_and_holds_nothing_personal():
    found = 0
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"{% cache (.*?) %}(.*?){% endcache %}", text, re.S):
            found += 1
            arguments, inside = match.groups()
            assert arguments.startswith("FRAGMENT_SECONDS "), path
            assert arguments.endswith("LANGUAGE_CODE TIME_ZONE"), path
            assert not re.search(r"csrf|\buser\b|request\.|messages|perms", inside), path
    assert found >= 5


def test_a_generation_holds_until_it_is_moved_and_names_are_independent():
    from hamaynk.core.fragments import generation, moved

    first = generation("thing:1", "registry")
    assert generation("thing:1", "registry") == first
    other = generation("thing:2")
    moved("thing:1")
    assert generation("thing:1", "registry") != first
    assert generation("thing:2") == other
