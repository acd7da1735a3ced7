"""The builder's edits of a definition dict, and the page's outline in the reader's
language."""

import copy

import pytest
from django.utils import translation

from hamaynk.core.errors import DomainError
from hamaynk.questionnaires import builder
from hamaynk.questionnaires.schema import empty_definition, parse_definition

PARTNERS = {"key": "partners", "type": "yes_no", "label_hy": "Կա՞ն գործընկերներ",
            "label_en": "Are partners involved?"}
WHO = {"key": "who", "type": "short_text", "label_hy": "Ովքե՞ր",
       "show_if": {"question": "partners", "equals": True}}
SECTOR = {"key": "sector", "type": "single_choice", "label_hy": "Ոլորտ", "label_en": "Sector",
          "choices": [{"value": "farming", "label_hy": "Գյուղատնտեսություն",
                       "label_en": "Farming"},
                      {"value": "tourism", "label_hy": "Զբոսաշրջություն"}]}
TOPICS = {"key": "topics", "type": "multiple_choice", "label_hy": "Թեմաներ",
          "choices": SECTOR["choices"]}


def form() -> dict:
    definition = empty_definition()
    for question in (PARTNERS, WHO, SECTOR, TOPICS):
        definition = builder.save_question(definition, section_key="project",
                                           question=question)
    definition = builder.save_question(definition, section_key="project", question={
        "key": "farm", "type": "long_text", "label_hy": "Ֆերմա",
        "show_if": {"question": "sector", "equals": "tourism"}})
    return builder.save_question(definition, section_key="project", question={
        "key": "tour", "type": "long_text", "label_hy": "Շրջայց",
        "show_if": {"question": "topics", "equals": "farming"}})


def keys(definition: dict, section: str = "project") -> list[str]:
    return [q["key"] for q in next(s for s in definition["sections"]
                                   if s["key"] == section)["questions"]]


def test_edits_return_a_new_definition_and_leave_the_old_one_alone() -> None:
    before = empty_definition()
    kept = copy.deepcopy(before)
    after = builder.save_section(before, key="team", title_hy="Թիմ")
    after = builder.save_question(after, section_key="team", question=PARTNERS)
    assert before == kept
    assert [s["key"] for s in after["sections"]] == ["project", "team"]
    assert keys(after, "team") == ["partners"]
    parse_definition(after)


def test_a_section_is_renamed_by_its_key() -> None:
    renamed = builder.save_section(empty_definition(), key="project", title_hy="Ծրագիր",
                                   title_en="Programme")
    assert len(renamed["sections"]) == 1
    assert renamed["sections"][0]["title_en"] == "Programme"


def test_a_question_is_replaced_by_its_original_key_and_removed_by_its_key() -> None:
    definition = builder.save_question(empty_definition(), section_key="project",
                                       question=PARTNERS)
    edited = builder.save_question(definition, section_key="project", original_key="partners",
                                   question={**PARTNERS, "key": "allies"})
    assert keys(edited) == ["title", "summary", "budget", "allies"]
    assert keys(builder.remove_question(edited, section_key="project", key="allies")) == [
        "title", "summary", "budget"]


def test_moving_stops_at_either_end() -> None:
    definition = empty_definition()
    assert keys(builder.move_question(definition, section_key="project", key="title",
                                      offset=-1)) == ["title", "summary", "budget"]
    assert keys(builder.move_question(definition, section_key="project", key="title",
                                      offset=5)) == ["summary", "budget", "title"]


def test_unknown_sections_and_questions_are_refused() -> None:
    with pytest.raises(DomainError):
        builder.save_question(empty_definition(), section_key="nowhere", question=PARTNERS)
    with pytest.raises(DomainError):
        builder.move_question(empty_definition(), section_key="project", key="nothing",
                              offset=1)


def test_questions_before_a_point_are_the_only_ones_a_condition_may_use() -> None:
    definition = form()
    assert [q["key"] for q in builder.questions_before(definition, "project", "who")] == [
        "title", "summary", "budget", "partners"]


def test_the_outline_speaks_the_readers_language_and_states_conditions_as_sentences() -> None:
    with translation.override("en"):
        questions = {q.key: q for q in builder.outline(form(), "en")[0].questions}
    assert questions["partners"].label == "Are partners involved?"
    assert questions["who"].label == "Ովքե՞ր"  # no English: the Armenian
    assert questions["who"].condition == "Shown when “Are partners involved?” is “Yes”"
    assert questions["farm"].condition == "Shown when “Sector” is “Զբոսաշրջություն”"
    assert questions["tour"].condition == "Shown when “Թեմաներ” includes “Farming”"
    assert questions["partners"].type_label == "yes / no"
    assert questions["partners"].condition == ""


def test_the_outline_in_armenian() -> None:
    with translation.override("hy"):
        outline = builder.outline(form(), "hy")
    assert outline[0].title == "Նախագիծ"
    who = next(q for q in outline[0].questions if q.key == "who")
    assert "Կա՞ն գործընկերներ" in who.condition and "True" not in who.condition


def test_the_outline_of_a_broken_definition_still_shows() -> None:
    broken = {"sections": [{"key": "s", "questions": [{"type": "nonsense",
                                                       "show_if": {"question": "gone"}}]}]}
    outline = builder.outline(broken, "en")
    assert outline[0].questions[0].type_label == "nonsense"
    assert "gone" in outline[0].questions[0].condition
