"""Learning questions with their evidence log (a checked file) and what was learned, the risk
register (owner among the community's people), the workplan (overdue relative to today in the
network's zone): services audited, the page's forms, bad input, and its query count."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamaynk.core import counts
from hamaynk.core.errors import DomainError
from hamaynk.core.models import AuditEntry
from hamaynk.portfolios.models import LearningEntry, LearningQuestion, Milestone, Risk
from hamaynk.portfolios.selectors.practice import practice_page
from hamaynk.portfolios.services import practice as services
from hamaynk.tests_support import (
    InterventionFactory,
    LearningQuestionFactory,
    MilestoneFactory,
    PortfolioFactory,
    RiskFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db
PDF = pdf_bytes()


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["hamaynk_language"] = "en"


def test_a_question_gathers_evidence_then_answering_closes_it(world, portfolio):
    intervention = InterventionFactory(portfolio=portfolio)
    question = services.question_add(portfolio=portfolio, actor=world.staff,
                                     question="Կմնա՞ն հյուրերը", intervention_id=intervention.pk)
    today = timezone.localdate()
    entry = services.question_note(question=question, actor=world.staff, noted_on=today,
                                   text="Երեք ընտանիք մնաց",
                                   upload=SimpleUploadedFile("log.pdf", PDF))
    assert entry.file is not None and entry.file.content_type == "application/pdf"
    answered = services.question_answer(question=question, actor=world.head,
                                        learned="Այո, ամռանը")
    assert answered.answered_at is not None and answered.learned == "Այո, ամռանը"
    actions = list(AuditEntry.objects.filter(action__startswith="portfolios.question.")
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["portfolios.question.saved", "portfolios.question.entry_added",
                       "portfolios.question.saved"]


def test_the_evidence_log_refuses_a_file_that_is_not_what_it_says(world, portfolio):
    question = LearningQuestionFactory(portfolio=portfolio)
    with pytest.raises(DomainError) as refused:
        services.question_note(question=question, actor=world.staff,
                               noted_on=timezone.localdate(), text="Լուսանկար",
                               upload=SimpleUploadedFile("photo.pdf", b"MZ\x90\x00 not a pdf"))
    assert refused.value.field == "file"
    with pytest.raises(DomainError, match="Give a day"):
        services.question_note(question=question, actor=world.staff,
                               noted_on=datetime.date(1, 1, 1), text="Հին")
    assert not LearningEntry.objects.exists()


def test_a_question_keeps_to_its_portfolio_and_its_community(world, portfolio):
    elsewhere = InterventionFactory(portfolio=PortfolioFactory())
    with pytest.raises(DomainError, match="intervention of this portfolio"):
        services.question_add(portfolio=portfolio, actor=world.staff, question="Ինչ",
                              intervention_id=elsewhere.pk)
    with pytest.raises(DomainError, match="Write the question"):
        services.question_add(portfolio=portfolio, actor=world.staff, question="   ")
    for outsider in (world.coach, world.secretariat, world.other_head):
        with pytest.raises(PermissionDenied):
            services.question_add(portfolio=portfolio, actor=outsider, question="Ինչ")


def test_a_risk_is_owned_by_one_of_the_community_and_closed_once(world, portfolio):
    with pytest.raises(DomainError, match="community's people"):
        services.risk_add(portfolio=portfolio, actor=world.staff, description="Ձյուն",
                          likelihood=3, impact=4, owner=world.other_head)
    with pytest.raises(DomainError, match="1 to 5"):
        services.risk_add(portfolio=portfolio, actor=world.staff, description="Ձյուն",
                          likelihood=6, impact=4)
    risk = services.risk_add(portfolio=portfolio, actor=world.staff, description="Ձյուն",
                             likelihood=3, impact=4, owner=world.head, mitigation="Ձնամաքրիչ")
    closed = services.risk_close(risk=risk, actor=world.head)
    assert closed.closed_at is not None
    with pytest.raises(DomainError, match="already closed"):
        services.risk_close(risk=closed, actor=world.head)
    assert AuditEntry.objects.filter(action="portfolios.risk.saved").count() == 2


def test_an_overdue_milestone_is_flagged_by_the_networks_today(world, portfolio):
    world.network.time_zone = "Asia/Yerevan"
    world.network.save()
    # 21:30 UTC on 9 March is already 10 March in Yerevan (UTC+4)
    with time_machine.travel(datetime.datetime(2026, 3, 9, 21, 30, tzinfo=datetime.UTC),
                             tick=False):
        due_yesterday = MilestoneFactory(portfolio=portfolio, due_date=datetime.date(2026, 3, 9))
        due_today = MilestoneFactory(portfolio=portfolio, due_date=datetime.date(2026, 3, 10))
        page = practice_page(portfolio)
    flags = {m.pk: m.overdue for m in page.milestones}
    assert flags == {due_yesterday.pk: True, due_today.pk: False}
    assert page.today == datetime.date(2026, 3, 10)


def test_a_milestone_is_done_once_and_names_an_own_intervention(world, portfolio):
    with pytest.raises(DomainError, match="intervention of this portfolio"):
        services.milestone_add(portfolio=portfolio, actor=world.staff, title="Բացում",
                               due_date=timezone.localdate(),
                               intervention_id=InterventionFactory().pk)
    milestone = services.milestone_add(portfolio=portfolio, actor=world.staff, title="Բացում",
                                       due_date=timezone.localdate())
    services.milestone_done(milestone=milestone, actor=world.staff)
    with pytest.raises(DomainError, match="already done"):
        services.milestone_done(milestone=milestone, actor=world.staff)


def url_of(portfolio):
    return reverse("portfolios:practice", args=[portfolio.pk])


def test_the_team_writes_the_practice_page(client, world, portfolio):
    client.force_login(world.staff)
    url = url_of(portfolio)
    assert client.post(url, {"form": "question", "question": "Կմնա՞ն"}).status_code == 302
    question = LearningQuestion.objects.get(portfolio=portfolio)
    day = timezone.localdate().isoformat()
    posted = client.post(url, {"form": "entry", "target": str(question.pk),
                               f"e{question.pk}-noted_on": day, f"e{question.pk}-text": "Մնացին",
                               f"e{question.pk}-file": SimpleUploadedFile("a.pdf", PDF)})
    assert posted.status_code == 302 and question.entries.count() == 1
    client.post(url, {"form": "answer", "target": str(question.pk),
                      f"a{question.pk}-learned": "Այո"})
    assert LearningQuestion.objects.get(pk=question.pk).answered_at is not None
    client.post(url, {"form": "risk", "description": "Ձյուն", "likelihood": "2", "impact": "5",
                      "owner": str(world.head.pk), "mitigation": ""})
    risk = Risk.objects.get(portfolio=portfolio)
    assert risk.owner == world.head
    client.post(url, {"form": "risk_close", "target": str(risk.pk)})
    assert Risk.objects.get(pk=risk.pk).closed_at is not None
    client.post(url, {"form": "milestone", "title": "Բացում", "due_date": day})
    milestone = Milestone.objects.get(portfolio=portfolio)
    client.post(url, {"form": "milestone_done", "target": str(milestone.pk)})
    assert Milestone.objects.get(pk=milestone.pk).done_at is not None
    page = client.get(url).content.decode()
    assert "Մնացին" in page and "a.pdf" in page


def test_a_refused_entry_is_shown_beside_its_field_on_its_question(client, world, portfolio):
    question = LearningQuestionFactory(portfolio=portfolio)
    client.force_login(world.staff)
    response = client.post(url_of(portfolio), {
        "form": "entry", "target": str(question.pk), f"e{question.pk}-noted_on": "0001-01-01",
        f"e{question.pk}-text": "Բան"})
    assert response.status_code == 200
    form = response.context["page"].questions[0].entry_form
    assert "noted_on" in form.errors and form.data[f"e{question.pk}-text"] == "Բան"


@pytest.mark.parametrize("data", [
    {"form": "question", "question": "\x00"},
    {"form": "question", "question": "Ինչ", "intervention": "9" * 30},
    {"form": "risk", "description": "Ռիսկ", "likelihood": "9", "impact": "NaN"},
    {"form": "risk", "description": "Ռիսկ", "likelihood": "1", "impact": "1", "owner": "-1"},
    {"form": "milestone", "title": "Ա" * 400, "due_date": "9999-12-31"},
    {"form": "milestone", "title": "Բ", "due_date": "0001-01-01"},
    {"form": "entry", "target": "9" * 30}, {"form": "answer", "target": "x"},
    {"form": "risk_close", "target": "\x00"}, {"form": "milestone_done", "target": "99999"},
    {"form": "fly"}, {"form": ["question", "risk"]},
])
def test_bad_input_on_the_practice_page_is_refused_not_a_500(client, world, portfolio, data):
    client.force_login(world.staff)
    response = client.post(url_of(portfolio), data)
    assert response.status_code in (200, 404)
    assert not (LearningQuestion.objects.exists() or Risk.objects.exists()
                or Milestone.objects.exists())


def test_another_portfolios_rows_are_not_reachable(client, world, portfolio):
    other = PortfolioFactory()
    risk, milestone = RiskFactory(portfolio=other), MilestoneFactory(portfolio=other)
    question = LearningQuestionFactory(portfolio=other)
    client.force_login(world.staff)
    for data in ({"form": "risk_close", "target": str(risk.pk)},
                 {"form": "milestone_done", "target": str(milestone.pk)},
                 {"form": "answer", "target": str(question.pk), f"a{question.pk}-learned": "X"}):
        assert client.post(url_of(portfolio), data).status_code == 404
    assert Risk.objects.get(pk=risk.pk).closed_at is None


def test_the_coach_reads_the_practice_page_without_its_forms(client, world, portfolio):
    RiskFactory(portfolio=portfolio)
    client.force_login(world.coach)
    response = client.get(url_of(portfolio))
    assert response.status_code == 200 and b'name="form"' not in response.content
    assert client.post(url_of(portfolio), {"form": "question", "question": "X"}
                       ).status_code == 403


def fill(portfolio, world, n):
    intervention = InterventionFactory(portfolio=portfolio)
    for _ in range(n):
        question = LearningQuestionFactory(portfolio=portfolio, intervention=intervention)
        LearningEntry.objects.create(question=question, noted_on=timezone.localdate(),
                                     text="Տեսանք", added_by=world.staff)
        RiskFactory(portfolio=portfolio, owner=world.head)
        MilestoneFactory(portfolio=portfolio, intervention=intervention,
                         due_date=timezone.localdate() - datetime.timedelta(days=3))


@pytest.mark.parametrize("role", ["head", "coach"])
def test_the_practice_page_runs_the_same_queries_for_1_or_30_rows(client, world, portfolio,
                                                                  role):
    client.force_login(world.people()[role])
    fill(portfolio, world, 1)

    def count():
        counts.changed_all()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url_of(portfolio)).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    fill(portfolio, world, 29)
    assert count() == one


def test_an_open_risk_is_scored_again_and_a_closed_one_no_longer_changes(world, portfolio):
    risk = RiskFactory(portfolio=portfolio)
    changed = services.risk_change(risk=risk, actor=world.staff, likelihood=5, impact=2,
                                   mitigation="Ձմռանը այլ ճանապարհ")
    assert (changed.likelihood, changed.impact, changed.mitigation) == (
        5, 2, "Ձմռանը այլ ճանապարհ")
    entry = AuditEntry.objects.filter(action="portfolios.risk.saved").latest("pk")
    assert entry.data["change"] == "changed" and entry.data["before"] == [3, 4]
    with pytest.raises(DomainError, match="from 1 to 5"):
        services.risk_change(risk=risk, actor=world.staff, likelihood=6, impact=2)
    services.risk_close(risk=risk, actor=world.staff)
    with pytest.raises(DomainError, match="closed"):
        services.risk_change(risk=risk, actor=world.staff, likelihood=1, impact=1)
    with pytest.raises(PermissionDenied):
        services.risk_change(risk=RiskFactory(portfolio=portfolio), actor=world.coach,
                             likelihood=1, impact=1)


def test_an_open_milestone_is_renamed_or_moved_and_a_done_one_no_longer_changes(
        world, portfolio):
    milestone = MilestoneFactory(portfolio=portfolio)
    later = milestone.due_date + datetime.timedelta(days=14)
    moved = services.milestone_change(milestone=milestone, actor=world.head,
                                      title="Բացել արտադրամասը", due_date=later)
    assert (moved.title, moved.due_date) == ("Բացել արտադրամասը", later)
    entry = AuditEntry.objects.filter(action="portfolios.milestone.saved").latest("pk")
    assert entry.data["before"] == str(milestone.due_date)
    with pytest.raises(DomainError, match="Name the milestone"):
        services.milestone_change(milestone=milestone, actor=world.head, title=" ",
                                  due_date=later)
    services.milestone_done(milestone=milestone, actor=world.head)
    with pytest.raises(DomainError, match="done"):
        services.milestone_change(milestone=milestone, actor=world.head, title="X",
                                  due_date=later)


def test_the_page_moves_a_milestone_and_keeps_a_refused_date_beside_its_field(
        client, world, portfolio):
    milestone = MilestoneFactory(portfolio=portfolio)
    risk = RiskFactory(portfolio=portfolio)
    client.force_login(world.staff)
    page = client.get(url_of(portfolio)).content.decode()
    assert f'id="id_m{milestone.pk}-due_date"' in page and f'id="id_r{risk.pk}-impact"' in page
    response = client.post(url_of(portfolio), {
        "form": "milestone_change", "target": str(milestone.pk),
        f"m{milestone.pk}-title": "Նոր անուն", f"m{milestone.pk}-due_date": "0001-01-01"})
    assert response.status_code == 200
    assert f'id="id_m{milestone.pk}-due_date_error"' in response.content.decode()
    assert Milestone.objects.get(pk=milestone.pk).title != "Նոր անուն"
    later = milestone.due_date + datetime.timedelta(days=7)
    response = client.post(url_of(portfolio), {
        "form": "milestone_change", "target": str(milestone.pk),
        f"m{milestone.pk}-title": "Նոր անուն", f"m{milestone.pk}-due_date": later.isoformat()})
    assert response.status_code == 302
    assert Milestone.objects.get(pk=milestone.pk).due_date == later
    response = client.post(url_of(portfolio), {
        "form": "risk_change", "target": str(risk.pk), f"r{risk.pk}-likelihood": "2",
        f"r{risk.pk}-impact": "NaN"})
    assert response.status_code == 200 and Risk.objects.get(pk=risk.pk).likelihood == 3


def test_another_portfolios_risk_or_milestone_cannot_be_changed(client, world, portfolio):
    other = PortfolioFactory()
    risk, milestone = RiskFactory(portfolio=other), MilestoneFactory(portfolio=other)
    client.force_login(world.staff)
    for data in ({"form": "risk_change", "target": str(risk.pk),
                  f"r{risk.pk}-likelihood": "1", f"r{risk.pk}-impact": "1"},
                 {"form": "milestone_change", "target": "x"}):
        assert client.post(url_of(portfolio), data).status_code == 404
    assert Risk.objects.get(pk=risk.pk).likelihood == 3
    assert Milestone.objects.get(pk=milestone.pk).title == milestone.title
