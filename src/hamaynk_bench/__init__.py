"""The load benchmark (`make bench`), outside the production package: its driver (`run`), and
the settings, URLconf, floor view and timing middleware of the server it starts. Nothing of
it is imported by `hamaynk`; the floor URL exists only in `hamaynk_bench.urls`."""
