"""The portfolio part of the scale dataset (issue #16): a second cohort of the first network
with 200 communities at scale 1.0, each with its portfolio — a mission, 6 challenges with
evidence, 4 clusters, 50 stakeholders drawn from a shared registry of 2,000 organisations
and 1,000 people, 30 interventions (their challenges, stakeholders and related ones), a few
learning questions, risks and milestones, and 10 sensemaking sessions with a decision and a
snapshot each. Written with bulk inserts from a fixed seed; `clear()` removes it (it is
called by `scale.clear()` before the learning rows it refers to)."""

import datetime
import time
from decimal import Decimal
from typing import Any

from django.db import transaction

from hamaynk.communities.models import Contact, Organisation
from hamaynk.core import counts as list_counts
from hamaynk.demo.scale_learning import MARK, Context, _insert
from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.networks.models import NetworkRole
from hamaynk.portfolios.models import (
    Challenge,
    Cluster,
    Decision,
    Evidence,
    Intervention,
    LearningQuestion,
    Milestone,
    Mission,
    Portfolio,
    Risk,
    SensemakingSession,
    Snapshot,
    Stakeholder,
)

ORG_WORDS = [("Նախարարություն", "Ministry"), ("Հիմնադրամ", "Foundation"),
             ("Ասոցիացիա", "Association"), ("ՍՊԸ", "LLC"), ("Կենտրոն", "Centre")]
CLUSTERS = [("Կանաչ զբոսաշրջություն", "Green tourism"), ("Տեղական արտադրանք", "Local produce"),
            ("Թվային ծառայություններ", "Digital services"), ("Երիտասարդներ", "Youth")]
STATUSES = ["idea"] * 10 + ["testing"] * 10 + ["scaling"] * 5 + ["stopped"] * 5
KINDS = ["experiment", "pilot", "scale_up"]
NAME = "scale-portfolios"


def sizes(scale: float) -> dict[str, int]:
    return {"portfolios": max(10, round(200 * scale)), "organisations": max(100, round(
        2_000 * scale)), "contacts": max(50, round(1_000 * scale)), "interventions": 30,
        "stakeholders": 50, "sessions": 10, "challenges": 6}


def clear() -> None:
    """Remove the portfolio rows of a previous scale dataset (and nothing else)."""
    portfolios = Portfolio.objects.filter(network__slug__startswith=f"{MARK}-")
    Decision.objects.filter(session__portfolio__in=portfolios).delete()
    parts: tuple[Any, ...] = (Snapshot, SensemakingSession, LearningQuestion, Risk, Milestone,
                              Intervention)
    for model in parts:
        model.objects.filter(portfolio__in=portfolios).delete()
    Evidence.objects.filter(challenge__portfolio__in=portfolios).delete()
    for model in (Stakeholder, Challenge, Cluster, Mission):
        model.objects.filter(portfolio__in=portfolios).delete()
    portfolios.delete()
    Contact.objects.filter(position=NAME).delete()
    Organisation.objects.filter(website__startswith=f"https://{NAME}.").delete()
    list_counts.changed(Portfolio)
    list_counts.changed(Intervention)


def generate(ctx: Context, scale: float) -> dict[str, int]:
    started = time.perf_counter()
    size = sizes(scale)
    with transaction.atomic():
        organisations, contacts = _registry(ctx, size)
        portfolios = _portfolios(ctx, size)
        counts = _contents(ctx, size, portfolios, organisations, contacts)
    counts.update(portfolios=len(portfolios), organisations=len(organisations))
    ctx.say(f"portfolios made in {time.perf_counter() - started:.1f} s\n")
    return counts


def _registry(ctx: Context, size: dict[str, int]) -> tuple[list[Any], list[Any]]:
    rng = ctx.rng
    kinds = [k for k, _label in Organisation.Kind.choices]
    organisations = _insert(Organisation, (
        Organisation(kind=rng.choice(kinds), name_hy=f"{rng.choice(ORG_WORDS)[0]} №{i}",
                     name_en=f"{rng.choice(ORG_WORDS)[1]} No {i}",
                     website=f"https://{NAME}.example/{i}")
        for i in range(size["organisations"])))
    contacts = _insert(Contact, (
        Contact(full_name=f"Անուն Ազգանուն {i}", position=NAME,
                organisation_id=rng.choice(organisations).pk)
        for i in range(size["contacts"])))
    return organisations, contacts


def _portfolios(ctx: Context, size: dict[str, int]) -> list[Portfolio]:
    """A cohort of its own, whose every community has a portfolio (the coach of the
    learning part's cohort coaches them)."""
    network, coach_id = ctx.networks[0], ctx.people[-1][0]
    NetworkRole.objects.get_or_create(user_id=coach_id, network=network, role="coach")
    cohort = Cohort.objects.create(network=network, name_hy="Պորտֆելներ (թեստ)",
                                   name_en="Portfolios (load test)")
    cohort.coaches.add(coach_id)
    chosen = list(dict.fromkeys(c for _p, c in reversed(ctx.people)))[:size["portfolios"]]
    members = _insert(CohortMember, (
        CohortMember(cohort=cohort, community_id=c, coach_id=coach_id, reason="Ընտրված է")
        for c in chosen))
    return _insert(Portfolio, (  # one in four published (the public summary and list)
        Portfolio(member=m, community_id=m.community_id, network=network,
                  sharing="public" if i % 4 == 0 else "cohort")
        for i, m in enumerate(members)))


def _contents(ctx: Context, size: dict[str, int], portfolios: list[Portfolio],
              organisations: list[Any], contacts: list[Any]) -> dict[str, int]:
    rng, today = ctx.rng, ctx.now.date()
    _insert(Mission, (Mission(
        portfolio=p, statement_hy="Մինչև 2030 թվականը տնային տնտեսությունների 30 %-ը "
        "եկամուտ կունենա ոչ գյուղատնտեսական գործունեությունից", horizon=2030,
        indicator_hy="Ոչ գյուղատնտեսական եկամուտ ունեցող տնային տնտեսությունների բաժին",
        unit="%", baseline=Decimal("8"), target=Decimal("30"),
        building_blocks=["finance", "skills"]) for p in portfolios))
    challenges = _insert(Challenge, (
        Challenge(portfolio=p, title_hy=f"Մարտահրավեր {i + 1}", order=i + 1,
                  description="Երիտասարդները լքում են համայնքը։")
        for p in portfolios for i in range(size["challenges"])))
    _insert(Evidence, (Evidence(challenge=c, kind="data", text="Բնակչությունը նվազել է 12 %-ով")
                       for c in challenges))
    clusters = _insert(Cluster, (Cluster(portfolio=p, name_hy=hy, name_en=en, order=i + 1)
                                 for p in portfolios for i, (hy, en) in enumerate(CLUSTERS)))
    stakeholders = _insert(Stakeholder, (
        Stakeholder(portfolio=p, organisation_id=organisations[(p.pk * 53 + i) % len(
            organisations)].pk, role="Գործընկեր", influence=rng.randint(1, 5),
            interest=rng.randint(1, 5)) for p in portfolios for i in range(size["stakeholders"])))
    interventions = _interventions(ctx, size, portfolios, clusters)
    _links(ctx, size, portfolios, interventions, challenges, stakeholders)
    _insert(LearningQuestion, (LearningQuestion(portfolio=p, question="Արդյո՞ք հյուրերը "
                                                "կմնան երկու գիշեր") for p in portfolios))
    _insert(Risk, (Risk(portfolio=p, description="Ֆինանսավորման ուշացում", likelihood=3,
                        impact=4) for p in portfolios))
    _insert(Milestone, (Milestone(portfolio=p, title=f"Հանգրվան {i + 1}",
                                  due_date=today + datetime.timedelta(days=30 * (i - 2)))
                        for p in portfolios for i in range(5)))
    sessions = _insert(SensemakingSession, (
        SensemakingSession(portfolio=p, held_on=today - datetime.timedelta(days=30 * i + 5),
                           coach_id=p.member.coach_id, patterns="Զբոսաշրջիկները մնում են "
                           "մեկ գիշեր։", closed_at=ctx.now)
        for p in portfolios for i in range(size["sessions"])))
    first = {p.pk: interventions[p.pk][0] for p in portfolios}
    _insert(Decision, (Decision(session=s, kind="scale", intervention_id=first[s.portfolio_id],
                                reason="Արդյունքները լավ են") for s in sessions))
    state: dict[str, Any] = {"interventions": [], "clusters": [], "mission": None, "challenges": [],
             "stakeholders": []}
    _insert(Snapshot, (Snapshot(portfolio_id=s.portfolio_id, session=s, label="Հետո",
                                data=state) for s in sessions))
    return {"interventions": sum(len(v) for v in interventions.values()),
            "stakeholders": len(stakeholders), "sensemaking_sessions": len(sessions)}


def _interventions(ctx: Context, size: dict[str, int], portfolios: list[Portfolio],
                   clusters: list[Cluster]) -> dict[int, list[int]]:
    rng = ctx.rng
    by_portfolio: dict[int, list[Cluster]] = {}
    for c in clusters:
        by_portfolio.setdefault(c.portfolio_id, []).append(c)
    made = _insert(Intervention, (
        Intervention(portfolio=p, title_hy=f"Միջամտություն {i + 1}՝ հյուրատուն գյուղում",
                     hypothesis_if="Եթե երեք ընտանիք ընդունեն հյուրեր",
                     hypothesis_then="ապա հյուրերը կմնան երկու գիշեր",
                     kind=rng.choice(KINDS), status=STATUSES[i % len(STATUSES)],
                     stop_reason="Արդյունք չտվեց" if STATUSES[i % len(STATUSES)] == "stopped"
                     else "", budget=Decimal(rng.randint(1, 50) * 100_000),
                     cluster_id=rng.choice(by_portfolio[p.pk]).pk)
        for p in portfolios for i in range(size["interventions"])))
    found: dict[int, list[int]] = {}
    for intervention in made:
        found.setdefault(intervention.portfolio_id, []).append(intervention.pk)
    return found


def _links(ctx: Context, size: dict[str, int], portfolios: list[Portfolio],
           interventions: dict[int, list[int]], challenges: list[Challenge],
           stakeholders: list[Stakeholder]) -> None:
    rng = ctx.rng
    own_challenges: dict[int, list[int]] = {}
    for c in challenges:
        own_challenges.setdefault(c.portfolio_id, []).append(c.pk)
    own_stakeholders: dict[int, list[int]] = {}
    for s in stakeholders:
        own_stakeholders.setdefault(s.portfolio_id, []).append(s.pk)
    addresses, involves, related = (Intervention.challenges.through,
                                    Intervention.stakeholders.through,
                                    Intervention.related.through)
    pairs = [(p.pk, i) for p in portfolios for i in interventions[p.pk]]
    _insert(addresses, (addresses(intervention_id=i, challenge_id=c)
                        for p, i in pairs for c in rng.sample(own_challenges[p], 2)))
    _insert(involves, (involves(intervention_id=i, stakeholder_id=s)
                       for p, i in pairs for s in rng.sample(own_stakeholders[p], 3)))
    # related both ways (a symmetrical relation keeps a row for each direction)
    links = {(a, b) for p in portfolios for a, b in zip(interventions[p.pk][:-1:3],
                                                         interventions[p.pk][1::3],
                                                         strict=False)}
    _insert(related, (related(from_intervention_id=a, to_intervention_id=b)
                      for x, y in links for a, b in ((x, y), (y, x))))
