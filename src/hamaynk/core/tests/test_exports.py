import datetime
from decimal import Decimal

import pytest

from hamaynk.core.exports import csv_cell, safe_text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_text_that_a_spreadsheet_would_evaluate_is_prefixed(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Ակունք", "1+1", "", "a=b"])
def test_ordinary_text_is_kept(text):
    assert safe_text(text) == text


def test_numbers_stay_numbers_and_dates_are_iso():
    assert csv_cell(-5) == -5 and csv_cell(Decimal("-1.50")) == Decimal("-1.50")
    assert csv_cell(datetime.date(2026, 12, 1)) == "2026-12-01"
    assert csv_cell(None) == "" and csv_cell("-x") == "'-x"
