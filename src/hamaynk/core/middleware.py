"""Language choice: Armenian unless the visitor chose otherwise (cookie) or, once signed
in, their saved preference. The browser's Accept-Language is deliberately ignored: the
platform is Armenian first."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers


def supported(code: str | None) -> bool:
    return bool(code) and code in dict(settings.LANGUAGES)


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code: str = settings.LANGUAGE_CODE
        user = getattr(request, "user", None)
        for candidate in (request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
                          getattr(user, "preferred_language", None)):
            if candidate and supported(candidate):
                code = candidate
                break
        translation.activate(code)
        request.LANGUAGE_CODE = code  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        response.headers["Vary"] = ", ".join(
            filter(None, [response.headers.get("Vary"), "Cookie"]))
        return response


class SignedInPagesNotStoredMiddleware:
    """Whatever a signed-in person is shown (pages, exports, files) is kept by no browser
    cache or proxy: `Cache-Control: max-age=0, no-cache, no-store, must-revalidate,
    private`. Visitors' public pages keep the headers their views give them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
