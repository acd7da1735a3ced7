"""The attack run's findings in grants: each junk value meets a 404 or a message next to the
field, never a 500, and nothing is half-written."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hamaynk.core.errors import DomainError
from hamaynk.grants import services
from hamaynk.grants.models import BudgetLine, Call, CallQuestion, Review, Tranche
from hamaynk.grants.tests.conftest import call_values, fill
from hamaynk.grants.tests.test_awards import grant, schedule  # noqa: F401
from hamaynk.grants.tests.test_review import in_review  # noqa: F401

pytestmark = pytest.mark.django_db
JUNK_IDS = ["²", "9" * 5000, "99999999999999999999", "abc"]


@pytest.fixture
def web(client, settings):
    """A browser that reads English, and sees a 500 as a response."""
    client.raise_request_exception = False
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("value", JUNK_IDS)
def test_answering_a_question_with_a_junk_id_is_a_404(web, world, open_call, value):
    CallQuestion.objects.create(call=open_call, asked_by=world.head, question="Ինչքա՞ն")
    web.force_login(world.secretariat)
    url = reverse("grants:call_qa", args=[open_call.slug]) + "?answer=" + value
    assert web.post(url, {"text": "Պատասխան"}).status_code == 404
    assert not CallQuestion.objects.exclude(answer="").exists()


@pytest.mark.parametrize("value", JUNK_IDS)
def test_deleting_a_budget_line_with_a_junk_id_is_a_404(web, world, draft, value):
    fill(world, draft)
    web.force_login(world.staff)
    url = reverse("grants:application_budget", args=[draft.pk])
    assert web.post(url, {"delete": value}).status_code == 404
    assert BudgetLine.objects.filter(application=draft).count() == 1


@pytest.mark.parametrize("value", JUNK_IDS)
def test_paying_a_tranche_with_a_junk_id_is_a_404(web, world, grant, value):  # noqa: F811
    schedule(world, grant)
    web.force_login(world.secretariat)
    url = reverse("grants:grant_action", args=[grant.pk, "pay"])
    assert web.post(url, {"tranche": value, "reference": "PAY-1"}).status_code == 404
    assert not Tranche.objects.filter(status="paid").exists()


def test_a_payment_reference_with_a_nul_is_refused_and_nothing_is_paid(web, world,
                                                                       grant):  # noqa: F811
    schedule(world, grant)
    tranche = grant.tranches.first()
    web.force_login(world.secretariat)
    url = reverse("grants:grant_action", args=[grant.pk, "pay"])
    response = web.post(url, {"tranche": tranche.pk, "reference": "PAY\x001"}, follow=True)
    assert "Null characters are not allowed." in response.content.decode()
    tranche.refresh_from_db()
    assert tranche.status == "planned"


def _review(world, application):
    review = services.review_assign(application=application, reviewer=world.reviewer,
                                    actor=world.secretariat)
    services.review_declare(review=review, actor=world.reviewer, conflict=False)
    return review


@pytest.mark.parametrize("value", ["6", "²", "٣", "9" * 5000, "-1", "1e1", "2.5"])
def test_a_score_out_of_range_names_the_range_next_to_the_field(web, world, in_review,  # noqa: F811
                                                                 value):
    review = _review(world, in_review)
    first, second = in_review.call.criteria.all()
    web.force_login(world.reviewer)
    response = web.post(reverse("grants:review", args=[review.pk]),
                        {f"score_{first.pk}": value, f"score_{second.pk}": "7",
                         "comment": "Լավ է", "save": ""})
    assert response.status_code == 200
    rows = {row["criterion"].pk: row for row in response.context["rows"]}
    assert rows[first.pk]["errors"] == ["Enter a whole number from 0 to 5."]
    assert rows[second.pk]["errors"] == []
    body = response.content.decode()
    assert "Enter a whole number from 0 to 5." in body and "Լավ է" in body  # kept as typed
    assert not review.scores.exists()


def test_a_review_comment_with_a_nul_is_refused_next_to_the_field(web, world,
                                                                  in_review):  # noqa: F811
    review = _review(world, in_review)
    first, second = in_review.call.criteria.all()
    web.force_login(world.reviewer)
    response = web.post(reverse("grants:review", args=[review.pk]),
                        {f"score_{first.pk}": "4", f"score_{second.pk}": "7",
                         "comment": "a\x00b", "save": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == ["Null characters are not allowed."]
    assert not review.scores.exists()
    assert Review.objects.get(pk=review.pk).comment == ""


@pytest.mark.parametrize("value", ["", "²", "abc", "9" * 5000, "99999999999999999999"])
def test_assigning_a_reviewer_to_a_junk_application_says_choose_one(web, world,
                                                                    in_review,  # noqa: F811
                                                                    value):
    web.force_login(world.secretariat)
    url = reverse("grants:call_review_action", args=[in_review.call.slug])
    response = web.post(url, {"application": value, "reviewer": world.reviewer.pk},
                        follow=True)
    assert response.status_code == 200
    assert "Choose an application." in response.content.decode()
    assert not Review.objects.exists()


def test_auto_assignment_with_a_junk_number_says_the_range(web, world, in_review):  # noqa: F811
    web.force_login(world.secretariat)
    url = reverse("grants:call_review_action", args=[in_review.call.slug])
    response = web.post(url, {"auto": "", "per_application": "²"}, follow=True)
    assert "Enter a whole number of reviewers from 1 to 10." in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "1999-06-01T00:00", "9999-12-31T23:59"])
def test_a_call_opening_outside_the_programme_years_is_refused_naming_them(web, world, moment):
    web.force_login(world.secretariat)
    data = {**call_values(slug="ancient"), "opens_at": moment,
            "closes_at": "2027-01-31T23:59:59", "eligible_countries": ["AM"]}
    response = web.post(reverse("grants:call_create", args=["m4eg"]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["opens_at"] == [
        "Enter a date from the year 2000 to the year 2100."]
    assert not Call.objects.filter(slug="ancient").exists()


def test_editing_an_open_call_to_open_in_year_one_is_refused(web, world, open_call):
    web.force_login(world.secretariat)
    page = web.get(reverse("grants:call_edit", args=[open_call.slug]))
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    data.update({"opens_at": "0001-01-01T00:00", "closes_at": "2100-01-01T00:00",
                 "eligible_countries": ["AM"], "eligible_statuses": []})
    data.pop("eligible_cohort", None)
    response = web.post(reverse("grants:call_edit", args=[open_call.slug]), data)
    assert response.status_code == 200
    assert "Enter a date from the year 2000 to the year 2100." in response.content.decode()
    open_call.refresh_from_db()
    assert open_call.opens_at.year >= 2000
    assert web.get(open_call.get_absolute_url()).status_code == 200


def test_the_call_service_refuses_a_moment_before_the_programme_years(world):
    with pytest.raises(DomainError, match="2000") as refused:
        services.call_create(network=world.network, actor=world.secretariat, **call_values(
            opens_at=datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)))
    assert refused.value.field == "opens_at"


@pytest.mark.parametrize(("model", "values"), [
    ("budget line", {"requested": Decimal("-1")}),
    ("budget line", {"own_contribution": Decimal("-0.01")}),
    ("call", {"envelope": Decimal("-5")}),
    ("call", {"opens_at": datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)}),
    ("tranche", {"amount": Decimal("0")}),
    ("grant", {"amount": Decimal("-1")}),
])
def test_the_database_refuses_negative_money_and_ancient_moments(world, grant,  # noqa: F811
                                                                 model, values):
    schedule(world, grant)
    target = {"budget line": BudgetLine.objects.first(), "call": grant.call,
              "tranche": grant.tranches.first(), "grant": grant}[model]
    for key, value in values.items():
        setattr(target, key, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        target.save()
    assert timezone.now()  # the database answers again after the refused write


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "9999-12-31"])
def test_a_date_answer_before_1900_or_after_2100_is_refused_naming_the_bounds(value):
    from django.utils import translation

    from hamaynk.questionnaires.forms import build_section_form
    from hamaynk.questionnaires.tests.test_schema_and_forms import DEFINITION

    with translation.override("en"):
        form = build_section_form(DEFINITION, "money", answers={}, language="en",
                                  data={"amount": "1000", "people": "3", "start": value})
        assert not form.is_valid()
        assert form.errors["start"] == ["Enter a date from the year 1900 to the year 2100."]


def test_a_tranche_due_in_year_one_is_refused_naming_the_bounds():
    from django.utils import translation

    from hamaynk.grants.forms import TrancheForm

    with translation.override("en"):
        form = TrancheForm({"amount": "100", "due_date": "0001-01-01"})
        assert form.errors["due_date"] == ["Enter a date from the year 2000 to the year 2100."]


def test_the_score_range_is_said_in_armenian_too(world, in_review):  # noqa: F811
    from django.utils import translation

    from hamaynk.grants.forms import ReviewForm

    criteria = list(in_review.call.criteria.all())
    with translation.override("hy"):
        form = ReviewForm({f"score_{criteria[0].pk}": "6"}, criteria=criteria)
        assert form.errors[f"score_{criteria[0].pk}"] == [
            "Մուտքագրեք ամբողջ թիվ 0-ից մինչև 5։"]
