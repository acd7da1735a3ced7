"""The builder of an opportunity's questionnaires: edits through the shared builder pages,
a new version once the latest is answered, a quiz's points, and who may build."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from hamaynk.core.audit import history_for
from hamaynk.core.errors import DomainError
from hamaynk.learning.models import LearningForm
from hamaynk.learning.services import enrolment as enrolling
from hamaynk.learning.services import forms as services
from hamaynk.questionnaires.builder import outline
from hamaynk.questionnaires.builder_forms import QuestionForm
from hamaynk.tests_support import ROLES, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["hamaynk_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def session(world):
    return SessionFactory(opportunity__network=world.network, opportunity__title_en="Leadership")


def _question(key="role", **extra):
    return {"key": key, "type": "short_text", "label_hy": "Պաշտոնը", "label_en": "Your role",
            **extra}


def _add(opportunity, actor, purpose="registration", **question):
    return services.learning_form_question_save(
        opportunity=opportunity, purpose=purpose, actor=actor, section_key="questions",
        question=_question(**question))


def test_the_first_edit_makes_version_one_and_is_in_the_history(world, session):
    opportunity = session.opportunity
    form = _add(opportunity, world.secretariat)
    assert (form.number, form.purpose, form.frozen) == (1, "registration", False)
    assert [q["key"] for q in form.definition["sections"][0]["questions"]] == ["role"]
    _add(opportunity, world.secretariat, key="phone", type="short_text")
    services.learning_form_question_move(opportunity=opportunity, purpose="registration",
                                         actor=world.secretariat, section_key="questions",
                                         key="phone", offset=-1)
    form.refresh_from_db()
    assert [q["key"] for q in form.definition["sections"][0]["questions"]] == ["phone", "role"]
    assert LearningForm.objects.count() == 1
    assert "learning.form.changed" in [entry.action for entry in history_for(opportunity)]


def test_an_answered_version_stays_and_the_next_edit_makes_a_new_one(world, session):
    opportunity = session.opportunity
    first = _add(opportunity, world.secretariat)
    enrolling.enrol(session=session, community=world.akunk, person=world.staff,
                    actor=world.staff, answers={"role": "Աշխատակազմի քարտուղար"})
    first.refresh_from_db()
    assert first.frozen
    services.learning_form_question_delete(opportunity=opportunity, purpose="registration",
                                           actor=world.secretariat, section_key="questions",
                                           key="role")
    first.refresh_from_db()
    second = LearningForm.objects.get(opportunity=opportunity, purpose="registration",
                                      number=2)
    assert [q["key"] for q in first.definition["sections"][0]["questions"]] == ["role"]
    assert second.definition["sections"][0]["questions"] == [] and not second.frozen


def test_a_learning_questionnaire_refuses_a_file_question(world, session):
    with pytest.raises(DomainError, match="cannot ask for a file"):
        _add(session.opportunity, world.secretariat, key="cv", type="file")
    assert not LearningForm.objects.filter(opportunity=session.opportunity).exists()


def test_another_networks_secretariat_cannot_edit(world, session):
    with pytest.raises(PermissionDenied):
        _add(session.opportunity, world.other_secretariat)
    assert not LearningForm.objects.exists()


def test_a_quiz_choice_carries_its_points_written_after_the_english():
    form = QuestionForm({"key": "capital", "type": "single_choice", "label_hy": "Մայրաքաղաքը",
                         "choices": "Երևան | Yerevan | 2\nԳյումրի | Gyumri | 0"}, earlier=[])
    assert form.is_valid(), form.errors
    question = form.to_question({})
    assert [(c["label_en"], c["points"]) for c in question["choices"]] == [("Yerevan", 2),
                                                                            ("Gyumri", 0)]
    lines = outline({"sections": [{"key": "q", "title_hy": "Թեստ", "questions": [question]}]},
                    "en")
    assert lines[0].questions[0].scored_choices == ("Yerevan (2 points)", "Gyumri (0 points)")


def test_choices_without_points_keep_the_grants_format_and_bad_points_are_refused():
    plain = QuestionForm({"key": "kind", "type": "single_choice", "label_hy": "Տեսակը",
                          "choices": "Այո | Yes\nՈչ | No"}, earlier=[])
    assert plain.is_valid()
    assert all("points" not in c for c in plain.to_question({})["choices"])
    bad = QuestionForm({"key": "kind", "type": "single_choice", "label_hy": "Տեսակը",
                        "choices": "Այո | Yes | many"}, earlier=[])
    assert not bad.is_valid()
    assert "Write the points of “Այո” as a whole number" in bad.errors["choices"][0]


def test_the_secretariat_builds_the_quiz_through_the_pages(client, world, session):
    opportunity = session.opportunity
    client.force_login(world.secretariat)
    page = reverse("learning:forms", args=[opportunity.pk, "quiz"])
    html = client.get(page).content.decode()
    assert "Quiz" in html and "Leadership" in html and "No questions yet." in html
    assert not LearningForm.objects.exists()  # looking makes nothing
    response = client.post(page + "questions/question/", {
        "key": "capital", "type": "single_choice", "label_hy": "Մայրաքաղաքը",
        "label_en": "The capital", "required": "on",
        "choices": "Երևան | Yerevan | 2\nԳյումրի | Gyumri"})
    assert response.status_code == 302 and response["Location"] == page
    html = client.get(page).content.decode()
    assert "Yerevan (2 points)" in html and "Gyumri (0 points)" in html
    client.post(page + "questions/capital/delete/")
    assert LearningForm.objects.get(purpose="quiz").definition["sections"][0]["questions"] == []
    assert client.get(reverse("learning:forms", args=[opportunity.pk, "exam"])).status_code \
        == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_builder_pages_permission_matrix(client, world, session, role):
    opportunity = session.opportunity
    _add(opportunity, world.secretariat)
    user = world.people()[role]
    client.logout()
    if user is not None:
        client.force_login(user)
    urls = [reverse("learning:forms", args=[opportunity.pk, purpose])
            for purpose in ("registration", "quiz", "feedback")]
    urls.append(reverse("learning:form_question", args=[opportunity.pk, "registration",
                                                        "questions"]) + "?key=role")
    for url in urls:
        status = client.get(url).status_code
        assert status == {"secretariat": 200, "anonymous": 302}.get(role, 404), (role, url)
    action = reverse("learning:form_question_action",
                     args=[opportunity.pk, "registration", "questions", "role", "delete"])
    client.post(action)
    questions = LearningForm.objects.get().definition["sections"][0]["questions"]
    assert (questions == []) == (role == "secretariat"), role
