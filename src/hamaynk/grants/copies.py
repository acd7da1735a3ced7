"""A PDF copy of what a community submitted, in the reader's language, for the
confirmation email and for download."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.documents.pdf_writer import html_to_pdf
from hamaynk.grants import formschema
from hamaynk.grants.models import Application


def answers_for_display(application: Application, language: str) -> list[dict[str, Any]]:
    """Sections with their visible questions and the answers, ready for a template."""
    definition = formschema.parse_definition(application.form_version.definition)
    visible = {q.key for q in formschema.visible_questions(definition, application.answers)}
    sections = []
    for section in definition.sections:
        rows = []
        for q in section.questions:
            if q.key not in visible or q.type == "budget":
                continue
            value = application.answers.get(q.key)
            if q.type in ("single_choice", "multiple_choice"):
                labels = {c.value: formschema.label(c, "label", language) for c in q.choices}
                values = value if isinstance(value, list) else [value] if value else []
                value = ", ".join(labels.get(v) or str(v) for v in values)
            elif q.type == "yes_no" and value is not None:
                value = _("yes") if value else _("no")
            elif q.type == "file" and isinstance(value, dict):
                value = value.get("name", "")
            rows.append({"label": formschema.label(q, "label", language), "value": value})
        sections.append({"title": formschema.label(section, "title", language), "rows": rows})
    return sections


def submission_pdf(application: Application, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("grants/submission_copy.html", {
            "application": application, "sections": answers_for_display(application, language),
            "lines": application.budget_lines.select_related("category")})
    return html_to_pdf(html)


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
    message.attach(f"application-{application.pk}.pdf", submission_pdf(application, language),
                   "application/pdf")
    message.send()
    return True


def decision_letter_pdf(determination: Any, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("grants/decision_letter.html", {
            "d": determination, "application": determination.application,
            "call": determination.application.call, "today": determination.created_at})
    return html_to_pdf(html)


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
