"""Demo attendance and quiz: a two-day M4EG workshop in Yerevan held two weeks ago, with a
quiz (pass mark 70 %). Akunk's staff member attended both days and passed the quiz, so her
enrolment is completed with its certificate; her colleague missed the second day. Recorded
through the services (attendance, quiz), so the audit, the completion and the notice are as
in real use. Idempotent: the opportunity is matched by title, a day marked again changes
nothing, a passed quiz is not taken again."""

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community, Country
from hamaynk.demo.learning_demo import COLLEAGUE, _moment
from hamaynk.learning.models import Enrolment, LearningForm, Opportunity, Response, Session
from hamaynk.learning.services.attendance import attendance_record
from hamaynk.learning.services.completion import quiz_passed
from hamaynk.learning.services.quiz import quiz_submit
from hamaynk.networks.models import Network

TITLE_HY = "Համայնքային բյուջեի թափանցիկություն և մասնակցային բյուջետավորում"
TITLE_EN = "Budget transparency and participatory budgeting"
QUIZ: dict[str, Any] = {"sections": [{"key": "quiz", "title_hy": "Ստուգողական թեստ",
                                      "title_en": "Quiz", "questions": [
    {"key": "participatory", "type": "single_choice", "required": True,
     "label_hy": "Ի՞նչ է մասնակցային բյուջետավորումը",
     "label_en": "What is participatory budgeting?",
     "choices": [
         {"value": "residents", "points": 2,
          "label_hy": "Բնակիչները որոշում են բյուջեի մի մասի ծախսման ուղղությունները",
          "label_en": "Residents decide how a part of the budget is spent"},
         {"value": "council", "label_hy": "Ավագանին հաստատում է բյուջեն",
          "label_en": "The council approves the budget"},
         {"value": "website", "label_hy": "Բյուջեն հրապարակվում է կայքում",
          "label_en": "The budget is published on the website"}]},
    {"key": "open_budget", "type": "multiple_choice", "required": True,
     "label_hy": "Որո՞նք են բաց բյուջեի տարրերը", "label_en": "What makes a budget open?",
     "choices": [
         {"value": "citizens", "points": 1, "label_hy": "Քաղաքացիական բյուջե",
          "label_en": "A citizens' budget"},
         {"value": "data", "points": 1, "label_hy": "Բյուջեի տվյալները բաց ձևաչափով",
          "label_en": "Budget data in an open format"},
         {"value": "closed", "label_hy": "Փակ նիստեր", "label_en": "Closed sessions"}]},
    {"key": "comment", "type": "long_text", "label_hy": "Ի՞նչ կկիրառեք ձեր համայնքում",
     "label_en": "What will you apply in your community?"}]}]}
ANSWERS = {"participatory": "residents", "open_budget": ["citizens", "data"],
           "comment": "Կներդնենք քաղաքացիական բյուջե և կհրապարակենք տվյալները։"}


def _workshop(network: Network) -> Session:
    opportunity = Opportunity.objects.filter(network=network, title_hy=TITLE_HY).first()
    if opportunity is None:
        opportunity = Opportunity.objects.create(
            network=network, kind="workshop", format="offline", languages="hy,en",
            audience="head,staff", hours=Decimal("8"), title_hy=TITLE_HY, title_en=TITLE_EN,
            description_hy="Երկօրյա աշխատաժողով՝ բյուջեի հրապարակայնության և բնակիչների "
                           "մասնակցության մասին։",
            description_en="A two-day workshop on an open budget and residents' say in it.",
            status="published", published_at=timezone.now() - datetime.timedelta(days=40),
            days_required=2, pass_mark=70)
        LearningForm.objects.create(opportunity=opportunity, purpose="quiz", definition=QUIZ)
    session = opportunity.sessions.first()
    if session is None:
        starts = _moment(-14, "Asia/Yerevan", 10)
        session = Session.objects.create(
            opportunity=opportunity, label_hy="Երևան, երկօրյա", label_en="Yerevan, two days",
            country=Country.objects.filter(code="AM").first(),
            place_hy="Երևան, Մ4ԷԳ գրասենյակ", place_en="Yerevan, the M4EG office",
            time_zone="Asia/Yerevan", starts_at=starts,
            ends_at=_moment(-13, "Asia/Yerevan", 17), capacity=20,
            enrolment_deadline=starts - datetime.timedelta(days=5))
    return session


def _enrolment(session: Session, community: Community, person: User) -> Enrolment:
    enrolment = Enrolment.objects.filter(session=session, person=person).first()
    if enrolment is None:
        enrolment = Enrolment.objects.create(
            session=session, community=community, person=person, enrolled_by=person,
            status=Enrolment.Status.CONFIRMED,
            queued_at=session.enrolment_deadline - datetime.timedelta(days=3),
            decided_at=session.enrolment_deadline - datetime.timedelta(days=3))
    return enrolment


def load(network: Network, secretariat: User | None) -> None:
    staff = User.objects.filter(email="staff.akunk@demo.hamaynk.am").first()
    colleague = User.objects.filter(email=COLLEAGUE[0]).first()
    akunk = Community.objects.filter(region__code="AM-KT", name_hy="Ակունք").first()
    if secretariat is None or staff is None or colleague is None or akunk is None:
        return
    session = _workshop(network)
    mine, theirs = _enrolment(session, akunk, staff), _enrolment(session, akunk, colleague)
    first, second = session.days()
    attendance_record(session=session, actor=secretariat, day=first,
                      marks={mine.pk: "present", theirs.pk: "late"})
    attendance_record(session=session, actor=secretariat, day=second,
                      marks={mine.pk: "present", theirs.pk: "absent"})
    response = Response.objects.filter(enrolment=mine, purpose="quiz").first()
    if not quiz_passed(response, session.opportunity):
        quiz_submit(enrolment=mine, actor=staff, answers=ANSWERS)
