from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import given
from hypothesis import strategies as st

from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.grants import scoring, services
from hamaynk.grants.models import Application, Criterion, Grant, Review
from hamaynk.grants.tests.conftest import fill
from hamaynk.networks.models import NetworkRole
from hamaynk.tests_support import AffiliationFactory, CommunityFactory, UserFactory

pytestmark = pytest.mark.django_db


# --- arithmetic ---------------------------------------------------------------------------

def test_weighted_total_examples():
    assert scoring.weighted_total([(5, 5, Decimal("1"))]) == Decimal("100.00")
    assert scoring.weighted_total([(0, 5, Decimal("2")), (5, 5, Decimal("1"))]) == \
        Decimal("33.33")
    assert scoring.weighted_total([(3, 4, Decimal("1")), (7, 10, Decimal("3"))]) == \
        Decimal("71.25")
    with pytest.raises(ValueError):
        scoring.weighted_total([(6, 5, Decimal("1"))])


@given(st.lists(st.tuples(st.integers(1, 10), st.decimals(min_value="0.01", max_value=10,
                                                         places=2)), min_size=1, max_size=8),
       st.data())
def test_weighted_total_is_between_0_and_100(rubric, data):
    scores = [(data.draw(st.integers(0, m)), m, w) for m, w in rubric]
    total = scoring.weighted_total(scores)
    assert Decimal("0") <= total <= Decimal("100")
    assert scoring.weighted_total([(m, m, w) for m, w in rubric]) == Decimal("100.00")


@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=12))
def test_mean_lies_within_the_totals_and_spread_is_not_negative(totals):
    mean, spread = scoring.mean_and_spread(totals)
    assert min(totals) - Decimal("0.01") <= mean <= max(totals) + Decimal("0.01")
    assert spread >= 0
    if len(set(totals)) == 1:
        assert spread == 0


# --- the review process -------------------------------------------------------------------

@pytest.fixture
def in_review(world, draft):
    application = fill(world, draft)
    services.application_submit(application=application, actor=world.head, expected_version=None)
    services.screening_record(application=application, actor=world.secretariat,
                              checks=[{"code": "complete", "label": "ok", "ok": True}])
    application.refresh_from_db()
    call = application.call
    Criterion.objects.create(call=call, order=1, name_hy="Նորարարություն", weight=2, scale_max=5)
    Criterion.objects.create(call=call, order=2, name_hy="Իրագործելիություն", weight=1,
                             scale_max=10)
    return application


@pytest.fixture
def second_reviewer(world):
    user = UserFactory(email="reviewer2@example.am")
    NetworkRole.objects.create(user=user, network=world.network, role="reviewer")
    return user


def score(review, user, a, b, submit=True):
    criteria = list(review.application.call.criteria.all())
    return services.review_save(review=review, actor=user, comment="",
                                scores={criteria[0].pk: a, criteria[1].pk: b}, submit=submit)


def test_screening_sends_to_review_or_marks_ineligible(world, draft):
    application = fill(world, draft)
    services.application_submit(application=application, actor=world.head, expected_version=None)
    with pytest.raises(DomainError):
        services.screening_record(application=application, actor=world.secretariat,
                                  checks=[{"code": "complete", "ok": False}], note="")
    services.screening_record(application=application, actor=world.secretariat,
                              checks=[{"code": "complete", "ok": False}], note="no scan")
    application.refresh_from_db()
    assert application.status == "ineligible" and application.screening.checks


def test_a_reviewer_never_gets_an_application_of_their_own_community(world, in_review):
    AffiliationFactory(user=world.reviewer, community=world.akunk, role="staff")
    with pytest.raises(DomainError, match="own community"):
        services.review_assign(application=in_review, reviewer=world.reviewer,
                               actor=world.secretariat)
    assert services.reviews_auto_assign(call=in_review.call, actor=world.secretariat,
                                        per_application=1) == 0


def test_only_network_reviewers_are_assigned(world, in_review):
    with pytest.raises(DomainError):
        services.review_assign(application=in_review, reviewer=world.coach,
                               actor=world.secretariat)


def test_auto_assignment_balances_the_workload(world, in_review, second_reviewer):
    others = []
    for i in range(3):
        community = CommunityFactory(region=world.kotayk, name_en=f"Other {i}",
                                     name_hy=f"Այլ {i}")
        others.append(Application.objects.create(
            call=in_review.call, community=community, form_version=in_review.form_version,
            status="in_review"))
    made = services.reviews_auto_assign(call=in_review.call, actor=world.secretariat,
                                        per_application=1)
    assert made == 4
    loads = sorted(Review.objects.values_list("reviewer", flat=True))
    assert sorted([loads.count(world.reviewer.pk), loads.count(second_reviewer.pk)]) == [2, 2]
    assert services.reviews_auto_assign(call=in_review.call, actor=world.secretariat,
                                        per_application=1) == 0


def test_conflict_of_interest_removes_the_reviewer(world, in_review):
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    with pytest.raises(DomainError):
        score(review, world.reviewer, 3, 5)  # must declare first
    with pytest.raises(DomainError):
        services.review_declare(review=review, actor=world.reviewer, conflict=True, note="")
    services.review_declare(review=review, actor=world.reviewer, conflict=True,
                            note="my cousin is the head")
    review.refresh_from_db()
    assert review.status == "conflict"
    assert AuditEntry.objects.filter(action="grants.review.conflict_declared").exists()


def test_an_application_waits_for_reviewers_again_when_its_reviewer_stands_down(
        world, in_review):
    def waiting() -> bool:
        from hamaynk.core.workqueue import work_queue

        return any(g.kind == "grants-assign" for g in work_queue(user=world.secretariat).groups)

    assert waiting()
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    assert not waiting()
    services.review_declare(review=review, actor=world.reviewer, conflict=True,
                            note="my cousin is the head")
    in_review.refresh_from_db()
    assert in_review.reviewers_assigned == 0 and waiting()


def test_only_the_assigned_reviewer_scores(world, in_review, second_reviewer):
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    with pytest.raises(PermissionDenied):
        services.review_declare(review=review, actor=second_reviewer, conflict=False)


def test_two_reviewers_score_and_the_application_gets_mean_and_spread(world, in_review,
                                                                     second_reviewer):
    first = services.review_assign(application=in_review, reviewer=world.reviewer,
                                   actor=world.secretariat)
    second = services.review_assign(application=in_review, reviewer=second_reviewer,
                                    actor=world.secretariat)
    for review, user in ((first, world.reviewer), (second, second_reviewer)):
        services.review_declare(review=review, actor=user, conflict=False)
    score(first, world.reviewer, 5, 10)  # 100
    score(second, second_reviewer, 3, 6, submit=False)
    in_review.refresh_from_db()
    assert (in_review.review_count, in_review.score_mean) == (1, Decimal("100.00"))
    score(second, second_reviewer, 3, 6)  # (3/5*2 + 6/10*1)/3 = 60
    in_review.refresh_from_db()
    assert (in_review.review_count, in_review.score_mean, in_review.score_spread) == (
        2, Decimal("80.00"), Decimal("20.00"))
    with pytest.raises(DomainError):
        score(first, world.reviewer, 1, 1)  # a submitted review is final


def test_scores_out_of_scale_are_refused(world, in_review):
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)
    services.review_declare(review=review, actor=world.reviewer, conflict=False)
    with pytest.raises(DomainError, match="between 0 and 5"):
        score(review, world.reviewer, 6, 1)


def test_award_within_limits_and_envelope_creates_a_grant(world, in_review, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    with pytest.raises(DomainError, match="requested"):
        services.determination_record(application=in_review, actor=world.secretariat,
                                      outcome="award", amount=Decimal("16000"), reason="good")
    with pytest.raises(DomainError):
        services.determination_record(application=in_review, actor=world.secretariat,
                                      outcome="award", amount=Decimal("14000"), reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.determination_record(application=in_review, actor=world.secretariat,
                                      outcome="award", amount=Decimal("14000"),
                                      reason="Strong local partnership")
    grant = Grant.objects.get()
    assert (grant.amount, grant.currency, grant.community) == (Decimal("14000"), "USD",
                                                               world.akunk)
    letters = [m for m in mailoutbox if m.attachments]
    assert letters and letters[0].attachments[0][2] == "application/pdf"
    assert services.awarded_total(in_review.call) == Decimal("14000")


def test_award_beyond_the_remaining_envelope_is_refused(world, in_review):
    call = in_review.call
    call.envelope = Decimal("20000")
    call.save()
    other = Application.objects.create(call=call, community=world.dilijan,
                                       form_version=in_review.form_version, status="in_review",
                                       amount_requested=Decimal("20000"))
    services.determination_record(application=other, actor=world.secretariat, outcome="award",
                                  amount=Decimal("10000"), reason="ok")
    with pytest.raises(DomainError, match="remain"):
        services.determination_record(application=in_review, actor=world.secretariat,
                                      outcome="award", amount=Decimal("12000"), reason="ok")


def test_going_against_the_ranking_needs_a_justification(world, in_review):
    call = in_review.call
    better = Application.objects.create(call=call, community=world.dilijan,
                                        form_version=in_review.form_version,
                                        status="in_review", score_mean=Decimal("90"),
                                        amount_requested=Decimal("10000"))
    Application.objects.filter(pk=in_review.pk).update(score_mean=Decimal("60"))
    in_review.refresh_from_db()
    services.determination_record(application=better, actor=world.secretariat,
                                  outcome="reject", reason="budget unclear")
    with pytest.raises(DomainError, match="ranking"):
        services.determination_record(application=in_review, actor=world.secretariat,
                                      outcome="award", amount=Decimal("10000"), reason="ok")
    determination = services.determination_record(
        application=in_review, actor=world.secretariat, outcome="award",
        amount=Decimal("10000"), reason="ok", justification="regional balance")
    assert determination.off_ranking_justification == "regional balance"
    assert determination.rank_at_decision == 2


def test_more_information_then_the_answer_brings_it_back(world, in_review):
    services.determination_record(application=in_review, actor=world.secretariat,
                                  outcome="more_info", reason="Who runs the cooperative?")
    in_review.refresh_from_db()
    assert in_review.status == "more_info"
    clarification = in_review.clarifications.get()
    services.clarification_answer(clarification=clarification, actor=world.staff,
                                  answer="The council")
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_the_answer_that_brings_it_back_to_review_is_audited(world, in_review):
    services.determination_record(application=in_review, actor=world.secretariat,
                                  outcome="more_info", reason="Who runs the cooperative?")
    in_review.refresh_from_db()
    version = in_review.version
    services.clarification_answer(clarification=in_review.clarifications.get(),
                                  actor=world.staff, answer="The council")
    entry = AuditEntry.objects.get(action="grants.clarification.answered",
                                   target_id=str(in_review.pk))
    assert entry.actor == world.staff
    assert (entry.data["before"], entry.data["after"]) == ("more_info", "in_review")
    in_review.refresh_from_db()
    assert in_review.version == version + 1


def test_an_applications_file_opens_for_its_reviewer_once_no_conflict_is_declared(
        client, world, in_review):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from hamaynk.core.files import DOCUMENTS, store_upload
    from hamaynk.tests_support import pdf_bytes

    stored = store_upload(upload=SimpleUploadedFile("plan.pdf", pdf_bytes()),
                          uploaded_by=world.staff, allowed=DOCUMENTS, owner=in_review)
    url = reverse("file", args=[stored.pk])
    review = services.review_assign(application=in_review, reviewer=world.reviewer,
                                    actor=world.secretariat)

    def status(user):
        client.force_login(user)
        return client.get(url).status_code

    assert status(world.reviewer) == 404  # not before declaring
    services.review_declare(review=review, actor=world.reviewer, conflict=False)
    assert status(world.reviewer) == 200
    assert status(world.staff) == 200 and status(world.secretariat) == 200
    assert status(world.other_reviewer) == 404 and status(world.other_secretariat) == 404
    assert status(world.other_head) == 404
