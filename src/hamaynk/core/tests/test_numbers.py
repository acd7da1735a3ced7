from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from hamaynk.core.numbers import number

ARGS = [2, "2", 0, "0", -1, "-2", "0g", "2g", "-2g", "1", "3g", "-1g"]
EDGES = [Decimal("0"), Decimal("-0.004"), Decimal("0.005"), Decimal("-0.005"),
         Decimal("1250000.50"), Decimal("999999.995"), Decimal("1E+3"), Decimal("12.3456789"),
         Decimal("-1234567.891"),
         Decimal("100"), 0, 7, -1234567, 1250000, 0.1, 2.675, -3.5, 1e15, 72.5]


@pytest.mark.parametrize("language", ["hy", "en"])
@pytest.mark.parametrize("arg", ARGS)
def test_number_is_floatformat_on_the_edges(language, arg):
    with translation.override(language):
        for value in EDGES:
            assert number(value, arg) == floatformat(value, arg), (value, arg)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.decimals(allow_nan=False, allow_infinity=False, places=4,
                                   min_value=-10**9, max_value=10**9),
                       st.integers(min_value=-10**12, max_value=10**12),
                       st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9,
                                 max_value=1e9)),
       arg=st.sampled_from(ARGS), language=st.sampled_from(["hy", "en"]))
def test_number_is_floatformat(value, arg, language):
    with translation.override(language):
        assert number(value, arg) == floatformat(value, arg)


def test_number_writes_the_armenian_separators():
    with translation.override("hy"):
        assert number(Decimal("1250000.5"), "2g") == "1\xa0250\xa0000,50"
    with translation.override("en"):
        assert number(Decimal("1250000.5"), "2g") == "1,250,000.50"


def test_what_number_does_not_handle_goes_to_floatformat():
    assert number(None, 2) == floatformat(None, 2) == ""
    assert number("12.5", "2u") == floatformat("12.5", "2u")
    assert number("abc", 2) == ""
