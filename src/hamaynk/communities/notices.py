"""The registry's notification kinds and the objects they refer to (notifications/kinds.py)."""

from hamaynk.communities.models import Affiliation
from hamaynk.notifications.kinds import register_kinds, register_models

T = "communities/notifications/"
register_kinds({
    "communities.affiliation.requested": T + "affiliation_requested",
    "communities.affiliation.verified": T + "affiliation_decided",
    "communities.affiliation.rejected": T + "affiliation_decided",
    "communities.affiliation.revoked": T + "affiliation_decided",
    "communities.affiliation.verified_for_head": T + "affiliation_verified_for_head",
})
register_models({Affiliation: ("user", "community", "decided_by")})
