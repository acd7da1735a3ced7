"""Demo portfolios for the cohort that grants_demo makes: Dilijan's, written and published
(its summary public; its mission, challenges with evidence, stakeholders from the shared registry,
clusters and four interventions: testing, scaling, an idea and one stopped; its 2025 seed
grant funds the winter trails), and Akunk's,
started and empty — the issue's journey begins there (Akunk's head writes the mission).
Dilijan's coach held a sensemaking session two weeks ago (through the services: its
"before" and "after" snapshots, a decision that stopped the souvenir fair and one that
scaled the booking site).
A few organisations and people of the shared registry. Idempotent: every row is matched,
never duplicated."""

from decimal import Decimal

from hamaynk.accounts.models import User
from hamaynk.communities.models import Contact, Country, Organisation
from hamaynk.demo.coaching_demo import COHORT_EN
from hamaynk.grants.models import Application
from hamaynk.learning.models import Cohort, CohortMember
from hamaynk.networks.models import Network
from hamaynk.portfolios.models import (
    Challenge,
    Cluster,
    Evidence,
    GrantLink,
    Intervention,
    LearningEntry,
    LearningQuestion,
    Milestone,
    Mission,
    Portfolio,
    Risk,
    Stakeholder,
)

# (kind, name hy, name en, website)
ORGANISATIONS = [
    ("government", "ՀՀ տարածքային կառավարման և ենթակառուցվածքների նախարարություն",
     "Ministry of Territorial Administration and Infrastructure of Armenia", "https://mtad.am"),
    ("donor", "ՄԱԶԾ Հայաստան", "UNDP Armenia", "https://www.undp.org/armenia"),
    ("international", "Եվրոպական միություն", "European Union", "https://www.eeas.europa.eu"),
    ("other", "«Դիլիջան» ազգային պարկ", "Dilijan National Park", ""),
    ("ngo", "Տավուշի հյուրատների միավորում", "Tavush Guesthouse Association", ""),
    ("business", "«Լոռի-Տավուշ Տուր» ՍՊԸ", "Lori-Tavush Tour LLC", ""),
]

# (title hy, title en, description)
CHALLENGES = [
    ("Զբոսաշրջությունը սեզոնային է", "Tourism is seasonal",
     "Հյուրերի 80 %-ը գալիս է հունիսից սեպտեմբեր. ձմռանը հյուրատները դատարկ են։"),
    ("Երիտասարդները մեկնում են", "Young people leave",
     "Վերջին հինգ տարում 18–30 տարեկանների թիվը նվազել է մեկ հինգերորդով։"),
]

CLUSTERS = [("Ամբողջ տարվա զբոսաշրջություն", "Year-round tourism"),
            ("Երիտասարդների զբաղվածություն", "Youth employment")]

# (title hy, title en, if, then, because, kind, status, cluster index, budget, funding)
INTERVENTIONS = [
    ("Ձմեռային արահետներ ազգային պարկում", "Winter trails in the national park",
     "Եթե նշագրենք երեք ձմեռային արահետ և պատրաստենք տեղացի ուղեկցորդներ",
     "ապա ձմռանը հյուրերի թիվը կկրկնապատկվի", "քանի որ քաղաքից եկողները փնտրում են "
     "ձմեռային հանգիստ մոտ վայրում", "pilot", "testing", 0, Decimal("4500000"), "grant"),
    ("Հյուրատների համատեղ ամրագրման կայք", "A shared booking site for guesthouses",
     "Եթե հյուրատները միասին ներկայանան մեկ կայքում",
     "ապա ամրագրումները կավելանան", "քանի որ հիմա նրանց գտնելը դժվար է",
     "scale_up", "testing", 0, Decimal("2000000"), "own"),
    ("Երիտասարդ ուղեկցորդների դպրոց", "A school for young guides",
     "Եթե երիտասարդները սովորեն ուղեկցորդի մասնագիտությունը",
     "ապա նրանցից ոմանք կմնան համայնքում", "", "experiment", "idea", 1, None, "none"),
    ("Հուշանվերների տոնավաճառ Երևանում", "A souvenir fair in Yerevan",
     "Եթե ամիսը մեկ տոնավաճառ անենք Երևանում", "ապա արհեստավորների եկամուտը կաճի", "",
     "experiment", "testing", 1, Decimal("300000"), "own"),
]


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _registry() -> list[Organisation]:
    armenia = Country.objects.filter(code="AM").first()
    made = []
    for kind, hy, en, website in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name_en=en, defaults={"kind": kind, "name_hy": hy, "website": website,
                                  "country": armenia})
        made.append(organisation)
    Contact.objects.get_or_create(full_name="Անի Մկրտչյան", organisation=made[1], defaults={
        "position": "Տեղական զարգացման ծրագրերի ղեկավար"})
    return made


def load(network: Network) -> None:
    cohort = Cohort.objects.filter(network=network, name_en=COHORT_EN).first()
    if cohort is None:
        return
    organisations = _registry()
    members = {m.community.name_hy: m for m in CohortMember.objects.filter(cohort=cohort)
               .select_related("community")}
    for name in ("Ակունք", "Դիլիջան"):
        if name in members:
            Portfolio.objects.get_or_create(member=members[name], defaults={
                "community": members[name].community, "network": network})
    dilijan = Portfolio.objects.filter(member=members.get("Դիլիջան")).first()
    if dilijan is not None:
        _dilijan(dilijan, organisations)


def _dilijan(portfolio: Portfolio, organisations: list[Organisation]) -> None:
    if portfolio.sharing != Portfolio.Sharing.PUBLIC:  # its summary is on the site
        portfolio.sharing = Portfolio.Sharing.PUBLIC
        portfolio.save(update_fields=["sharing", "updated_at"])
    Mission.objects.get_or_create(portfolio=portfolio, defaults={
        "statement_hy": "Մինչև 2029 թվականը Դիլիջանը դառնում է ամբողջ տարին հյուրընկալող "
                        "համայնք, որտեղ երիտասարդներն աշխատանք են գտնում զբոսաշրջության մեջ։",
        "statement_en": "By 2029 Dilijan is a community that welcomes visitors all year round, "
                        "where young people find work in tourism.",
        "horizon": 2029, "indicator_hy": "Հյուրագիշերներ նոյեմբերից մարտ",
        "indicator_en": "Guest nights from November to March", "unit": "հյուրագիշեր",
        "baseline": Decimal("3200"), "target": Decimal("9000"),
        "building_blocks": ["positioning", "skills"]})
    head = _person("head.dilijan@demo.hamaynk.am")
    challenges = []
    for i, (hy, en, text) in enumerate(CHALLENGES):
        challenge, _ = Challenge.objects.get_or_create(portfolio=portfolio, title_hy=hy, defaults={
            "title_en": en, "description": text, "order": i + 1})
        challenges.append(challenge)
    Evidence.objects.get_or_create(challenge=challenges[0], kind="data", defaults={
        "text": "Հյուրատների զբաղվածությունը հունվարին՝ 12 %, օգոստոսին՝ 91 %։",
        "added_by": head})
    stakeholders = []
    for organisation, role, influence, interest in (
            (organisations[3], "Արահետների տեր", 4, 5), (organisations[1], "Դոնոր", 5, 3),
            (organisations[4], "Գործընկեր", 2, 5), (organisations[0], "Կարգավորող", 5, 2)):
        stakeholder, _ = Stakeholder.objects.get_or_create(
            portfolio=portfolio, organisation=organisation, contact=None,
            defaults={"role": role, "influence": influence, "interest": interest})
        stakeholders.append(stakeholder)
    clusters = [Cluster.objects.get_or_create(portfolio=portfolio, name_hy=hy, defaults={
        "name_en": en, "order": i + 1})[0] for i, (hy, en) in enumerate(CLUSTERS)]
    made = []
    for (hy, en, if_, then, because, kind, status, cluster, budget,
         funding) in INTERVENTIONS:
        intervention, _ = Intervention.objects.get_or_create(
            portfolio=portfolio, title_hy=hy, defaults={
                "title_en": en, "hypothesis_if": if_, "hypothesis_then": then,
                "hypothesis_because": because, "kind": kind, "status": status,
                "cluster": clusters[cluster], "budget": budget, "funding": funding,
                "created_by": head})
        made.append(intervention)
    made[0].challenges.add(challenges[0])
    made[0].stakeholders.add(stakeholders[0], stakeholders[1])
    made[1].challenges.add(challenges[0])
    made[1].stakeholders.add(stakeholders[2])
    made[2].challenges.add(challenges[1])
    made[0].related.add(made[2])
    # the seed grant Dilijan won in 2025 funds its winter trails
    seed_2025 = Application.objects.filter(community=portfolio.community,
                                           call__slug="seed-2025").first()
    if seed_2025 is not None:
        GrantLink.objects.get_or_create(application=seed_2025,
                                        defaults={"intervention": made[0], "linked_by": head})
    _practice(portfolio, made, head)
    if not portfolio.sessions.exists():
        _session(portfolio, made)


def _practice(portfolio: Portfolio, made: list[Intervention], head: User | None) -> None:
    """A learning question with its log, a risk and the workplan of the winter trails."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    question, _ = LearningQuestion.objects.get_or_create(
        portfolio=portfolio, question="Կմնա՞ն արդյոք ձմեռային հյուրերը երկրորդ գիշերը։",
        defaults={"intervention": made[0]})
    LearningEntry.objects.get_or_create(question=question, text="Հունվարի 12 խմբից 5-ը մնացին "
                                        "երկու գիշեր։", defaults={
                                            "noted_on": today - datetime.timedelta(days=20),
                                            "added_by": head})
    Risk.objects.get_or_create(portfolio=portfolio, description="Ձյան պակասը ձմռանը "
                               "կփակի արահետները", defaults={
                                   "likelihood": 3, "impact": 4, "owner": head,
                                   "mitigation": "Արահետները նախատեսել նաև առանց ձյան "
                                                 "քայլքի համար"})
    for title, days in (("Նշագրել երեք արահետը", -10), ("Պատրաստել ութ ուղեկցորդ", 40)):
        Milestone.objects.get_or_create(portfolio=portfolio, title=title, defaults={
            "due_date": today + datetime.timedelta(days=days), "intervention": made[0]})


def _session(portfolio: Portfolio, made: list[Intervention]) -> None:
    """A session held two weeks ago by the coach with the head: it stops the fair and
    scales the booking site, each decision applied through the services."""
    import datetime

    from django.utils import timezone

    from hamaynk.portfolios.services import sensemaking

    coach, head = portfolio.member.coach, _person("head.dilijan@demo.hamaynk.am")
    if coach is None or head is None:
        return
    session = sensemaking.session_open(
        portfolio=portfolio, actor=coach, held_on=timezone.localdate()
        - datetime.timedelta(days=14), language="hy",
        participants=[coach, *portfolio.member.team.filter(pk=head.pk)])
    sensemaking.session_note(session=session, actor=coach, patterns=(
        "Հյուրերն ավելի երկար են մնում, երբ ամրագրում են կայքով. տոնավաճառները "
        "չեն բերում նոր գնորդներ։"))
    for kind, intervention, reason in (
            ("stop", made[3], "Երեք տոնավաճառից հետո վաճառքը չծածկեց ծախսերը։"),
            ("scale", made[1], "Ամրագրումները կրկնապատկվեցին. միանում են հարևան գյուղերը։")):
        sensemaking.decision_record(session=session, actor=coach, values=sensemaking.
                                    DecisionValues(kind=kind, reason=reason,
                                                   intervention_id=intervention.pk))
    sensemaking.session_close(session=session, actor=coach)
