"""The core services of a portfolio: its mission, challenges with evidence, stakeholders from
the shared registry, and what they refuse."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hamaynk.communities.models import Organisation
from hamaynk.communities.services import contact_add, organisation_add
from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry, StoredFile
from hamaynk.portfolios.models import Evidence, Mission
from hamaynk.portfolios.services.challenges import (
    ChallengeValues,
    EvidenceValues,
    challenge_add,
    challenge_change,
    challenge_remove,
    evidence_add,
    evidence_remove,
)
from hamaynk.portfolios.services.interventions import InterventionValues, intervention_add
from hamaynk.portfolios.services.portfolio import MissionValues, mission_save
from hamaynk.portfolios.services.stakeholders import (
    StakeholderValues,
    stakeholder_add,
    stakeholder_change,
    stakeholder_remove,
)
from hamaynk.tests_support import pdf_bytes

pytestmark = pytest.mark.django_db
PDF = pdf_bytes()


def mission(**changes):
    values = {"statement_hy": "Մինչև 2030 թ. տնային տնտեսությունների 30 %-ը",
              "horizon": timezone.localdate().year + 3, "indicator_hy": "տնային տնտեսություններ",
              "target": Decimal("30"), "unit": "%", "building_blocks": ["skills", "finance"]}
    return MissionValues(**{**values, **changes})


def test_the_mission_is_written_then_changed_with_what_changed_audited(world, portfolio):
    saved = mission_save(portfolio=portfolio, actor=world.staff, values=mission())
    assert saved.building_blocks == ["finance", "skills"]  # in the plan's order
    mission_save(portfolio=portfolio, actor=world.head, values=mission(target=Decimal("40")))
    assert Mission.objects.get(portfolio=portfolio).target == Decimal("40")
    entry = AuditEntry.objects.filter(action="portfolios.mission.saved").latest("pk")
    assert entry.data["changed"] == {"target": {"from": "30.00", "to": "40"}}


@pytest.mark.parametrize(("changes", "message"), [
    ({"statement_hy": "  "}, "Write the mission"),
    ({"indicator_hy": ""}, "what is measured"),
    ({"horizon": 1999}, "Choose a year"),
    ({"horizon": 10**9}, "Choose a year"),
    ({"target": Decimal("1e15")}, "smaller number"),
    ({"building_blocks": ["moon"]}, "building blocks"),
])
def test_a_mission_out_of_reason_is_refused(world, portfolio, changes, message):
    with pytest.raises(DomainError, match=message):
        mission_save(portfolio=portfolio, actor=world.staff, values=mission(**changes))


def test_only_the_community_writes_its_mission(world, portfolio):
    for outsider in (world.coach, world.secretariat, world.other_head):
        with pytest.raises(PermissionDenied):
            mission_save(portfolio=portfolio, actor=outsider, values=mission())


def test_a_challenge_is_added_changed_and_removed_with_its_evidence(world, portfolio):
    added = challenge_add(portfolio=portfolio, actor=world.staff,
                          values=ChallengeValues(title_hy="Երիտասարդները հեռանում են"))
    changed = challenge_change(challenge=added, actor=world.staff, values=ChallengeValues(
        title_hy="Երիտասարդները հեռանում են", title_en="Young people leave"))
    assert changed.title_en == "Young people leave"
    upload = SimpleUploadedFile("survey.pdf", PDF, content_type="application/pdf")
    evidence = evidence_add(challenge=changed, actor=world.head,
                            values=EvidenceValues(kind="file", text="Survey", upload=upload))
    assert evidence.file is not None and evidence.file.owner == evidence
    challenge_remove(challenge=changed, actor=world.head)
    assert not Evidence.objects.exists() and not StoredFile.objects.exists()
    assert AuditEntry.objects.filter(action="portfolios.challenge.removed").exists()


def test_a_challenge_needs_its_armenian_title(world, portfolio):
    with pytest.raises(DomainError, match="Name the challenge"):
        challenge_add(portfolio=portfolio, actor=world.staff, values=ChallengeValues(" "))


@pytest.mark.parametrize(("values", "message"), [
    (EvidenceValues(kind="note"), "Say what it shows"),
    (EvidenceValues(kind="link", url="javascript:alert(1)"), "web address"),
    (EvidenceValues(kind="link", url="not a link"), "web address"),
    (EvidenceValues(kind="file"), "Choose the file"),
    (EvidenceValues(kind="rumour", text="x"), "kind of evidence"),
    (EvidenceValues(kind="file", upload=SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")),
     "not an accepted type"),
])
def test_evidence_that_shows_nothing_is_refused(world, portfolio, values, message):
    challenge = challenge_add(portfolio=portfolio, actor=world.staff,
                              values=ChallengeValues(title_hy="Ջուր չկա"))
    with pytest.raises(DomainError, match=message):
        evidence_add(challenge=challenge, actor=world.staff, values=values)


def test_an_evidence_file_is_seen_by_whoever_sees_the_portfolio(client, world, portfolio):
    challenge = challenge_add(portfolio=portfolio, actor=world.staff,
                              values=ChallengeValues(title_hy="Ջուր չկա"))
    evidence = evidence_add(challenge=challenge, actor=world.staff, values=EvidenceValues(
        kind="file", upload=SimpleUploadedFile("a.pdf", PDF)))
    url = reverse("file", args=[evidence.file_id])
    for user, status in ((world.coach, 200), (world.secretariat, 200), (world.other_head, 404),
                         (world.other_secretariat, 404), (world.other_coach, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    evidence_remove(evidence=evidence, actor=world.staff)
    client.force_login(world.head)
    assert client.get(url).status_code == 404


def test_the_registry_refuses_an_exact_duplicate_and_points_to_it(world):
    ministry = organisation_add(actor=world.head, kind="government",
                                name_hy="Էկոնոմիկայի նախարարություն",
                                name_en="Ministry of Economy")
    with pytest.raises(DomainError, match="«Ministry of Economy» is already in the registry"):
        organisation_add(actor=world.staff, kind="government", name_hy="",
                         name_en="  ministry of  economy ")
    person = contact_add(actor=world.head, full_name="Անի Սարգսյան", organisation=ministry)
    with pytest.raises(DomainError, match="already in the registry"):
        contact_add(actor=world.staff, full_name="անի սարգսյան", organisation=ministry)
    assert person.added_by == world.head
    assert AuditEntry.objects.filter(action="communities.organisation.added").count() == 1


def test_only_people_of_the_programme_add_to_the_registry(world):
    for actor in (world.outsider, world.pending):
        with pytest.raises(PermissionDenied):
            organisation_add(actor=actor, kind="ngo", name_hy="ՀԿ")
    with pytest.raises(DomainError, match="kind of organisation"):
        organisation_add(actor=world.head, kind="club", name_hy="ՀԿ")
    with pytest.raises(DomainError, match="name in Armenian or English"):
        organisation_add(actor=world.head, kind="ngo", name_hy=" ")


def test_a_stakeholder_is_named_once_changed_and_removed_from_interventions(world, portfolio):
    donor = Organisation.objects.create(kind="donor", name_en="UNDP")
    added = stakeholder_add(portfolio=portfolio, actor=world.staff, organisation=donor,
                            values=StakeholderValues(influence=5, interest=4, role="Funder"))
    with pytest.raises(DomainError, match="already a stakeholder"):
        stakeholder_add(portfolio=portfolio, actor=world.staff, organisation=donor,
                        values=StakeholderValues(influence=1, interest=1))
    with pytest.raises(DomainError, match="from 1"):
        stakeholder_change(stakeholder=added, actor=world.staff,
                           values=StakeholderValues(influence=6, interest=1))
    stakeholder_change(stakeholder=added, actor=world.staff,
                       values=StakeholderValues(influence=2, interest=4, role="Funder"))
    involving = intervention_add(portfolio=portfolio, actor=world.staff, values=InterventionValues(
        title_hy="Հյուրատներ", hypothesis_if="Եթե", hypothesis_then="ապա",
        stakeholder_ids=[added.pk]))
    stakeholder_remove(stakeholder=added, actor=world.head)
    assert not involving.stakeholders.exists()
    entry = AuditEntry.objects.filter(action="portfolios.stakeholder.removed").get()
    assert entry.data["interventions"] == [involving.pk]


def test_a_stakeholder_is_someone_of_the_registry(world, portfolio):
    with pytest.raises(DomainError, match="Choose an organisation or a person"):
        stakeholder_add(portfolio=portfolio, actor=world.staff,
                        values=StakeholderValues(influence=1, interest=1))
    with pytest.raises(PermissionDenied):
        stakeholder_add(portfolio=portfolio, actor=world.coach,
                        organisation=Organisation.objects.create(kind="ngo", name_hy="ՀԿ"),
                        values=StakeholderValues(influence=1, interest=1))
