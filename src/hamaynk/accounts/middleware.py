from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from hamaynk.accounts.permissions import is_secretariat


class RequireSecretariatMfaMiddleware:
    """In production, a secretariat officer without two-factor authentication is sent to set
    it up before doing anything else (setting HAMAYNK_REQUIRE_MFA_FOR_SECRETARIAT)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (settings.HAMAYNK_REQUIRE_MFA_FOR_SECRETARIAT and user.is_authenticated
                and not request.path.startswith(("/accounts/", "/static/", "/language/"))
                and is_secretariat(user)):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user,
                                                type=Authenticator.Type.TOTP).exists():
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
