from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def shell(request: HttpRequest) -> dict[str, object]:
    """`FRAGMENT_SECONDS` and `TIME_ZONE` are for `{% cache %}` (core/fragments.py)."""
    return {"DEMO_MODE": settings.DEBUG,
            "FRAGMENT_SECONDS": settings.HAMAYNK_FRAGMENT_CACHE_SECONDS,
            "TIME_ZONE": timezone.get_current_timezone_name()}


def work(request: HttpRequest) -> dict[str, object]:
    """The number of items in the signed-in person's work queue, for the header's badge."""
    from hamaynk.core.workqueue import work_count

    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {"work_count": work_count(user=user)}
