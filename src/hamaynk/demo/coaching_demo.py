"""Demo coaching path for the cohort that grants_demo makes: the reasons of the selection,
Akunk selected too, a coach for each community, Akunk's and Dilijan's teams, a path of five
steps, a session logged for Dilijan with an action open, and an assignment handed in.
Idempotent: every row is matched, never duplicated; dates are relative to today."""

import datetime

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.learning.models import (
    AgreedAction,
    CoachingSession,
    Cohort,
    CohortMember,
    PathStep,
    StepProgress,
    Submission,
)
from hamaynk.networks.models import Network

COHORT_EN = "Mission-oriented portfolios 2025–2026"  # the cohort grants_demo makes

REASONS = {
    "Դիլիջան": "Զբոսաշրջության և կանաչ անցման հստակ առաքելություն, պատրաստ թիմ։",
    "Իջևան": "Երիտասարդների զբաղվածության ծրագիր, որը կարող է դառնալ պորտֆել։",
    "Սևան": "Լճափնյա տնտեսության զարգացման մարտահրավեր, համագործակցություն ձկնորսների հետ։",
    "Ակունք": "Նոր միավորված համայնք՝ գյուղատնտեսական արտադրանքի վերամշակման գաղափարով։",
}

# (kind, title hy, title en, description hy, description en, due in days from today)
STEPS = [
    ("module", "Առաքելությանը միտված մոտեցման ներածություն",
     "Introduction to mission-oriented approaches",
     "Առցանց դասընթաց՝ առաքելության ձևակերպման և համակարգային մարտահրավերների մասին։",
     "An online module on framing a mission and systemic challenges.", -20),
    ("coaching", "Ուղղորդման առաջին հանդիպում", "First coaching session",
     "Համայնքի թիմի հետ առաքելության նախնական ձևակերպումը։",
     "A first framing of the mission with the community's team.", -10),
    ("assignment", "Մարտահրավերի քարտեզ", "Challenge map",
     "Ներկայացրեք համայնքի մարտահրավերի քարտեզը՝ դերակատարներով և ռեսուրսներով։",
     "Hand in the community's challenge map with its actors and resources.", 10),
    ("sensemaking", "Իմաստավորման հանդիպում", "Sensemaking session",
     "Համայնքները միասին քննարկում են առաջին փորձարկումներից սովորածը։",
     "The communities discuss together what the first experiments taught them.", 30),
    ("assignment", "Պորտֆելի նախագիծ", "Portfolio draft",
     "Միջամտությունների պորտֆելի առաջին նախագիծը։",
     "A first draft of the portfolio of interventions.", 60),
]


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _steps(cohort: Cohort, today: datetime.date) -> list[PathStep]:
    steps = []
    for order, (kind, hy, en, dhy, den, days) in enumerate(STEPS, start=1):
        step, _created = PathStep.objects.get_or_create(
            cohort=cohort, title_en=en, defaults={
                "order": order, "kind": kind, "title_hy": hy, "description_hy": dhy,
                "description_en": den, "due_date": today + datetime.timedelta(days=days)})
        steps.append(step)
    return steps


def _members(cohort: Cohort, coach: User | None) -> dict[str, CohortMember]:
    members = {}
    for marz, name in (("AM-TV", "Դիլիջան"), ("AM-TV", "Իջևան"), ("AM-GR", "Սևան"),
                       ("AM-KT", "Ակունք")):
        community = Community.objects.filter(region__code=marz, name_hy=name).first()
        if community is None:
            continue
        member, _created = CohortMember.objects.get_or_create(cohort=cohort,
                                                              community=community)
        if not member.reason or (coach and member.coach_id is None):
            member.reason = member.reason or REASONS[name]
            member.coach = member.coach or coach
            member.save(update_fields=["reason", "coach", "updated_at"])
        members[name] = member
    return members


def load(network: Network) -> None:
    cohort = Cohort.objects.filter(network=network, name_en=COHORT_EN).first()
    if cohort is None:
        return
    today = timezone.localdate()
    coach = _person("coach@demo.hamaynk.am")
    members = _members(cohort, coach)
    steps = _steps(cohort, today)
    teams = {"Ակունք": ["head.akunk@demo.hamaynk.am", "staff.akunk@demo.hamaynk.am"],
             "Դիլիջան": ["head.dilijan@demo.hamaynk.am"]}
    for name, emails in teams.items():
        if name in members:
            members[name].team.add(*[p for p in map(_person, emails) if p is not None])
    dilijan = members.get("Դիլիջան")
    head = _person("head.dilijan@demo.hamaynk.am")
    if dilijan is None or head is None:
        return
    for step in steps[:2]:
        StepProgress.objects.get_or_create(step=step, member=dilijan, defaults={
            "done_at": timezone.now(), "done_by": head})
    held = today - datetime.timedelta(days=10)
    session, created = CoachingSession.objects.get_or_create(
        member=dilijan, held_on=held, defaults={
            "coach": coach, "logged_by": coach,
            "notes": "Քննարկեցինք զբոսաշրջության առաքելությունը և առաջին փորձարկումները։"})
    if created:
        session.attendees.set([p for p in (head, coach) if p is not None])
    AgreedAction.objects.get_or_create(
        session=session, member=dilijan, text="Հանդիպել հյուրատների սեփականատերերի հետ",
        defaults={"owner": head, "due_date": today + datetime.timedelta(days=5)})
    Submission.objects.get_or_create(step=steps[2], member=dilijan, defaults={
        "text": "Մարտահրավերի քարտեզը՝ զբոսաշրջային սեզոնայնություն, աշխատատեղեր, "
                "համագործակցություն «Դիլիջան» ազգային պարկի հետ։",
        "submitted_at": timezone.now() - datetime.timedelta(days=1), "submitted_by": head})
