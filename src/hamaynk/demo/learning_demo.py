"""Demo learning catalogue: a two-day workshop in Chișinău (2 seats per community), a webinar
the organiser approves, a hybrid course of the Association, an e-learning draft; Akunk's
head waits for approval in the webinar; the workshop asks registration questions and for
feedback after it. Idempotent: opportunities are matched by network
and Armenian title, sessions by opportunity and label, enrolments by session and person."""

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

from django.utils import timezone

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community, Country
from hamaynk.learning.models import Enrolment, Material, Opportunity, Session, Topic
from hamaynk.networks.models import Network

OPPORTUNITIES: list[dict[str, Any]] = [
    {"network": "m4eg", "kind": "workshop", "format": "offline", "languages": "hy,en,ro",
     "audience": "head,staff", "hours": Decimal("12"), "topics": ["resource-mobilisation"],
     "title_hy": "Ռեսուրսների ներգրավում և ֆինանսավորման նոր աղբյուրներ համայնքների համար",
     "title_en": "Resource mobilisation and new funding sources for local governments",
     "description_hy": "Երկօրյա աշխատաժողով՝ դոնոր կազմակերպությունների, պետական "
                       "ծրագրերի և մասնավոր գործընկերների միջոցները համայնքի զարգացման "
                       "նախագծերի համար ներգրավելու մասին։ Մասնակիցները կմշակեն իրենց "
                       "համայնքի նախագծային առաջարկի նախնական տարբերակը։",
     "description_en": "A two-day workshop on drawing funds from donors, state programmes "
                       "and private partners into a community's development projects. "
                       "Participants draft their own community's project proposal.",
     "sessions": [{"label_hy": "Քիշնև, երկօրյա", "label_en": "Chișinău, two days",
                   "country": "MD", "place_hy": "Քիշնև, Ստեֆան չել Մարե պողոտա 1",
                   "place_en": "Chișinău, 1 Stefan cel Mare Boulevard",
                   "time_zone": "Europe/Chisinau", "days": 30, "length_days": 1,
                   "capacity": 30, "community_quota": 2, "country_quota": 15}],
     "materials": [("Աշխատաժողովի օրակարգը", "The workshop's agenda",
                    "https://www.m4eg.eu/en/")]},
    {"network": "m4eg", "kind": "webinar", "format": "online", "languages": "hy,en",
     "audience": "head", "hours": Decimal("2"), "topics": ["leadership"],
     "title_hy": "Առաջնորդություն համայնքի ղեկավարների համար",
     "title_en": "Leadership for community heads",
     "description_hy": "Վեբինար՝ փոփոխությունների կառավարման և համայնքի թիմի "
                       "ներգրավման մասին։",
     "description_en": "A webinar on leading change and engaging the community's team.",
     "sessions": [{"label_hy": "Առցանց", "label_en": "Online",
                   "online_url": "https://meet.example.org/m4eg-leadership",
                   "time_zone": "Asia/Yerevan", "days": 12, "length_days": 0,
                   "capacity": 100, "needs_approval": True}]},
    {"network": "caa", "kind": "course", "format": "hybrid", "languages": "hy",
     "audience": "staff,council", "hours": Decimal("24"),
     "topics": ["digital-skills", "municipal-finance"],
     "title_hy": "Թվային հմտություններ համայնքապետարանի աշխատակազմի համար",
     "title_en": "Digital skills for municipal staff",
     "description_hy": "Չորս հանդիպում՝ էլեկտրոնային փաստաթղթաշրջանառություն, "
                       "բաց տվյալներ և համայնքային բյուջեի թափանցիկություն։",
     "description_en": "Four meetings: electronic records, open data and a transparent "
                       "community budget.",
     "sessions": [{"label_hy": "Երևան և առցանց", "label_en": "Yerevan and online",
                   "country": "AM", "place_hy": "Երևան, ՀՀՄ գրասենյակ",
                   "place_en": "Yerevan, the Association's office",
                   "online_url": "https://meet.example.org/caa-digital",
                   "time_zone": "Asia/Yerevan", "days": 45, "length_days": 0,
                   "capacity": 25, "community_quota": 3}]},
    {"network": "m4eg", "kind": "elearning", "format": "online", "languages": "en",
     "audience": "staff", "hours": Decimal("8"), "topics": ["green-transition"],
     "status": "draft",
     "title_hy": "Կանաչ անցում. համայնքի էներգախնայողության ծրագիր",
     "title_en": "Green transition: a community energy-saving plan",
     "sessions": []},
]


def _moment(days: int, zone: str, hour: int) -> datetime.datetime:
    day = (timezone.now() + datetime.timedelta(days=days)).astimezone(
        zoneinfo.ZoneInfo(zone)).date()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zoneinfo.ZoneInfo(zone))


def _session(opportunity: Opportunity, values: dict[str, Any]) -> Session:
    values = dict(values)
    days, length = values.pop("days"), values.pop("length_days")
    zone = values["time_zone"]
    country = values.pop("country", None)
    starts = _moment(days, zone, 10)
    session = Session.objects.filter(opportunity=opportunity,
                                     label_hy=values["label_hy"]).first()
    if session is None:
        session = Session.objects.create(
            opportunity=opportunity, **values, starts_at=starts,
            ends_at=_moment(days + length, zone, 17),
            enrolment_deadline=starts - datetime.timedelta(days=3),
            cancellation_cutoff=starts - datetime.timedelta(days=1),
            country=Country.objects.filter(code=country).first() if country else None)
    return session


def _opportunity(networks: dict[str, Network], values: dict[str, Any]) -> Opportunity:
    values = dict(values)
    network = networks[values.pop("network")]
    sessions, materials = values.pop("sessions"), values.pop("materials", [])
    topics = values.pop("topics")
    status = values.pop("status", "published")
    opportunity = Opportunity.objects.filter(network=network,
                                             title_hy=values["title_hy"]).first()
    if opportunity is None:
        opportunity = Opportunity.objects.create(
            network=network, status=status, **values,
            published_at=timezone.now() if status == "published" else None)
        opportunity.topics.set(Topic.objects.filter(slug__in=topics))
    for session in sessions:
        _session(opportunity, session)
    for title_hy, title_en, url in materials:
        Material.objects.get_or_create(opportunity=opportunity, title_hy=title_hy,
                                       defaults={"title_en": title_en, "url": url})
    return opportunity


# The workshop asks two registration questions and, after it, for feedback.
QUESTIONNAIRES: dict[str, list[dict[str, Any]]] = {
    "registration": [
        {"key": "position", "type": "short_text", "required": True,
         "label_hy": "Ձեր պաշտոնը համայնքապետարանում", "label_en": "Your position in the office"},
        {"key": "meals", "type": "single_choice", "label_hy": "Սնունդ",
         "label_en": "Meals", "choices": [
             {"value": "any", "label_hy": "Ցանկացած", "label_en": "Any"},
             {"value": "vegetarian", "label_hy": "Բուսակերային", "label_en": "Vegetarian"}]}],
    "feedback": [
        {"key": "useful", "type": "single_choice", "required": True,
         "label_hy": "Որքանո՞վ էր օգտակար աշխատաժողովը", "label_en": "How useful was it?",
         "choices": [{"value": "very", "label_hy": "Շատ", "label_en": "Very"},
                     {"value": "somewhat", "label_hy": "Որոշ չափով", "label_en": "Somewhat"},
                     {"value": "not", "label_hy": "Օգտակար չէր", "label_en": "Not useful"}]},
        {"key": "improve", "type": "long_text", "label_hy": "Ի՞նչ բարելավել",
         "label_en": "What should we improve?"}],
}


def _questionnaires(opportunity: Opportunity) -> None:
    from hamaynk.learning.models import LearningForm
    from hamaynk.learning.services.forms import starter

    for purpose, questions in QUESTIONNAIRES.items():
        if not LearningForm.objects.filter(opportunity=opportunity, purpose=purpose).exists():
            definition = starter(purpose)
            definition["sections"][0]["questions"] = questions
            LearningForm.objects.create(opportunity=opportunity, purpose=purpose, number=1,
                                        definition=definition)


# A third colleague in Akunk, so that its staff can enrol three people in the workshop
# (two seats per community: the third waits).
COLLEAGUE = ("finance.akunk@demo.hamaynk.am", "Անահիտ Գալստյան-Տեր-Մինասյան")


def _colleague(akunk: Community, secretariat: User | None) -> None:
    from django.conf import settings

    from hamaynk.communities.models import Affiliation

    email, full_name = COLLEAGUE
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, settings.HAMAYNK_DEMO_PASSWORD,
                                        full_name=full_name)
    if not Affiliation.objects.filter(user=user, community=akunk).exists():
        Affiliation.objects.create(user=user, community=akunk, role="staff",
                                   position="Ֆինանսական բաժնի պետ", status="verified",
                                   decided_by=secretariat)


def load(networks: dict[str, Network], secretariat: User | None = None) -> None:
    found = [_opportunity(networks, values) for values in OPPORTUNITIES]
    _questionnaires(found[0])
    head = User.objects.filter(email="head.akunk@demo.hamaynk.am").first()
    akunk = Community.objects.filter(region__code="AM-KT", name_hy="Ակունք").first()
    if akunk is not None:
        _colleague(akunk, secretariat)
    webinar = found[1].sessions.order_by("pk").first()
    if head is not None and akunk is not None and webinar is not None and not \
            Enrolment.objects.filter(session=webinar, person=head).exists():
        Enrolment.objects.create(session=webinar, community=akunk, person=head,
                                 enrolled_by=head, status=Enrolment.Status.REQUESTED,
                                 queued_at=timezone.now())
