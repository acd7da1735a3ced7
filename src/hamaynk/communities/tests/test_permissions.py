"""The permission matrix: every role × every registry page × own / other community."""

import pytest
from django.urls import reverse

from hamaynk.communities.models import Affiliation

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "pending", "staff", "head", "other_head", "reviewer", "coach",
         "secretariat"]
SECRETARIAT_ONLY = {"secretariat": 200}
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
def test_only_the_secretariat_can_verify(client, world, role):
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
