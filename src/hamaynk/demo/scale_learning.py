"""The learning part of the scale dataset (issue #15): at scale 1.0, 2,000 published
opportunities (topics, languages, hours), 10,000 sessions (some over several days, in the
zones of Armenia, Moldova and Ukraine, some still to come, with seats and quotas),
200,000 enrolments of the communities' own people (mostly confirmed, some on the waiting
list, awaiting approval or cancelled), attendance for every day of the past sessions and
the completion of most of them; one large session with ~2,000 enrolments (the benchmark's
"session enrolments" target) and a coaching cohort of 25 communities with its path,
progress, coach and log. Written with bulk inserts from a fixed seed; `clear()` removes it
(it is called by `scale.clear()` before the networks and people it refers to)."""

import datetime
import random
import time
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from hamaynk.communities.models import Country
from hamaynk.core import counts as list_counts
from hamaynk.learning.models import (
    AgreedAction,
    Attendance,
    CoachingSession,
    Cohort,
    CohortMember,
    Enrolment,
    Opportunity,
    PathStep,
    Session,
    StepProgress,
    Topic,
)
from hamaynk.networks.models import Network, NetworkRole

MARK = "scale"
BATCH = 5000
TOPICS = [("leadership", "Առաջնորդություն", "Leadership"),
          ("resources", "Ռեսուրսների ներգրավում", "Resource mobilisation"),
          ("digital", "Թվային հմտություններ", "Digital skills"),
          ("green", "Կանաչ անցում", "Green transition"),
          ("budget", "Համայնքային բյուջե", "Community budgeting"),
          ("participation", "Մասնակցային կառավարում", "Participatory governance"),
          ("tourism", "Զբոսաշրջություն", "Tourism"),
          ("procurement", "Գնումներ", "Public procurement")]
SUBJECTS = [("Դպրոց", "School"), ("Սեմինար", "Workshop"), ("Դասընթաց", "Course"),
            ("Վեբինար", "Webinar"), ("Փորձի փոխանակում", "Peer exchange")]
ZONES = [("AM", "Asia/Yerevan", "Երևան", "Yerevan"), ("AM", "Asia/Yerevan", "Գյումրի", "Gyumri"),
         ("AM", "Asia/Yerevan", "Դիլիջան", "Dilijan"),
         ("MD", "Europe/Chisinau", "Քիշնև", "Chișinău"), ("UA", "Europe/Kyiv", "Կիև", "Kyiv")]
LANGUAGES = ["hy", "hy", "hy,en", "en", "ro", "uk", "hy,ru"]
KIND_FORMAT = [("course", "offline"), ("workshop", "offline"), ("webinar", "online"),
               ("elearning", "online"), ("study_visit", "offline"), ("peer_exchange", "hybrid")]
STEPS = [("module", "Առաքելությանը միտված մոտեցում", "Mission-oriented approach"),
         ("coaching", "Առաջին հանդիպում մենթորի հետ", "First coaching session"),
         ("assignment", "Մարտահրավերների քարտեզ", "Map of challenges"),
         ("sensemaking", "Իմաստավորման հանդիպում", "Sensemaking session"),
         ("assignment", "Պորտֆելի նախագիծ", "Draft portfolio"),
         ("coaching", "Ամփոփիչ հանդիպում", "Closing coaching session")]


def sizes(scale: float) -> dict[str, int]:
    def n(full: int, least: int) -> int:
        return max(least, round(full * scale))

    return {"opportunities": n(2_000, 10), "sessions": n(10_000, 30),
            "enrolments": n(200_000, 300), "large_session": n(2_000, 40),
            "cohort_members": 25, "path_steps": len(STEPS)}


def clear() -> None:
    """Remove the learning rows of a previous scale dataset (and nothing else)."""
    networks = Network.objects.filter(slug__startswith=f"{MARK}-")
    opportunities = Opportunity.objects.filter(network__in=networks)
    Attendance.objects.filter(enrolment__session__opportunity__in=opportunities).delete()
    Enrolment.objects.filter(session__opportunity__in=opportunities).delete()
    Session.objects.filter(opportunity__in=opportunities).delete()
    Opportunity.topics.through.objects.filter(opportunity__in=opportunities).delete()
    opportunities.delete()
    Topic.objects.filter(slug__startswith=f"{MARK}-").delete()
    cohorts = Cohort.objects.filter(network__in=networks)
    AgreedAction.objects.filter(member__cohort__in=cohorts).delete()
    CoachingSession.objects.filter(member__cohort__in=cohorts).delete()
    StepProgress.objects.filter(member__cohort__in=cohorts).delete()
    CohortMember.objects.filter(cohort__in=cohorts).delete()
    PathStep.objects.filter(cohort__in=cohorts).delete()
    cohorts.delete()
    for model in (Attendance, Enrolment, Session, Opportunity, Topic):
        list_counts.changed(model)


def _batches(items: Iterator[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(model: Any, rows: Iterator[Any]) -> list[Any]:
    """Insert in batches and keep the rows (with their keys: PostgreSQL and SQLite return
    them)."""
    made: list[Any] = []
    for batch in _batches(rows):
        made.extend(model.objects.bulk_create(batch, batch_size=BATCH))
    list_counts.changed(model)
    return made


@dataclass
class Context:
    rng: random.Random
    now: datetime.datetime
    networks: list[Network]
    people: list[tuple[int, int]]  # (user id, the community the person is affiliated to)
    recorder: int  # who recorded the attendance (a scale user)
    say: Callable[[str], object]


def generate(ctx: Context, scale: float) -> dict[str, int]:
    started = time.perf_counter()
    size = sizes(scale)
    counts: dict[str, int] = {}
    with transaction.atomic():
        opportunities = _opportunities(ctx, size["opportunities"])
        sessions = _sessions(ctx, opportunities, size["sessions"])
    counts["opportunities"], counts["sessions"] = len(opportunities), len(sessions)
    ctx.say(f"opportunities {len(opportunities)}, sessions {len(sessions)}\n")
    with transaction.atomic():
        counts["enrolments"], counts["attendance"] = _enrolments(ctx, sessions, size)
    ctx.say(f"enrolments {counts['enrolments']}, attendance {counts['attendance']}\n")
    with transaction.atomic():
        counts["cohort_members"] = _cohort(ctx, size)
    ctx.say(f"learning made in {time.perf_counter() - started:.1f} s\n")
    return counts


def _opportunities(ctx: Context, n: int) -> list[Opportunity]:
    rng = ctx.rng
    topics = Topic.objects.bulk_create([
        Topic(slug=f"{MARK}-{slug}", name_hy=hy, name_en=en, order=i)
        for i, (slug, hy, en) in enumerate(TOPICS)])

    def rows() -> Iterator[Opportunity]:
        for i in range(n):
            kind, fmt = KIND_FORMAT[i % len(KIND_FORMAT)]
            subject_hy, subject_en = SUBJECTS[i % len(SUBJECTS)]
            topic = TOPICS[i % len(TOPICS)]
            yield Opportunity(
                network=ctx.networks[0] if i % 5 else ctx.networks[1], kind=kind, format=fmt,
                languages=rng.choice(LANGUAGES), audience=rng.choice(["head,staff", "staff",
                                                                      "head", ""]),
                title_hy=f"{subject_hy}․ {topic[1]} {i}", title_en=f"{subject_en}: {topic[2]} {i}",
                description_hy=f"{topic[1]}՝ համայնքների համար։",
                description_en=f"{topic[2]} for communities.",
                hours=Decimal(rng.choice([2, 4, 6, 8, 12, 16, 24])), status="published",
                published_at=ctx.now - datetime.timedelta(days=400 - (i * 400) // n,
                                                          minutes=i))

    made = _insert(Opportunity, rows())
    through = Opportunity.topics.through
    _insert(through, (through(opportunity_id=o.pk, topic_id=topics[t].pk)
                      for i, o in enumerate(made)
                      for t in {i % len(topics), rng.randrange(len(topics))}))
    return made


def _sessions(ctx: Context, opportunities: list[Opportunity], n: int) -> list[Session]:
    rng = ctx.rng
    countries = dict(Country.objects.values_list("code", "pk"))

    def rows() -> Iterator[Session]:
        for i in range(n):
            opportunity = opportunities[i % len(opportunities)]
            code, zone, place_hy, place_en = rng.choice(ZONES)
            day = ctx.now.date() + datetime.timedelta(days=rng.randint(-365, 150))
            starts = datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 11, 14])),
                                               tzinfo=zoneinfo.ZoneInfo(zone))
            days = rng.choice([1, 1, 1, 2, 3])
            ends = starts + datetime.timedelta(days=days - 1, hours=rng.choice([3, 6, 8]))
            online = opportunity.format == "online"
            yield Session(
                opportunity_id=opportunity.pk, label_hy=f"Հոսք {i}", label_en=f"Group {i}",
                country_id=None if online else countries.get(code),
                place_hy="" if online else place_hy, place_en="" if online else place_en,
                online_url=f"https://meet.example.org/scale-{i}" if online else "",
                time_zone=zone, starts_at=starts, ends_at=ends,
                capacity=rng.choice([20, 25, 30, 40, 60]),
                community_quota=rng.choice([None, None, 2, 3]),
                country_quota=rng.choice([None, None, None, 15]),
                enrolment_deadline=starts - datetime.timedelta(days=3),
                cancellation_cutoff=starts - datetime.timedelta(days=1),
                needs_approval=i % 7 == 0)

    return _insert(Session, rows())


def _status(rng: random.Random, seat: int, session: Session, past: bool) -> str:
    if seat >= session.capacity:
        return "waitlisted" if not past else "cancelled"
    roll = rng.random()
    if roll < 0.08:
        return "cancelled"
    if not past and session.needs_approval and roll < 0.25:
        return "requested"
    return "confirmed"


def _days(session: Session) -> list[datetime.date]:
    zone = zoneinfo.ZoneInfo(session.time_zone)
    first, last = session.starts_at.astimezone(zone).date(), session.ends_at.astimezone(zone).date()
    return [first + datetime.timedelta(days=k) for k in range((last - first).days + 1)]


def _plan(ctx: Context, sessions: list[Session], size: dict[str, int]
          ) -> Iterator[tuple[Session, int]]:
    """How many enrolments each session gets: the large one first, then about the same
    number for every other, until the total is made."""
    first = set(Opportunity.objects.filter(network=ctx.networks[0]).values_list("pk", flat=True))
    large = next(s for s in sessions if s.starts_at > ctx.now + datetime.timedelta(days=30)
                 and s.opportunity_id in first)
    large.capacity = max(large.capacity, size["large_session"] * 3 // 4)
    Session.objects.filter(pk=large.pk).update(capacity=large.capacity, community_quota=None,
                                                country_quota=None, needs_approval=False)
    yield large, size["large_session"]
    others = [s for s in sessions if s.pk != large.pk]
    left = max(0, size["enrolments"] - size["large_session"])
    base, extra = divmod(left, max(1, len(others)))
    for i in range(0, len(others), 2):  # a pair's counts differ, their sum is 2 × base
        shift = ctx.rng.randint(0, base // 2)
        pair = others[i:i + 2]
        for j, session in enumerate(pair):
            k = base + (shift if j == 0 and len(pair) == 2 else -shift if j == 1 else 0)
            yield session, k + (1 if i + j < extra else 0)


def _enrolments(ctx: Context, sessions: list[Session], size: dict[str, int]
                ) -> tuple[int, int]:
    rng, now = ctx.rng, ctx.now
    marks: list[list[tuple[datetime.date, str]]] = []

    def rows() -> Iterator[Enrolment]:
        for session, k in _plan(ctx, sessions, size):
            past = session.ends_at < now
            days = _days(session) if past else []
            for seat, index in enumerate(rng.sample(range(len(ctx.people)),
                                                    min(k, len(ctx.people)))):
                person, community = ctx.people[index]
                status = _status(rng, seat, session, past)
                taken = [(d, rng.choices(["present", "late", "absent"], [85, 8, 7])[0])
                         for d in days] if status == "confirmed" else []
                done = bool(taken) and all(m != "absent" for _d, m in taken) \
                    and rng.random() < 0.95
                marks.append(taken)
                yield Enrolment(
                    session_id=session.pk, community_id=community, person_id=person,
                    enrolled_by_id=person, status=status,
                    queued_at=session.starts_at - datetime.timedelta(days=rng.randint(5, 60),
                                                                     minutes=seat),
                    decided_at=session.starts_at - datetime.timedelta(days=4)
                    if status != "requested" else None,
                    completed_at=session.ends_at + datetime.timedelta(hours=2) if done else None)

    made = 0
    attendance = 0
    for batch in _batches(rows()):
        Enrolment.objects.bulk_create(batch, batch_size=BATCH)
        taken = marks[made:made + len(batch)]
        made += len(batch)
        rows_of_batch = [Attendance(enrolment_id=e.pk, day=day, mark=mark,
                                    recorded_by_id=ctx.recorder,
                                    recorded_at=datetime.datetime.combine(
                                        day, datetime.time(18), tzinfo=datetime.UTC))
                         for e, days in zip(batch, taken, strict=True) for day, mark in days]
        Attendance.objects.bulk_create(rows_of_batch, batch_size=BATCH)
        attendance += len(rows_of_batch)
    list_counts.changed(Enrolment)
    list_counts.changed(Attendance)
    return made, attendance


def _cohort(ctx: Context, size: dict[str, int]) -> int:
    """A cohort of the first network: 25 communities, a coach, the path and its progress
    (some communities done, most part of the way), a session and an action each."""
    rng, network = ctx.rng, ctx.networks[0]
    coach_id = ctx.people[-1][0]
    NetworkRole.objects.get_or_create(user_id=coach_id, network=network, role="coach")
    cohort = Cohort.objects.create(network=network, name_hy="Պորտֆելների խումբ (թեստ)",
                                   name_en="Portfolio cohort (load test)")
    cohort.coaches.add(coach_id)
    chosen: dict[int, int] = {}
    for person, community in ctx.people:
        chosen.setdefault(community, person)
        if len(chosen) >= size["cohort_members"]:
            break
    members = _insert(CohortMember, (
        CohortMember(cohort=cohort, community_id=c, coach_id=coach_id, reason="Ընտրված է")
        for c in chosen))
    team = CohortMember.team.through
    _insert(team, (team(cohortmember_id=m.pk, user_id=chosen[m.community_id]) for m in members))
    today = ctx.now.date()
    steps = _insert(PathStep, (
        PathStep(cohort=cohort, order=i + 1, kind=kind, title_hy=hy, title_en=en,
                 due_date=today + datetime.timedelta(days=30 * (i - 3)))
        for i, (kind, hy, en) in enumerate(STEPS)))
    _insert(StepProgress, (
        StepProgress(step=step, member=m, done_at=ctx.now - datetime.timedelta(days=10))
        for m in members for step in steps[:rng.randint(0, len(steps))]))
    logged = _insert(CoachingSession, (
        CoachingSession(member=m, held_on=today - datetime.timedelta(days=rng.randint(3, 60)),
                        coach_id=coach_id, notes="Քննարկվեց պորտֆելը։", logged_by_id=coach_id)
        for m in members))
    _insert(AgreedAction, (
        AgreedAction(session=s, member_id=s.member_id, text="Պատրաստել քարտեզը",
                     owner_id=chosen[m.community_id],
                     due_date=today + datetime.timedelta(days=rng.randint(-10, 20)))
        for s, m in zip(logged, members, strict=True)))
    return len(members)
