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


class QueryCountHeaderMiddleware:
    """Load tests only (HAMAYNK_BENCH): report each request's SQL queries (`X-Queries`), the
    time spent waiting for them (`X-SQL-ms`) and the CPU time of the request's own thread
    (`X-CPU-ms`), so the load driver can tell what a page costs from how long it waited
    for a core."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        import time

        from django.db import connection

        count, sql = 0, 0.0

        def counter(execute, sql_text, params, many, context):  # type: ignore[no-untyped-def]
            nonlocal count, sql
            count += 1
            started = time.perf_counter()
            try:
                return execute(sql_text, params, many, context)
            finally:
                sql += time.perf_counter() - started

        cpu = time.thread_time()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response.headers["X-Queries"] = str(count)
        response.headers["X-SQL-ms"] = f"{sql * 1000:.2f}"
        response.headers["X-CPU-ms"] = f"{(time.thread_time() - cpu) * 1000:.2f}"
        return response
