from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.http import HttpRequest


class EmailBackend(AuthenticationBackend):
    """allauth's email login, refusing the public demo password outside the demo."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Any:
        if not settings.DEBUG and credentials.get("password") == settings.HAMAYNK_DEMO_PASSWORD:
            return None
        return super().authenticate(request, **credentials)
