"""Editable Word output through python-docx.

Word picks a run's font by script: ``w:ascii``/``w:hAnsi`` for Latin-like text (Armenian
included), ``w:cs`` for complex scripts and ``w:eastAsia`` for CJK. ``Font.name`` in
python-docx only sets the first two, and the default template points the document at theme
fonts without Armenian glyphs, so the Normal style and every run get all four slots set
explicitly, plus the Armenian language tag (spell-checking, hyphenation).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.text.font import CT_RPr

    from hamaynk.documents.council import Block

# The same face as the PDF. Where it is missing (Word on Windows), Word substitutes a font
# and takes the Armenian glyphs from Sylfaen, which ships with Windows.
FONT = "Noto Serif Armenian"
LANGUAGE = "hy-AM"
FONT_SIZE = Pt(12)
_SCRIPT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


@dataclasses.dataclass(frozen=True)
class _Layout:
    align: WD_ALIGN_PARAGRAPH
    bold: bool = False
    size: Length = FONT_SIZE
    first_line_indent: Length | None = None
    space_before: Length = Pt(0)


_CENTER = WD_ALIGN_PARAGRAPH.CENTER
_RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
_JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

# Mirrors the CSS of templates/documents/council_document.html.
_LAYOUTS: dict[str, _Layout] = {
    "header": _Layout(_CENTER, bold=True),
    "mark": _Layout(_RIGHT, bold=True),
    "heading": _Layout(_CENTER, bold=True, size=Pt(16), space_before=Pt(12)),
    "center": _Layout(_CENTER),
    "right": _Layout(_RIGHT),
    "title": _Layout(_CENTER, bold=True, space_before=Pt(12)),
    "body": _Layout(_JUSTIFY, first_line_indent=Cm(1.25)),
    "point": _Layout(_JUSTIFY, first_line_indent=Cm(1.25)),
    "signature": _Layout(_RIGHT, bold=True),
    "date": _Layout(WD_ALIGN_PARAGRAPH.LEFT, space_before=Pt(18)),
}


def _apply_armenian_font(r_pr: CT_RPr) -> None:
    """Point all four script slots of a ``w:rPr`` at the Armenian font; tag the language.

    Call it after bold/size are set: ``w:lang`` is appended, and the schema wants it after
    them (python-docx inserts elements it adds later before ``w:lang`` on its own).
    """
    r_fonts = r_pr.get_or_add_rFonts()
    for slot in _SCRIPT_SLOTS:
        r_fonts.set(qn(slot), FONT)
    for slot in _THEME_SLOTS:  # a theme font takes precedence over the explicit name
        r_fonts.attrib.pop(qn(slot), None)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _new_document(title: str) -> DocumentObject:
    """An A4 document with 2 cm margins whose Normal style is Armenian 12 pt."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = document.styles["Normal"]
    normal.font.size = FONT_SIZE
    _apply_armenian_font(normal.element.get_or_add_rPr())
    document.core_properties.title = title
    document.core_properties.language = LANGUAGE
    return document


def _add_block(document: DocumentObject, block: Block) -> None:
    layout = _LAYOUTS[block.style]
    paragraph = document.add_paragraph()
    paragraph.alignment = layout.align
    paragraph.paragraph_format.space_before = layout.space_before
    paragraph.paragraph_format.space_after = Pt(6)
    if layout.first_line_indent is not None:
        paragraph.paragraph_format.first_line_indent = layout.first_line_indent
    run = paragraph.add_run(block.text)  # "\n" becomes a line break, like pre-line in the PDF
    run.bold = layout.bold
    run.font.size = layout.size
    _apply_armenian_font(run._element.get_or_add_rPr())


def write_docx(blocks: Sequence[Block], *, title: str) -> bytes:
    """Write the blocks as paragraphs of a new Word document and return its bytes."""
    document = _new_document(title)
    for block in blocks:
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
