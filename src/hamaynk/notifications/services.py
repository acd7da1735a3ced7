"""The one way any module tells a person something.

`notify()` stores the notification's kind (registered, notifications/kinds.py) and its
parameters — never its text — as the in-app notification (the bell), and, after the
transaction commits, queues the email: now, in the daily digest, or not at all, by the
recipient's preference. Essential (transactional) messages always go. The text is made
when it is read: on the page in the reader's language, in email in the recipient's.
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
from hamaynk.notifications import kinds
from hamaynk.notifications.models import Notification


def _language(user: User) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def notify(*, recipient: User, kind: str, params: dict[str, Any] | None = None,
           url: str = "", essential: bool = False) -> Notification:
    """Tell `recipient` something of a registered `kind`; `params` are what its templates
    read (objects, ids and plain values: stored as references, never as text)."""
    kinds.kind(kind)  # refused now, not when someone reads it, if it is not registered
    if essential or recipient.email_frequency == User.Frequency.IMMEDIATE:
        status = Notification.Email.PENDING
    elif recipient.email_frequency == User.Frequency.DIGEST:
        status = Notification.Email.DIGEST
    else:
        status = Notification.Email.SKIPPED
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, essential=essential, params=kinds.to_params(params),
        url=url, language=_language(recipient), email_status=status,
    )
    User.objects.filter(pk=recipient.pk).update(unread_notifications=F("unread_notifications") + 1)
    if status == Notification.Email.PENDING:
        from hamaynk.notifications.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def announce(recipients: Iterable[User], *, kind: str, params: dict[str, Any] | None = None,
             url: str = "", essential: bool = False) -> Callable[[], list[Notification]]:
    """The same message for each of `recipients`, as one callable: what a state change
    passes to `core.transitions.transition(notify=[...])`."""
    def send() -> list[Notification]:
        return [notify(recipient=person, kind=kind, params=params, url=url,
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
        language = _language(notification.recipient)
        text = notification.rendered(language)
        body = text.body
        if notification.url:
            body += "\n\n" + absolute(notification.url)
        send_mail(text.subject, body, None, [notification.recipient.email])
        notification.email_status = Notification.Email.SENT
        notification.emailed_at = timezone.now()
        notification.language = language
        notification.save(update_fields=["email_status", "emailed_at", "language"])
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
            for item in items:
                item.recipient = user
            kinds.render_all(items, language=_language(user))
            with translation.override(_language(user)):
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
