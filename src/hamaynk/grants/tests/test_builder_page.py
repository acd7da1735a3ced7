"""The form builder shows labels in the reader's language and conditions as sentences."""

import pytest
from django.urls import reverse

from hamaynk.grants import services
from hamaynk.grants.tests.conftest import call_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(world):
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="built"))
    for question in (
            {"key": "partners_involved", "type": "yes_no", "label_hy": "Գործընկերներ կա՞ն",
             "label_en": "Are partners involved?"},
            {"key": "partners", "type": "long_text", "label_hy": "Գործընկերները",
             "show_if": {"question": "partners_involved", "equals": True}}):
        services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                    question=question)
    return call


def page(client, world, language):
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = language
    return client.get(reverse("grants:call_form", args=["built"])).content.decode()


def test_the_builder_in_english(client, world, built):
    html = page(client, world, "en")
    assert "<strong>Are partners involved?</strong>" in html
    assert "<strong>Project title</strong>" in html and "Project summary" in html
    assert "Shown when “Are partners involved?” is “Yes”" in html
    assert "Yes / no" in html and "Long text" in html
    assert "partners_involved = True" not in html and "= True" not in html


def test_the_builder_in_armenian(client, world, built):
    html = page(client, world, "hy")
    assert "<strong>Գործընկերներ կա՞ն</strong>" in html
    assert "<strong>Նախագծի անվանումը</strong>" in html
    assert "«Գործընկերներ կա՞ն» հարցի պատասխանը «Այո» է" in html
    assert "= True" not in html and "Shown when" not in html


def test_the_question_page_offers_earlier_questions_by_their_label(client, world, built):
    client.force_login(world.secretariat)
    client.cookies["hamaynk_language"] = "en"
    response = client.get(reverse("grants:call_form_question", args=["built", "project"]))
    choices = dict(response.context["form"].fields["show_if_question"].choices)
    assert choices["partners_involved"] == "Are partners involved?"
    assert "Project" in response.content.decode()
