from typing import Any

import rules
from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.http import HttpRequest


class EmailBackend(AuthenticationBackend):
    """allauth's email login, refusing the public demo password outside the demo."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Any:
        if not settings.DEBUG and credentials.get("password") == settings.HAMAYNK_DEMO_PASSWORD:
            return None
        return super().authenticate(request, **credentials)

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        """Permissions defined as rules are answered by the rules backend alone: asking the
        model permission tables too would cost two queries on every page for nothing."""
        if rules.perm_exists(perm):
            return False
        return bool(super().has_perm(user_obj, perm, obj))
