from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from hamaynk.core.errors import DomainError
from hamaynk.core.files import INLINE_TYPES, download_name
from hamaynk.core.models import StoredFile


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an uploaded file only to those allowed; others get 404 as for a missing file."""
    stored = get_object_or_404(StoredFile, pk=pk)
    if not request.user.has_perm("core.view_file", stored):
        raise Http404
    return stored_file_response(stored)


def stored_file_response(stored: StoredFile) -> FileResponse:
    """The bytes with the type we detected, under our own safe name (RFC 5987 for a
    non-ASCII one), never sniffed by the browser; only images and PDF open inline."""
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type,
                            as_attachment=stored.content_type not in INLINE_TYPES,
                            filename=download_name(stored))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'"
    if stored.visibility != StoredFile.Visibility.PUBLIC:
        add_never_cache_headers(response)  # kept by no cache, whoever asked
    return response


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("404.html", request=request), status=404)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("403.html", request=request), status=403)


def run_action(request: HttpRequest, action: Callable[[], object], success: str) -> bool:
    """Run one service call for a POST view: on success a message; a refused rule
    (DomainError) becomes a message in the user's language; a permission refusal becomes a
    404, the same as a missing object. Returns whether the action succeeded."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return False
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, success)
    return True


CONFIRMED = "confirmed"  # the field of a confirmation page's button: the second POST acts


def is_confirmed(request: HttpRequest) -> bool:
    """Whether this POST comes from a confirmation page (`confirmation_page`)."""
    return request.POST.get(CONFIRMED) == "yes"


def confirmation_page(request: HttpRequest, *, title: str, consequences: list[str],
                      confirm_label: str, cancel_url: str, danger: bool = False) -> HttpResponse:
    """The step before a final action (submit, close, reject, withdraw): what happens next,
    in words, and a button that posts the same fields again to the same address with
    `confirmed=yes`. Works without JavaScript; the posted fields (a version, a reason) are
    carried as they were typed, so the version still guards against a double decision."""
    fields = [(name, value) for name in request.POST if name not in (
        "csrfmiddlewaretoken", CONFIRMED) for value in request.POST.getlist(name)]
    return render(request, "confirm.html", {
        "title": title, "consequences": consequences, "confirm_label": confirm_label,
        "cancel_url": cancel_url, "danger": danger, "fields": fields,
        "action": request.get_full_path()})


SVG_TYPE = "image/svg+xml; charset=utf-8"


def svg_response(svg: str) -> HttpResponse:
    """A drawing made on the server (a canvas, a grid) for a page's <img>: private, and
    asked for again each time (it shows what the viewer may see, as it is now)."""
    response = HttpResponse(svg, content_type=SVG_TYPE)
    response.headers["Cache-Control"] = "private, no-cache"
    return response
