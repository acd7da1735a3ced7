"""A Content-Security-Policy on every page, with no inline script or style (issue 12)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
PACKAGE = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:])
            for part in (p.strip() for p in policy.split(";")) if part}


@pytest.mark.parametrize("url", ["/", "/communities/", "/grants/", "/accounts/login/"])
def test_every_page_has_a_policy_without_inline_script(client, world, url):
    response = client.get(url)
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_signed_in_pages_have_a_policy_too(client, world):
    client.force_login(world.head)
    assert directives(client.get(reverse("dashboard")))["script-src"] == "'self'"


def test_templates_hold_no_inline_script_event_handler_or_style_attribute():
    """The policy allows no inline script and no inline style: templates must not need
    them (the PDF templates, rendered by WeasyPrint and never served, may keep <style>)."""
    found = []
    for path in PACKAGE.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        pdf = "@page" in text
        for pattern in (r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")",
                        r"\son[a-z]+\s*=", r"\bhx-on", r"\bjs:"):
            found += [f"{path.name}: {m.group(0)}" for m in re.finditer(pattern, text)]
        if not pdf:
            found += [f"{path.name}: style=" for _ in re.finditer(r"\sstyle\s*=", text)]
            found += [f"{path.name}: <style>" for _ in re.finditer(r"<style", text)]
    assert found == []
