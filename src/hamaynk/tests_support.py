"""Factories and a small world of people and places shared by every app's tests."""

from dataclasses import dataclass
from typing import Any

import factory
from django.db.models import F

from hamaynk.accounts.models import User
from hamaynk.communities.models import Affiliation, Community, Country, Region
from hamaynk.networks.models import Membership, Network, NetworkRole


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.am")
    full_name = factory.Sequence(lambda n: f"Անուն Ազգանունյան {n}")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class CountryFactory(factory.django.DjangoModelFactory[Country]):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "AM"
    name_hy = "Հայաստան"
    name_en = "Armenia"


class RegionFactory(factory.django.DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    country = factory.SubFactory(CountryFactory)
    code = factory.Sequence(lambda n: f"AM-Z{n % 10}")
    kind = Region.Kind.MARZ
    name_hy = factory.Sequence(lambda n: f"Մարզ {n}")
    name_en = factory.Sequence(lambda n: f"Marz {n}")


class CommunityFactory(factory.django.DjangoModelFactory[Community]):
    class Meta:
        model = Community

    region = factory.SubFactory(RegionFactory)
    name_hy = factory.Sequence(lambda n: f"Համայնք {n}")
    name_en = factory.Sequence(lambda n: f"Hamaynk {n}")


class NetworkFactory(factory.django.DjangoModelFactory[Network]):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = "m4eg"
    short_name = "M4EG"
    name_hy = "Համայնքի ղեկավարները հանուն տնտեսական զարգացման"
    name_en = "Mayors for Economic Growth"


class AffiliationFactory(factory.django.DjangoModelFactory[Affiliation]):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    community = factory.SubFactory(CommunityFactory)
    role = Affiliation.Role.STAFF
    status = Affiliation.Status.VERIFIED


@dataclass
class World:
    network: Network
    kotayk: Region
    tavush: Region
    akunk: Community
    dilijan: Community
    secretariat: User
    head: User  # head of Akunk
    staff: User  # staff of Akunk
    other_head: User  # head of Dilijan
    reviewer: User
    coach: User
    outsider: User  # signed in, no role
    pending: User  # asked to be Akunk staff, not yet verified
    # A second network (the Communities Association) with its own people: its roles must
    # open nothing of the first network's.
    other_network: Network
    other_secretariat: User
    other_reviewer: User
    other_coach: User

    def people(self) -> dict[str, Any]:
        return {"anonymous": None, "outsider": self.outsider, "pending": self.pending,
                "staff": self.staff, "head": self.head, "other_head": self.other_head,
                "reviewer": self.reviewer, "coach": self.coach,
                "secretariat": self.secretariat, "other_secretariat": self.other_secretariat,
                "other_reviewer": self.other_reviewer, "other_coach": self.other_coach}


# Every role of the permission matrices, in World.people()'s order.
ROLES = ["anonymous", "outsider", "pending", "staff", "head", "other_head", "reviewer", "coach",
         "secretariat", "other_secretariat", "other_reviewer", "other_coach"]


def build_world() -> World:
    network = NetworkFactory()
    kotayk = RegionFactory(code="AM-KT", name_hy="Կոտայք", name_en="Kotayk",
                           genitive_hy="Կոտայքի")
    tavush = RegionFactory(code="AM-TV", name_hy="Տավուշ", name_en="Tavush")
    akunk = CommunityFactory(region=kotayk, name_hy="Ակունք", name_en="Akunk")
    dilijan = CommunityFactory(region=tavush, name_hy="Դիլիջան", name_en="Dilijan")
    Membership.objects.create(network=network, community=dilijan, status="acting")
    secretariat = UserFactory(email="secretariat@example.am")
    NetworkRole.objects.create(user=secretariat, network=network, role="secretariat")
    reviewer = UserFactory(email="reviewer@example.am")
    NetworkRole.objects.create(user=reviewer, network=network, role="reviewer")
    coach = UserFactory(email="coach@example.am")
    NetworkRole.objects.create(user=coach, network=network, role="coach")
    head = AffiliationFactory(community=akunk, role="head",
                              user__email="head.akunk@example.am").user
    staff = AffiliationFactory(community=akunk, role="staff",
                               user__email="staff.akunk@example.am").user
    other_head = AffiliationFactory(community=dilijan, role="head",
                                    user__email="head.dilijan@example.am").user
    pending = AffiliationFactory(community=akunk, role="staff", status="pending",
                                 user__email="pending@example.am").user
    outsider = UserFactory(email="outsider@example.am")
    caa = NetworkFactory(slug="caa", short_name="CAA", name_hy="Հայաստանի համայնքների միություն",
                         name_en="Communities Association of Armenia")
    caa_people = []
    for role in ("secretariat", "reviewer", "coach"):
        person = UserFactory(email=f"{role}@caa.example.am")
        NetworkRole.objects.create(user=person, network=caa, role=role)
        caa_people.append(person)
    return World(network, kotayk, tavush, akunk, dilijan, secretariat, head, staff, other_head,
                 reviewer, coach, outsider, pending, caa, *caa_people)


def configure_m4eg(network: Network) -> Network:
    """M4EG's rules: junior on approval, LEDP within 12 months, an EDO, two commitments and
    the council texts."""
    from hamaynk.networks.models import Commitment, CouncilTemplate

    network.status_on_approval = "junior"
    network.requires_plan = True
    network.plan_due_months = 12
    network.requires_edo = True
    network.save()
    Commitment.objects.create(network=network, order=1, text_hy="Ներկայացնել ՏՏԶԾ մեկ տարում",
                              text_en="Submit an LEDP within a year")
    Commitment.objects.create(network=network, order=2, text_hy="Նշանակել EDO",
                              text_en="Name an EDO")
    CouncilTemplate.objects.create(
        network=network, language="hy",
        title="«Համայնքի ղեկավարներ հանուն տնտեսական զարգացման» նախաձեռնությանը միանալու մասին",
        legal_basis="«Տեղական ինքնակառավարման մասին» ՀՀ օրենքի 18-րդ հոդվածի 1-ին մասի 25-րդ կետ",
        points="Հավանություն տալ {community} համայնքի միանալուն։\nՀանձնարարել ղեկավարին "
               "ստորագրել հայտը։",
        entry_into_force="Սույն որոշումն ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող "
                         "օրվանից։",
        justification="{network} ծրագիրը ...\n\nՀիմք ընդունելով վերը շարադրվածը՝ {community} "
                      "համայնքի ավագանու հաստատմանն է ներկայացվում սույն նախագիծը։")
    return network


def complete_application(application: Any, *, scan: Any) -> Any:
    """Fill every field an application needs before the head can sign it."""
    application.motivation = "Զարգացնել տեղական տնտեսությունը"
    application.edo_name = "Աննա Սարգսյան"
    application.edo_email = "edo@akunk.am"
    application.decision_number = "45-Ա"
    application.decision_date = __import__("datetime").date(2026, 11, 20)
    application.decision_scan = scan
    application.save()
    application.accepted_commitments.set(application.network.commitments.all())
    return application


# Files that are what they say they are (core.files opens PDFs and Office files to check).

def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF of blank pages, as pypdf writes it."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(72, 72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def office_bytes(main: str = WORD_MAIN, part: str = "word/document.xml",
                 extra: dict[str, bytes] | None = None) -> bytes:
    """A ZIP laid out as an Office file whose [Content_Types].xml names `part` as `main`."""
    import io
    import zipfile

    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
             '.org/package/2006/content-types"><Default Extension="xml" ContentType='
             f'"application/xml"/><Override PartName="/{part}" ContentType="{main}"/></Types>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(part, "<document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


# Rows in any state (the state-table test moves each of them through every transition).
# Dates are fixed: no row here depends on the day the suite runs.
def _moment(month: int) -> Any:
    import datetime

    return datetime.datetime(2030, month, 1, 9, tzinfo=datetime.UTC)


class StoredFileFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "core.StoredFile"

    file = factory.django.FileField(filename="plan.pdf", data=b"%PDF-1.4")
    original_name = "plan.pdf"
    content_type = "application/pdf"
    size = 8
    sha256 = "0" * 64


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    community = factory.SubFactory(CommunityFactory)


class MembershipApplicationFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "networks.MembershipApplication"

    network = factory.SubFactory(NetworkFactory)
    community = factory.SubFactory(CommunityFactory)


class DevelopmentPlanFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "networks.DevelopmentPlan"

    membership = factory.SubFactory(MembershipFactory, status=Membership.Status.JUNIOR)
    title = "Տեղական տնտեսական զարգացման ծրագիր"
    file = factory.SubFactory(StoredFileFactory)
    building_blocks = ["finance"]


class CallFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.Call"

    network = factory.SubFactory(NetworkFactory)
    kind = "seed"
    slug = factory.Sequence(lambda n: f"call-{n}")
    title_hy = "Մեկնարկային դրամաշնորհներ"
    currency = "EUR"
    envelope = 100000
    min_award = 5000
    max_award = 20000
    opens_at = factory.LazyFunction(lambda: _moment(1))
    closes_at = factory.LazyFunction(lambda: _moment(3))


class FormVersionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.FormVersion"

    call = factory.SubFactory(CallFactory)
    definition = factory.LazyFunction(lambda: {"sections": []})


class GrantApplicationFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.Application"

    call = factory.SubFactory(CallFactory)
    community = factory.SubFactory(CommunityFactory)
    form_version = factory.SubFactory(FormVersionFactory, call=factory.SelfAttribute("..call"))


class ReviewFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.Review"

    application = factory.SubFactory(GrantApplicationFactory)
    reviewer = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        """As `review_assign` does: the application counts its reviewers."""
        review = super()._create(model_class, *args, **kwargs)
        if review.status != "conflict":
            type(review.application).objects.filter(pk=review.application_id).update(
                reviewers_assigned=F("reviewers_assigned") + 1)
        return review


class GrantFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.Grant"

    application = factory.SubFactory(GrantApplicationFactory)
    call = factory.SelfAttribute("application.call")
    community = factory.SelfAttribute("application.community")
    amount = 10000
    currency = "EUR"
    awarded_at = factory.LazyFunction(lambda: _moment(4))


class TrancheFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.Tranche"

    grant = factory.SubFactory(GrantFactory)
    amount = 10000
    due_date = factory.LazyFunction(lambda: _moment(5).date())


class GrantReportFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "grants.GrantReport"

    grant = factory.SubFactory(GrantFactory)
    purpose = "progress"
    form_version = factory.SubFactory(FormVersionFactory, purpose="progress",
                                      call=factory.SelfAttribute("..grant.call"))
    due_date = factory.LazyFunction(lambda: _moment(6).date())


class CohortFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.Cohort"

    network = factory.SubFactory(NetworkFactory)
    name_hy = "Առաքելությանը միտված պորտֆելներ"


class CohortMemberFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.CohortMember"

    cohort = factory.SubFactory(CohortFactory)
    community = factory.SubFactory(CommunityFactory)
    reason = "Պատրաստ է"


class PathStepFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.PathStep"

    cohort = factory.SubFactory(CohortFactory)
    kind = "assignment"
    title_hy = "Առաքելության քարտեզ"
    due_date = factory.LazyFunction(lambda: _moment(2).date())


class SubmissionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.Submission"

    member = factory.SubFactory(CohortMemberFactory)
    step = factory.SubFactory(PathStepFactory, cohort=factory.SelfAttribute("..member.cohort"))
    text = "Քարտեզը"
    submitted_at = factory.LazyFunction(lambda: _moment(2))
# --- learning: the catalogue, sessions and enrolments --------------------------------------

def _from_now(days: float) -> Any:
    import datetime

    from django.utils import timezone

    return timezone.now() + datetime.timedelta(days=days)


class OpportunityFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.Opportunity"

    network = factory.SubFactory(NetworkFactory)
    kind = "workshop"
    format = "offline"
    languages = "hy"
    title_hy = factory.Sequence(lambda n: f"Ռեսուրսների ներգրավում {n}")
    title_en = factory.Sequence(lambda n: f"Resource mobilisation {n}")
    status = "published"
    published_at = factory.LazyFunction(lambda: _from_now(-1))


class SessionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.Session"

    opportunity = factory.SubFactory(OpportunityFactory)
    place_hy = "Երևան"
    time_zone = "Asia/Yerevan"
    starts_at = factory.LazyFunction(lambda: _from_now(20))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + __import__("datetime").timedelta(
        hours=6))
    capacity = 20
    enrolment_deadline = factory.LazyFunction(lambda: _from_now(10))


class EnrolmentFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "learning.Enrolment"

    session = factory.SubFactory(SessionFactory)
    community = factory.SubFactory(CommunityFactory)
    person = factory.SubFactory(UserFactory)
    enrolled_by = factory.SelfAttribute("person")
    status = "confirmed"
    queued_at = factory.LazyFunction(lambda: _from_now(0))


# --- portfolios -----------------------------------------------------------------------------

class PortfolioFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Portfolio"

    member = factory.SubFactory(CohortMemberFactory)
    community = factory.SelfAttribute("member.community")
    network = factory.SelfAttribute("member.cohort.network")


class InterventionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Intervention"

    portfolio = factory.SubFactory(PortfolioFactory)
    title_hy = "Գյուղական զբոսաշրջության փորձնական երթուղի"
    hypothesis_if = "Եթե երեք ընտանիք ընդունեն հյուրեր"
    hypothesis_then = "ապա գյուղում կմնան երկրորդ գիշերը"


# --- portfolios: sensemaking, snapshots and comments (psense) -------------------------------

class SensemakingSessionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.SensemakingSession"

    portfolio = factory.SubFactory(PortfolioFactory)
    held_on = factory.LazyFunction(lambda: _from_now(-1).date())  # held, in every zone
    language = "hy"


class SnapshotFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Snapshot"

    portfolio = factory.SubFactory(PortfolioFactory)
    label = factory.Sequence(lambda n: f"Վիճակի պատկեր {n}")
    data = factory.LazyFunction(lambda: {"mission": None, "challenges": [], "stakeholders": [],
                                         "clusters": [], "interventions": []})


class CommentFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Comment"

    portfolio = factory.SubFactory(PortfolioFactory)
    text = factory.Sequence(lambda n: f"Մեկնաբանություն {n}")


class SensemakingClusterFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Cluster"

    portfolio = factory.SubFactory(PortfolioFactory)
    name_hy = factory.Sequence(lambda n: f"Թեմատիկ խումբ {n}")


# -- Portfolios: interventions, clusters, canvas, practice (part "interventions") ----------

def _in_a_month() -> Any:
    import datetime

    from django.utils import timezone

    return timezone.localdate() + datetime.timedelta(days=30)


class ClusterFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Cluster"

    portfolio = factory.SubFactory(PortfolioFactory)
    name_hy = factory.Sequence(lambda n: f"Թեմատիկ խումբ {n}")
    name_en = factory.Sequence(lambda n: f"Cluster {n}")


class LearningQuestionFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.LearningQuestion"

    portfolio = factory.SubFactory(PortfolioFactory)
    question = factory.Sequence(lambda n: f"Արդյո՞ք հյուրերը կմնան երկրորդ գիշերը {n}")


class RiskFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Risk"

    portfolio = factory.SubFactory(PortfolioFactory)
    description = factory.Sequence(lambda n: f"Ճանապարհը փակ է ձմռանը {n}")
    likelihood = 3
    impact = 4


class MilestoneFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Milestone"

    portfolio = factory.SubFactory(PortfolioFactory)
    title = factory.Sequence(lambda n: f"Հանգրվան {n}")
    due_date = factory.LazyFunction(_in_a_month)


# --- portfolios: the core pages (pcore) ------------------------------------------------------

class OrganisationFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "communities.Organisation"

    kind = "ngo"
    name_hy = factory.Sequence(lambda n: f"Հասարակական կազմակերպություն {n}")
    name_en = factory.Sequence(lambda n: f"Civic organisation {n}")


class ContactFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "communities.Contact"

    full_name = factory.Sequence(lambda n: f"Անի Սարգսյան {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class StakeholderFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Stakeholder"

    portfolio = factory.SubFactory(PortfolioFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    influence = factory.Sequence(lambda n: n % 5 + 1)
    interest = factory.Sequence(lambda n: (n * 2) % 5 + 1)


class ChallengeFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Challenge"

    portfolio = factory.SubFactory(PortfolioFactory)
    title_hy = factory.Sequence(lambda n: f"Երիտասարդները հեռանում են {n}")


class EvidenceFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = "portfolios.Evidence"

    challenge = factory.SubFactory(ChallengeFactory)
    kind = "note"
    text = "42 % (մարդահամար)"
