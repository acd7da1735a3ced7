"""Comments on a portfolio, and the sessions section of the portfolio page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.models import Comment
from hamaynk.portfolios.services.comments import comment_add
from hamaynk.portfolios.services.portfolio import portfolio_share
from hamaynk.tests_support import ROLES, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_comment_is_added_with_its_author(world, portfolio):
    comment = comment_add(portfolio=portfolio, actor=world.coach, text="  Լավ սկիզբ է  ")
    assert (comment.text, comment.author) == ("Լավ սկիզբ է", world.coach)
    assert AuditEntry.objects.filter(action="portfolios.comment.added").exists()
    with pytest.raises(DomainError, match="Write the comment") as refused:
        comment_add(portfolio=portfolio, actor=world.coach, text="   ")
    assert refused.value.field == "text"
    with pytest.raises(DomainError, match="At most"):
        comment_add(portfolio=portfolio, actor=world.coach, text="ա" * 4001)


@pytest.mark.parametrize("role", ["other_head", "other_coach", "other_secretariat", "reviewer",
                                  "outsider", "pending"])
def test_only_the_portfolios_people_comment(world, portfolio, role):
    with pytest.raises(PermissionDenied):
        comment_add(portfolio=portfolio, actor=world.people()[role], text="Ոչ")


def test_a_cohort_peer_comments_once_shared(world, portfolio, peer):
    with pytest.raises(PermissionDenied):
        comment_add(portfolio=portfolio, actor=world.other_head, text="Բարև")
    shared = portfolio_share(portfolio=portfolio, actor=world.head, sharing="cohort")
    assert comment_add(portfolio=shared, actor=world.other_head, text="Բարև").pk


@pytest.mark.parametrize("role", ROLES)
def test_comments_page_permission_matrix(client, world, portfolio, role):
    allowed = {"staff", "head", "coach", "secretariat"}
    user = world.people()[role]
    if user is not None:
        client.force_login(user)
    status = client.get(reverse("portfolios:comments", args=[portfolio.pk])).status_code
    assert status == (200 if role in allowed else 302 if role == "anonymous" else 404)


def test_comments_are_listed_newest_last(client, world, portfolio):
    CommentFactory(portfolio=portfolio, author=world.coach, text="Առաջինը")
    client.force_login(world.head)
    url = reverse("portfolios:comments", args=[portfolio.pk])
    assert client.post(url, {"text": "Երկրորդը"}).status_code == 302
    page = client.get(url).content.decode()
    assert page.index("Առաջինը") < page.index("Երկրորդը")
    assert Comment.objects.latest("pk").author == world.head


@pytest.mark.parametrize("text", ["", "   ", "\x00", "ա" * 4001])
def test_a_bad_comment_is_refused_beside_the_field(client, world, portfolio, text):
    client.force_login(world.head)
    response = client.post(reverse("portfolios:comments", args=[portfolio.pk]), {"text": text})
    assert response.status_code == 200 and response.context["form"].errors["text"]
    assert not Comment.objects.exists()


def test_a_bad_page_number_is_not_a_500(client, world, portfolio):
    client.force_login(world.head)
    url = reverse("portfolios:comments", args=[portfolio.pk])
    for page in ["x", "9" * 40, "-1", "\x00", "0"]:
        assert client.get(url, {"page": page}).status_code == 200


def test_the_comments_page_runs_the_same_queries_for_1_and_30(client, world, portfolio):
    client.force_login(world.head)
    url = reverse("portfolios:comments", args=[portfolio.pk])
    CommentFactory(portfolio=portfolio, author=UserFactory())
    client.get(url)
    counts.changed_all()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _n in range(29):
        CommentFactory(portfolio=portfolio, author=UserFactory())
    counts.changed_all()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_portfolio_page_offers_sessions_snapshots_and_comments(client, world, portfolio):
    client.cookies["hamaynk_language"] = "en"
    client.force_login(world.coach)
    page = client.get(portfolio.get_absolute_url()).content.decode()
    assert "Open a sensemaking session" in page and "Snapshots of the portfolio" in page
    assert 'action="{}"'.format(reverse("portfolios:comments", args=[portfolio.pk])) in page
    client.force_login(world.head)
    page = client.get(portfolio.get_absolute_url()).content.decode()
    assert "Open a sensemaking session" not in page and "Add the comment" in page
