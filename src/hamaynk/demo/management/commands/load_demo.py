"""Demo data: the real registry, the two networks, member communities and one account per
role. Safe to run again: it matches what exists and never duplicates. Refused when DEBUG
is off, because every demo account shares the public password."""

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hamaynk.accounts.models import User
from hamaynk.communities.importer import import_registry
from hamaynk.communities.models import Affiliation, Community
from hamaynk.demo import (
    attendance_demo,
    certificates_demo,
    coaching_demo,
    grants_demo,
    learning_demo,
    portfolio_demo,
)
from hamaynk.networks.models import Commitment, CouncilTemplate, Membership, Network, NetworkRole
from hamaynk.networks.services._common import add_months

M4EG_DESCRIPTION_HY = (
    "«Համայնքի ղեկավարները հանուն տնտեսական զարգացման» (ՀՀՏԶ/M4EG) նախաձեռնությունը, "
    "որը 2017 թ. մեկնարկել է Եվրոպական միությունը, իսկ 2021 թ. վերսկսվել է ՄԱԿ-ի "
    "Զարգացման ծրագրի մասնակցությամբ, հնարավորություն է տալիս Հայաստանի, Մոլդովայի և "
    "Ուկրաինայի տեղական իշխանություններին ուսումնասիրելու և գործի դնելու տնտեսական աճի "
    "նորարարական ուղիները։ 2025–2028 թթ. փուլում՝ առցանց և առկա ուսուցում, խորը ուսուցում "
    "և ուղղորդում Առաքելությանը միտված պորտֆելների համար, մեկնարկային, ապա զարգացման և "
    "մասշտաբայնացման դրամաշնորհներ առաջարկների ամենամյա բաց մրցույթի միջոցով, "
    "Նորարարական մարտահրավերների դրամաշնորհ, տարածաշրջանային ֆորումներ և ազգային "
    "հարթակներ։")
M4EG_DESCRIPTION_EN = (
    "Mayors for Economic Growth (M4EG), launched by the European Union in 2017 and renewed "
    "in 2021 with UNDP, helps local authorities of Armenia, Moldova and Ukraine explore and "
    "put into practice innovative paths to economic growth. Phase 3 (2025–2028): online and "
    "offline learning; deep learning and coaching for mission-oriented portfolios; seed, "
    "then development and scaling grants through an annual open call; an Innovation "
    "Challenge grant; regional forums and national platforms.")
CAA_DESCRIPTION_HY = (
    "Միության ռազմավարական նպատակները՝ շահերի պաշտպանության գործունեության ազդեցության "
    "մեծացում, ՏԻՄ-երի կարողությունների զարգացում, Միության ինստիտուցիոնալ զարգացում և "
    "հանրային հաղորդակցության զարգացում։")
CAA_DESCRIPTION_EN = (
    "The Association's strategic goals: more effective, participatory advocacy; capacity "
    "development of local self-government bodies; the Association's institutional "
    "development; public communication.")

# The justification of Akunk's draft decision (shared/seeds/000_…), the model text.
SEED_JUSTIFICATION = (Path(__file__).resolve().parents[2] / "seed_justification.txt"
                      ).read_text(encoding="utf-8")
M4EG_COMMITMENTS = [
    ("Մշակել և ներկայացնել համայնքի տեղական տնտեսական զարգացման ծրագիր (ՏՏԶԾ) "
     "անդամակցելուց հետո մեկ տարվա ընթացքում։",
     "Prepare and submit a Local Economic Development Plan (LEDP) within a year of joining."),
    ("Նշանակել տնտեսական զարգացման պատասխանատու (EDO), որը լիազորված է համայնքի ղեկավարի "
     "կողմից և հասանելի է քարտուղարության համար։",
     "Name an Economic Development Officer (EDO), mandated by the head and responsive to the "
     "secretariat."),
    ("Պարբերաբար զեկուցել ծրագրի իրականացման ընթացքի մասին։",
     "Report regularly on the implementation of the plan."),
    ("Մասնակցել նախաձեռնության ուսուցողական միջոցառումներին և փոխանակել փորձը այլ "
     "անդամների հետ։",
     "Take part in the initiative's learning events and share experience with other members."),
]
M4EG_COUNCIL_TEXTS = {
    "hy": {
        "title": "«{network}» նախաձեռնությանը միանալու մասին",
        "legal_basis": "«Տեղական ինքնակառավարման մասին» Հայաստանի Հանրապետության օրենքի "
                       "13-րդ հոդվածի 10-րդ մաս\n«Տեղական ինքնակառավարման մասին» Հայաստանի "
                       "Հանրապետության օրենքի 18-րդ հոդվածի 1-ին մասի 25-րդ կետ",
        "points": "Հավանություն տալ {community} համայնքի՝ «{network}» նախաձեռնությանը "
                  "միանալուն։\n"
                  "Հանձնարարել համայնքի ղեկավարին ստորագրել և նախաձեռնության "
                  "քարտուղարություն ներկայացնել անդամակցության հայտը։",
        "entry_into_force": "Սույն որոշումն ուժի մեջ է մտնում պաշտոնական հրապարակմանը "
                            "հաջորդող օրվանից։",
        "justification": SEED_JUSTIFICATION,
    },
    "en": {
        "title": "On joining the Mayors for Economic Growth initiative",
        "legal_basis": "Law of the Republic of Armenia on Local Self-Government, art. 13(10)\n"
                       "Law of the Republic of Armenia on Local Self-Government, art. 18(1)(25)",
        "points": "To approve {community} community joining the Mayors for Economic Growth "
                  "initiative.\nTo instruct the community head to sign and submit the "
                  "membership application to the initiative's secretariat.",
        "entry_into_force": "This decision enters into force on the day following its "
                            "official publication.",
        "justification": M4EG_DESCRIPTION_EN,
    },
}

# (marz, Armenian name, network, status, since)
MEMBERSHIPS = [
    ("AM-TV", "Դիլիջան", "m4eg", "acting", date(2021, 6, 1)),
    ("AM-TV", "Իջևան", "m4eg", "junior", date(2026, 3, 2)),
    ("AM-GR", "Մարտունի", "m4eg", "suspended", date(2019, 3, 1)),
    ("AM-GR", "Սևան", "m4eg", "acting", date(2018, 3, 8)),
    ("AM-TV", "Դիլիջան", "caa", "member", date(2010, 1, 1)),
    ("AM-TV", "Իջևան", "caa", "member", date(2012, 1, 1)),
    ("AM-KT", "Ակունք", "caa", "member", date(2022, 1, 1)),
    ("AM-LO", "Վանաձոր", "caa", "member", date(2008, 1, 1)),
    ("AM-SU", "Գորիս", "caa", "member", date(2009, 1, 1)),
]

# (email, full name, network role or None, (marz, community, role, status) or None). A
# network role serves M4EG (the secretariat serves the association too) unless it names its
# network ("caa:secretariat": the association's secretariat only).
ACCOUNTS: list[tuple[str, str, str | None, tuple[str, str, str, str] | None]] = [
    ("secretariat@demo.hamaynk.am", "Անի Մկրտչյան", "secretariat", None),
    ("secretariat.caa@demo.hamaynk.am", "Կարեն Մանուկյան", "caa:secretariat", None),
    ("head.akunk@demo.hamaynk.am", "Արամ Հովհաննիսյան", None,
     ("AM-KT", "Ակունք", "head", "verified")),
    ("staff.akunk@demo.hamaynk.am", "Լիլիթ Սարգսյան", None,
     ("AM-KT", "Ակունք", "staff", "verified")),
    ("head.dilijan@demo.hamaynk.am", "Գևորգ Ավետիսյան", None,
     ("AM-TV", "Դիլիջան", "head", "verified")),
    ("reviewer@demo.hamaynk.am", "Նարինե Գրիգորյան", "reviewer", None),
    ("coach@demo.hamaynk.am", "Տիգրան Պողոսյան", "coach", None),
    ("staff.ijevan@demo.hamaynk.am", "Մարիամ Հակոբյան", None,
     ("AM-TV", "Իջևան", "staff", "pending")),
]


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Refused when DEBUG is off."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data uses a public password; it is loaded only with DEBUG on.")
        with transaction.atomic():
            import_registry()
            networks = self._networks()
            for marz, name, slug, status, since in MEMBERSHIPS:
                network = networks[slug]
                extra: dict[str, Any] = {}
                if network.requires_plan and status in ("junior", "suspended"):
                    extra["plan_due"] = add_months(since, network.plan_due_months)
                if status == "suspended":
                    extra["status_before_suspension"] = "junior"
                    extra["status_reason"] = "Տեղական տնտեսական զարգացման ծրագիրը " \
                        "ժամկետում չի ներկայացվել։"
                Membership.objects.update_or_create(
                    network=network, community=self._community(marz, name),
                    defaults={"status": status, "since": since, **extra})
            secretariat = None
            for email, full_name, network_role, affiliation in ACCOUNTS:
                user = User.objects.filter(email=email).first()
                if user is None:
                    user = User.objects.create_user(email, settings.HAMAYNK_DEMO_PASSWORD,
                                                    full_name=full_name)
                if network_role and ":" in network_role:
                    slug, role_only = network_role.split(":")
                    NetworkRole.objects.get_or_create(user=user, network=networks[slug],
                                                      role=role_only)
                elif network_role:
                    NetworkRole.objects.get_or_create(user=user, network=networks["m4eg"],
                                                      role=network_role)
                    if network_role == "secretariat":
                        secretariat = user
                        NetworkRole.objects.get_or_create(user=user, network=networks["caa"],
                                                          role=network_role)
                if affiliation:
                    marz, name, role, status = affiliation
                    community = self._community(marz, name)
                    if not Affiliation.objects.filter(user=user, community=community).exists():
                        Affiliation.objects.create(
                            user=user, community=community, role=role, status=status,
                            decided_by=secretariat if status == "verified" else None)
            grants_demo.load(networks["m4eg"], secretariat)
            certificates_demo.load(networks["m4eg"], secretariat)
            coaching_demo.load(networks["m4eg"])  # the cohort's path, log and teams
            learning_demo.load(networks, secretariat)
            attendance_demo.load(networks["m4eg"], secretariat)  # after the colleague
            portfolio_demo.load(networks["m4eg"])  # Akunk's portfolio, after its cohort
        self.stdout.write(self.style.SUCCESS("Demo data ready. Accounts (password demo12345, "
                                             "demo only):"))
        for email, _name, network_role, affiliation in ACCOUNTS:
            what = network_role or (f"{affiliation[2]} · {affiliation[1]} ({affiliation[3]})"
                                    if affiliation else "")
            self.stdout.write(f"  {email:32} {what}")

    def _networks(self) -> dict[str, Network]:
        m4eg, _ = Network.objects.update_or_create(slug="m4eg", defaults={
            "short_name": "M4EG",
            "name_hy": "Համայնքի ղեկավարները հանուն տնտեսական զարգացման",
            "name_en": "Mayors for Economic Growth",
            "description_hy": M4EG_DESCRIPTION_HY, "description_en": M4EG_DESCRIPTION_EN,
            "website": "https://www.m4eg.eu/", "status_on_approval": "junior",
            "requires_plan": True, "plan_due_months": 12, "requires_edo": True})
        caa, _ = Network.objects.update_or_create(slug="caa", defaults={
            "short_name": "ՀՀՄ / CAA",
            "name_hy": "Հայաստանի համայնքների միություն",
            "name_en": "Communities Association of Armenia",
            "description_hy": CAA_DESCRIPTION_HY, "description_en": CAA_DESCRIPTION_EN})
        if not m4eg.commitments.exists():
            for order, (hy, en) in enumerate(M4EG_COMMITMENTS, start=1):
                Commitment.objects.create(network=m4eg, order=order, text_hy=hy, text_en=en)
        for language, texts in M4EG_COUNCIL_TEXTS.items():
            CouncilTemplate.objects.get_or_create(network=m4eg, language=language,
                                                  defaults=texts)
        return {"m4eg": m4eg, "caa": caa}

    def _community(self, marz: str, name_hy: str) -> Community:
        return Community.objects.get(region__code=marz, name_hy=name_hy)
