"""Errors a person understands on a call: validated in the form, beside the field, in
words (never a constraint's name); the short address made from the title; no call opened
after its closing moment."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hamaynk.core.errors import DomainError
from hamaynk.grants import services
from hamaynk.grants.forms import short_address
from hamaynk.grants.models import Call
from hamaynk.grants.tests.conftest import call_values

pytestmark = pytest.mark.django_db
CONSTRAINTS = [c.name for c in Call._meta.constraints]


def form_data(**overrides):
    now = timezone.localtime(timezone.now())
    data = {**call_values(), "opens_at": (now + datetime.timedelta(days=1)).strftime(
        "%Y-%m-%dT%H:%M:%S"), "closes_at": (now + datetime.timedelta(days=30)).strftime(
        "%Y-%m-%dT%H:%M:%S"), "eligible_countries": ["AM"], "eligible_statuses": []}
    return {**data, **overrides}


def post_call(client, world, **overrides):
    client.force_login(world.secretariat)
    return client.post(reverse("grants:call_create", args=["m4eg"]), form_data(**overrides))


@pytest.mark.parametrize("language", ["hy", "en"])
def test_a_call_closing_before_it_opens_is_refused_beside_the_field_without_constraint_names(
        client, world, language):
    client.cookies["hamaynk_language"] = language
    data = form_data()
    response = post_call(client, world, closes_at=data["opens_at"], max_award="1000")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"closes_at", "max_award"}
    assert not form.non_field_errors()
    page = response.content.decode()
    for name in CONSTRAINTS:
        assert name not in page
    assert form["title_hy"].value() == data["title_hy"]  # what was typed comes back
    assert not Call.objects.exists()


def test_the_maximum_below_the_minimum_names_the_minimum_as_the_language_writes_it(
        client, world):
    client.cookies["hamaynk_language"] = "hy"
    response = post_call(client, world, min_award="30000", max_award="20000",
                         envelope="100000")
    assert response.context["form"].errors["max_award"] == [
        "Դրամաշնորհի առավելագույն չափը չի կարող պակաս լինել նվազագույն չափից "
        "(30\xa0000,00)։"]


def test_an_armenian_short_address_is_written_in_latin_letters(client, world):
    response = post_call(client, world, slug="Ակունք Դիլիջան 2027")
    assert response.status_code == 302, response.context["form"].errors
    assert Call.objects.get().slug == "akunk-dilijan-2027"


def test_an_empty_short_address_is_made_from_the_title_and_kept_free(client, world):
    services.call_create(network=world.network, actor=world.secretariat,
                         **call_values(slug="meknarkayin-dramashnorhner"))
    response = post_call(client, world, slug="")
    assert response.status_code == 302, response.context["form"].errors
    assert Call.objects.filter(slug="meknarkayin-dramashnorhner-2").exists()


def test_the_short_address_field_explains_itself(client, world):
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    page = client.get(reverse("grants:call_create", args=["m4eg"])).content.decode()
    assert "/grants/calls/seed-2026/" in page and "slug" not in page.lower().replace(
        'name="slug"', "").replace('id_slug', "")


@pytest.mark.parametrize(("text", "slug"), [
    ("Ակունք", "akunk"), ("Դիլիջան", "dilijan"), ("Երևանի ծրագիր", "yerevani-tsragir"),
    ("Seed 2026", "seed-2026")])
def test_short_address_transliterates(text, slug):
    assert short_address(text) == slug


def test_a_call_past_its_closing_moment_cannot_be_opened_or_announced(world, time_machine):
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values())
    time_machine.move_to(call.closes_at + datetime.timedelta(minutes=1))
    for target in ("open", "published"):
        with pytest.raises(DomainError, match="closing moment .* has already passed") as exc:
            services.call_move(call=call, actor=world.secretariat, target=target)
        assert exc.value.field == "closes_at"
    call.refresh_from_db()
    assert call.status == "draft"
