import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from hamaynk.core.links import object_url


@pytest.mark.parametrize(("name", "key"), [
    ("communities:detail", 7), ("grants:application", 123456789012),
    ("grants:call", "seed-2026"), ("networks:detail", "m4eg")])
def test_object_url_is_what_reverse_gives(name, key):
    assert object_url(name, key) == reverse(name, args=[key])


def test_object_url_follows_the_script_prefix():
    set_script_prefix("/hamaynk/")
    try:
        assert object_url("communities:detail", 5) == "/hamaynk/communities/5/"
    finally:
        clear_script_prefix()
    assert object_url("communities:detail", 5) == "/communities/5/"
