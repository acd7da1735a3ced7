import time
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse


class QueryCountHeaderMiddleware:
    """Load tests only (hamaynk_bench.settings): report each request's SQL queries
    (`X-Queries`), the time spent waiting for them (`X-SQL-ms`) and the CPU time of the
    request's own thread (`X-CPU-ms`), so the load driver can tell what a page costs from
    how long it waited for a core."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
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
