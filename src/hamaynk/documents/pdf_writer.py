"""PDF output through WeasyPrint, from the HTML template in ``templates/documents/``.

Rendering is offline by construction: the template inlines its CSS, fonts come from the
system (fontconfig), and the URL fetcher refuses every URL. Texts in a package are typed by
municipal staff, so they are HTML-escaped (autoescape) and can never inject markup, a script
or a request to a remote server.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from django.template import Context, Engine
from weasyprint import HTML, URLFetcher

if TYPE_CHECKING:
    from hamaynk.documents.council import Block

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "documents/council_document.html"


class OfflineURLFetcher(URLFetcher):
    """Refuses every URL, so a PDF render can never reach the network or the file system."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        raise ValueError(f"external resources are disabled in council documents: {url}")


@functools.cache
def _engine() -> Engine:
    """A private template engine, so rendering works whether or not the app is installed
    (the project engine only finds app templates for apps in INSTALLED_APPS) and does not run
    the project's request context processors."""
    return Engine(dirs=[str(TEMPLATE_DIR)], autoescape=True)


def render_document(template_name: str, context: dict[str, Any]) -> str:
    """One of the documents' own templates (``templates/documents/``), autoescaped."""
    return _engine().get_template(template_name).render(Context(context))


def render_html(blocks: Sequence[Block], *, title: str, lang: str = "hy") -> str:
    """The HTML that WeasyPrint lays out; also usable as an on-screen preview."""
    template = _engine().get_template(TEMPLATE_NAME)
    return template.render(Context({"blocks": blocks, "title": title, "lang": lang}))


def write_pdf(blocks: Sequence[Block], *, title: str, lang: str = "hy") -> bytes:
    """Lay the blocks out on A4 pages and return the PDF bytes."""
    html = render_html(blocks, title=title, lang=lang)
    pdf = HTML(string=html, url_fetcher=OfflineURLFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def html_to_pdf(html: str) -> bytes:
    """Any document of ours (already rendered HTML, with its own inline styles) as a PDF,
    with every external resource refused."""
    pdf = HTML(string=html, url_fetcher=OfflineURLFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
