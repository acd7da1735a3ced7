from typing import Any

import rules

from hamaynk.networks.models import Network


@rules.predicate
def is_secretariat_of(user: Any, network: Network | None) -> bool:
    if not getattr(user, "is_authenticated", False) or network is None:
        return False
    if user.is_superuser:
        return True
    return network.roles.filter(user=user, role="secretariat").exists()


rules.add_perm("networks.manage_team", is_secretariat_of)
