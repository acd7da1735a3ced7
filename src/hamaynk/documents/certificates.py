"""Certificates of completion or participation as PDF: one A4 landscape page, Armenian and
English side by side, the person's name as they wrote it, what was completed, its hours and
date, and a QR code of the public page where anyone can check that the certificate is genuine
(and whether it was revoked). The learning module issues them; events reuse the same page.

The QR code is drawn by segno as inline SVG, so the render stays offline (pdf_writer)."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import segno

from hamaynk.documents.armenian import date_hy
from hamaynk.documents.pdf_writer import html_to_pdf, render_document

TEMPLATE_NAME = "documents/certificate.html"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


@dataclasses.dataclass(frozen=True)
class CertificateText:
    name: str  # the person's name as they wrote it
    title_hy: str  # what was completed, as its title reads
    title_en: str
    issuer_hy: str  # the network that issues it
    issuer_en: str
    completed_on: datetime.date
    code: str  # the verification code, printed and in the QR code
    verify_url: str  # absolute URL of the public verification page
    hours: Decimal | None = None
    participation: bool = False  # of participation (an event) rather than of completion


def qr_svg(url: str) -> str:
    """The URL as a QR code: an inline SVG element."""
    return str(segno.make(url, error="m").svg_inline(scale=3, border=2))


def hours_hy(hours: Decimal) -> str:
    """"1,5 ժամ": Armenian writes a decimal comma."""
    return f"{hours.normalize():f}".replace(".", ",") + " ժամ"


def hours_en(hours: Decimal) -> str:
    return f"{hours.normalize():f} hour" + ("" if hours == 1 else "s")


def date_en(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def render_html(text: CertificateText) -> str:
    return render_document(TEMPLATE_NAME, {
        "c": text, "qr": qr_svg(text.verify_url),
        "date_hy": date_hy(text.completed_on), "date_en": date_en(text.completed_on),
        "hours_hy": hours_hy(text.hours) if text.hours else "",
        "hours_en": hours_en(text.hours) if text.hours else ""})


def certificate_pdf(text: CertificateText) -> bytes:
    """The certificate as a one-page PDF, rendered offline."""
    return html_to_pdf(render_html(text))
