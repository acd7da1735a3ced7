from django.http import HttpRequest

from hamaynk.notifications.selectors import unread_count


def unread(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user=user)}
