"""A PDF copy of what a community submitted, in the reader's language, for the
confirmation email and for download."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.core.exports import absolute_url
from hamaynk.documents.armenian import community_in_marz_hy
from hamaynk.documents.pdf_writer import html_to_pdf
from hamaynk.grants.models import Application
from hamaynk.questionnaires.answers import SectionAnswers
from hamaynk.questionnaires.answers import answers_for_display as questionnaire_answers


def answers_for_display(application: Application, language: str, *, user: Any,
                        absolute: bool = False) -> list[SectionAnswers]:
    """Sections with their visible questions and the answers, ready for a template; file
    answers link to their files for `user` when they may open them (`absolute` links for a
    PDF, which is read outside the site)."""
    with translation.override(language):
        return questionnaire_answers(application.form_version.parsed, application.answers,
                                     language=language, user=user,
                                     url_for=absolute_url if absolute else None)


def submission_html(application: Application, language: str, *, user: Any = None) -> str:
    """The copy in `language` as HTML; its file answers link to the files for `user` (names
    only without one)."""
    with translation.override(language):
        return render_to_string("grants/submission_copy.html", {
            "application": application,
            "sections": answers_for_display(application, language, user=user, absolute=True),
            "lines": application.budget_lines.select_related("category")})


def submission_pdf(application: Application, language: str, *, user: Any = None) -> bytes:
    return html_to_pdf(submission_html(application, language, user=user))


def email_submission_copy(*, application_id: int, recipient_id: int) -> bool:
    application = (Application.objects.select_related("call", "community", "form_version")
                   .filter(pk=application_id).first())
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if application is None or recipient is None:
        return False
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Submitted: %(title)s") % {"title": application.title or application.call}
        body = _("Attached is a copy of the application that %(community)s submitted to "
                 "“%(call)s”.") % {"community": application.community.name,
                                   "call": application.call.title}
    message = EmailMessage(subject, body, to=[recipient.email])
    message.attach(f"application-{application.pk}.pdf",
                   submission_pdf(application, language, user=recipient), "application/pdf")
    message.send()
    return True


def decision_letter_html(determination: Any, language: str) -> str:
    community = determination.application.community
    region = community.region
    with translation.override(language):
        # "Տավուշի մարզի Դիլիջան համայնքի ղեկավարին": an Armenian letter names the marz.
        addressee = (community_in_marz_hy(community.name_hy or community.name,
                                          region.genitive_hy if region.kind == "marz" else "")
                     if language == "hy" else community.name)
        return render_to_string("grants/decision_letter.html", {
            "d": determination, "application": determination.application,
            "call": determination.application.call, "today": determination.created_at,
            "addressee": addressee})


def decision_letter_pdf(determination: Any, language: str) -> bytes:
    return html_to_pdf(decision_letter_html(determination, language))


def email_decision_letter(*, determination_id: int, recipient_id: int) -> bool:
    from hamaynk.grants.models import Determination

    determination = (Determination.objects
                     .select_related("application__call__network", "application__community")
                     .filter(pk=determination_id).first())
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if determination is None or recipient is None:
        return False
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    application = determination.application
    with translation.override(language):
        subject = _("Decision on your application: %(title)s") % {
            "title": application.title or application.call.title}
        body = _("The decision letter is attached.")
    message = EmailMessage(subject, body, to=[recipient.email])
    message.attach(f"decision-{application.pk}-{language}.pdf",
                   decision_letter_pdf(determination, language), "application/pdf")
    message.send()
    return True
