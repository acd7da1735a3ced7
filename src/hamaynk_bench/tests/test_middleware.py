from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from hamaynk_bench.middleware import QueryCountHeaderMiddleware


def test_bench_headers_tell_queries_sql_time_and_cpu_time(db):
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        sum(range(20000))  # some CPU of the request's own
        return HttpResponse("ok")

    response = QueryCountHeaderMiddleware(view)(RequestFactory().get("/"))
    assert response.headers["X-Queries"] == "2"
    assert float(response.headers["X-SQL-ms"]) > 0
    assert float(response.headers["X-CPU-ms"]) > 0
