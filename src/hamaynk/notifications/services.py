"""The one way any module tells a person something.

`notify()` renders the message in the recipient's language, writes the in-app notification
(the bell) and, after the transaction commits, queues the email — now, in the daily digest,
or not at all, by the recipient's preference. Essential (transactional) messages always go.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamaynk.accounts.models import User
from hamaynk.notifications.models import Notification


def _render(template: str, context: dict[str, Any], language: str) -> tuple[str, str]:
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context).strip()
    return " ".join(subject.split())[:300], body


def notify(*, recipient: User, kind: str, template: str, context: dict[str, Any] | None = None,
           url: str = "", essential: bool = False) -> Notification:
    """Tell `recipient` something. `template` names a pair `<template>_subject.txt` and
    `<template>_body.txt`, rendered in the recipient's language."""
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    subject, body = _render(template, {"recipient": recipient, "url": url, **(context or {})},
                            language)
    if essential or recipient.email_frequency == User.Frequency.IMMEDIATE:
        status = Notification.Email.PENDING
    elif recipient.email_frequency == User.Frequency.DIGEST:
        status = Notification.Email.DIGEST
    else:
        status = Notification.Email.SKIPPED
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, essential=essential, subject=subject, body=body, url=url,
        language=language, email_status=status,
    )
    User.objects.filter(pk=recipient.pk).update(unread_notifications=F("unread_notifications") + 1)
    if status == Notification.Email.PENDING:
        from hamaynk.notifications.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def announce(recipients: Iterable[User], *, kind: str, template: str,
             context: dict[str, Any] | None = None, url: str = "",
             essential: bool = False) -> Callable[[], list[Notification]]:
    """The same message for each of `recipients`, as one callable: what a state change
    passes to `core.transitions.transition(notify=[...])`."""
    def send() -> list[Notification]:
        return [notify(recipient=person, kind=kind, template=template, context=context, url=url,
                       essential=essential) for person in recipients]
    return send


def absolute(url: str) -> str:
    return f"{settings.HAMAYNK_SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url


def email_notification(*, notification_id: int) -> bool:
    """Send one pending notification by email. Idempotent: a sent one is not sent again."""
    with transaction.atomic():
        notification = (Notification.objects.select_for_update().select_related("recipient")
                        .filter(pk=notification_id, email_status=Notification.Email.PENDING)
                        .first())
        if notification is None:
            return False
        body = notification.body
        if notification.url:
            body += "\n\n" + absolute(notification.url)
        send_mail(notification.subject, body, None, [notification.recipient.email])
        notification.email_status = Notification.Email.SENT
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["email_status", "emailed_at"])
    return True


def send_digests() -> int:
    """Send each person waiting for a digest one email with everything since the last one."""
    sent = 0
    recipients = (User.objects.filter(notifications__email_status=Notification.Email.DIGEST)
                  .distinct())
    for user in recipients.iterator():
        with transaction.atomic():
            items = list(Notification.objects.select_for_update()
                         .filter(recipient=user, email_status=Notification.Email.DIGEST)
                         .order_by("created_at"))
            if not items:
                continue
            with translation.override(user.preferred_language):
                subject = _("Hamaynk: your daily digest (%(count)d)") % {"count": len(items)}
                body = render_to_string("notifications/digest_body.txt",
                                        {"items": items, "recipient": user,
                                         "site": settings.HAMAYNK_SITE_URL})
            send_mail(subject, body, None, [user.email])
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(
                email_status=Notification.Email.SENT, emailed_at=timezone.now())
            sent += 1
    return sent


@transaction.atomic
def mark_read(*, recipient: User, notification_id: int | None = None) -> int:
    """Mark one (or, with no id, every) unread notification of `recipient` as read, and
    count what is left unread afresh (so the bell's number cannot drift)."""
    qs = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if notification_id is not None:
        qs = qs.filter(pk=notification_id)
    changed = qs.update(read_at=timezone.now())
    unread = (Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
              .order_by().values("recipient").annotate(n=Count("pk")).values("n"))
    User.objects.filter(pk=recipient.pk).update(
        unread_notifications=Coalesce(Subquery(unread), Value(0)))
    return changed
