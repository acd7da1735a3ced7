"""The feedback questionnaire: after the session ends, each confirmed person answers the
opportunity's feedback questionnaire once."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.transitions import lock
from hamaynk.core.workflow import require
from hamaynk.learning.models import Enrolment, LearningForm, Response
from hamaynk.learning.selectors.forms import form_asked
from hamaynk.learning.services.enrolment import moment_text
from hamaynk.learning.services.forms import check_answers, record_response


def feedback_refusal(enrolment: Enrolment, now: datetime.datetime) -> str | None:
    """Why this enrolment cannot give feedback now (None: it can), the session read as is."""
    session = enrolment.session
    if enrolment.status != Enrolment.Status.CONFIRMED:
        return str(_("Only a confirmed participant can give feedback."))
    if now < session.ends_at:
        return str(_("The feedback questionnaire opens when the session ends, on "
                     "%(moment)s.") % {"moment": moment_text(session.ends_at,
                                                            session.time_zone)})
    if form_asked(session.opportunity, LearningForm.Purpose.FEEDBACK) is None:
        return str(_("This opportunity asks for no feedback."))
    return None


@transaction.atomic
def feedback_submit(*, enrolment: Enrolment, actor: User, answers: Mapping[str, Any]
                    ) -> Response:
    """The person's answers to the feedback questionnaire, kept once."""
    require(actor, "learning.give_feedback", enrolment)
    locked = lock(Enrolment, enrolment.pk, select_related=("session__opportunity",),
                  of=("self",))
    refusal = feedback_refusal(locked, timezone.now())
    if refusal:
        raise DomainError(refusal)
    if Response.objects.filter(enrolment=locked,
                               purpose=LearningForm.Purpose.FEEDBACK).exists():
        raise DomainError(_("Your feedback is already recorded. Thank you."))
    form = form_asked(locked.session.opportunity, LearningForm.Purpose.FEEDBACK)
    assert form is not None  # feedback_refusal checked it
    response = record_response(enrolment=locked, form=form,
                               answers=check_answers(form, answers))
    audit.record(action="learning.feedback.given", actor=actor, target=locked,
                 data={"form": form.pk, "version": form.number})
    return response
