from django.core.paginator import Page, Paginator

from hamaynk.accounts.models import User
from hamaynk.notifications.models import Notification


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_page(*, user: User, page: str | int | None) -> Page:
    qs = Notification.objects.filter(recipient=user).only(
        "id", "subject", "body", "url", "read_at", "created_at")
    return Paginator(qs, 20).get_page(page)
