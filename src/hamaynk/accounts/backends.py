from typing import Any

import rules
from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Aggregate, CharField, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest

from hamaynk.accounts.permissions import remember_network_roles


class _Joined(Aggregate):
    """The rows' texts joined with commas (STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = TextField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


class EmailBackend(AuthenticationBackend):
    """allauth's email login, refusing the public demo password outside the demo."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Any:
        if not settings.DEBUG and credentials.get("password") == settings.HAMAYNK_DEMO_PASSWORD:
            return None
        return super().authenticate(request, **credentials)

    def get_user(self, user_id: Any) -> Any:
        """The signed-in user of a request, with their network roles in the same query (the
        navigation and every permission check read them: one query fewer a page). Roles are
        reached by their reverse name, so this bottom layer imports nothing above it."""
        model = get_user_model()
        roles = model._meta.get_field("network_roles").related_model
        pairs = (roles._default_manager.filter(user=OuterRef("pk")).order_by().values("user")
                 .annotate(text=_Joined(Concat("role", Value(":"),
                                               Cast("network_id", CharField()))))
                 .values("text"))
        user = (model._default_manager.annotate(_network_roles_text=Subquery(pairs))
                .filter(pk=user_id).first())
        if user is None or not self.user_can_authenticate(user):
            return None
        text = user._network_roles_text or ""
        remember_network_roles(user, [(role, int(network)) for role, network in
                                      (pair.rsplit(":", 1) for pair in text.split(",") if pair)])
        return user

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        """Permissions defined as rules are answered by the rules backend alone: asking the
        model permission tables too would cost two queries on every page for nothing."""
        if rules.perm_exists(perm):
            return False
        return bool(super().has_perm(user_obj, perm, obj))
