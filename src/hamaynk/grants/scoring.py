"""The arithmetic of review scores: one reviewer's weighted total (0–100) and the mean and
spread of an application's totals. Decimal throughout, rounded to two places at the end."""

import statistics
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")


def weighted_total(scores: Sequence[tuple[int, int, Decimal]]) -> Decimal:
    """(value, scale_max, weight) per criterion → a score out of 100."""
    weights = sum((w for _v, _m, w in scores), Decimal("0"))
    if not scores or weights <= 0:
        raise ValueError("a rubric needs at least one criterion with a positive weight")
    for value, scale_max, _w in scores:
        if not 0 <= value <= scale_max:
            raise ValueError(f"score {value} outside 0..{scale_max}")
    raw = sum((Decimal(v) / Decimal(m) * w for v, m, w in scores), Decimal("0"))
    return (raw / weights * 100).quantize(TWO, rounding=ROUND_HALF_UP)


def mean_and_spread(totals: Sequence[Decimal]) -> tuple[Decimal | None, Decimal | None]:
    """Mean and population standard deviation of the submitted totals (None when none)."""
    if not totals:
        return None, None
    mean = statistics.fmean(float(t) for t in totals)
    spread = statistics.pstdev(float(t) for t in totals) if len(totals) > 1 else 0.0
    return (Decimal(str(mean)).quantize(TWO, rounding=ROUND_HALF_UP),
            Decimal(str(spread)).quantize(TWO, rounding=ROUND_HALF_UP))
