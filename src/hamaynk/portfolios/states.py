"""The state table of an intervention: an idea is tested, then scaled; any of them may be
stopped (with the reason, kept on the row); a stopped one may come back as an idea.
Services move a status only through `core.transitions.transition()`."""

from django.utils.translation import gettext_lazy as _

from hamaynk.core.transitions import StateTable, register
from hamaynk.portfolios.models import Intervention

IS = Intervention.Status
INTERVENTION_TRANSITIONS = StateTable(
    model=Intervention, initial={IS.IDEA, IS.TESTING, IS.SCALING}, transitions={
        IS.IDEA: {IS.TESTING, IS.STOPPED},
        IS.TESTING: {IS.SCALING, IS.STOPPED, IS.IDEA},
        IS.SCALING: {IS.STOPPED, IS.TESTING},
        IS.STOPPED: {IS.IDEA},
    }, refusal=_("This intervention cannot move from “%(status)s” to there."))

register(INTERVENTION_TRANSITIONS)
