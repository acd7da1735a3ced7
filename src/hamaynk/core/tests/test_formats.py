"""Numbers and dates are written the way each language writes them, by Django's own
`floatformat` and `date` with the project's formats (src/hamaynk/formats)."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.template import Context, Template
from django.utils import timezone, translation


def render(text: str, **values: object) -> str:
    return Template(text).render(Context(values))


def test_amounts_use_the_armenian_separators():
    text = '{{ a|floatformat:"2g" }}|{{ a|floatformat:"0g" }}|{{ b|floatformat:"-2" }}'
    values = {"a": Decimal("1250000.5"), "b": Decimal("72.50")}
    with translation.override("hy"):
        assert render(text, **values) == "1\xa0250\xa0000,50|1\xa0250\xa0001|72,50"
    with translation.override("en"):
        assert render(text, **values) == "1,250,000.50|1,250,001|72.50"


def test_a_whole_amount_shows_no_decimals_and_no_minus_zero():
    with translation.override("hy"):
        assert render('{{ a|floatformat:"-2" }}|{{ z|floatformat:2 }}',
                      a=Decimal("100.00"), z=Decimal("-0.001")) == "100|0,00"


def test_numbers_stay_localised_inside_localize_off():
    """Ids and form values are written plain (`{% localize off %}`); a shown amount is not."""
    text = '{% load l10n %}{% localize off %}{{ n }}|{{ a|floatformat:"2g" }}{% endlocalize %}'
    with translation.override("hy"):
        assert render(text, n=12345, a=Decimal("1250.5")) == "12345|1\xa0250,50"


def test_dates_write_armenian_months_and_the_local_time():
    moment = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)  # 14:05 in Yerevan
    text = '{{ m|date:"DATETIME_FORMAT" }}|{{ d|date }}|{{ d|date:"SHORT_DATE_FORMAT" }}'
    values = {"m": moment, "d": date(2026, 3, 8)}
    with translation.override("hy"), timezone.override("Asia/Yerevan"):
        assert render(text, **values) == "23 նոյեմբերի 2026, 14:05|8 մարտի 2026|08.03.2026"
    with translation.override("en"), timezone.override("Asia/Yerevan"):
        assert render(text, **values) == "23 November 2026, 14:05|8 March 2026|08/03/2026"


def test_what_is_not_a_number_or_a_date_shows_nothing():
    with translation.override("hy"):
        assert render('[{{ x|floatformat:2 }}][{{ y|date }}][{{ n|date }}]',
                      x="abc", y="not a date", n=None) == "[][][]"
