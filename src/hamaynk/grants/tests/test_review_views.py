import pytest
from django.urls import reverse

from hamaynk.grants import services
from hamaynk.grants.models import Determination, Review
from hamaynk.grants.tests.test_review import in_review, score, second_reviewer  # noqa: F401
from hamaynk.tests_support import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_review_pages_permission_matrix(client, world, in_review, role):  # noqa: F811
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    slug = in_review.call.slug
    cases = [
        (reverse("grants:review", args=[review.pk]), {"reviewer"}),
        (reverse("grants:reviews"), set(ROLES) - {"anonymous"}),
        (reverse("grants:call_review", args=[slug]), {"secretariat"}),
        (reverse("grants:call_rubric", args=[slug]), {"secretariat"}),
        (reverse("grants:call_ranking", args=[slug]), {"secretariat"}),
        (reverse("grants:screening", args=[in_review.pk]), {"secretariat"}),
        (reverse("grants:determine", args=[in_review.pk]), {"secretariat"}),
        # a reviewer does not read the application through the community's pages
        (in_review.get_absolute_url(), {"staff", "head", "secretariat"}),
    ]
    for url, allowed in cases:
        client.logout()
        if world.people()[role]:
            client.force_login(world.people()[role])
        status = client.get(url).status_code
        want = 200 if role in allowed else (302 if role == "anonymous" else 404)
        assert status == want, (role, url, status)


def test_reviewer_sees_the_proposal_only_after_declaring(client, world, in_review):  # noqa: F811
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    client.force_login(world.reviewer)
    url = reverse("grants:review", args=[review.pk])
    body = client.get(url).content.decode()
    assert "Սարքավորումներ" not in body and "sections" not in client.get(url).context
    client.post(url, {"declare": "none"})
    response = client.get(url)
    assert response.context["sections"]


def test_others_scores_are_hidden_until_one_submits(client, world, in_review,  # noqa: F811
                                                    second_reviewer):  # noqa: F811
    first = services.review_assign(application=in_review, reviewer=world.reviewer,
                                   actor=world.secretariat)
    second = services.review_assign(application=in_review, reviewer=second_reviewer,
                                    actor=world.secretariat)
    for review, user in ((first, world.reviewer), (second, second_reviewer)):
        services.review_declare(review=review, actor=user, conflict=False)
    score(first, world.reviewer, 5, 10)
    client.force_login(second_reviewer)
    url = reverse("grants:review", args=[second.pk])
    assert client.get(url).context["others"] == []
    criteria = list(in_review.call.criteria.all())
    client.post(url, {f"score_{criteria[0].pk}": "2", f"score_{criteria[1].pk}": "5",
                      "comment": "ok", "submit": "1"})
    assert Review.objects.get(pk=second.pk).status == "submitted"
    assert [r.reviewer for r in client.get(url).context["others"]] == [world.reviewer]


def test_ranking_opens_each_decision_form_on_demand(client, world, in_review):  # noqa: F811
    client.force_login(world.secretariat)
    url = reverse("grants:determine", args=[in_review.pk])
    ranking = client.get(reverse("grants:call_ranking", args=[in_review.call.slug]))
    body = ranking.content.decode()
    assert f'hx-get="{url}"' in body and f'<a href="{url}">' in body  # htmx, or a link
    assert 'name="outcome"' not in body
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'name="outcome"' in fragment
    assert f'name="version" value="{in_review.version}"' in fragment
    page = client.get(url).content.decode()
    assert "<html" in page and 'name="outcome"' in page


def test_decision_page_says_when_no_decision_can_be_recorded(
        client, world, in_review):  # noqa: F811
    client.force_login(world.secretariat)
    client.post(reverse("grants:determine", args=[in_review.pk]), {
        "version": in_review.version, "outcome": "reject", "reason": "Outside the call.",
        "confirmed": "yes"})
    body = client.get(reverse("grants:determine", args=[in_review.pk])).content.decode()
    assert 'name="outcome"' not in body
    assert "Այժմ որոշում գրանցել հնարավոր չէ" in body  # the page is in Armenian by default


def test_refused_decision_comes_back_with_what_was_typed_and_the_error_beside_the_field(
        client, world, in_review):  # noqa: F811
    client.force_login(world.secretariat)
    url = reverse("grants:determine", args=[in_review.pk])
    response = client.post(url, {"version": in_review.version, "outcome": "award",
                                 "amount": "12000", "reason": ""})
    body = response.content.decode()
    assert response.status_code == 200 and 'value="award" checked' in body
    assert 'value="12000"' in body and 'has-error' in body and "errorlist" in body
    too_much = in_review.call.max_award + 1
    response = client.post(url, {"version": in_review.version, "outcome": "award",
                                 "amount": str(too_much), "reason": "Strong partnership",
                                 "confirmed": "yes"})
    body = response.content.decode()
    assert "Strong partnership" in body and "errorlist" in body
    in_review.refresh_from_db()
    assert in_review.status == "in_review"
    assert not Determination.objects.filter(application=in_review).exists()


def test_ranking_page_records_a_determination(client, world, in_review):  # noqa: F811
    client.force_login(world.secretariat)
    response = client.get(reverse("grants:call_ranking", args=[in_review.call.slug]))
    assert [r["application"] for r in response.context["rows"]] == [in_review]
    client.post(reverse("grants:determine", args=[in_review.pk]), {
        "version": in_review.version, "outcome": "award", "amount": "12000",
        "reason": "Լավ նախագիծ", "confirmed": "yes"})
    in_review.refresh_from_db()
    assert in_review.status == "awarded"
    response = client.get(reverse("grants:call_ranking", args=[in_review.call.slug]))
    assert response.context["remaining"] == in_review.call.envelope - 12000


def test_review_list_pages_have_fixed_query_counts(client, world, in_review,  # noqa: F811
                                                   second_reviewer):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hamaynk.core import counts
    from hamaynk.grants.models import Application
    from hamaynk.tests_support import CommunityFactory

    def count(user, url):
        client.force_login(user)
        counts.changed_all()  # each list counts its rows, as after any change
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    slug = in_review.call.slug
    services.review_assign(application=in_review, reviewer=world.reviewer,
                           actor=world.secretariat)
    pages = [(world.secretariat, reverse("grants:call_review", args=[slug])),
             (world.secretariat, reverse("grants:call_ranking", args=[slug])),
             (world.secretariat, reverse("grants:call_applications", args=[slug])
              + "?sort=score&status=in_review&q=ակ"),
             (world.reviewer, reverse("grants:reviews"))]
    [count(u, url) for u, url in pages]  # warm: the filter choices are cached after one page
    before = [count(u, url) for u, url in pages]
    for i in range(30):
        community = CommunityFactory(region=world.tavush, name_en=f"C{i}", name_hy=f"Հ{i}")
        application = Application.objects.create(
            call=in_review.call, community=community, form_version=in_review.form_version,
            status="in_review", title=f"Ակ {i}", score_mean=i)
        services.review_assign(application=application, reviewer=world.reviewer,
                               actor=world.secretariat)
        services.review_assign(application=application, reviewer=second_reviewer,
                               actor=world.secretariat)
    assert [count(u, url) for u, url in pages] == before
    assert max(before) <= 14


@pytest.mark.parametrize("scores", [
    [None, "4.50", "3.00", "3.00", None, "2.25"],  # page 2 starts in a tie, page 3 unscored
    ["3.00"],  # ... in the middle of a tie
])
def test_ranking_running_total_on_a_later_page_counts_every_grant_ranked_above(world, draft,
                                                                               scores):
    """Each row's "remaining after" is the envelope less the grants of every row ranked above
    it and its own, on whichever page it stands."""
    from decimal import Decimal

    from django.utils import timezone

    from hamaynk.grants import selectors
    from hamaynk.grants.models import Application, Grant
    from hamaynk.tests_support import CommunityFactory

    call = draft.call
    for i in range(60):
        community = CommunityFactory(region=world.kotayk)
        application = Application.objects.create(
            call=call, community=community, form_version=draft.form_version,
            status="awarded" if i % 3 == 0 else "in_review", title=f"Project {i}",
            score_mean=scores[i % len(scores)] and Decimal(scores[i % len(scores)]))
        if application.status == "awarded":
            Grant.objects.create(application=application, call=call, community=community,
                                 amount=Decimal(100 + i), currency=call.currency,
                                 awarded_at=timezone.now())
    shown = [row for page in (1, 2, 3)  # 25 rows a page
             for row in selectors.ranking(call=call, user=world.secretariat, page=page)["rows"]]
    assert len(shown) == 60
    ordered = sorted(Application.objects.filter(call=call, status__in=selectors.RANKED),
                     key=lambda a: (a.score_mean is None, -(a.score_mean or 0), a.pk))
    assert [row["application"].pk for row in shown] == [a.pk for a in ordered]
    running = Decimal(0)
    for row, application in zip(shown, ordered, strict=True):
        grant = Grant.objects.filter(application=application).first()
        running += grant.amount if grant else 0
        assert row["remaining"] == call.envelope - running, row["rank"]


def test_ranking_index_covers_the_statuses_the_ranking_shows():
    import importlib

    from hamaynk.grants import selectors

    migration = importlib.import_module("hamaynk.grants.migrations.0013_application_ranking_index")
    assert migration.RANKED == selectors.RANKED


def test_a_refused_score_sheet_comes_back_as_typed_with_the_error_beside_the_score(
        client, world, in_review):  # noqa: F811
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    services.review_declare(review=review, actor=world.reviewer, conflict=False)
    client.force_login(world.reviewer)
    url = reverse("grants:review", args=[review.pk])
    first, second = in_review.call.criteria.all()
    response = client.post(url, {f"score_{first.pk}": "4", f"score_{second.pk}": "",
                                 "comment": "Լավ նախագիծ", "submit": "1"})
    assert response.status_code == 200
    rows = {row["criterion"].pk: row for row in response.context["rows"]}
    assert rows[first.pk]["value"] == "4" and rows[first.pk]["errors"] == []
    assert rows[second.pk]["errors"]  # "Score every criterion before submitting."
    assert "Լավ նախագիծ" in response.content.decode()
    too_high = client.post(url, {f"score_{first.pk}": "9", f"score_{second.pk}": "3",
                                 "comment": ""})
    rows = {row["criterion"].pk: row for row in too_high.context["rows"]}
    assert rows[first.pk]["value"] == "9" and rows[first.pk]["errors"]
    assert Review.objects.get(pk=review.pk).status == "in_progress"
