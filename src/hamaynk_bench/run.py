"""The load benchmark: start the app under gunicorn (production settings, DEBUG off), sign
in the roles it needs, drive a bounded load (a fixed number of requests per endpoint,
concurrency 8), and print — and write to bench/results/latest.json — requests, errors,
p50/p95/p99, queries per request, the server's own CPU and SQL time per request (what the
page costs, apart from waiting for a core) and p95 ÷ the floor's p95.

    make scale-data   # once (PostgreSQL at DATABASE_URL)
    make bench        # python -m hamaynk_bench [--only ranking,profile]

The server runs `hamaynk_bench.settings`: the production settings with the floor URL
(`hamaynk_bench.urls`) and the timing headers (`hamaynk_bench.middleware`), which the
production URLconf and settings do not have.

`run_load()` is also used by the smoke test in the ordinary suite (against a test server).
"""

import argparse
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "bench" / "results" / "latest.json"


@dataclass
class Endpoint:
    name: str
    path: str
    role: str = ""  # "", "secretariat" or "reviewer": whose session cookie to send
    stream: bool = False
    # A different URL for each request (e.g. every page of a list), so that nothing cached
    # for an earlier request (a cached fragment) can answer it.
    variants: list[str] = field(default_factory=list)


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    queries: float | None
    bytes: int
    cpu_ms: float | None = None  # the request thread's CPU time in the app (median)
    sql_ms: float | None = None  # time spent waiting for SQL (median)
    ratio_to_floor: float | None = None
    statuses: dict[str, int] = field(default_factory=dict)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * pct / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


Sample = tuple[float, int, int, int | None, float | None, float | None]


def _header_number(response: http.client.HTTPResponse, name: str) -> float | None:
    value = response.getheader(name)
    return float(value) if value else None


def _one(host: str, port: int, path: str, cookie: str) -> Sample:
    """One request; one that times out counts as an error (status 0), not the end of the run."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    started = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Cookie": cookie, "Accept-Language": "hy"})
        response = conn.getresponse()
    except TimeoutError:
        conn.close()
        return ((time.perf_counter() - started) * 1000, 0, 0, None, None, None)
    size = 0
    while chunk := response.read(65536):
        size += len(chunk)
    elapsed = (time.perf_counter() - started) * 1000
    queries = response.getheader("X-Queries")
    conn.close()
    return (elapsed, response.status, size, int(queries) if queries else None,
            _header_number(response, "X-CPU-ms"), _header_number(response, "X-SQL-ms"))


def run_load(base_url: str, endpoints: list[Endpoint], cookies: dict[str, str], *,
             requests: int = 100, concurrency: int = 8,
             progress: Callable[[str], object] | None = None) -> list[Result]:
    parsed = urllib.parse.urlparse(base_url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    results = []
    for endpoint in endpoints:
        cookie = cookies.get(endpoint.role, "")
        n = max(1, requests // 10) if endpoint.stream else requests
        warm = 2 * concurrency
        paths = [endpoint.variants[i % len(endpoint.variants)] for i in range(warm + n)] \
            if endpoint.variants else [endpoint.path] * (warm + n)
        with ThreadPoolExecutor(max_workers=concurrency) as pool:  # warm every worker up
            list(pool.map(_one, [host] * warm, [port] * warm, paths[-warm:], [cookie] * warm))
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            samples = list(pool.map(_one, [host] * n, [port] * n, paths[:n], [cookie] * n))
        times = [s[0] for s in samples]
        statuses: dict[str, int] = {}
        for s in samples:
            statuses[str(s[1])] = statuses.get(str(s[1]), 0) + 1
        queries = [s[3] for s in samples if s[3] is not None]
        cpu = [s[4] for s in samples if s[4] is not None]
        sql = [s[5] for s in samples if s[5] is not None]
        results.append(Result(
            name=endpoint.name, path=endpoint.path, requests=n,
            errors=sum(1 for s in samples if s[1] >= 400 or s[1] == 0),
            p50_ms=round(percentile(times, 50), 1),
            p95_ms=round(percentile(times, 95), 1), p99_ms=round(percentile(times, 99), 1),
            queries=round(statistics.mean(queries), 1) if queries else None,
            bytes=round(statistics.mean(s[2] for s in samples)), statuses=statuses,
            cpu_ms=round(statistics.median(cpu), 1) if cpu else None,
            sql_ms=round(statistics.median(sql), 1) if sql else None))
        if progress is not None:
            last = results[-1]
            progress(f"{last.name}: p95 {last.p95_ms} ms, {last.errors} errors")
    floor = next((r for r in results if r.name == "floor"), None)
    if floor and floor.p95_ms:
        for r in results:
            r.ratio_to_floor = round(r.p95_ms / floor.p95_ms, 2)
    return results


def table(results: list[Result]) -> str:
    head = f"{'endpoint':42} {'req':>5} {'err':>4} {'p50':>8} {'p95':>8} {'p99':>8} " \
           f"{'queries':>8} {'cpu':>6} {'sql':>6} {'÷floor':>7}"
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(f"{r.name:42} {r.requests:5d} {r.errors:4d} {r.p50_ms:8.1f} "
                     f"{r.p95_ms:8.1f} {r.p99_ms:8.1f} "
                     f"{(r.queries if r.queries is not None else float('nan')):8.1f} "
                     f"{(r.cpu_ms if r.cpu_ms is not None else float('nan')):6.1f} "
                     f"{(r.sql_ms if r.sql_ms is not None else float('nan')):6.1f} "
                     f"{(r.ratio_to_floor or 0):7.2f}")
    return "\n".join(lines)


def new_pages(name: str, path: str, pages: int, role: str = "") -> Endpoint:
    """A list asked for its pages 1, 2, 3 … in turn (`path` with `page=N`): no page rendered
    for an earlier request can answer."""
    joiner = "&" if "?" in path else "?"
    variants = [f"{path}{joiner}page={p}" for p in range(1, pages + 1)]
    return Endpoint(f"{name} (new page each time)", variants[0], role, variants=variants)


def endpoints_for(targets: dict[str, Any]) -> list[Endpoint]:
    """The pages the issue names, on the largest objects of the dataset."""
    call, region, page = targets["call"], targets["region"], targets["deep_page"]
    members = f"/networks/{targets['network']}/members/"
    return [
        Endpoint("floor", f"/_bench/floor/?id={targets['community']}"),
        Endpoint("directory (filtered)", f"/communities/?country=AM&region={region}"),
        Endpoint("directory (deep page)", f"/communities/?page={page}"),
        new_pages("directory", "/communities/", page),
        Endpoint("community profile", f"/communities/{targets['community']}/"),
        Endpoint("network members (rows kept)", members),
        new_pages("network members", members, targets["member_pages"]),
        Endpoint("membership applications queue",
                 f"/networks/{targets['network']}/applications/", "secretariat"),
        Endpoint("applications by status+region",
                 f"/grants/calls/{call}/applications/?status=in_review&region={region}",
                 "secretariat"),
        Endpoint("applications by score", f"/grants/calls/{call}/applications/?sort=score",
                 "secretariat"),
        new_pages("applications by score", f"/grants/calls/{call}/applications/?sort=score",
                  targets["application_pages"], "secretariat"),
        Endpoint("applications title search",
                 f"/grants/calls/{call}/applications/?q=waste", "secretariat"),
        Endpoint("ranking (largest call)", f"/grants/calls/{call}/ranking/", "secretariat"),
        new_pages("ranking", f"/grants/calls/{call}/ranking/", targets["ranking_pages"],
                  "secretariat"),
        Endpoint("application page", f"/grants/applications/{targets['application']}/",
                 "secretariat"),
        Endpoint("reviewer queue", "/grants/reviews/", "reviewer"),
        Endpoint("my work (secretariat)", "/my/work/", "secretariat"),
        Endpoint("my work (reviewer)", "/my/work/", "reviewer"),
        Endpoint("public awards", "/grants/awards/"),
        new_pages("public awards", "/grants/awards/", targets["award_pages"]),
        Endpoint("360Giving export (all awards)", "/grants/awards/360giving.json",
                 stream=True),
        *learning_endpoints(targets),
        *portfolio_endpoints(targets),
    ]


def portfolio_endpoints(targets: dict[str, Any]) -> list[Endpoint]:
    """The portfolio pages of issue #16 (targets from `portfolio_targets`)."""
    pk = targets["portfolio"]
    return [Endpoint("portfolio page", f"/portfolios/{pk}/", "secretariat"),
            Endpoint("portfolio canvas (SVG)", f"/portfolios/{pk}/canvas.svg", "secretariat"),
            Endpoint("published portfolios (public)", "/portfolios/published/"),
            Endpoint("portfolio summary (public)",
                     f"/portfolios/{targets['published_portfolio']}/summary/")]


def portfolio_targets(network: Any) -> dict[str, Any]:
    """A portfolio of the network with the most interventions (30 in the scale data), and
    the published one with the most."""
    from django.db.models import Count

    from hamaynk.portfolios.models import Portfolio

    found = (Portfolio.objects.filter(network=network).annotate(n=Count("interventions"))
             .order_by("-n", "pk").first())
    public = (Portfolio.objects.filter(network=network, sharing="public")
              .annotate(n=Count("interventions")).order_by("-n", "pk").first())
    return {"portfolio": found.pk if found else 0,
            "published_portfolio": public.pk if public else 0}


def learning_endpoints(targets: dict[str, Any]) -> list[Endpoint]:
    """The learning pages of issue #15 (targets from `learning_targets`)."""
    filtered = f"/learning/?topic={targets['learning_topic']}&month={targets['learning_month']}"
    return [
        Endpoint("learning catalogue", "/learning/"),
        Endpoint("learning catalogue (filtered: topic+month)", filtered),
        Endpoint("learning catalogue (deep page)",
                 f"/learning/?page={targets['catalogue_deep_page']}"),
        new_pages("learning catalogue", "/learning/", targets["catalogue_pages"]),
        Endpoint("session enrolments (large session)",
                 f"/learning/session/{targets['large_session']}/enrolments/", "secretariat"),
        Endpoint("attendance sheet (large session)",
                 f"/learning/session/{targets['large_session']}/attendance/", "secretariat"),
        Endpoint("cohort progress page", f"/learning/cohort/{targets['cohort']}/",
                 "secretariat"),
    ]


def learning_targets(network: Any) -> dict[str, Any]:
    """The largest session of the network (by enrolments), its cohort, the catalogue's size
    and a topic and month that filter it (the month after this one)."""
    import datetime

    from django.db.models import Count
    from django.utils import timezone

    from hamaynk.learning.models import Cohort, Enrolment, Opportunity, Topic

    largest = (Enrolment.objects.filter(session__opportunity__network=network)
               .values("session_id").annotate(n=Count("pk")).order_by("-n").first())
    cohort = Cohort.objects.filter(network=network).order_by("-pk").first()
    topic = Topic.objects.filter(slug__startswith="scale-").order_by("order").first()
    month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).strftime("%Y-%m")
    pages = max(1, Opportunity.objects.filter(status="published").count() // 25)
    return {"large_session": largest["session_id"] if largest else 0,
            "cohort": cohort.pk if cohort else 0, "learning_topic": topic.slug if topic else "",
            "learning_month": month, "catalogue_pages": pages,
            "catalogue_deep_page": max(1, pages - 3)}


def prepare(*, network_slug: str = "scale-m4eg") -> tuple[dict[str, Any], dict[str, str]]:
    """Find the targets and sign in a secretariat officer and a reviewer (sessions written
    straight to the session store, as a login would)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from hamaynk.accounts.models import User
    from hamaynk.communities.models import Community
    from hamaynk.grants.models import Application, Call, Grant, Review
    from hamaynk.networks.models import Membership, Network, NetworkRole

    network = Network.objects.get(slug=network_slug)
    call = (Call.objects.filter(network=network).annotate(n=Count("applications"))
            .order_by("-n").first())
    assert call is not None, "run make scale-data first"
    officer, _ = User.objects.get_or_create(email="bench-secretariat@scale.hamaynk.test",
                                            defaults={"full_name": "Bench Secretariat"})
    NetworkRole.objects.get_or_create(user=officer, network=network, role="secretariat")
    reviewer = (User.objects.filter(pk__in=Review.objects.filter(application__call=call)
                                    .values("reviewer")[:1]).first())
    cookies = {}
    for role, user in (("secretariat", officer), ("reviewer", reviewer)):
        if user is None:
            continue
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "hamaynk.accounts.backends.EmailBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies[role] = f"{settings.SESSION_COOKIE_NAME}={store.session_key}"
    application = Application.objects.filter(call=call).order_by("pk").first()
    community = Community.objects.order_by("-pk").first()
    region = (Community.objects.filter(region__country__code="AM").values("region__code")
              .annotate(n=Count("pk")).order_by("-n").first() or {"region__code": "AM-KT"})
    pages = max(1, Community.objects.filter(is_verified=True).count() // 25)
    targets = {"call": call.slug, "application": application.pk if application else 0,
               "community": community.pk if community else 1,
               "region": region["region__code"], "deep_page": max(1, pages - 3),
               "award_pages": max(1, Grant.objects.count() // 25),
               "network": network.slug,
               "member_pages": max(1, Membership.objects.filter(
                   network=network, status__in=Membership.VISIBLE_STATUSES).count() // 25),
               "application_pages": max(1, Application.objects.filter(call=call).count() // 25),
               "ranking_pages": max(1, Application.objects.filter(
                   call=call, status__in=["in_review", "more_info", "awarded", "rejected"])
                   .count() // 25),
               **learning_targets(network), **portfolio_targets(network)}
    return targets, cookies


def serve(port: int, workers: int, env: dict[str, str],
          threads: int = 2) -> subprocess.Popen[bytes]:
    command = [str(REPO / ".venv" / "bin" / "gunicorn"), "hamaynk.config.wsgi:application",
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
               "--worker-class", "gthread", "--threads", str(threads), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=env)  # noqa: S603 - our own server
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--only", default="",
                        help="only the endpoints whose name has one of these (comma-separated)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        print("Set DATABASE_URL to the PostgreSQL database made by make scale-data.")  # noqa: T201
        return 2
    env = {**os.environ, "DEBUG": "off", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" * 8),
           "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "SECURE_COOKIES": "off", "REQUIRE_MFA_FOR_SECRETARIAT": "off",
           "DJANGO_SETTINGS_MODULE": "hamaynk_bench.settings",
           "PYTHONPATH": str(REPO / "src")}
    os.environ.update({k: env[k] for k in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS",
                                           "DJANGO_SETTINGS_MODULE")})
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    targets, cookies = prepare()
    workers = os.cpu_count() or 2
    server = serve(args.port, workers, env, args.threads)
    wanted = [w.strip().casefold() for w in args.only.split(",")]
    endpoints = [e for e in endpoints_for(targets)
                 if e.name == "floor" or any(w in e.name.casefold() for w in wanted)]
    try:
        results = run_load(f"http://127.0.0.1:{args.port}", endpoints, cookies,
                           requests=args.requests, concurrency=args.concurrency,
                           progress=lambda line: print(line, flush=True))  # noqa: T201
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker still streaming an export
            server.kill()
            server.wait()
    print(table(results))  # noqa: T201
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "gunicorn_workers": workers,
                    "gunicorn_threads": args.threads, "redis": bool(os.environ.get("REDIS_URL"))},
        "targets": targets, "concurrency": args.concurrency,
        "results": [asdict(r) for r in results]}, indent=2, ensure_ascii=False))
    print(f"written to {RESULTS.relative_to(REPO)}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
