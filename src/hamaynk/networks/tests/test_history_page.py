"""A membership application's history reads as sentences, never event codes (issue 14)."""

import pytest

from hamaynk.networks import services

pytestmark = pytest.mark.django_db


def test_an_application_history_shows_no_event_codes(client, world, ready_application):
    services.application_sign_and_submit(application=ready_application, actor=world.head,
                                         expected_version=None, typed_name=world.head.full_name)
    client.cookies["hamaynk_language"] = "en"
    client.force_login(world.secretariat)
    html = client.get(ready_application.get_absolute_url()).content.decode()
    assert "Application submitted" in html
    assert "networks.application." not in html
