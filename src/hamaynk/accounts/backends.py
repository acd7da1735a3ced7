from typing import Any

import rules
from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Aggregate, CharField, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest

from hamaynk.accounts.permissions import remember_affiliations, remember_network_roles


class _Joined(Aggregate):
    """The rows' texts joined with commas (STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = TextField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


def _pairs(model: Any, related_name: str, first: str, second: str, **filters: Any) -> Subquery:
    """`first:second` of each related row, joined with commas, as a column of the user."""
    related = model._meta.get_field(related_name).related_model
    text = Concat(Cast(first, CharField()), Value(":"), Cast(second, CharField()))
    return Subquery(related._default_manager.filter(user=OuterRef("pk"), **filters)
                    .order_by().values("user").annotate(text=_Joined(text)).values("text"))


def _split(text: str | None) -> list[list[str]]:
    return [pair.split(":", 1) for pair in (text or "").split(",") if pair]


class EmailBackend(AuthenticationBackend):
    """allauth's email login, refusing the public demo password outside the demo."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Any:
        if not settings.DEBUG and credentials.get("password") == settings.HAMAYNK_DEMO_PASSWORD:
            return None
        return super().authenticate(request, **credentials)

    def get_user(self, user_id: Any) -> Any:
        """The signed-in user of a request, with their network roles and verified community
        roles in the same query (the navigation and every permission check read them: two
        queries fewer a page). Both are reached by their reverse names, so this bottom layer
        imports nothing above it."""
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        user = model._default_manager.annotate(
            network_roles_text=_pairs(model, "network_roles", "role", "network_id"),
            affiliations_text=_pairs(model, "affiliations", "community_id", "role",
                                     status="verified"),
        ).filter(pk=pk).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_network_roles(user, [(role, int(network)) for role, network
                                      in _split(getattr(user, "network_roles_text", None))])
        remember_affiliations(user, [(int(community), role) for community, role
                                     in _split(getattr(user, "affiliations_text", None))])
        return user

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        """Permissions defined as rules are answered by the rules backend alone: asking the
        model permission tables too would cost two queries on every page for nothing."""
        if rules.perm_exists(perm):
            return False
        return bool(super().has_perm(user_obj, perm, obj))
