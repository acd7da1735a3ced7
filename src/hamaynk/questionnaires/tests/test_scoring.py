"""A quiz's score from the points of its choices."""

import pytest

from hamaynk.questionnaires.schema import DefinitionError, parse_definition
from hamaynk.questionnaires.scoring import score


def _quiz(*questions):
    return parse_definition({"sections": [{"key": "quiz", "title_hy": "Թեստ",
                                           "questions": list(questions)}]})


def _choices(*points):
    return [{"value": f"c{i}", "label_hy": f"Տարբերակ {i}", "points": p}
            for i, p in enumerate(points)]


ONE = {"key": "one", "type": "single_choice", "label_hy": "Հարց 1", "choices": _choices(0, 2)}
MANY = {"key": "many", "type": "multiple_choice", "label_hy": "Հարց 2",
        "choices": _choices(1, 1, 0)}
TEXT = {"key": "why", "type": "long_text", "label_hy": "Ինչու"}


def test_a_single_choice_scores_the_chosen_choices_points():
    quiz = _quiz(ONE)
    assert score(quiz, {"one": "c1"}) == 100
    assert score(quiz, {"one": "c0"}) == 0


def test_a_multiple_choice_scores_the_sum_of_the_ticked_choices():
    quiz = _quiz(MANY)
    assert score(quiz, {"many": ["c0", "c1"]}) == 100
    assert score(quiz, {"many": ["c0", "c2"]}) == 50


def test_the_score_is_a_per_cent_of_the_points_over_the_scored_questions_only():
    quiz = _quiz(ONE, MANY, TEXT)  # most: 2 + 2 = 4; the text question scores nothing
    assert score(quiz, {"one": "c1", "many": ["c0"], "why": "Որովհետև"}) == 75
    assert score(quiz, {}) == 0


def test_the_per_cent_is_rounded_down():
    quiz = _quiz({**ONE, "choices": _choices(0, 2)},
                 {**MANY, "choices": _choices(1, 0)})  # most 3
    assert score(quiz, {"one": "c1"}) == 66


def test_no_points_anywhere_is_no_score():
    assert score(_quiz(TEXT, {**ONE, "choices": _choices(0, 0)}), {"one": "c1"}) is None


def test_unreadable_answers_score_nothing():
    quiz = _quiz(ONE, MANY)
    assert score(quiz, {"one": ["c1"], "many": "c0"}) == 0
    assert score(quiz, {"one": "nope", "many": ["nope", 3]}) == 0


def test_a_choice_ticked_twice_counts_once():
    assert score(_quiz(MANY), {"many": ["c0", "c0"]}) == 50


def test_negative_points_are_refused_readably():
    with pytest.raises(DefinitionError, match="zero or more"):
        _quiz({**ONE, "choices": _choices(0, -1)})


def test_choices_without_points_still_parse_with_zero():
    quiz = _quiz({"key": "one", "type": "single_choice", "label_hy": "Հարց",
                  "choices": [{"value": "a", "label_hy": "Ա"}, {"value": "b", "label_hy": "Բ"}]})
    assert [c.points for c in quiz.all_questions()[0].choices] == [0, 0]
