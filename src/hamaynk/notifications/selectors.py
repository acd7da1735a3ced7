from django.core.paginator import Page

from hamaynk.accounts.models import User
from hamaynk.core.pagination import paginate
from hamaynk.notifications.kinds import render_all
from hamaynk.notifications.models import Notification


def unread_count(*, user: User) -> int:
    """Kept on the user row by the services: no query."""
    return user.unread_notifications


def notification_page(*, user: User, page: str | int | None) -> Page:
    """A page of the user's notifications, rendered in the active language (one query per
    kind of object they refer to, whatever the number of rows)."""
    qs = Notification.objects.filter(recipient=user).only(
        "id", "recipient", "kind", "params", "stored_subject", "stored_body", "url", "read_at",
        "created_at")
    result = paginate(qs, page, 20)
    result.object_list = list(result.object_list)
    for item in result.object_list:
        item.recipient = user
    render_all(result.object_list)
    return result
