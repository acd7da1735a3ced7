import pytest
from django.urls import reverse
from django.utils import translation


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.django_db
def test_a_250_mb_body_is_refused_before_it_is_read(client):
    response = client.generic("POST", reverse("account_login"), b"",
                              CONTENT_LENGTH=str(250 * 1024 * 1024),
                              CONTENT_TYPE="multipart/form-data; boundary=x",
                              **{"wsgi.input": UnreadableBody()})
    assert response.status_code == 413
    with translation.override("hy"):
        assert "Միանգամից չափազանց շատ է ուղարկված" in response.content.decode()


@pytest.mark.django_db
def test_the_413_page_is_in_the_visitors_language(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.generic("POST", reverse("account_login"), b"",
                              CONTENT_LENGTH=str(settings.HAMAYNK_REQUEST_MAX_BYTES + 1),
                              **{"wsgi.input": UnreadableBody()})
    assert response.status_code == 413
    assert "What you sent is larger than 12.5\xa0MB" in response.content.decode()


@pytest.mark.django_db
def test_a_body_within_the_limit_is_read_as_usual(client, settings):
    response = client.post(reverse("account_login"), {"login": "x@example.am", "password": "x"})
    assert response.status_code == 200
