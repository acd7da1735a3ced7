"""The admin signs in through allauth like everyone else: its own password form is gone (it
had no second factor and no throttle), and a session that has not given the second factor
of a person who has one is refused."""

from typing import Any
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

# The authenticators that make allauth's sign-in ask for a second factor (recovery codes
# alone do not; see allauth.mfa.stages.AuthenticateStage).
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def gave_second_factor(request: HttpRequest) -> bool:
    """Whether this session has given the second factor that its user has set up (allauth
    records each step of a sign-in, and of a later re-authentication, in the session)."""
    user = request.user
    if not is_mfa_enabled(user, SECOND_FACTORS):  # type: ignore[arg-type]
        return True
    return any(record.get("method") == "mfa"
               for record in get_authentication_records(request, user))  # type: ignore[arg-type]


class HamaynkAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and gave_second_factor(request)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Send the visitor to allauth's sign-in; a staff member signed in without their
        second factor is asked for it; anyone else signed in is refused (no loop)."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            target = "account_login"
        elif self.has_permission(request):
            return redirect(next_url)
        elif user.is_active and user.is_staff:
            target = "mfa_reauthenticate"
        else:
            raise PermissionDenied
        return redirect(f"{reverse(target)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
