"""A version's `parsed`: a frozen version is parsed once per process, an unfrozen one is
seen as edited at once."""

import pytest

from hamaynk.grants import services
from hamaynk.grants.models import FormVersion
from hamaynk.grants.tests.conftest import call_values, open_call  # noqa: F401
from hamaynk.questionnaires import models as questionnaire_models
from hamaynk.questionnaires import schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def parses(monkeypatch):
    """Counts the definitions parsed from now on."""
    calls: list[object] = []
    real = schema.parse_definition

    def counting(data):
        calls.append(data)
        return real(data)

    monkeypatch.setattr(schema, "parse_definition", counting)
    return calls


def test_a_frozen_version_is_parsed_once_across_loads(open_call, parses):  # noqa: F811
    version = open_call.current_form
    assert version.frozen
    first = FormVersion.objects.get(pk=version.pk).parsed
    second = FormVersion.objects.get(pk=version.pk).parsed
    assert second is first
    assert len(parses) == 1
    assert [q.key for q in first.all_questions()] == ["title", "summary", "budget", "months"]


def test_an_unfrozen_versions_edit_is_seen_at_once(world, parses):
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="drafting"))
    version = call.current_form
    assert not version.frozen
    assert version.parsed is version.parsed  # once per instance
    assert len(parses) == 1
    services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                question={"key": "partners", "type": "yes_no",
                                          "label_hy": "Գործընկերներ"})
    reloaded = FormVersion.objects.get(pk=version.pk)
    assert "partners" in [q.key for q in reloaded.parsed.all_questions()]
    reloaded.definition = schema.empty_definition()
    assert "partners" not in [q.key for q in reloaded.parsed.all_questions()]


def test_the_frozen_cache_is_bounded(world, monkeypatch):
    monkeypatch.setattr(questionnaire_models, "FROZEN_CACHE_SIZE", 2)
    call = services.call_create(network=world.network, actor=world.secretariat,
                                **call_values(slug="bounded"))
    parsed = [FormVersion.objects.create(call=call, number=number, frozen=True,
                                         definition=schema.empty_definition()).parsed
              for number in (2, 3, 4)]
    assert len(parsed) == 3 and len(questionnaire_models._frozen) == 2


def test_a_parsed_definition_cannot_be_changed_by_a_reader(open_call):  # noqa: F811
    parsed = open_call.current_form.parsed
    with pytest.raises(ValueError):
        parsed.sections[0].title_hy = "Այլ"  # type: ignore[misc]
