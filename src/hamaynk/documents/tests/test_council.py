"""The three council documents, rendered once per format and read back as text.

Renders are cached per module (WeasyPrint's first render initialises fontconfig and is the
slow part), so the whole file does a handful of renders.
"""

import dataclasses
import datetime
import io
import socket
from decimal import Decimal

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from hamaynk.documents.apps import DocumentsConfig
from hamaynk.documents.council import (
    DOCUMENTS,
    CouncilPackage,
    budget_note_text,
    build_blocks,
    filename,
    render_docx,
    render_pdf,
)
from hamaynk.documents.docx_writer import FONT

NETWORK = "Համայնքի ղեկավարները հանուն տնտեսական զարգացման"
NETWORK_UPPER = "ՀԱՄԱՅՆՔԻ ՂԵԿԱՎԱՐՆԵՐԸ ՀԱՆՈՒՆ ՏՆՏԵՍԱԿԱՆ ԶԱՐԳԱՑՄԱՆ"
LSG_ART_18 = (
    "«Տեղական ինքնակառավարման մասին» Հայաստանի Հանրապետության օրենքի "
    "18-րդ հոդվածի 1-ին մասի 42-րդ կետ"
)
MONEY_WORDS = "1 352 500 (մեկ միլիոն երեք հարյուր հիսուներկու հազար հինգ հարյուր) ՀՀ դրամ"

AKUNK = CouncilPackage(
    community_name_hy="Ակունք",
    region_genitive_hy="Կոտայքի",
    network_name_hy=NETWORK,
    title_hy=f"«{NETWORK}» նախաձեռնությանը միանալու մասին",
    legal_basis=(LSG_ART_18,),
    decision_points=(
        f"Միանալ «{NETWORK}» (M4EG) նախաձեռնությանը։",
        "Համայնքի ղեկավարին՝ ստորագրել և նախաձեռնության քարտուղարություն ներկայացնել "
        "անդամակցության հայտը։",
    ),
    justification_paragraphs=(
        f"2017թ. Եվրոպական միության (ԵՄ) կողմից առաջին մեկնարկից ի վեր «{NETWORK}» "
        "(ՀՀՏԶ/M4EG) ծրագիրը հնարավորություն է տալիս Արևելյան գործընկերության երկրների "
        "տեղական իշխանություններին և համայնքներին՝ ուսումնասիրելու և գործի դնելու տնտեսական "
        "աճի նորարարական ուղիները։",
        "Հիմք ընդունելով վերը շարադրվածը՝ որոշման նախագծով Ակունք համայնքի ավագանու "
        "հաստատմանն է ներկայացվում նախաձեռնությանը միանալու վերաբերյալ սույն նախագիծը։",
    ),
    co_financing=Decimal("1352500"),
    head_name="Հունան Ռուբենյան",
    rapporteur="Հունան Ռուբենյան",
    draft_date=datetime.date(2026, 11, 23),
)

YEREVAN = CouncilPackage(
    community_name_hy="Երևան",
    region_genitive_hy="",
    network_name_hy=NETWORK,
    title_hy=f"«{NETWORK}» նախաձեռնությանը միանալու մասին",
    decision_points=("Միանալ նախաձեռնությանը։",),
    draft_date=datetime.date(2026, 11, 23),
)


def normalise(text: str) -> str:
    """Collapse line breaks, justification gaps and no-break spaces to single spaces."""
    return " ".join(text.split())


def docx_text(data: bytes) -> str:
    return normalise("\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs))


def pdf_text(data: bytes) -> str:
    return normalise(
        "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    )


def pdf_fonts(data: bytes) -> set[str]:
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


@pytest.fixture(scope="module")
def akunk_files():
    return {
        (document, fmt): render(AKUNK, document)
        for document in DOCUMENTS
        for fmt, render in (("docx", render_docx), ("pdf", render_pdf))
    }


@pytest.fixture(scope="module")
def akunk_texts(akunk_files):
    read = {"docx": docx_text, "pdf": pdf_text}
    return {key: read[key[1]](data) for key, data in akunk_files.items()}


FORMATS = ["docx", "pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_decision(akunk_texts, fmt):
    text = akunk_texts["decision", fmt]
    for expected in [
        "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ԿՈՏԱՅՔԻ ՄԱՐԶԻ ԱԿՈՒՆՔ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ",
        "ՆԱԽԱԳԻԾ",
        "Ո Ր Ո Շ ՈՒ Մ",
        "2026 թվականի N ____",
        "Զեկ.՝ Հունան Ռուբենյան",
        f"«{NETWORK_UPPER}» ՆԱԽԱՁԵՌՆՈՒԹՅԱՆԸ ՄԻԱՆԱԼՈՒ ՄԱՍԻՆ",
        "Ղեկավարվելով «Տեղական ինքնակառավարման մասին» Հայաստանի Հանրապետության օրենքի "
        "18-րդ հոդվածի 1-ին մասի 42-րդ կետով՝ Ակունք համայնքի ավագանին որոշում է։",
        f"1. Միանալ «{NETWORK}» (M4EG) նախաձեռնությանը։",
        "2. Համայնքի ղեկավարին՝ ստորագրել",
        "3. Սույն որոշումն ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող օրվանից։",
        "ՀԱՄԱՅՆՔԻ ՂԵԿԱՎԱՐ ՀՈՒՆԱՆ ՌՈՒԲԵՆՅԱՆ",
        "2026 թ. նոյեմբերի 23",
    ]:
        assert expected in text
    assert text.endswith("2026 թ. նոյեմբերի 23")


@pytest.mark.parametrize("fmt", FORMATS)
def test_justification(akunk_texts, fmt):
    text = akunk_texts["justification", fmt]
    assert text.startswith("ՀԻՄՆԱՎՈՐՈՒՄ")
    assert (
        f"««{NETWORK}» նախաձեռնությանը միանալու մասին» Կոտայքի մարզի Ակունք համայնքի "
        "ավագանու որոշման նախագծի ընդունման անհրաժեշտության"
    ) in text
    assert "ծրագիրը հնարավորություն է տալիս" in text
    assert "սույն նախագիծը։" in text
    assert text.endswith("2026 թ. նոյեմբերի 23")


@pytest.mark.parametrize("fmt", FORMATS)
def test_budget_note(akunk_texts, fmt):
    text = akunk_texts["budget_note", fmt]
    assert text.startswith("ՏԵՂԵԿԱՆՔ")
    assert (
        f"««{NETWORK}» նախաձեռնությանը միանալու մասին» որոշման նախագծի ընդունման կապակցությամբ "
        "Կոտայքի մարզի Ակունք համայնքի բյուջեում ծախսերի և եկամուտների ավելացման կամ "
        "նվազեցման մասին"
    ) in text
    assert (
        f"նախատեսվում է Ակունք համայնքի բյուջեից տրամադրել համաֆինանսավորում՝ {MONEY_WORDS}։"
    ) in text
    assert text.endswith("2026 թ. նոյեմբերի 23")


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_every_pdf_embeds_an_armenian_font_on_a4(akunk_files, document):
    data = akunk_files[document, "pdf"]
    assert any("Armenian" in font for font in pdf_fonts(data))
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title.startswith(DOCUMENTS[document])


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_every_docx_run_is_armenian(akunk_files, document):
    word = docx.Document(io.BytesIO(akunk_files[document, "docx"]))
    runs = [run for paragraph in word.paragraphs for run in paragraph.runs]
    assert runs
    normal = word.styles["Normal"].element.rPr
    for r_pr in [normal, *(run._element.rPr for run in runs)]:
        fonts = r_pr.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            assert fonts.get(qn(slot)) == FONT
        assert fonts.get(qn("w:asciiTheme")) is None
        assert r_pr.find(qn("w:lang")).get(qn("w:val")) == "hy-AM"
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.left_margin.cm, 1)) == (21.0, 2.0)


def test_docx_signature_is_right_aligned(akunk_files):
    word = docx.Document(io.BytesIO(akunk_files["decision", "docx"]))
    signature = next(p for p in word.paragraphs if p.text == "ՀՈՒՆԱՆ ՌՈՒԲԵՆՅԱՆ")
    assert signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_yerevan_has_no_marz_and_upper_cases_ev():
    assert YEREVAN.issuing_body_hy == "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ԵՐԵՎԱՆ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ"
    for text in (
        docx_text(render_docx(YEREVAN, "decision")),
        pdf_text(render_pdf(YEREVAN, "decision")),
    ):
        assert "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ԵՐԵՎԱՆ ՀԱՄԱՅՆՔԻ ԱՎԱԳԱՆԻ" in text
        assert "ՄԱՐԶ" not in text and "ԵՒ" not in text
        assert "Երևան համայնքի ավագանին որոշում է։" in text
        assert "Զեկ." not in text  # no rapporteur given
        assert "2. Սույն որոշումն ուժի մեջ է մտնում" in text
    subtitle = build_blocks(YEREVAN, "justification")[1].text
    assert "» Երևան համայնքի ավագանու որոշման" in subtitle


def test_budget_note_without_co_financing():
    for amount in (None, Decimal(0)):
        package = dataclasses.replace(AKUNK, co_financing=amount)
        text = budget_note_text(package)
        assert text.endswith(
            "որոշման նախագծի ընդունումը Ակունք համայնքի բյուջեում ծախսերի և եկամուտների "
            "ավելացում կամ նվազեցում չի նախատեսում։"
        )
        assert "դրամ" not in text


def test_budget_note_in_euro_with_cents():
    package = dataclasses.replace(AKUNK, co_financing=Decimal("2500.75"), currency="EUR")
    assert budget_note_text(package).endswith(
        "համաֆինանսավորում՝ 2\u00a0500 (երկու հազար հինգ հարյուր) եվրո 75 ցենտ։"
    )


def test_preamble_joins_several_references_in_the_instrumental():
    nla_art_33 = "«Նորմատիվ իրավական ակտերի մասին» օրենքի 33-րդ հոդված"
    package = dataclasses.replace(AKUNK, legal_basis=(LSG_ART_18, nla_art_33))
    preamble = build_blocks(package, "decision")[6].text
    assert preamble == (
        f"Ղեկավարվելով {LSG_ART_18}ով և «Նորմատիվ իրավական ակտերի մասին» օրենքի 33-րդ "
        "հոդվածով՝ Ակունք համայնքի ավագանին որոշում է։"
    )
    no_basis = dataclasses.replace(AKUNK, legal_basis=())
    assert "Ակունք համայնքի ավագանին որոշում է։" in [
        b.text for b in build_blocks(no_basis, "decision")
    ]


HOSTILE = "<script>alert('x')</script> <b>թավ</b> & <img src=\"http://example.invalid/a.png\">"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve or connect fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access during rendering")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_texts_are_escaped_not_interpreted(no_network):
    package = dataclasses.replace(AKUNK, justification_paragraphs=(HOSTILE,))
    pdf = pdf_text(render_pdf(package, "justification"))
    docx_ = docx_text(render_docx(package, "justification"))
    # The PDF may break the long URL across lines, so compare without spaces.
    assert "".join(HOSTILE.split()) in "".join(pdf.split())
    assert HOSTILE in docx_
    from hamaynk.documents.pdf_writer import render_html

    html = render_html(build_blocks(package, "justification"), title="t")
    assert "&lt;script&gt;" in html and "<script>" not in html and "<img" not in html


def test_url_fetcher_refuses_everything(no_network):
    from weasyprint import HTML

    from hamaynk.documents.pdf_writer import OfflineURLFetcher

    fetcher = OfflineURLFetcher()
    for url in ("http://example.invalid/a.png", "file:///etc/passwd", "data:text/plain,x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    markup = '<link rel="stylesheet" href="https://example.invalid/a.css"><img src="http://example.invalid/a.png">'
    assert HTML(string=markup, url_fetcher=fetcher).write_pdf().startswith(b"%PDF")


@pytest.mark.parametrize("render", [render_docx, render_pdf, build_blocks])
def test_unknown_document(render):
    with pytest.raises(ValueError, match="unknown document"):
        render(AKUNK, "minutes")


@pytest.mark.parametrize(
    ("document", "ext", "kwargs", "name"),
    [
        ("decision", "docx", {}, "akunk-decision-2026-11-23.docx"),
        ("justification", ".PDF", {}, "akunk-justification-2026-11-23.pdf"),
        ("budget_note", "pdf", {}, "akunk-budget-note-2026-11-23.pdf"),
        ("decision", "pdf", {"slug": "Akunk Village"}, "akunk-village-decision-2026-11-23.pdf"),
        ("decision", "pdf", {"slug": "Ակունք"}, "community-decision-2026-11-23.pdf"),
    ],
)
def test_filename(document, ext, kwargs, name):
    assert filename(AKUNK, document, ext, **kwargs) == name
    assert name.isascii()
    assert filename(YEREVAN, "decision", "docx") == "yerevan-decision-2026-11-23.docx"


@pytest.mark.parametrize(
    ("document", "ext"), [("minutes", "pdf"), ("decision", "p/df"), ("decision", "")]
)
def test_filename_rejects(document, ext):
    with pytest.raises(ValueError):
        filename(AKUNK, document, ext)


@pytest.mark.parametrize(
    "changes",
    [
        {"community_name_hy": " "},
        {"title_hy": ""},
        {"currency": "RUB"},
        {"co_financing": Decimal(-1)},
    ],
)
def test_package_validation(changes):
    with pytest.raises(ValueError):
        dataclasses.replace(AKUNK, **changes)


def test_package_is_frozen_and_app_config():
    with pytest.raises(AttributeError):
        AKUNK.title_hy = "x"
    assert (DocumentsConfig.name, DocumentsConfig.label) == ("hamaynk.documents", "documents")
    assert DOCUMENTS == {
        "decision": "Որոշման նախագիծ",
        "justification": "Հիմնավորում",
        "budget_note": "Տեղեկանք",
    }
