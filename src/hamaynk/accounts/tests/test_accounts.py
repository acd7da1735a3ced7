import pytest
from django.test import override_settings
from django.urls import reverse

from hamaynk.accounts.models import User
from hamaynk.core.models import AuditEntry
from hamaynk.tests_support import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def test_sign_in_with_email(client, world):
    response = client.post(LOGIN, {"login": "head.akunk@example.am", "password": "secret-pass-123"})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The email address and/or password you specified are not correct."),
    ("hy", "Ձեր նշած էլ. փոստի հասցեն և/կամ գաղտնաբառը սխալ են։"),
])
def test_wrong_password_is_a_clear_message_in_the_users_language(client, world, language, text):
    client.cookies["hamaynk_language"] = language
    response = client.post(LOGIN, {"login": "head.akunk@example.am", "password": "wrong"})
    assert response.status_code == 200
    assert text in response.content.decode()


def test_missing_email_gets_an_error_next_to_the_field(client, world):
    client.cookies["hamaynk_language"] = "en"
    response = client.post(LOGIN, {"login": "", "password": "x"})
    assert response.status_code == 200
    assert 'id="id_login_error"' in response.content.decode()


@override_settings(DEBUG=False)
def test_demo_password_is_refused_when_debug_is_off(client, db):
    UserFactory(email="head.akunk@demo.hamaynk.am", password="demo12345")
    response = client.post(LOGIN, {"login": "head.akunk@demo.hamaynk.am", "password": "demo12345"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_demo_password_works_in_the_demo(client, db, settings):
    settings.DEBUG = True
    UserFactory(email="head.akunk@demo.hamaynk.am", password="demo12345")
    response = client.post(LOGIN, {"login": "head.akunk@demo.hamaynk.am", "password": "demo12345"})
    assert response.status_code == 302


def test_load_demo_is_refused_when_debug_is_off(db):
    from django.core.management import CommandError, call_command

    with override_settings(DEBUG=False), pytest.raises(CommandError):
        call_command("load_demo")
    assert not User.objects.exists()


def test_load_demo_twice_creates_everything_once(db, settings):
    from io import StringIO

    from django.core.management import call_command

    from hamaynk.communities.models import Affiliation, Community
    from hamaynk.networks.models import Membership, Network

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    counts = [m.objects.count() for m in (User, Community, Network, Membership, Affiliation)]
    out = StringIO()
    call_command("load_demo", stdout=out)
    models = (User, Community, Network, Membership, Affiliation)
    assert [m.objects.count() for m in models] == counts
    assert "secretariat@demo.hamaynk.am" in out.getvalue()
    head = User.objects.get(email="head.akunk@demo.hamaynk.am")
    akunk = Community.objects.get(region__code="AM-KT", name_hy="Ակունք")
    assert head.has_perm("communities.edit_profile", akunk)
    statuses = dict(Membership.objects.filter(network__slug="m4eg").values_list(
        "community__name_en", "status"))
    assert statuses == {"Dilijan": "acting", "Ijevan": "junior", "Martuni": "suspended",
                        "Sevan": "acting"}
    m4eg = Network.objects.get(slug="m4eg")
    assert m4eg.requires_plan and m4eg.commitments.count() == 4
    assert m4eg.council_templates.get(language="hy").justification.count("{community}") == 1


def test_preferences_are_saved_and_audited(client, world):
    client.force_login(world.head)
    response = client.post(reverse("accounts:preferences"), {
        "full_name": "Արամ Հովհաննիսյան", "preferred_language": "en",
        "email_frequency": "digest"})
    assert response.status_code == 302
    world.head.refresh_from_db()
    assert (world.head.full_name, world.head.preferred_language, world.head.email_frequency) == (
        "Արամ Հովհաննիսյան", "en", "digest")
    assert AuditEntry.objects.filter(action="accounts.user.preferences_changed").exists()
    assert client.get("/")["Content-Language"] == "en"


def test_preferences_refuse_an_unknown_choice(client, world):
    client.force_login(world.head)
    response = client.post(reverse("accounts:preferences"), {
        "full_name": "x", "preferred_language": "xx", "email_frequency": "hourly"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"preferred_language", "email_frequency"}


def test_secretariat_without_totp_is_sent_to_set_it_up_when_required(client, world, settings):
    settings.HAMAYNK_REQUIRE_MFA_FOR_SECRETARIAT = True
    client.force_login(world.secretariat)
    response = client.get(reverse("communities:affiliations"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200  # (after confirming the password again)
    client.force_login(world.head)  # other roles are not forced
    assert client.get(reverse("dashboard")).status_code == 200


def test_dashboard_lists_my_communities_and_roles(client, world):
    client.force_login(world.pending)
    body = client.get(reverse("dashboard")).content.decode()
    assert "Ակունք" in body
    client.force_login(world.reviewer)
    response = client.get(reverse("dashboard"))
    assert [r.role for r in response.context["network_roles"]] == ["reviewer"]


def test_gender_is_optional_saved_by_the_person_and_never_in_the_audit(client, world):
    client.force_login(world.head)
    page = client.get(reverse("accounts:preferences")).content.decode()
    assert 'name="gender"' in page
    response = client.post(reverse("accounts:preferences"), {
        "full_name": "Anna", "preferred_language": "en", "email_frequency": "digest"})
    assert response.status_code == 302  # not stated: still saved
    world.head.refresh_from_db()
    assert world.head.gender == ""
    client.post(reverse("accounts:preferences"), {
        "full_name": "Anna", "preferred_language": "en", "email_frequency": "digest",
        "gender": "female"})
    world.head.refresh_from_db()
    assert world.head.gender == "female"
    entry = AuditEntry.objects.filter(action="accounts.user.preferences_changed").latest("pk")
    assert "female" not in str(entry.data)


def test_an_unknown_gender_is_refused_beside_the_field(client, world):
    client.force_login(world.head)
    response = client.post(reverse("accounts:preferences"), {
        "full_name": "x", "preferred_language": "en", "email_frequency": "digest",
        "gender": "robot"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"gender"}
