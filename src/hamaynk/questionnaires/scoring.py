"""A quiz's score: the points of the chosen choices (`Choice.points`), in per cent of the
most a person could score.

Only choice questions with points count: a single choice scores its chosen choice's points
(its most is its best choice's), a multiple choice the sum of the ticked ones (its most is
the sum of all). Other questions (a comment, a name) are answered but not scored. The per
cent is rounded down, so a pass mark of 70 is never reached with 69.6."""

from collections.abc import Mapping
from typing import Any

from hamaynk.questionnaires.schema import FormDefinition, Question


def _points(q: Question, answer: Any) -> tuple[int, int]:
    """(scored, most) for one question."""
    points = {c.value: c.points for c in q.choices}
    if q.type == "single_choice":
        scored = points.get(answer, 0) if isinstance(answer, str) else 0
        return scored, max(points.values(), default=0)
    if q.type == "multiple_choice":
        ticked = {v for v in answer if isinstance(v, str)} if isinstance(answer, list) else set()
        return sum(points.get(v, 0) for v in ticked), sum(points.values())
    return 0, 0


def score(definition: FormDefinition, answers: Mapping[str, Any]) -> int | None:
    """The per cent (0..100) of the points scored, or `None` when no question has points."""
    scored = most = 0
    for q in definition.all_questions():
        got, best = _points(q, answers.get(q.key))
        scored, most = scored + got, most + best
    if most == 0:
        return None
    return min(100, 100 * scored // most)
