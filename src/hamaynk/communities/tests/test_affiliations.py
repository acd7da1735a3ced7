import itertools

import pytest
from django.core.exceptions import PermissionDenied

from hamaynk.communities import services
from hamaynk.communities.models import Affiliation
from hamaynk.core.errors import DomainError, IllegalTransition
from hamaynk.core.models import AuditEntry
from hamaynk.notifications.models import Notification
from hamaynk.tests_support import AffiliationFactory, UserFactory

pytestmark = pytest.mark.django_db
S = Affiliation.Status
ACTIONS = {S.VERIFIED: services.affiliation_verify, S.REJECTED: services.affiliation_reject,
           S.REVOKED: services.affiliation_revoke}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S.values, ACTIONS)))
def test_affiliation_state_machine_allows_exactly_the_table(world, source, target):
    affiliation = AffiliationFactory(community=world.dilijan, status=source)
    kwargs = {"reason": "checked by phone"} if target != S.VERIFIED else {}
    allowed = target in services.AFFILIATION_TRANSITIONS[source]
    if allowed:
        ACTIONS[target](affiliation=affiliation, actor=world.secretariat, **kwargs)
        affiliation.refresh_from_db()
        assert affiliation.status == target
        assert AuditEntry.objects.filter(target_id=str(affiliation.pk),
                                         action__startswith="communities.affiliation.").exists()
    else:
        with pytest.raises(IllegalTransition):
            ACTIONS[target](affiliation=affiliation, actor=world.secretariat, **kwargs)
        affiliation.refresh_from_db()
        assert affiliation.status == source


def test_request_then_verify_notifies_and_grants_the_role(
        world, mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory(email="new@example.am", preferred_language="en")
    affiliation = services.affiliation_request(user=person, community=world.dilijan,
                                               role="staff", position="economist")
    assert Notification.objects.filter(recipient=world.secretariat,
                                       kind="communities.affiliation.requested").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.affiliation_verify(affiliation=affiliation, actor=world.secretariat)
    assert person.has_perm("communities.edit_profile", world.dilijan)
    note = Notification.objects.get(recipient=person)
    assert note.essential
    # emailed in the person's language; the bell speaks the reader's current one
    assert any(m.to == ["new@example.am"] and m.subject == "Your role for Dilijan: verified"
               for m in mailoutbox)
    entry = AuditEntry.objects.get(action="communities.affiliation.verified")
    assert entry.actor == world.secretariat and entry.data == {
        "before": "pending", "after": "verified", "reason": ""}


def test_request_twice_is_refused(world):
    with pytest.raises(DomainError):
        services.affiliation_request(user=world.pending, community=world.akunk, role="staff")
    assert Affiliation.objects.filter(user=world.pending).count() == 1


def test_only_the_secretariat_decides(world):
    affiliation = Affiliation.objects.get(user=world.pending)
    for person in (world.head, world.staff, world.reviewer, world.coach, world.outsider):
        with pytest.raises(PermissionDenied):
            services.affiliation_verify(affiliation=affiliation, actor=person)
    affiliation.refresh_from_db()
    assert affiliation.status == S.PENDING


def test_reject_needs_a_reason(world):
    affiliation = Affiliation.objects.get(user=world.pending)
    with pytest.raises(DomainError):
        services.affiliation_reject(affiliation=affiliation, actor=world.secretariat, reason=" ")


def test_a_community_has_one_verified_head(world):
    second = AffiliationFactory(community=world.akunk, role="head", status=S.PENDING)
    with pytest.raises(DomainError):
        services.affiliation_verify(affiliation=second, actor=world.secretariat)
    second.refresh_from_db()
    assert second.status == S.PENDING


def test_revoked_person_loses_access(world):
    affiliation = Affiliation.objects.get(user=world.staff)
    services.affiliation_revoke(affiliation=affiliation, actor=world.secretariat,
                                reason="left the office")
    world.staff.refresh_from_db()
    assert not world.staff.has_perm("communities.edit_profile", world.akunk)
