"""No input gives a 500: hostile values in every query parameter, form field and path text
of the pages a person can reach, and in every parameter of the API.

The pages are found, not listed: starting from every route of the URL conf that needs no
argument (and the pages the demo's objects link to), a crawler follows the links and reads
the forms each role sees, so that a page added later is fuzzed too. Each route is then asked
with hostile query values, each form posted with one hostile value per field (and two values
where one is expected), each text in a path replaced. Sampled with a fixed seed so that the
run stays short; every value of the table is used on every kind of input."""

import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from typing import Any
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

HOSTILE: list[Any] = [
    "", " ", "²", "٣", "9" * 5000, "-1", "1e9", "0x10", "\x00", "a\x00b", "<script>x</script>",
    "0001-01-01", "9999-12-31", "NaN", "Infinity", "1,5", "Ա" * 20000, "99999999999999999999",
    "0001-01-01T00:00", "-0.01", ["1", "2"],
]
# The values that broke pages before: every field and parameter meets one of them in turn,
# and one more of the whole table.
SHARP: list[Any] = ["\x00", "²", "9" * 5000, "a\x00b", "99999999999999999999", "-1",
                    "0001-01-01", ["1", "2"]]
PATH_HOSTILE = ["\x00", "²", "9" * 5000, "a\x00b", "<script>", "Ա" * 300]
COMMON_QUERY = ["page", "q", "sort", "section", "key", "answer", "purpose", "lang", "status",
                "region", "country", "network", "community", "id", "min_score", "page_size"]
SKIP = ("/admin/", "/accounts/logout/", "/_errors/", "/static/", "/accounts/2fa/",
        "/api/")
ROLES = {"anonymous": None, "head": "head.akunk@demo.hamaynk.am",
         "secretariat": "secretariat@demo.hamaynk.am", "reviewer": "reviewer@demo.hamaynk.am"}
ALLOWED = {200, 204, 301, 302, 303, 400, 401, 403, 404, 405, 409, 410, 422, 429}
PAGES_PER_ROUTE = 1
MAX_PAGES = 110  # per role


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form(a.get("method", "get").lower(), a.get("action", ""))
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "file":
                self._form.files.append(a["name"])
            elif kind in ("submit", "button", "image"):
                self._form.buttons.append((a["name"], a.get("value", "")))
            elif kind not in ("checkbox", "radio") or "checked" in a or \
                    a["name"] not in self._form.fields:
                self._form.fields[a["name"]] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "button":
            self._form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = a["name"]
            self._form.fields.setdefault(a["name"], "")
        elif tag == "option" and self._select:
            if not self._form.fields.get(self._select) or "selected" in a:
                self._form.fields[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form.fields[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data


def _routes(patterns: list[Any], prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            found += _routes(p.url_patterns, prefix + str(p.pattern))
        else:
            found.append((prefix + str(p.pattern), p))
    return found


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


class Fuzzer:
    def __init__(self) -> None:
        self.rng = random.Random(20261201)  # noqa: S311 - sampling, not security
        self.failures: list[str] = []
        self.requests = 0
        self._exception: BaseException | None = None
        self._turn = 0
        got_request_exception.connect(self._caught)

    def _caught(self, sender: Any, request: Any = None, **kwargs: Any) -> None:
        import sys

        self._exception = sys.exc_info()[1]

    def hostile(self, count: int) -> list[Any]:
        """One of the sharp values and `count - 1` of the whole table, each in turn, so that
        each kind of input meets every value over the run."""
        self._turn += 1
        values = [SHARP[self._turn % len(SHARP)]]
        values += [HOSTILE[(self._turn * 3 + i) % len(HOSTILE)] for i in range(count - 1)]
        return values

    def ask(self, client: Client, role: str, method: str, path: str, data: Any = None,
            note: str = "") -> Any:
        self._exception = None
        self.requests += 1
        response = getattr(client, method)(path, data=data or {})
        if response.status_code not in ALLOWED:
            self.failures.append(f"{role} {method.upper()} {path[:120]} {note[:160]} → "
                                 f"{response.status_code} {self._exception!r:.200}")
        return response


def _crawl(fuzzer: Fuzzer, client: Client, role: str, seeds: list[str]
           ) -> tuple[dict[str, list[str]], dict[tuple[Any, ...], Form], dict[str, set[str]]]:
    pages: dict[str, list[str]] = {}  # route -> paths seen
    forms: dict[tuple[Any, ...], Form] = {}
    params: dict[str, set[str]] = {}  # route -> query parameter names seen
    queue, seen = list(seeds), set[str]()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
            continue
        route = _route(parts.path)
        if route is None or url in seen:
            continue
        params.setdefault(route, set()).update(k for k, _v in parse_qsl(parts.query))
        if len(pages.get(route, [])) >= PAGES_PER_ROUTE:
            continue
        seen.add(url)
        response = fuzzer.ask(client, role, "get", url, note="(crawl)")
        pages.setdefault(route, []).append(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode(errors="replace"))
        for link in page.links:
            queue.append(urljoin(parts.path, link).split("#")[0])
        for form in page.forms:
            form.action = urljoin(url, form.action or url)
            target = _route(urlsplit(form.action).path)
            if target is None or urlsplit(form.action).path.startswith(SKIP):
                continue
            if form.method == "get":
                params.setdefault(target, set()).update(form.fields)
                continue
            key = (target, tuple(sorted(form.fields)), tuple(form.buttons))
            forms.setdefault(key, form)
    return pages, forms, params


def _fuzz_get(fuzzer: Fuzzer, client: Client, role: str, pages: dict[str, list[str]],
              params: dict[str, set[str]]) -> None:
    for route, paths in pages.items():
        path = urlsplit(paths[0]).path
        names = sorted(params.get(route, set()) | set(fuzzer.rng.sample(COMMON_QUERY, 2)))
        for name in names:
            for value in fuzzer.hostile(1):
                fuzzer.ask(client, role, "get", path, {name: value}, f"?{name}={value!r:.40}")


def _fuzz_post(fuzzer: Fuzzer, client: Client, role: str, forms: list[Form]) -> None:
    for form in forms:
        buttons = form.buttons[:2] or [("", "")]
        for button, value in buttons:
            base = dict(form.fields)
            if button:
                base[button] = value
            for name in form.fields:
                if name == "csrfmiddlewaretoken":
                    continue
                for hostile in fuzzer.hostile(2):
                    fuzzer.ask(client, role, "post", form.action, {**base, name: hostile},
                               f"{button}={value} {name}={hostile!r:.40}")


def _fuzz_path_texts(fuzzer: Fuzzer, client: Client, role: str,
                     pages: dict[str, list[str]]) -> None:
    """Replace each text segment of a visited path (a slug, a language, an action)."""
    for paths in pages.values():
        segments = urlsplit(paths[0]).path.split("/")
        for i, segment in enumerate(segments):
            if not segment or segment.isdigit():
                continue
            for value in fuzzer.rng.sample(PATH_HOSTILE, 1):
                mutated = "/".join([*segments[:i], quote(value), *segments[i + 1:]])
                fuzzer.ask(client, role, "get", mutated, note=f"segment {i}={value!r:.30}")


def _fuzz_api(fuzzer: Fuzzer, client: Client, role: str, ids: dict[str, str]) -> int:
    from hamaynk.api.api import api

    schema = api.get_openapi_schema()
    operations = 0
    for path, item in schema["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        operations += 1
        parameters = operation.get("parameters", [])
        filled = path
        for p in parameters:
            if p["in"] == "path":
                filled = filled.replace("{" + p["name"] + "}", ids.get(p["name"], "1"))
        for p in parameters:
            if p["in"] == "path":
                for value in PATH_HOSTILE[:3]:
                    fuzzer.ask(client, role, "get",
                               path.replace("{" + p["name"] + "}", quote(value)), note="path")
                continue
            for value in fuzzer.hostile(4):
                fuzzer.ask(client, role, "get", filled, {p["name"]: value},
                           f"?{p['name']}={value!r:.40}")
    return operations


def _object_pages() -> list[str]:
    """The page of one object of every model of ours that has a page: a page added for a
    new model is reached even when no other page links to it yet."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if model.__module__.startswith("hamaynk.") and hasattr(model, "get_absolute_url"):
            for obj in model._default_manager.order_by("-pk")[:1]:
                found.append(obj.get_absolute_url())
    return found


@pytest.mark.django_db(transaction=False)
def test_no_input_gives_a_server_error(settings):
    from hamaynk.accounts.models import User
    from hamaynk.communities.models import Community

    settings.DEBUG = True  # the demo loader refuses to run otherwise
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    fuzzer = Fuzzer()
    plain = [route for route, p in _routes(get_resolver().url_patterns)
             if not p.pattern.regex.groups and "<" not in route and "(" not in route]
    seeds = ["/" + route for route in plain] + _object_pages()
    community = str(Community.objects.filter(name_en="Akunk").values_list("pk", flat=True)[0])
    reached: set[str] = set()
    for role, email in ROLES.items():
        client = Client(raise_request_exception=False)
        if email:
            client.force_login(User.objects.get(email=email))
        pages, forms, params = _crawl(fuzzer, client, role, seeds)
        reached |= set(pages)
        _fuzz_get(fuzzer, client, role, pages, params)
        _fuzz_path_texts(fuzzer, client, role, dict(fuzzer.rng.sample(sorted(pages.items()),
                                                                      min(8, len(pages)))))
        if role in ("anonymous", "head"):
            operations = _fuzz_api(fuzzer, client, role, {"community_id": community,
                                                          "slug": "m4eg"})
        _fuzz_post(fuzzer, client, role, list(forms.values()))
        reached |= {key[0] for key in forms}
        for paths in pages.values():  # what was stored must not break a page either
            fuzzer.ask(client, role, "get", paths[0], note="(after the posts)")
    ours = {route for route, _p in _routes(get_resolver().url_patterns)
            if not ("/" + route).startswith(SKIP) and not route.startswith(("accounts/", "api/"))}
    missing = sorted(ours - reached)
    reached &= ours
    print(f"{fuzzer.requests} requests; routes reached: {len(reached)} of {len(ours)}; "  # noqa: T201
          f"missing: {missing}")
    assert operations >= 8
    assert not fuzzer.failures, f"{len(fuzzer.failures)} server errors in {fuzzer.requests} " \
        "requests:\n" + "\n".join(fuzzer.failures[:80])
    assert len(missing) <= 0.25 * len(ours), f"pages the crawl did not reach: {missing}"
