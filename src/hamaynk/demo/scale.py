"""A deterministic "Eastern Partnership × 10" dataset for load tests, written with bulk
inserts to the database DATABASE_URL points at. Everything it makes carries a marker
(e-mail domain, slug or code prefix), so a re-run deletes the previous set first."""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.importer import import_registry
from hamaynk.communities.models import Affiliation, Community, Region
from hamaynk.core import counts as list_counts
from hamaynk.demo import scale_learning, scale_portfolios
from hamaynk.grants.models import (
    Application,
    BudgetCategory,
    BudgetLine,
    Call,
    FormVersion,
    Grant,
    GrantReport,
    Review,
    Tranche,
)
from hamaynk.networks.models import Membership, Network, NetworkRole, fill_listed_order
from hamaynk.questionnaires import schema as questionnaire

MARK = "scale"
EMAIL_DOMAIN = "scale.hamaynk.test"
PASSWORD = "bench-password-not-for-production"  # noqa: S105 - only for the load test
BATCH = 5000
# What the people chose to state (8 women, 7 men, 1 another, 4 not stated in every 20).
GENDERS = ["female"] * 8 + ["male"] * 7 + ["other"] + [""] * 4

SYLLABLES_HY = ["Ար", "Վան", "Նոր", "Մեծ", "Գառ", "Սար", "Ձոր", "Աղ", "Բեր", "Դաշտ", "Կար",
                "Լեռ", "Ջր", "Ծաղ", "Հով", "Տաշ", "Շեն", "Գյուղ", "Քար", "Ոսկ"]
SUFFIXES_HY = ["ավան", "աշեն", "աձոր", "ակերտ", "ատափ", "աբերդ", "ահովիտ", "ագյուղ", "իկ",
               "ավետ"]
TRANSLIT = {"Ար": "Ar", "Վան": "Van", "Նոր": "Nor", "Մեծ": "Mets", "Գառ": "Gar", "Սար": "Sar",
            "Ձոր": "Dzor", "Աղ": "Agh", "Բեր": "Ber", "Դաշտ": "Dasht", "Կար": "Kar",
            "Լեռ": "Ler", "Ջր": "Jr", "Ծաղ": "Tsagh", "Հով": "Hov", "Տաշ": "Tash",
            "Շեն": "Shen", "Գյուղ": "Gyugh", "Քար": "Kar", "Ոսկ": "Vosk", "ավան": "avan",
            "աշեն": "ashen", "աձոր": "adzor", "ակերտ": "akert", "ատափ": "atap",
            "աբերդ": "aberd", "ահովիտ": "ahovit", "ագյուղ": "agyugh", "իկ": "ik", "ավետ": "avet"}
FIRST = ["Արամ", "Անի", "Գևորգ", "Լիլիթ", "Նարեկ", "Մարիամ", "Տիգրան", "Սոնա", "Դավիթ", "Նունե",
         "Ion", "Maria", "Olena", "Andrii", "Mihai", "Natalia"]
LAST = ["Հովհաննիսյան", "Սարգսյան", "Ավետիսյան", "Գրիգորյան", "Պողոսյան", "Մելքոնյան",
        "Rusu", "Ceban", "Shevchenko", "Kovalenko", "Bondarenko", "Popescu"]
PROJECTS = ["Համայնքային կոոպերատիվ", "Կանաչ զբոսաշրջության ուղի", "Երիտասարդական կենտրոն",
            "Ջերմոցային տնտեսություն", "Արհեստագործական շուկա", "Թվային ծառայությունների կենտրոն",
            "Local food hub", "Green energy for schools", "Startup incubator",
            "Heritage tourism route", "Waste sorting pilot", "Irrigation upgrade"]


@dataclass
class Report:
    counts: dict[str, int]
    seconds: float


def _sizes(scale: float) -> dict[str, int]:
    def n(full: int, least: int = 1) -> int:
        return max(least, round(full * scale))

    return {"communities": n(25_000, 50), "users": n(60_000, 100), "memberships": n(15_000, 20),
            "calls": max(4, min(40, n(40, 4))), "applications": n(250_000, 100),
            "reviews_per_application": 4, "grants": n(30_000, 10), "reviewers": n(500, 8)}


def _batches(items: Iterator[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bulk(model: Any, rows: Iterator[Any]) -> int:
    made = 0
    for batch in _batches(rows):
        model.objects.bulk_create(batch, batch_size=BATCH)
        made += len(batch)
    list_counts.changed(model)  # bulk inserts send no signal: the lists count again
    return made


def clear() -> None:
    """Remove a previous scale dataset (and nothing else)."""
    scale_portfolios.clear()  # it refers to the learning rows below
    scale_learning.clear()  # it refers to the networks, communities and people below
    calls = Call.objects.filter(slug__startswith=f"{MARK}-")
    Tranche.objects.filter(grant__call__in=calls).delete()
    GrantReport.objects.filter(grant__call__in=calls).delete()
    Grant.objects.filter(call__in=calls).delete()
    Review.objects.filter(application__call__in=calls).delete()
    BudgetLine.objects.filter(application__call__in=calls).delete()
    Application.objects.filter(call__in=calls).delete()
    BudgetCategory.objects.filter(call__in=calls).delete()
    FormVersion.objects.filter(call__in=calls).delete()
    calls.delete()
    networks = Network.objects.filter(slug__startswith=f"{MARK}-")
    Membership.objects.filter(network__in=networks).delete()
    NetworkRole.objects.filter(network__in=networks).delete()
    networks.delete()
    Affiliation.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").delete()
    User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
    Community.objects.filter(official_code__startswith=f"{MARK.upper()}-").delete()
    list_counts.changed_all()


def generate(*, scale: float = 1.0, seed: int = 42, out: Any = None) -> Report:
    """Make the dataset; `scale` 1.0 is EaP × 10, 0.01 a smoke-test size."""
    started = timezone.now()
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    sizes = _sizes(scale)
    say = out.write if out is not None else (lambda _text: None)
    if not Region.objects.exists():
        import_registry()
    with transaction.atomic():
        clear()
    counts: dict[str, int] = {}

    regions = list(Region.objects.select_related("country").order_by("code"))
    names_seen: set[tuple[int, str]] = set()

    def communities() -> Iterator[Community]:
        i = 0
        while i < sizes["communities"]:
            region = regions[i % len(regions)]
            parts = [rng.choice(SYLLABLES_HY), rng.choice(SUFFIXES_HY)]
            hy = "".join(parts) + f" {i}"
            en = "".join(TRANSLIT[p] for p in parts) + f" {i}"
            if (region.pk, hy) in names_seen:
                continue
            names_seen.add((region.pk, hy))
            c = Community(region=region, name_hy=hy if region.country.code == "AM" else "",
                          name_en=en, official_code=f"{MARK.upper()}-{i:06d}",
                          population=rng.randint(800, 120_000), is_verified=True)
            c.search_text = c.build_search_text()
            i += 1
            yield c

    with transaction.atomic():
        counts["communities"] = _bulk(Community, communities())
    community_ids = list(Community.objects.filter(official_code__startswith=f"{MARK.upper()}-")
                         .order_by("pk").values_list("pk", flat=True))
    say(f"communities {counts['communities']}\n")

    password = make_password(PASSWORD)

    def users() -> Iterator[User]:
        for i in range(sizes["users"]):
            yield User(email=f"user{i}@{EMAIL_DOMAIN}", password=password,
                       full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                       preferred_language=rng.choice(["hy", "hy", "en"]),
                       gender=GENDERS[i % len(GENDERS)])

    with transaction.atomic():
        counts["users"] = _bulk(User, users())
    user_ids = list(User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("pk")
                    .values_list("pk", flat=True))
    reviewers, people = user_ids[:sizes["reviewers"]], user_ids[sizes["reviewers"]:]

    def affiliations() -> Iterator[Affiliation]:
        for i, uid in enumerate(people):
            cid = community_ids[i % len(community_ids)]
            role = "head" if i < len(community_ids) else "staff"
            yield Affiliation(user_id=uid, community_id=cid, role=role, status="verified")

    with transaction.atomic():
        counts["affiliations"] = _bulk(Affiliation, affiliations())
        # verified long before the learning they completed (learning's figures ask the role
        # held then); created_at is set on insert, so moved back here
        Affiliation.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").update(
            created_at=timezone.now() - datetime.timedelta(days=800))
        networks = [Network.objects.create(slug=f"{MARK}-m4eg", short_name="M4EG×10",
                                           name_hy="ՀՀՏԶ (բեռնվածության թեստ)",
                                           name_en="M4EG (load test)", requires_plan=True,
                                           status_on_approval="junior"),
                    Network.objects.create(slug=f"{MARK}-caa", short_name="CAA×10",
                                           name_hy="ՀՀՄ (բեռնվածության թեստ)",
                                           name_en="CAA (load test)")]
        for uid in reviewers:
            NetworkRole.objects.create(user_id=uid, network=networks[0], role="reviewer")
        members = rng.sample(community_ids, min(sizes["memberships"], len(community_ids)))
        counts["memberships"] = _bulk(Membership, (
            Membership(network=networks[i % 2], community_id=cid,
                       status=rng.choice(["junior", "acting", "acting", "suspended"])
                       if i % 2 == 0 else "member",
                       since=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 1800))
            for i, cid in enumerate(members)))
        fill_listed_order(Membership.objects.filter(network__in=networks))
    say(f"users {counts['users']}, memberships {counts['memberships']}\n")

    now = timezone.now()
    definition = questionnaire.empty_definition()
    calls = []
    with transaction.atomic():
        for i in range(sizes["calls"]):
            kind = ["seed", "development", "scaling", "innovation", "thematic"][i % 5]
            call = Call.objects.create(
                network=networks[0], kind=kind, slug=f"{MARK}-{i:02d}",
                title_hy=f"Մրցույթ {i} ({kind})", title_en=f"Call {i} ({kind})",
                status="decided" if i < sizes["calls"] - 2 else "open", currency="EUR",
                envelope=Decimal("5000000"), min_award=Decimal("1000"),
                max_award=Decimal("60000"), opens_at=now - datetime.timedelta(days=400 - i),
                closes_at=now + datetime.timedelta(days=30 + i))
            form = FormVersion.objects.create(call=call, number=1, definition=definition,
                                              frozen=True)
            category = BudgetCategory.objects.create(call=call, order=1, name_hy="Ծախսեր",
                                                     name_en="Costs")
            calls.append((call, form, category))
    per_call = -(-sizes["applications"] // len(calls))

    def applications() -> Iterator[Application]:
        made = 0
        for call, form, _category in calls:
            for cid in rng.sample(community_ids, min(per_call, len(community_ids))):
                if made >= sizes["applications"]:
                    return
                requested = Decimal(rng.randrange(1000, 60000, 500))
                own = (requested * Decimal(rng.randint(0, 30)) / 100).quantize(Decimal("1"))
                title = f"{rng.choice(PROJECTS)} {made}"
                mean = Decimal(rng.randint(3000, 9800)) / 100
                yield Application(
                    call=call, community_id=cid, form_version=form, title=title,
                    status=rng.choice(["submitted", "in_review", "in_review", "rejected"]),
                    amount_requested=requested, own_contribution=own,
                    answers={"title": title, "summary": title},
                    submitted_at=call.opens_at + datetime.timedelta(hours=made % 5000),
                    review_count=4, score_mean=mean,
                    score_spread=Decimal(rng.randint(0, 1500)) / 100)
                made += 1

    with transaction.atomic():
        counts["applications"] = _bulk(Application, applications())
    say(f"applications {counts['applications']}\n")

    application_rows = list(Application.objects.filter(call__slug__startswith=f"{MARK}-")
                            .order_by("pk").values_list("pk", "call_id", "amount_requested",
                                                        "own_contribution", "community_id"))
    categories = {call.pk: category.pk for call, _f, category in calls}

    def lines() -> Iterator[BudgetLine]:
        for pk, call_id, requested, own, _cid in application_rows:
            yield BudgetLine(application_id=pk, category_id=categories[call_id],
                             description="Ծախսեր", requested=requested, own_contribution=own)

    def reviews() -> Iterator[Review]:
        for pk, *_rest in application_rows:
            for reviewer in rng.sample(reviewers, sizes["reviews_per_application"]):
                yield Review(application_id=pk, reviewer_id=reviewer, status="submitted",
                             total=Decimal(rng.randint(2000, 10000)) / 100, submitted_at=now)

    with transaction.atomic():
        counts["budget_lines"] = _bulk(BudgetLine, lines())
        counts["reviews"] = _bulk(Review, reviews())
        Application.objects.filter(call__slug__startswith=f"{MARK}-").update(
            reviewers_assigned=sizes["reviews_per_application"])
    say(f"reviews {counts['reviews']}\n")

    awarded = rng.sample(application_rows, min(sizes["grants"], len(application_rows)))
    with transaction.atomic():
        Application.objects.filter(pk__in=[a[0] for a in awarded]).update(status="awarded")
        call_currency = "EUR"
        counts["grants"] = _bulk(Grant, (
            Grant(application_id=pk, call_id=call_id, community_id=cid, amount=requested,
                  currency=call_currency, awarded_at=now - datetime.timedelta(days=i % 300),
                  status="completed" if i % 3 == 0 else "active")
            for i, (pk, call_id, requested, _own, cid) in enumerate(awarded)))
        grants = Grant.objects.filter(call__slug__startswith=f"{MARK}-").values_list(
            "pk", "amount", "awarded_at")
        counts["tranches"] = _bulk(Tranche, (
            Tranche(grant_id=pk, order=order, amount=(amount / 2).quantize(Decimal("0.01")),
                    due_date=(awarded_at + datetime.timedelta(days=90 * order)).date(),
                    status="paid" if order == 1 else "planned")
            for pk, amount, awarded_at in grants for order in (1, 2)))
    say(f"grants {counts['grants']}, tranches {counts['tranches']}\n")
    pairs = [(uid, community_ids[i % len(community_ids)]) for i, uid in enumerate(people)]
    counts.update(scale_learning.generate(scale_learning.Context(
        rng=rng, now=now, networks=networks, people=pairs, recorder=reviewers[0], say=say),
        scale))
    counts.update(scale_portfolios.generate(scale_learning.Context(
        rng=rng, now=now, networks=networks, people=pairs, recorder=reviewers[0], say=say),
        scale))
    if connection.vendor == "postgresql" and connection.get_autocommit():
        # As a database that has lived a while: statistics, and the visibility map that lets
        # an index answer alone (a bulk load leaves every page unmarked until autovacuum).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Report(counts=counts, seconds=(timezone.now() - started).total_seconds())
