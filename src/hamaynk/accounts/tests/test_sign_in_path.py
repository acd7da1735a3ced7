"""One sign-in path: the admin signs in through allauth, with the second factor and the
throttle, never with a password form of its own (issue 12)."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.test import override_settings
from django.urls import reverse

from hamaynk.config import settings as configured
from hamaynk.tests_support import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"
THROTTLED = "Too many failed login attempts. Try again later."
# The throttle as production configures it (the test settings turn rate limits off).
production_rate_limits = override_settings(ACCOUNT_RATE_LIMITS=configured.ACCOUNT_RATE_LIMITS)


def staff_with_totp(email: str = "admin@example.am"):  # type: ignore[no-untyped-def]
    user = UserFactory(email=email, is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def code(secret: str, step: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + step))


def sign_in_with_password(client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_admin_login_page_sends_to_the_sign_in_page_with_next(client, db):
    response = client.get("/admin/login/?next=/admin/communities/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fcommunities%2F"
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


def test_admin_login_page_accepts_no_password(client, db):
    UserFactory(email="admin@example.am", is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": "admin@example.am",
                                             "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_with_totp_signed_in_with_the_password_alone_is_refused_the_admin(client, db):
    user, _secret = staff_with_totp()
    client.login(email=user.email, password=PASSWORD)  # as the admin's own form did
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=/admin/"
    assert client.get("/admin/accounts/user/").status_code == 302
    # The admin then asks for the second factor, not for the password again.
    ask = client.get(response["Location"])
    assert ask["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2F"


def test_staff_with_totp_get_the_admin_after_the_second_factor(client, db):
    user, secret = staff_with_totp()
    first = sign_in_with_password(client, user.email)
    assert first["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # half-way: not signed in yet
    second = client.post(reverse("mfa_authenticate"), {"code": code(secret)})
    assert second.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_with_totp_signed_in_with_the_password_alone_get_in_after_giving_the_code(client,
                                                                                       db):
    user, secret = staff_with_totp()
    client.login(email=user.email, password=PASSWORD)
    wrong = client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": "000000"})
    assert wrong.status_code == 200 and client.get("/admin/").status_code == 302
    right = client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": code(secret)})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_without_a_second_factor_get_the_admin_after_signing_in(client, db):
    UserFactory(email="staff@example.am", is_staff=True)
    sign_in_with_password(client, "staff@example.am")
    assert client.get("/admin/").status_code == 200


def test_signed_in_person_who_is_not_staff_is_refused_the_admin_without_a_loop(client, world):
    sign_in_with_password(client, world.head.email)
    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_an_authenticator_other_than_totp_alone_asks_no_second_factor(client, db):
    user = UserFactory(email="staff@example.am", is_staff=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.RECOVERY_CODES, data={})
    client.login(email=user.email, password=PASSWORD)
    assert client.get("/admin/").status_code == 200  # allauth asks for none either


@production_rate_limits
def test_sign_in_the_admin_leads_to_refuses_the_eleventh_wrong_try(client, db):
    client.cookies["hamaynk_language"] = "en"
    UserFactory(email="admin@example.am", is_staff=True, is_superuser=True)
    login_url = client.get("/admin/login/")["Location"]
    for n in range(10):  # ten addresses, so that only the per-address count is reached
        wrong = client.post(login_url, {"login": f"guess{n}@example.am", "password": "wrong"})
        assert THROTTLED not in wrong.content.decode()
    eleventh = client.post(login_url, {"login": "admin@example.am", "password": PASSWORD})
    assert THROTTLED in eleventh.content.decode()
    assert "_auth_user_id" not in client.session


@production_rate_limits
def test_sixth_wrong_password_for_one_account_locks_it_even_for_the_right_one(client, db):
    client.cookies["hamaynk_language"] = "en"
    UserFactory(email="admin@example.am", is_staff=True, is_superuser=True)
    for _ in range(5):
        wrong = sign_in_with_password(client, "admin@example.am", "wrong")
        assert THROTTLED not in wrong.content.decode()
    right = sign_in_with_password(client, "admin@example.am")
    assert right.status_code == 200 and THROTTLED in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_is_not_mounted_when_admin_enabled_is_off(settings):
    from hamaynk.config.urls import admin_urls

    assert [str(p.pattern) for p in admin_urls()] == ["admin/"]
    settings.HAMAYNK_ADMIN_ENABLED = False
    assert admin_urls() == []


@production_rate_limits
@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_throttle_counts_each_visitor_by_their_own_address(client, db):
    client.cookies["hamaynk_language"] = "en"
    UserFactory(email="head@example.am")
    for n in range(10):
        client.post(reverse("account_login"), {"login": f"guess{n}@example.am",
                                               "password": "wrong"},
                    HTTP_X_FORWARDED_FOR="203.0.113.7")
    other = client.post(reverse("account_login"), {"login": "head@example.am",
                                                   "password": PASSWORD},
                        HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other.status_code == 302  # not the attacker's count
