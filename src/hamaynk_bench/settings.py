"""The benchmark's server: the production settings, plus the floor URL and the timing headers."""

from hamaynk.config.settings import *  # noqa: F403

ROOT_URLCONF = "hamaynk_bench.urls"
MIDDLEWARE = ["hamaynk_bench.middleware.QueryCountHeaderMiddleware", *MIDDLEWARE]  # noqa: F405
