"""The permission matrix: every role × every registry page × own / other community.

Akunk works with M4EG (it has started an application), so M4EG's secretariat is responsible
for it and the second network's secretariat is not."""

import pytest
from django.urls import reverse

from hamaynk.communities import services
from hamaynk.communities.models import Affiliation
from hamaynk.networks.models import MembershipApplication
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import ROLES, AffiliationFactory, CommunityFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRETARIAT_ONLY = {"secretariat": 200, "other_secretariat": 200}  # each sees its own


@pytest.fixture(autouse=True)
def akunk_applies_to_m4eg(world):
    MembershipApplication.objects.create(network=world.network, community=world.akunk)
OWN_COMMUNITY = {"staff": 200, "head": 200, "secretariat": 200}


def expected(table: dict[str, int], role: str, *, default: int) -> int:
    return table.get(role, default)


CASES = [
    # (name, url builder, who gets 200, what the others get)
    ("directory", lambda w: reverse("communities:directory"), dict.fromkeys(ROLES, 200), 200),
    ("profile", lambda w: w.akunk.get_absolute_url(), dict.fromkeys(ROLES, 200), 200),
    ("edit own (Akunk)", lambda w: reverse("communities:edit", args=[w.akunk.pk]),
     OWN_COMMUNITY, 404),
    ("edit other (Dilijan)", lambda w: reverse("communities:edit", args=[w.dilijan.pk]),
     {"other_head": 200, "secretariat": 200}, 404),
    ("affiliation queue", lambda w: reverse("communities:affiliations"), SECRETARIAT_ONLY, 404),
    ("registry check", lambda w: reverse("communities:candidates"), SECRETARIAT_ONLY, 404),
    ("request affiliation", lambda w: reverse("communities:affiliation_request"),
     {r: 200 for r in ROLES if r != "anonymous"}, 302),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "allowed", "denied"), CASES, ids=[c[0] for c in CASES])
def test_get_matrix(client, world, role, name, url, allowed, denied):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(url(world)).status_code
    want = allowed.get(role, denied)
    if role == "anonymous" and want == 404 and "edit" in name or (
            role == "anonymous" and name in {"affiliation queue", "registry check"}):
        want = 302  # sent to sign in first
    assert status == want, f"{role} on {name}: {status}"


@pytest.mark.parametrize("role", ROLES)
def test_only_the_responsible_secretariat_can_verify(client, world, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    pending = Affiliation.objects.get(user=world.pending)
    response = client.post(reverse("communities:affiliation_decide", args=[pending.pk, "verify"]))
    pending.refresh_from_db()
    if role == "secretariat":
        assert pending.status == "verified"
    else:
        assert response.status_code in (302, 404) and pending.status == "pending"
        if role != "anonymous":
            assert response.status_code == 404


def test_unknown_decision_is_404(client, world):
    client.force_login(world.secretariat)
    pending = Affiliation.objects.get(user=world.pending)
    url = reverse("communities:affiliation_decide", args=[pending.pk, "delete"])
    assert client.post(url).status_code == 404


def test_another_networks_secretariat_sees_no_request_of_a_community_it_does_not_serve(
        client, world):
    client.force_login(world.other_secretariat)
    page = client.get(reverse("communities:affiliations")).content.decode()
    assert world.pending.email not in page
    client.force_login(world.secretariat)
    assert world.pending.email in client.get(reverse("communities:affiliations")).content.decode()


def test_a_community_that_works_with_no_network_is_verified_by_any_secretariat(world):
    newcomer = CommunityFactory(region=world.kotayk, name_hy="Արզնի", name_en="Arzni")
    asking = services.affiliation_request(user=UserFactory(), community=newcomer, role="head")
    told = set(Notification.objects.filter(kind="communities.affiliation.requested")
               .values_list("recipient", flat=True))
    assert told == {world.secretariat.pk, world.other_secretariat.pk}
    services.affiliation_verify(affiliation=asking, actor=world.other_secretariat)
    asking.refresh_from_db()
    assert asking.status == "verified"


def test_a_request_tells_only_the_secretariat_of_the_networks_the_community_works_with(world):
    services.affiliation_request(user=UserFactory(), community=world.akunk, role="staff")
    told = set(Notification.objects.filter(kind="communities.affiliation.requested")
               .values_list("recipient", flat=True))
    assert told == {world.secretariat.pk}


def test_the_head_is_told_when_someone_else_is_verified_for_the_community(world):
    pending = Affiliation.objects.get(user=world.pending)
    services.affiliation_verify(affiliation=pending, actor=world.secretariat)
    notes = Notification.objects.filter(kind="communities.affiliation.verified_for_head")
    assert [n.recipient for n in notes] == [world.head]


def test_verifying_for_another_network_does_not_open_the_first_networks_application(
        client, world):
    """The finding: a second network's officer verified a person for Akunk, which opened
    Akunk's M4EG application to them. Now the officer may not verify Akunk's people."""
    from django.core.exceptions import PermissionDenied

    crony = AffiliationFactory(community=world.akunk, role="staff", status="pending")
    with pytest.raises(PermissionDenied):
        services.affiliation_verify(affiliation=crony, actor=world.other_secretariat)
    application = MembershipApplication.objects.get(community=world.akunk)
    client.force_login(crony.user)
    assert client.get(application.get_absolute_url()).status_code == 404
