from django.core.paginator import Page

from hamaynk.accounts.models import User
from hamaynk.core.pagination import paginate
from hamaynk.notifications.models import Notification


def unread_count(*, user: User) -> int:
    """Kept on the user row by the services: no query."""
    return user.unread_notifications


def notification_page(*, user: User, page: str | int | None) -> Page:
    qs = Notification.objects.filter(recipient=user).only(
        "id", "subject", "body", "url", "read_at", "created_at")
    return paginate(qs, page, 20)
