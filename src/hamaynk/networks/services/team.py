from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import forget_roles
from hamaynk.core import audit, counts
from hamaynk.core.errors import DomainError
from hamaynk.networks.models import Network, NetworkRole
from hamaynk.notifications.services import notify


@transaction.atomic
def network_role_grant(*, network: Network, email: str, role: str, actor: User) -> NetworkRole:
    """The secretariat adds a person (who must already have an account) to the network team."""
    if not actor.has_perm("networks.manage_team", network):
        raise PermissionDenied
    if role not in NetworkRole.Role.values:
        raise DomainError(_("Choose a role."), field="role")
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise DomainError(_("No one has an account with this email address yet. Ask them to "
                            "sign up first."), field="email")
    held, created = NetworkRole.objects.get_or_create(user=user, network=network, role=role)
    if not created:
        raise DomainError(_("This person already holds this role."), field="email")
    audit.record(action="networks.role.granted", actor=actor, target=network,
                 data={"user": user.email, "role": role})
    forget_roles(user)
    notify(recipient=user, kind="networks.role.granted", essential=True, params={"role": held},
           url=reverse("dashboard"))
    return held


@transaction.atomic
def network_role_revoke(*, role: NetworkRole, actor: User) -> None:
    if not actor.has_perm("networks.manage_team", role.network):
        raise PermissionDenied
    if role.user_id == actor.pk and role.role == NetworkRole.Role.SECRETARIAT:
        raise DomainError(_("You cannot remove your own secretariat role."))
    audit.record(action="networks.role.revoked", actor=actor, target=role.network,
                 data={"user": role.user.email, "role": role.role})
    role.delete()
    counts.changed(NetworkRole)  # deletes are not followed by themselves (core/counts.py)
    forget_roles(role.user)
