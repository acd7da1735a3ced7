"""The council package: a draft decision, its justification and its budget-impact note.

An Armenian council («ավագանի») adopts a decision from a draft that comes with a justification
(«հիմնավորում») and a note on its effect on the community budget («տեղեկանք»); the layout
follows decisions published on community sites (research notes, domain.md §3).

All three are built from one ``CouncilPackage`` as a list of ``Block`` values (the wording),
then written out by the DOCX and PDF writers (the layout), so both formats say the same thing.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from django.utils.text import slugify

from hamaynk.documents.armenian import (
    community_in_marz_hy,
    date_hy,
    instrumental_hy,
    join_hy,
    latin_slug,
    upper_hy,
)
from hamaynk.documents.numbers import CURRENCIES, money_hy

DOCUMENTS: dict[str, str] = {
    "decision": "Որոշման նախագիծ",
    "justification": "Հիմնավորում",
    "budget_note": "Տեղեկանք",
}

FORMATS = ("docx", "pdf")

DEFAULT_ENTRY_INTO_FORCE = (
    "Սույն որոշումն ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող օրվանից։"
)

BlockStyle = Literal[
    "header",  # issuing body, centred capitals
    "mark",  # "ՆԱԽԱԳԻԾ", right
    "heading",  # "Ո Ր Ո Շ ՈՒ Մ", "ՀԻՄՆԱՎՈՐՈՒՄ", "ՏԵՂԵԿԱՆՔ": large, centred
    "center",  # the number line
    "right",  # rapporteur
    "title",  # the decision title or a document's subject, centred bold
    "body",  # running text, justified
    "point",  # a numbered decision point
    "signature",  # signature block, right
    "date",  # closing date line
]


@dataclasses.dataclass(frozen=True)
class Block:
    """One paragraph of a document: its text and the role that decides its layout."""

    style: BlockStyle
    text: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class CouncilPackage:
    """Everything needed to write the three documents of one draft council decision.

    Texts are given in normal case, as they read in running prose; the documents upper-case
    what official layout puts in capitals. Keyword-only, because most fields are strings and
    a positional mix-up (head vs rapporteur) would go unnoticed.
    """

    community_name_hy: str
    region_genitive_hy: str  # "Կոտայքի"; "" for Yerevan, which is in no marz
    network_name_hy: str
    title_hy: str
    legal_basis: tuple[str, ...] = ()
    decision_points: tuple[str, ...] = ()
    entry_into_force: str = DEFAULT_ENTRY_INTO_FORCE
    justification_paragraphs: tuple[str, ...] = ()
    co_financing: Decimal | None = None
    currency: str = "AMD"
    head_name: str = ""
    rapporteur: str = ""
    draft_date: datetime.date

    def __post_init__(self) -> None:
        if not self.community_name_hy.strip():
            raise ValueError("community_name_hy is required")
        if not self.title_hy.strip():
            raise ValueError("title_hy is required")
        if self.currency not in CURRENCIES:
            raise ValueError(f"unknown currency: {self.currency!r}")
        if self.co_financing is not None and self.co_financing < 0:
            raise ValueError("co_financing cannot be negative")

    @property
    def community_full_hy(self) -> str:
        """The community with its marz, "Կոտայքի մարզի Ակունք"; just "Երևան" without one."""
        return community_in_marz_hy(self.community_name_hy, self.region_genitive_hy)

    @property
    def issuing_body_hy(self) -> str:
        """The header: "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ԿՈՏԱՅՔԻ ՄԱՐԶԻ ԱԿՈՒՆՔ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ"."""
        return upper_hy(f"Հայաստանի Հանրապետության {self.community_full_hy} համայնքի ավագանի")


def _preamble(package: CouncilPackage) -> str:
    """The preamble: "Ղեկավարվելով <references>՝ <community> համայնքի ավագանին որոշում է։".

    References are put in the instrumental case and joined "ա, բ և գ". The decision formula
    ends with the Armenian full stop "։", like the points that follow.
    """
    formula = f"{package.community_name_hy} համայնքի ավագանին որոշում է։"
    references = [instrumental_hy(ref) for ref in package.legal_basis if ref.strip()]
    if not references:
        return formula
    return f"Ղեկավարվելով {join_hy(references)}՝ {formula}"


def _decision(package: CouncilPackage) -> list[Block]:
    year = package.draft_date.year
    blocks = [
        Block("header", package.issuing_body_hy),
        Block("mark", "ՆԱԽԱԳԻԾ"),
        Block("heading", "Ո Ր Ո Շ ՈՒ Մ"),
        Block("center", f"{year} թվականի N ____"),
    ]
    if package.rapporteur.strip():
        blocks.append(Block("right", f"Զեկ.՝ {package.rapporteur.strip()}"))
    blocks += [Block("title", upper_hy(package.title_hy)), Block("body", _preamble(package))]
    points = [*package.decision_points, package.entry_into_force]
    points = [point.strip() for point in points if point.strip()]
    blocks += [Block("point", f"{number}. {point}") for number, point in enumerate(points, 1)]
    blocks += [
        Block("signature", "ՀԱՄԱՅՆՔԻ ՂԵԿԱՎԱՐ"),
        Block("signature", upper_hy(package.head_name.strip())),
    ]
    return blocks


def _justification(package: CouncilPackage) -> list[Block]:
    subject = (
        f"«{package.title_hy}» {package.community_full_hy} համայնքի ավագանու որոշման "
        "նախագծի ընդունման անհրաժեշտության"
    )
    return [
        Block("heading", "ՀԻՄՆԱՎՈՐՈՒՄ"),
        Block("title", subject),
        *(Block("body", text.strip()) for text in package.justification_paragraphs if text.strip()),
    ]


def budget_note_text(package: CouncilPackage) -> str:
    """The one-sentence finding of the budget note: no effect, or the co-financing amount."""
    draft = f"«{package.title_hy}» որոշման նախագծի"
    if not package.co_financing:  # None or zero
        return (
            f"{draft} ընդունումը {package.community_name_hy} համայնքի բյուջեում ծախսերի և "
            "եկամուտների ավելացում կամ նվազեցում չի նախատեսում։"
        )
    amount = money_hy(package.co_financing, package.currency)
    return (
        f"{draft} ընդունման կապակցությամբ նախատեսվում է {package.community_name_hy} "
        f"համայնքի բյուջեից տրամադրել համաֆինանսավորում՝ {amount}։"
    )


def _budget_note(package: CouncilPackage) -> list[Block]:
    subject = (
        f"«{package.title_hy}» որոշման նախագծի ընդունման կապակցությամբ "
        f"{package.community_full_hy} համայնքի բյուջեում ծախսերի և եկամուտների ավելացման "
        "կամ նվազեցման մասին"
    )
    return [
        Block("heading", "ՏԵՂԵԿԱՆՔ"),
        Block("title", subject),
        Block("body", budget_note_text(package)),
    ]


_BUILDERS: dict[str, Callable[[CouncilPackage], list[Block]]] = {
    "decision": _decision,
    "justification": _justification,
    "budget_note": _budget_note,
}


def _check_document(document: str) -> None:
    if document not in _BUILDERS:
        raise ValueError(f"unknown document {document!r}; expected one of {sorted(_BUILDERS)}")


def build_blocks(package: CouncilPackage, document: str) -> list[Block]:
    """The wording of one document, ending with its date line; shared by every format."""
    _check_document(document)
    return [*_BUILDERS[document](package), Block("date", date_hy(package.draft_date))]


def _document_title(package: CouncilPackage, document: str) -> str:
    return f"{DOCUMENTS[document]}. {package.title_hy}"


def render_docx(package: CouncilPackage, document: str) -> bytes:
    """An editable Word file, for the municipality to finish (number, date, vote) and sign."""
    from hamaynk.documents.docx_writer import write_docx

    blocks = build_blocks(package, document)
    return write_docx(blocks, title=_document_title(package, document))


def render_pdf(package: CouncilPackage, document: str) -> bytes:
    """A print-ready PDF; rendered fully offline (see ``pdf_writer``).

    WeasyPrint is imported here rather than at module level: it loads Pango through cffi,
    which code that only needs the DOCX or the wording should not pay for.
    """
    from hamaynk.documents.pdf_writer import write_pdf

    blocks = build_blocks(package, document)
    return write_pdf(blocks, title=_document_title(package, document))


_EXTENSION = re.compile(r"^[a-z0-9]+$")


def filename(package: CouncilPackage, document: str, ext: str, *, slug: str | None = None) -> str:
    """An ASCII download name: "akunk-decision-2026-11-23.docx".

    Armenian file names survive neither every mail client nor ``Content-Disposition`` in old
    browsers, so the community is transliterated (or ``slug`` is used when given).
    """
    _check_document(document)
    ext = ext.lstrip(".").lower()
    if not _EXTENSION.match(ext):
        raise ValueError(f"bad file extension: {ext!r}")
    base = slugify(slug) if slug is not None else latin_slug(package.community_name_hy)
    base = base or "community"
    kind = document.replace("_", "-")
    return f"{base}-{kind}-{package.draft_date.isoformat()}.{ext}"
