from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def shell(request: HttpRequest) -> dict[str, object]:
    """`FRAGMENT_SECONDS` and `TIME_ZONE` are for `{% cache %}` (core/fragments.py)."""
    return {"DEMO_MODE": settings.DEBUG,
            "FRAGMENT_SECONDS": settings.HAMAYNK_FRAGMENT_CACHE_SECONDS,
            "TIME_ZONE": timezone.get_current_timezone_name()}
