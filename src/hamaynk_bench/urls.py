"""The site's URLs and the benchmark's floor, for the server `make bench` starts."""

from typing import cast

from django.urls import URLPattern, URLResolver, path

from hamaynk.config import urls as site
from hamaynk_bench.views import floor

handler404 = site.handler404
handler403 = site.handler403

urlpatterns: list[URLPattern | URLResolver] = [
    path("_bench/floor/", floor), *cast(list[URLPattern | URLResolver], site.urlpatterns)]
