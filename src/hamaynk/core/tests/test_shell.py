import datetime
import re

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

pytestmark = pytest.mark.django_db
ARMENIAN = re.compile("[\u0531-\u0587]")


def armenian_letters(response) -> int:
    return len(ARMENIAN.findall(response.content.decode()))


def test_home_is_armenian_by_default_even_for_an_english_browser(client, world):
    response = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "hy"
    assert '<html lang="hy">' in response.content.decode()
    assert armenian_letters(response) > 50


def test_language_switch_is_remembered(client, world):
    response = client.post("/language/", {"language": "en", "next": "/communities/"})
    assert response.status_code == 302 and response["Location"] == "/communities/"
    response = client.get("/communities/")
    assert response["Content-Language"] == "en"
    assert "Directory of communities" in response.content.decode()


def test_language_switch_saves_the_preference_of_a_signed_in_user(client, world):
    client.force_login(world.head)
    client.post("/language/", {"language": "en"})
    world.head.refresh_from_db()
    assert world.head.preferred_language == "en"


def test_unknown_language_code_is_refused_with_a_message(client, world):
    response = client.post("/language/", {"language": "xx", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert response["Content-Language"] == "hy"
    assert [str(m) for m in response.context["messages"]]


def test_language_switch_never_redirects_off_site(client, world):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_an_unknown_cookie_language_falls_back_to_armenian(client, world):
    client.cookies["hamaynk_language"] = "klingon"
    assert client.get("/")["Content-Language"] == "hy"


@pytest.mark.parametrize(("language", "text"), [("hy", "Էջը չի գտնվել"),
                                                ("en", "Page not found")])
def test_404_page_in_both_languages(client, language, text):
    client.cookies["hamaynk_language"] = language
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_500_page_is_translated(client, world):
    from django.template.loader import render_to_string

    with translation.override("hy"):
        html = render_to_string("500.html")
    assert ARMENIAN.search(html)
    with translation.override("en"):
        assert "Something went wrong" in render_to_string("500.html")


@override_settings(USE_THOUSAND_SEPARATOR=True)
def test_armenian_dates_and_numbers():
    template = Template('{{ d|date:"DATE_FORMAT" }}|{{ n }}|{{ x }}')
    context = Context({"d": datetime.date(2026, 11, 23), "n": 1250000, "x": 3.5})
    with translation.override("hy"):
        assert template.render(context) == "23 նոյեմբերի 2026|1\xa0250\xa0000|3,5"
    with translation.override("en"):
        assert template.render(context) == "23 November 2026|1,250,000|3.5"


def test_every_page_uses_local_assets_only(client, world):
    html = client.get("/").content.decode()
    assert "//cdn" not in html and "googleapis" not in html
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
