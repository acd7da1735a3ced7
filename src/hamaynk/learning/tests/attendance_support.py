"""What the attendance and quiz tests share: a three-day session that ran from the 8th to the
10th of March 2027 in Yerevan, seen on its last day, and a quiz with points."""

import datetime
from typing import Any

from hamaynk.learning.models import LearningForm
from hamaynk.tests_support import AffiliationFactory, EnrolmentFactory, SessionFactory

UTC = datetime.UTC
NOW = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=UTC)  # 16:00 in Yerevan, the last day
DAYS = [datetime.date(2027, 3, d) for d in (8, 9, 10)]


def three_day_session(world, **opportunity):
    return SessionFactory(
        opportunity__network=world.network, opportunity__hours=12,
        **{f"opportunity__{k}": v for k, v in opportunity.items()},
        starts_at=datetime.datetime(2027, 3, 8, 6, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2027, 3, 10, 14, 0, tzinfo=UTC),
        enrolment_deadline=datetime.datetime(2027, 3, 1, tzinfo=UTC))


def confirmed(session, world, count=1, **values):
    """`count` confirmed enrolments of Akunk's verified staff."""
    people = [AffiliationFactory(community=world.akunk,
                                 user__full_name=f"Մասնակից {i}").user for i in range(count)]
    return [EnrolmentFactory(session=session, community=world.akunk, person=p,
                             enrolled_by=p, **values) for p in people]


QUIZ: dict[str, Any] = {"sections": [{
    "key": "quiz", "title_hy": "Թեստ", "title_en": "Quiz", "questions": [
    {"key": "q1", "type": "single_choice", "required": True,
     "label_hy": "Ո՞րն է ճիշտ", "label_en": "Which is right?",
     "choices": [{"value": "a", "label_hy": "Ա", "points": 0},
                 {"value": "b", "label_hy": "Բ", "points": 1}]},
    {"key": "q2", "type": "multiple_choice", "label_hy": "Նշեք ճիշտերը",
     "label_en": "Tick the right ones",
     "choices": [{"value": "x", "label_hy": "X", "points": 1},
                 {"value": "y", "label_hy": "Y", "points": 2},
                 {"value": "z", "label_hy": "Z", "points": 0}]},
    {"key": "comment", "type": "long_text", "label_hy": "Մեկնաբանություն",
     "label_en": "Comment"}]}]}  # most: 1 + 3 = 4 points


def add_quiz(opportunity, pass_mark=75):
    opportunity.pass_mark = pass_mark
    opportunity.save(update_fields=["pass_mark"])
    return LearningForm.objects.create(opportunity=opportunity, purpose="quiz", definition=QUIZ)
