"""Demo portfolio: Akunk's, in the M4EG cohort, with its mission, two challenges with their
evidence and stakeholders from the shared registry — written through the services, as its
head would. Safe to run again: it adds nothing to a portfolio that already has a mission."""

from decimal import Decimal

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.models import Organisation
from hamaynk.communities.services import contact_add, organisation_add
from hamaynk.learning.models import CohortMember
from hamaynk.networks.models import Network
from hamaynk.portfolios.models import Mission
from hamaynk.portfolios.services.challenges import (
    ChallengeValues,
    EvidenceValues,
    challenge_add,
    evidence_add,
)
from hamaynk.portfolios.services.portfolio import MissionValues, mission_save, portfolio_start
from hamaynk.portfolios.services.stakeholders import StakeholderValues, stakeholder_add

STAKEHOLDERS = [
    ("government", "ՀՀ էկոնոմիկայի նախարարություն", "Ministry of Economy of Armenia", 5, 3,
     "Ծրագրերի և թույլտվությունների քաղաքականություն"),
    ("donor", "ՄԱԶԾ Հայաստան", "UNDP Armenia", 4, 5, "Ուղղորդում և մեկնարկային դրամաշնորհ"),
    ("local", "Կոտայքի մարզպետարան", "Kotayk Regional Administration", 4, 2, "Ճանապարհներ"),
    ("business", "«Ակունք Ագրո» ՍՊԸ", "Akunk Agro LLC", 2, 4, "Տեղական արտադրանք"),
    ("ngo", "Կոտայքի երիտասարդական կենտրոն", "Kotayk Youth Centre", 1, 5, "Երիտասարդներ"),
]


def _mission(year: int) -> MissionValues:
    return MissionValues(
        statement_hy="Մինչև 2030 թվականը Ակունքի տնային տնտեսությունների 30 տոկոսը եկամուտ "
                     "կստանա ոչ գյուղատնտեսական գործունեությունից",
        statement_en="By 2030, 30 per cent of Akunk's households earn from a non-farm activity",
        horizon=max(year, 2030), indicator_hy="ոչ գյուղատնտեսական եկամուտ ունեցող տնային "
                                              "տնտեսությունների մասնաբաժին",
        indicator_en="share of households with a non-farm income", unit="%",
        baseline=Decimal("8"), target=Decimal("30"), building_blocks=["skills", "finance"])


def load(network: Network) -> None:
    head = User.objects.filter(email="head.akunk@demo.hamaynk.am").first()
    member = (CohortMember.objects.filter(cohort__network=network, community__name_en="Akunk")
              .select_related("cohort").first())
    if head is None or member is None:
        return
    portfolio = portfolio_start(member=member, actor=head)
    if Mission.objects.filter(portfolio=portfolio).exists():
        return
    mission_save(portfolio=portfolio, actor=head, values=_mission(timezone.localdate().year))
    youth = challenge_add(portfolio=portfolio, actor=head, values=ChallengeValues(
        title_hy="Երիտասարդները լքում են համայնքը աշխատանքի բացակայության պատճառով",
        title_en="Young people leave for lack of work",
        description="2015–2024 թթ. 18–30 տարեկանների 42 տոկոսը մեկնել է։"))
    evidence_add(challenge=youth, actor=head, values=EvidenceValues(
        kind="data", text="42 տոկոս (մարդահամար, 2022)"))
    evidence_add(challenge=youth, actor=head, values=EvidenceValues(
        kind="link", text="Վիճակագրական կոմիտե", url="https://armstat.am/am/"))
    challenge_add(portfolio=portfolio, actor=head, values=ChallengeValues(
        title_hy="Զբոսաշրջիկները մնում են մեկ օր", title_en="Visitors stay one day"))
    for kind, name_hy, name_en, influence, interest, role in STAKEHOLDERS:
        organisation = (Organisation.objects.filter(name_en=name_en).first()
                        or organisation_add(actor=head, kind=kind, name_hy=name_hy,
                                            name_en=name_en))
        stakeholder_add(portfolio=portfolio, actor=head, organisation=organisation,
                        values=StakeholderValues(influence=influence, interest=interest,
                                                 role=role))
    undp = Organisation.objects.get(name_en="UNDP Armenia")
    person = contact_add(actor=head, full_name="Անահիտ Մկրտչյան", position="Ծրագրի ղեկավար",
                         organisation=undp)
    stakeholder_add(portfolio=portfolio, actor=head, contact=person,
                    values=StakeholderValues(influence=4, interest=5))
