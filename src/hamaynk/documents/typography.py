"""A typography check for generated Armenian text: the faults a reader of an official
document notices first.

``typography_faults(text)`` lists them; ``assert_armenian_typography(text)`` fails a test
with every fault and where it is. ``document_text(html)`` turns a rendered document into
the text a reader sees (one line per block, inline spacing kept), so the same check runs on
any HTML document before it becomes a PDF.

The rules (reformed orthography, the conventions of published council decisions):

* one form of «և»: never the two letters «եւ» (nor «Եւ»);
* «։» ends an Armenian sentence, not the ASCII colon; a colon between digits (10:00) or in
  a URL (https://) is not a sentence end;
* a space after every comma, except inside a number (38 000,00);
* a space before an opening bracket, unless it starts a line or follows another bracket or
  an opening quote; a space (or punctuation) after a closing bracket;
* a space between a year and «թ.» (2017 թ.);
* quotes are «», not ASCII "…", “…” or <<…>>;
* no doubled spaces, no doubled number sign ("N N 12").
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

ARMENIAN_LETTER = "\u0531-\u0556\u0561-\u0587"

_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("ev", "«եւ» instead of «և»", re.compile("[եԵ]ւ")),
    (
        "colon",
        "ASCII «:» instead of «։» after Armenian text",
        # After an Armenian letter (or a closing quote or bracket that follows one), and not
        # a time or a URL: the colon is followed by a space, a closing mark or the end.
        re.compile(rf"(?<=[{ARMENIAN_LETTER}»)]):(?=[\s»)]|$)"),
    ),
    ("comma", "no space after a comma", re.compile(r",(?=[^\s\d])|(?<=\D),(?=\d)")),
    (
        "bracket-open",
        "no space before an opening bracket",
        re.compile(r"(?<=[^\s(\[«\"'“/—–-])[(\[]"),
    ),
    (
        "bracket-close",
        "no space after a closing bracket",
        re.compile(rf"[)\]](?=[{ARMENIAN_LETTER}A-Za-z0-9«(])"),
    ),
    ("year", "no space between a year and «թ.»", re.compile(r"\d(?=թթ?\.)")),
    ("quotes", "quotes other than «»", re.compile(r"<<|>>|[\"“”„]")),
    ("spaces", "doubled space", re.compile(r"(?<=\S) {2,}(?=\S)")),
    ("number-sign", "doubled number sign", re.compile(r"\bN\s+N\b")),
)

RULES = tuple(name for name, _label, _pattern in _RULES)


@dataclasses.dataclass(frozen=True)
class Fault:
    rule: str
    label: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.label}: …{self.excerpt}…"


def typography_faults(text: str) -> list[Fault]:
    """Every fault in ``text``, in the order of the rules, each with a short excerpt."""
    faults = []
    for name, label, pattern in _RULES:
        for match in pattern.finditer(text):
            start, end = max(match.start() - 20, 0), min(match.end() + 20, len(text))
            faults.append(Fault(name, label, text[start:end].replace("\n", "⏎")))
    return faults


def assert_armenian_typography(text: str) -> None:
    """Fail (AssertionError) with every fault of ``text``; for tests of generated documents."""
    faults = typography_faults(text)
    if faults:
        raise AssertionError("\n".join(str(fault) for fault in faults))


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "dt", "dd", "tr", "td", "th", "br",
           "title", "table", "section", "header", "footer"}  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def document_text(html: str) -> str:
    """The text of a rendered document as a reader sees it: a line per block, source line
    breaks and indentation folded away, spaces typed inside a line kept."""
    parser = _TextParser()
    parser.feed(html)
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n\s*", "\n", text)  # a source line break with its indentation
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
