"""Demo calls: a decided seed call of 2025 with awards (Dilijan, Ijevan), an open seed call
and an open Innovation Challenge. Idempotent: calls are matched by their short address."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.grants.models import (
    Application,
    BudgetCategory,
    BudgetLine,
    Call,
    CallQuestion,
    Criterion,
    FormVersion,
    Grant,
    GrantReport,
    Review,
    Tranche,
)
from hamaynk.grants.services.calls import DEFAULT_CATEGORIES, report_form
from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.networks.models import Network
from hamaynk.questionnaires import schema as questionnaire

EXTRA_QUESTIONS = [
    {"key": "challenge", "type": "long_text", "required": True,
     "label_hy": "Ո՞ր տեղական խնդիրն է լուծում նախագիծը",
     "label_en": "Which local challenge does the project address?"},
    {"key": "partners_involved", "type": "yes_no", "required": True,
     "label_hy": "Նախագծում ներգրավվա՞ծ են գործընկերներ",
     "label_en": "Are partners involved in the project?"},
    {"key": "partners", "type": "long_text", "required": True,
     "label_hy": "Թվարկեք գործընկերներին և նրանց դերը",
     "label_en": "List the partners and their role",
     "show_if": {"question": "partners_involved", "equals": True}},
    {"key": "months", "type": "number", "required": True, "min_value": "3", "max_value": "24",
     "label_hy": "Նախագծի տևողությունը (ամիս)", "label_en": "Duration (months)"},
]


def _definition() -> dict[str, object]:
    definition = questionnaire.empty_definition()
    definition["sections"][0]["questions"][2:2] = EXTRA_QUESTIONS  # type: ignore[index]
    questionnaire.parse_definition(definition)
    return definition


def _call(network: Network, slug: str, **values: object) -> Call:
    call = Call.objects.filter(slug=slug).first()
    if call is None:
        call = Call.objects.create(network=network, slug=slug, **values)
        FormVersion.objects.create(call=call, number=1, definition=_definition(),
                                   frozen=values.get("status") != "draft")
        for order, (hy, en) in enumerate(DEFAULT_CATEGORIES, start=1):
            BudgetCategory.objects.create(call=call, order=order, name_hy=hy, name_en=en)
    return call


def load(network: Network, secretariat: User | None) -> None:
    now = timezone.now()
    cohort, _created = Cohort.objects.get_or_create(
        network=network, name_en="Mission-oriented portfolios 2025–2026",
        defaults={"name_hy": "Առաքելությանը միտված պորտֆելներ 2025–2026"})
    for marz, name in (("AM-TV", "Դիլիջան"), ("AM-TV", "Իջևան"), ("AM-GR", "Սևան")):
        CohortMember.objects.get_or_create(
            cohort=cohort, community=Community.objects.get(region__code=marz, name_hy=name))
    coach = User.objects.filter(email="coach@demo.hamaynk.am").first()
    if coach is not None:
        cohort.coaches.add(coach)
    day = datetime.timedelta(days=1)
    decided = _call(
        network, "seed-2025", kind="seed", status="decided", currency="USD",
        title_hy="Մեկնարկային դրամաշնորհներ 2025", title_en="Seed grants 2025",
        description_hy="Առաքելությանը միտված պորտֆելների առաջին փորձարկումների համար։",
        description_en="For the first experiments of mission-oriented portfolios.",
        envelope=Decimal("200000"), min_award=Decimal("5000"), max_award=Decimal("20000"),
        min_cofinancing_pct=Decimal("10"), opens_at=now - 400 * day, closes_at=now - 340 * day,
        eligible_statuses=["junior", "acting"], eligible_countries=["AM", "MD", "UA"])
    seed = _call(network, "seed-2026", kind="seed", status="open", currency="USD",
          title_hy="Մեկնարկային դրամաշնորհներ 2026", title_en="Seed grants 2026",
          description_hy="Առաջարկների ամենամյա բաց մրցույթ ՀՀՏԶ անդամների համար։ Մինչև "
                         "20 000 ԱՄՆ դոլար մեկնարկային դրամաշնորհ։",
          description_en="The annual open call for M4EG members: seed grants of up to "
                         "USD 20,000.",
          envelope=Decimal("200000"), min_award=Decimal("5000"), max_award=Decimal("20000"),
          min_cofinancing_pct=Decimal("10"), opens_at=now - 10 * day, closes_at=now + 30 * day,
          eligible_statuses=["junior", "acting"], eligible_countries=["AM", "MD", "UA"])
    _call(network, "innovation-2026", kind="innovation", status="open", currency="EUR",
          title_hy="Նորարարական մարտահրավերների դրամաշնորհ 2026",
          title_en="Innovation Challenge 2026",
          description_hy="Տեղական մակարդակում ֆինանսական միջոցների ներգրավման նոր եղանակների "
                         "և գործիքների փորձարկում։ Մինչև 10 000 եվրո։",
          description_en="Testing new ways and tools of resource mobilisation at local level. "
                         "Up to EUR 10,000.",
          envelope=Decimal("300000"), min_award=Decimal("2000"), max_award=Decimal("10000"),
          opens_at=now - 5 * day, closes_at=now + 45 * day, eligible_countries=["AM", "MD", "UA"])
    for marz, name, title, amount in (
            ("AM-TV", "Դիլիջան", "Դիլիջանի կանաչ զբոսաշրջության հարթակ", Decimal("18500")),
            ("AM-TV", "Իջևան", "Իջևանի արհեստագործական կենտրոն", Decimal("15000"))):
        community = Community.objects.get(region__code=marz, name_hy=name)
        application, created = Application.objects.get_or_create(
            call=decided, community=community, defaults={
                "form_version": decided.form_versions.get(purpose="application"),
                "status": "awarded", "title": title, "review_count": 2,
                "score_mean": Decimal("84.50"), "score_spread": Decimal("3.50"),
                "answers": {"title": title, "summary": title}, "amount_requested": amount,
                "own_contribution": amount / 10,
                "submitted_at": decided.closes_at - 2 * day, "submitted_by": secretariat})
        if created:
            category = decided.budget_categories.order_by("order")[0]
            BudgetLine.objects.create(application=application, category=category,
                                      description=title, requested=amount,
                                      own_contribution=amount / 10)
        Grant.objects.get_or_create(application=application, defaults={
            "call": decided, "community": community, "amount": amount, "currency": "USD",
            "awarded_at": decided.closes_at + 30 * day})

    for order, (hy, en, weight, scale) in enumerate(RUBRIC, start=1):
        for call in (decided, seed):
            Criterion.objects.get_or_create(call=call, order=order, defaults={
                "name_hy": hy, "name_en": en, "weight": weight, "scale_max": scale})
    # Ijevan's proposal to the open seed call, screened and waiting for the demo reviewer.
    ijevan = Community.objects.get(region__code="AM-TV", name_hy="Իջևան")
    title = "Իջևանի համայնքային ջերմոցներ"
    application, created = Application.objects.get_or_create(
        call=seed, community=ijevan, defaults={
            "form_version": seed.form_versions.get(purpose="application"),
            "status": "in_review", "title": title,
            "answers": {"title": title, "summary": "Ջերմոցային տնտեսությունների ցանց երիտասարդ "
                        "ֆերմերների համար։", "challenge": "Երիտասարդների արտագաղթ։",
                        "partners_involved": False, "months": "12"},
            "amount_requested": Decimal("18000"), "own_contribution": Decimal("2500"),
            "submitted_at": now - 2 * day,
            "submitted_by": secretariat})
    if created:
        BudgetLine.objects.create(application=application,
                                  category=seed.budget_categories.order_by("order")[1],
                                  description="Ջերմոցների կառուցում", requested=Decimal("18000"),
                                  own_contribution=Decimal("2500"))
        reviewer = User.objects.filter(email="reviewer@demo.hamaynk.am").first()
        if reviewer is not None:
            Review.objects.get_or_create(application=application, reviewer=reviewer,
                                         defaults={"assigned_by": secretariat})
    # A public question about the open seed call, waiting for the secretariat's answer (an
    # item of the secretariat's work queue).
    CallQuestion.objects.get_or_create(
        call=seed, question="Կարո՞ղ է դիմել համայնքը, որը դեռ ՀՀՏԶ-ի անդամ չէ, բայց "
                            "անդամակցության հայտ է ներկայացրել։",
        defaults={"asked_by": User.objects.filter(email="head.akunk@demo.hamaynk.am").first()})
    # The 2025 grants: the first tranche paid, the second waiting for a progress report.
    for grant in Grant.objects.filter(call=decided):
        if grant.tranches.exists():
            continue
        half = (grant.amount / 2).quantize(Decimal("0.01"))
        report = GrantReport.objects.create(
            grant=grant, purpose="progress", due_date=(now + 60 * day).date(),
            form_version=report_form(decided, "progress"))
        Tranche.objects.create(grant=grant, order=1, amount=grant.amount - half,
                               due_date=(grant.awarded_at + 10 * day).date(), status="paid",
                               paid_at=grant.awarded_at + 12 * day)
        Tranche.objects.create(grant=grant, order=2, amount=half, due_date=report.due_date,
                               waits_for="progress", report=report)


RUBRIC = [("Տեղական խնդրի արդիականությունը", "Relevance to a local challenge", Decimal("2"), 5),
          ("Նորարարությունը", "Innovation", Decimal("1"), 5),
          ("Իրագործելիությունը և բյուջեն", "Feasibility and budget", Decimal("2"), 5),
          ("Համագործակցությունը", "Partnership", Decimal("1"), 5)]
