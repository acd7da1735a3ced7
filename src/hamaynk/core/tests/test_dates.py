from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st

from hamaynk.core.dates import when

FORMATS = ["DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT",
           "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT", "TIME_FORMAT"]


@settings(max_examples=300, deadline=None)
@given(moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
       as_date=st.booleans(), fmt=st.sampled_from(FORMATS),
       language=st.sampled_from(["hy", "en"]))
def test_when_is_djangos_date(moment, as_date, fmt, language):
    value = moment.date() if as_date else moment
    with translation.override(language):
        try:
            expected = django_date(value, fmt)
        except TypeError:  # a time asked of a date: Django refuses, and so do we
            with pytest.raises(TypeError):
                when(value, fmt)
            return
        assert when(value, fmt) == expected


@pytest.mark.parametrize("value", [None, "", "not a date", 5])
def test_what_when_does_not_handle_goes_to_date(value):
    assert when(value, "DATE_FORMAT") == django_date(value, "DATE_FORMAT")


def test_when_writes_armenian_months_and_the_local_time():
    moment = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)  # 14:05 in Yerevan
    template = Template('{% load hamaynk %}{{ m|when:"DATETIME_FORMAT" }}|{{ d|when }}')
    with translation.override("hy"), timezone.override("Asia/Yerevan"):
        assert template.render(Context({"m": moment, "d": date(2026, 3, 8)})) == \
            "23 նոյեմբերի 2026, 14:05|8 մարտի 2026"
    with translation.override("en"), timezone.override("Asia/Yerevan"):
        assert template.render(Context({"m": moment, "d": date(2026, 3, 8)})) == \
            "23 November 2026, 14:05|8 March 2026"
