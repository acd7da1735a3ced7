"""Refuse a request body larger than the site accepts before a byte of it is read.

Django reads no more than `Content-Length` bytes (a body without one is read as empty), so
checking the header is enough: a 250 MB post is answered 413 at once instead of being
spooled to disk. A reverse proxy should refuse it even earlier (README: nginx
`client_max_body_size`)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # Django reads such a body as empty


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.HAMAYNK_REQUEST_MAX_BYTES
        if declared_length(request) > limit:
            return HttpResponse(render_to_string("413.html", {
                "limit": filesizeformat(limit),
                "file_limit": filesizeformat(settings.HAMAYNK_UPLOAD_MAX_BYTES),
            }, request=request), status=413)
        return self.get_response(request)
