"""Never lose typed work: a draft saves whatever is there, every way off an editable page
saves first, and a refused form comes back as typed with the error beside its field."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def section_url(draft, section="project"):
    return reverse("grants:application_section", args=[draft.pk, section])


def test_draft_save_keeps_partial_answers(client, world, draft):
    client.force_login(world.staff)
    response = client.post(section_url(draft), {"title": "Կոոպերատիվ", "summary": "",
                                                "months": "", "draft-version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.answers == {"title": "Կոոպերատիվ"}


def test_draft_save_still_refuses_letters_in_a_number_beside_the_field(client, world, draft):
    client.force_login(world.staff)
    response = client.post(section_url(draft), {"title": "Կոոպերատիվ", "months": "twelve",
                                                "draft-version": draft.version})
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["months"]
    assert form["title"].value() == "Կոոպերատիվ" and form["months"].value() == "twelve"
    draft.refresh_from_db()
    assert draft.answers == {}


@pytest.mark.parametrize(("goto", "where"), [
    ("budget", "/budget/"), ("overview", None), ("project", "/project/")])
def test_a_tab_saves_what_was_typed_before_going(client, world, draft, goto, where):
    client.force_login(world.staff)
    response = client.post(section_url(draft), {"title": "Կոոպերատիվ", "goto": goto,
                                                "draft-version": draft.version})
    assert response.status_code == 302
    assert response.url.endswith(where or draft.get_absolute_url())
    draft.refresh_from_db()
    assert draft.answers["title"] == "Կոոպերատիվ"


def test_the_editable_page_has_tabs_that_submit_its_form(client, world, draft):
    client.force_login(world.staff)
    page = client.get(section_url(draft)).content.decode()
    assert 'form="section-form" name="goto" value="budget"' in page
    assert 'name="goto" value="overview"' in page
    assert "data-unsaved-warning" in page


def test_the_overview_links_every_missing_required_question_to_its_field(client, world,
                                                                         draft):
    client.force_login(world.head)
    page = client.get(draft.get_absolute_url()).content.decode()
    for key in ("title", "summary", "months"):
        assert f'{section_url(draft)}#q-{key}"' in page
    assert 'id="q-months"' in client.get(section_url(draft)).content.decode()
