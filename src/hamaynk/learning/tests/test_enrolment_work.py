"""What enrolments put in the work queue, and what the person is told, in their language."""

import datetime

import pytest
from django.utils import timezone

from hamaynk.core.workqueue import work_count, work_queue
from hamaynk.learning.services import enrolment as services
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import AffiliationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _groups(user):
    return {g.kind: g for g in work_queue(user=user).groups}


def test_the_organiser_is_asked_to_approve_and_only_their_networks(world):
    session = SessionFactory(opportunity__network=world.network, needs_approval=True)
    services.enrol(session=session, community=world.akunk, person=world.staff,
                   actor=world.staff)
    group = _groups(world.secretariat)["learning-approve"]
    assert group.count == 1 and group.counted
    assert "?status=requested" in group.items[0].url
    assert work_count(user=world.secretariat, now=timezone.now()) >= 1
    assert "learning-approve" not in _groups(world.other_secretariat)


def test_the_community_is_reminded_of_learning_starting_within_a_week(world):
    soon = SessionFactory(opportunity__network=world.network,
                          starts_at=timezone.now() + datetime.timedelta(days=3),
                          ends_at=timezone.now() + datetime.timedelta(days=3, hours=4),
                          enrolment_deadline=timezone.now() + datetime.timedelta(days=1))
    later = SessionFactory(opportunity__network=world.network)
    for session in (soon, later):
        services.enrol(session=session, community=world.akunk, person=world.staff,
                       actor=world.staff)
    group = _groups(world.head)["learning-soon"]
    assert group.count == 1 and not group.counted  # a reminder, not in the badge
    assert "learning-soon" not in _groups(world.other_head)


@pytest.mark.parametrize(("language", "words"), [("en", "A seat freed"),
                                                 ("hy", "տեղ է ազատվել")])
def test_the_promoted_person_is_told_in_their_language(world, language, words):
    person = AffiliationFactory(community=world.akunk).user
    person.preferred_language = language
    person.save()
    session = SessionFactory(opportunity__network=world.network, capacity=1)
    first = services.enrol(session=session, community=world.akunk, person=world.staff,
                           actor=world.staff)
    services.enrol(session=session, community=world.akunk, person=person, actor=world.staff)
    services.cancel(enrolment=first, actor=world.staff)
    told = Notification.objects.filter(recipient=person, kind="learning.enrolment.promoted")
    (notification,) = told
    assert notification.language == language  # the email is written in it
    text = notification.rendered(language)
    assert words in str(text.subject)
    assert session.opportunity.title_hy in str(text.body) or \
        session.opportunity.title_en in str(text.body)
