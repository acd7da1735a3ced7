"""The session pack: a PDF, in the session's language, of the portfolio as it is now (its
mission, challenges, stakeholders, interventions by status, open learning questions, risks,
overdue milestones), of its grants and their reports, the learning its community's people
completed and the community's open coaching actions, for the team and the coach to read
before and during the session. Its reader sees the grants as the grants pages would show
them to them.

Rendered by WeasyPrint through the documents app's offline writer (every external resource
refused), with the Armenian fonts of the system (Noto)."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from hamaynk.documents.pdf_writer import html_to_pdf
from hamaynk.portfolios.models import SensemakingSession
from hamaynk.portfolios.selectors.sensemaking import pack_contents
from hamaynk.portfolios.services.sensemaking import today_of

TEMPLATE_NAME = "portfolios/pack.html"


def pack_html(session: SensemakingSession, *, reader: Any) -> str:
    """The pack's HTML, in the session's language, for `reader`."""
    today = today_of(session.portfolio)
    with translation.override(session.language):
        return render_to_string(TEMPLATE_NAME, {
            "pack": pack_contents(session, today, reader=reader), "today": today,
            "lang": session.language})


def pack_pdf(session: SensemakingSession, *, reader: Any) -> bytes:
    return html_to_pdf(pack_html(session, reader=reader))


def pack_filename(session: SensemakingSession) -> str:
    return f"session-pack-{session.portfolio_id}-{session.held_on:%Y-%m-%d}.pdf"
