from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from hamaynk.core.errors import DomainError
from hamaynk.core.files import IMAGES, PDF
from hamaynk.core.models import StoredFile


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an uploaded file only to those allowed; others get 404 as for a missing file."""
    stored = get_object_or_404(StoredFile, pk=pk)
    if not request.user.has_perm("core.view_file", stored):
        raise Http404
    inline = stored.content_type in IMAGES or stored.content_type == PDF
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type,
                            as_attachment=not inline, filename=stored.original_name)
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
