import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.models import AuditEntry
from hamaynk.grants import services
from hamaynk.grants.models import Call
from hamaynk.grants.tests.conftest import call_values

pytestmark = pytest.mark.django_db
C = Call.Status


def test_create_call_starts_a_draft_with_a_starter_form(world):
    call = services.call_create(network=world.network, actor=world.secretariat, **call_values())
    assert call.status == C.DRAFT and call.current_form.number == 1
    assert [q["key"] for q in call.current_form.definition["sections"][0]["questions"]] == [
        "title", "summary", "budget"]
    assert call.budget_categories.count() == 4
    assert AuditEntry.objects.filter(action="grants.call.created").exists()


@pytest.mark.parametrize("who", ["head", "staff", "reviewer", "coach", "outsider"])
def test_only_the_secretariat_creates_calls(world, who):
    with pytest.raises(PermissionDenied):
        services.call_create(network=world.network, actor=getattr(world, who), **call_values())


@pytest.mark.parametrize(("change", "field"), [
    ({"max_award": 1000}, "max_award"), ({"max_award": 10**7}, "max_award"),
    ({"closes_at": "opens"}, "closes_at")])
def test_call_limits_are_checked(world, change, field):
    values = call_values()
    if change.get("closes_at") == "opens":
        change = {"closes_at": values["opens_at"]}
    with pytest.raises(DomainError) as exc:
        services.call_create(network=world.network, actor=world.secretariat,
                             **{**values, **change})
    assert exc.value.field == field


@pytest.mark.parametrize(("source", "target"), list(itertools.product(C.values, C.values)))
def test_call_state_machine(world, source, target):
    call = services.call_create(network=world.network, actor=world.secretariat, **call_values())
    Call.objects.filter(pk=call.pk).update(status=source)
    call.refresh_from_db()
    if target in services.CALL_TRANSITIONS[source]:
        services.call_move(call=call, actor=world.secretariat, target=target)
        call.refresh_from_db()
        assert call.status == target
    else:
        with pytest.raises(IllegalTransition):
            services.call_move(call=call, actor=world.secretariat, target=target)


def test_opening_freezes_the_form(world, open_call):
    assert open_call.current_form.frozen
    with pytest.raises(DomainError, match="frozen"):
        services.form_question_save(call=open_call, actor=world.secretariat,
                                    section_key="project",
                                    question={"key": "x", "type": "short_text",
                                              "label_hy": "x"})


def test_form_builder_refuses_a_broken_form_and_keeps_the_old_one(world):
    call = services.call_create(network=world.network, actor=world.secretariat, **call_values())
    before = call.current_form.definition
    with pytest.raises(DomainError):
        services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                    question={"key": "title", "type": "short_text",
                                              "label_hy": "duplicate key"})
    call.refresh_from_db()
    assert call.current_form.definition == before


def test_form_builder_adds_moves_and_removes_questions(world):
    call = services.call_create(network=world.network, actor=world.secretariat, **call_values())
    services.form_section_save(call=call, actor=world.secretariat, key="team",
                               title_hy="Թիմ")
    services.form_question_save(call=call, actor=world.secretariat, section_key="team",
                                question={"key": "lead", "type": "short_text",
                                          "label_hy": "Ղեկավար", "required": True})
    services.form_question_move(call=call, actor=world.secretariat, section_key="project",
                                key="budget", offset=-1)
    keys = [q["key"] for q in call.current_form.definition["sections"][0]["questions"]]
    assert keys == ["title", "budget", "summary"]
    services.form_question_delete(call=call, actor=world.secretariat, section_key="team",
                                  key="lead")
    assert call.current_form.definition["sections"][1]["questions"] == []


def test_calls_tick_opens_and_closes_at_their_moments(world, time_machine):
    values = call_values()
    call = services.call_create(network=world.network, actor=world.secretariat, **{
        **values, "opens_at": values["opens_at"] + datetime.timedelta(days=2)})
    services.call_move(call=call, actor=world.secretariat, target="published")
    assert services.calls_tick() == {"opened": 0, "closed": 0}
    time_machine.move_to(call.opens_at + datetime.timedelta(seconds=1))
    assert services.calls_tick() == {"opened": 1, "closed": 0}
    time_machine.move_to(call.closes_at)
    assert services.calls_tick() == {"opened": 0, "closed": 1}
    call.refresh_from_db()
    assert call.status == "closed"


def test_public_questions_are_answered_by_the_secretariat(world, open_call):
    asked = services.call_question_ask(call=open_call, actor=world.head, question="Կարո՞ղ ենք")
    with pytest.raises(PermissionDenied):
        services.call_question_answer(question=asked, actor=world.head, answer="yes")
    services.call_question_answer(question=asked, actor=world.secretariat, answer="Այո")
    asked.refresh_from_db()
    assert asked.answer == "Այո" and asked.answered_at
