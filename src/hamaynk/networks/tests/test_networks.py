import pytest
from django.urls import reverse

from hamaynk.networks.models import NetworkRole
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_team_page_matrix(client, world, role):
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(reverse("networks:team", args=["m4eg"])).status_code
    assert status == {"secretariat": 200, "anonymous": 302}.get(role, 404)


def test_secretariat_adds_and_removes_a_reviewer(client, world, mailoutbox,
                                                 django_capture_on_commit_callbacks):
    client.force_login(world.secretariat)
    url = reverse("networks:team", args=["m4eg"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "OUTSIDER@example.am", "role": "reviewer"})
    assert response.status_code == 302
    assert NetworkRole.objects.filter(user=world.outsider, role="reviewer").exists()
    assert mailoutbox and mailoutbox[0].to == ["outsider@example.am"]
    response = client.post(url, {"email": "outsider@example.am", "role": "reviewer"})
    assert response.status_code == 200 and "email" in response.context["form"].errors
    response = client.post(url, {"email": "nobody@example.am", "role": "reviewer"})
    assert "email" in response.context["form"].errors
    role = NetworkRole.objects.get(user=world.outsider)
    client.post(reverse("networks:team_remove", args=["m4eg", role.pk]))
    assert not NetworkRole.objects.filter(user=world.outsider).exists()


def test_secretariat_cannot_remove_their_own_role(client, world):
    client.force_login(world.secretariat)
    own = NetworkRole.objects.get(user=world.secretariat, role="secretariat")
    client.post(reverse("networks:team_remove", args=["m4eg", own.pk]))
    assert NetworkRole.objects.filter(pk=own.pk).exists()


def test_home_and_network_pages(client, world):
    response = client.get("/")
    assert [(n.slug, n.member_count) for n in response.context["networks"]] == [
        ("caa", 0), ("m4eg", 1)]
    assert client.get(reverse("networks:detail", args=["m4eg"])).status_code == 200
    assert client.get(reverse("networks:detail", args=["nope"])).status_code == 404
