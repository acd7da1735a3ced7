"""The state table of the communities module: affiliations (who acts for a community).
Services move a status only through `core.transitions.transition()`."""

from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Affiliation
from hamaynk.core.transitions import StateTable, register

S = Affiliation.Status
AFFILIATION_TRANSITIONS = StateTable(
    model=Affiliation, initial={S.PENDING},
    refusal=_("This affiliation is %(status)s and cannot be changed that way."),
    transitions={
        S.PENDING: {S.VERIFIED, S.REJECTED},
        S.VERIFIED: {S.REVOKED},
        S.REJECTED: set(),
        S.REVOKED: set(),
    })

register(AFFILIATION_TRANSITIONS)
