"""Every page names its icon, and /favicon.ico is not a 404 (issue 14)."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_icon_in_static(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/hamaynk/favicon.svg")
    assert finders.find("hamaynk/favicon.svg")


def test_every_page_links_the_icon(client):
    assert b'rel="icon" href="/static/hamaynk/favicon.svg"' in client.get("/").content
