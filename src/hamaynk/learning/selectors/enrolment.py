"""Enrolment reads: a session's list for its organiser, a community's own ("our people's
learning"), the people a community may enrol, and a viewer's communities."""

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import Http404

from hamaynk.accounts.models import User
from hamaynk.accounts.permissions import verified_community_ids
from hamaynk.communities.models import Affiliation, Community
from hamaynk.core.i18n import language_columns
from hamaynk.learning.models import Certificate, Enrolment, LearningForm, Session
from hamaynk.learning.services.completion import SOURCE_KIND

E = Enrolment.Status


# what the organiser's list shows of an enrolment, its person and community (not the whole rows)
LIST_FIELDS = ("created_at", "updated_at", "session_id", "status", "queued_at", "version",
               "person__full_name", "person__email", "enrolled_by__full_name",
               "enrolled_by__email", "community__updated_at",
               *language_columns(via="community"), *language_columns(via="community__region"))


def session_enrolments(*, session: Session, user: Any, status: str = "") -> QuerySet[Enrolment]:
    """The session's enrolments for its organiser: the waiting ones in their order."""
    if not user.has_perm("learning.manage_catalogue", session):
        raise Http404
    qs = (Enrolment.objects.filter(session=session)
          .select_related("community__region", "person", "enrolled_by")
          .only(*LIST_FIELDS).order_by("queued_at", "pk"))
    if status in E.values:
        qs = qs.filter(status=status)
    return qs


def row_names(enrolment: Enrolment) -> tuple[Any, ...]:
    """What a row of the organiser's list shows that its enrolment's `updated_at` does not
    follow: the names of the person and of who enrolled them, and the registration answers."""
    answers = getattr(enrolment, "registration_rows", [])
    return (enrolment.person.get_full_name(), enrolment.enrolled_by.get_full_name(),
            [(str(row.label), str(row.value)) for row in answers])


def my_communities(*, user: Any) -> list[Community]:
    """The communities the viewer acts for (verified head or staff), by name."""
    ids = verified_community_ids(user)
    if not ids:
        return []
    return list(Community.objects.filter(pk__in=ids).select_related("region")
                .order_by("name_hy", "pk"))


def community_enrolments(*, community: Community, user: Any) -> QuerySet[Enrolment]:
    """Our people's learning: every enrolment the community made, the latest sessions
    first. Only the community's own people see it."""
    if community.pk not in verified_community_ids(user):
        raise Http404
    quiz = LearningForm.objects.filter(opportunity=OuterRef("session__opportunity"),
                                       purpose=LearningForm.Purpose.QUIZ)
    code = Certificate.objects.filter(source_kind=SOURCE_KIND,
                                      source_id=OuterRef("pk")).values("code")[:1]
    return (Enrolment.objects.filter(community=community)
            .select_related("session__opportunity__network", "person", "enrolled_by")
            .annotate(has_quiz=Exists(quiz), certificate_code=Subquery(code))
            .order_by("-session__starts_at", "-pk"))


def enrolment_for_community(*, pk: int, user: Any) -> Enrolment:
    """One enrolment that the viewer may change (the community's people, the organiser)."""
    enrolment = (Enrolment.objects.select_related("session__opportunity__network",
                                                  "community__region", "person")
                 .filter(pk=pk).first())
    if enrolment is None or not user.has_perm("learning.change_enrolment", enrolment):
        raise Http404
    return enrolment


def enrolments_in_session(*, session: Session, communities: list[Community]
                          ) -> list[Enrolment]:
    """The viewer's communities' enrolments in one session (shown on the session's page)."""
    if not communities:
        return []
    return list(Enrolment.objects.filter(session=session, community__in=communities)
                .select_related("person", "community").order_by("queued_at", "pk")[:100])


def colleagues(*, communities: list[Community]) -> QuerySet[User]:
    """The people who may be enrolled for these communities: their verified heads and staff."""
    return (User.objects.filter(affiliations__community__in=communities,
                                affiliations__status=Affiliation.Status.VERIFIED)
            .distinct().order_by("full_name", "pk"))


def my_enrolments(*, user: Any) -> QuerySet[Enrolment]:
    """A person's own enrolments, whoever made them, the latest sessions first."""
    return (Enrolment.objects.filter(person=user).select_related("session__opportunity")
            .order_by("-session__starts_at", "-pk"))
