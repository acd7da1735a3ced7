"""The portfolio canvas: interventions as boxes in columns by status and bands by cluster
(plus "no cluster"), with lines between related ones.

The drawing is a function of plain data (`CanvasData`), so a snapshot draws the same canvas:
`canvas_snapshot(portfolio)` gives the snapshot format, `canvas_from_snapshot(data)` reads
it back (anything odd in it is skipped, never an error), `draw_canvas(data)` draws it.

Snapshot format::

    {"interventions": [{"id": int, "title": str, "status": str, "kind": str,
                        "cluster": str | None, "related": [int], "challenges": [int],
                        "stakeholders": [int]}],
     "clusters": [{"id": int, "name": str}], ...}
"""

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from hamaynk.portfolios.models import Intervention, Portfolio

STATUSES = ["idea", "testing", "scaling", "stopped"]
CANVAS_MAX = 300  # boxes drawn; a portfolio holds tens
COLOURS = {"idea": ("#eef3f8", "#5b7a99"), "testing": ("#fff6e0", "#b07d12"),
           "scaling": ("#e6f4ea", "#2e7d4f"), "stopped": ("#f3eeee", "#8a6d6d")}


@dataclass
class CanvasBox:
    id: int
    title: str
    status: str
    kind: str = ""
    cluster: str | None = None


@dataclass
class CanvasData:
    boxes: list[CanvasBox] = field(default_factory=list)
    clusters: list[str] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)  # index pairs into boxes

    def bands(self) -> list[str | None]:
        """The clusters in order, then "no cluster" when a box has none (or an unknown)."""
        known = set(self.clusters)
        loose = any(b.cluster is None or b.cluster not in known for b in self.boxes)
        return [*self.clusters, *([None] if loose or not self.clusters else [])]

    def band_of(self, box: CanvasBox) -> str | None:
        return box.cluster if box.cluster in self.clusters else None


def canvas_snapshot(portfolio: Portfolio, *, addressed: bool = True) -> dict[str, Any]:
    """The portfolio's interventions and clusters in the snapshot format (3 queries, 5 with
    what each addresses and involves; `addressed=False`: left empty — the drawing does not
    show them)."""
    clusters = list(portfolio.clusters.all())
    names = {c.pk: c.name for c in clusters}
    links = ("related", "challenges", "stakeholders") if addressed else ("related",)
    rows = portfolio.interventions.order_by("pk").prefetch_related(*links)[:CANVAS_MAX]
    return {
        "interventions": [{
            "id": i.pk, "title": i.title, "status": i.status, "kind": i.kind,
            "cluster": names.get(i.cluster_id) if i.cluster_id else None,
            "related": [r.pk for r in i.related.all()],
            "challenges": [c.pk for c in i.challenges.all()] if addressed else [],
            "stakeholders": [s.pk for s in i.stakeholders.all()] if addressed else []}
            for i in rows],
        "clusters": [{"id": c.pk, "name": c.name} for c in clusters],
    }


def _ints(value: Any) -> list[int]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]


def canvas_from_snapshot(data: Any) -> CanvasData:
    """The canvas of a snapshot's data; rows that do not fit the format are skipped."""
    data = data if isinstance(data, dict) else {}
    clusters = [str(c["name"]) for c in data.get("clusters") or []
                if isinstance(c, dict) and isinstance(c.get("name"), str) and c["name"]]
    boxes: list[CanvasBox] = []
    related: list[list[int]] = []
    index: dict[int, int] = {}
    for row in data.get("interventions") or []:
        if not isinstance(row, dict) or not isinstance(row.get("id"), int):
            continue
        if row["id"] in index or len(boxes) >= CANVAS_MAX:
            continue
        status = row.get("status") if row.get("status") in STATUSES else "idea"
        cluster = row.get("cluster") if isinstance(row.get("cluster"), str) else None
        index[row["id"]] = len(boxes)
        boxes.append(CanvasBox(id=row["id"], title=str(row.get("title") or "—"),
                               status=str(status), kind=str(row.get("kind") or ""),
                               cluster=cluster or None))
        related.append(_ints(row.get("related")))
    links = sorted({(min(a, index[r]), max(a, index[r]))
                    for a, ids in enumerate(related) for r in ids
                    if r in index and index[r] != a})
    return CanvasData(boxes=boxes, clusters=list(dict.fromkeys(clusters)), links=links)


def canvas_data(portfolio: Portfolio) -> CanvasData:
    return canvas_from_snapshot(canvas_snapshot(portfolio, addressed=False))


def status_label(status: str) -> str:
    label = str(Intervention.Status(status).label) if status in STATUSES else status
    return label[:1].upper() + label[1:]


@dataclass
class TableRow:
    cluster: str
    cells: list[list[CanvasBox]]


def canvas_table(data: CanvasData) -> list[TableRow]:
    """The canvas as a table: a row per band, a cell per status with its interventions."""
    rows = []
    for band in data.bands():
        cells = [[b for b in data.boxes if data.band_of(b) == band and b.status == s]
                 for s in STATUSES]
        rows.append(TableRow(cluster=band or _("no cluster"), cells=cells))
    return rows


# -- drawing ---------------------------------------------------------------------------------

BOX_W, BOX_H, GAP, LABEL_W, HEAD_H, LINE_H = 190, 64, 12, 150, 40, 16
CHARS = 24  # per line of a box title, at 13 px


def wrap(text: str, width: int = CHARS, lines: int = 3) -> list[str]:
    """The text in at most `lines` lines of `width` characters, the last cut with "…"."""
    words, out, line = text.split(), [], ""
    for word in words:
        while len(word) > width:  # a word longer than a line is cut into pieces
            if line:
                out.append(line)
                line = ""
            out.append(word[:width])
            word = word[width:]
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:width - 1].rstrip() + "…"
    return out or ["—"]


def _text(x: float, y: float, lines: list[str], *, size: int = 13, weight: str = "normal",
          anchor: str = "start") -> str:
    spans = "".join(f'<tspan x="{x:.0f}" dy="{0 if n == 0 else LINE_H}">{escape(t)}</tspan>'
                    for n, t in enumerate(lines))
    return (f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}">{spans}</text>')


def _box(x: float, y: float, box: CanvasBox, width: int = BOX_W) -> str:
    fill, stroke = COLOURS.get(box.status, COLOURS["idea"])
    return (f'<g><title>{escape(box.title)}</title><rect x="{x:.0f}" y="{y:.0f}" '
            f'width="{width}" height="{BOX_H}" rx="6" fill="{fill}" stroke="{stroke}"/>'
            + _text(x + 8, y + 20, wrap(box.title, width=width // 9)) + "</g>")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            'font-family="Noto Sans Armenian, Noto Sans, Arial, sans-serif" fill="#1d2733">'
            f'<title>{escape(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>'
            + "".join(body) + "</svg>")


def _layout(data: CanvasData) -> tuple[dict[int, tuple[float, float]], list[tuple[float, int]]]:
    """Each box's top-left corner, and each band's top and height in rows."""
    spots: dict[int, tuple[float, float]] = {}
    bands, top = [], float(HEAD_H)
    for band in data.bands():
        counts = [0] * len(STATUSES)
        for n, b in enumerate(data.boxes):
            if data.band_of(b) == band:
                column = STATUSES.index(b.status)
                x = LABEL_W + column * (BOX_W + GAP) + GAP
                spots[n] = (x, top + GAP + counts[column] * (BOX_H + GAP))
                counts[column] += 1
        rows = max(1, *counts)
        bands.append((top, rows))
        top += GAP + rows * (BOX_H + GAP)
    return spots, bands


def draw_canvas(data: CanvasData, *, narrow: bool = False) -> str:
    """The canvas as an SVG document (wide: status columns × cluster bands; narrow: one
    column, a section per status, the cluster above each box)."""
    if narrow:
        return _draw_narrow(data)
    spots, bands = _layout(data)
    width = LABEL_W + len(STATUSES) * (BOX_W + GAP) + GAP
    height = int(bands[-1][0] + GAP + bands[-1][1] * (BOX_H + GAP)) if bands else HEAD_H
    body = [_text(LABEL_W + c * (BOX_W + GAP) + GAP + BOX_W / 2, 26, [status_label(s)],
                  size=15, weight="bold", anchor="middle") for c, s in enumerate(STATUSES)]
    for (top, _rows), band in zip(bands, data.bands(), strict=True):
        body.append(f'<line x1="0" y1="{top:.0f}" x2="{width}" y2="{top:.0f}" '
                    'stroke="#d5dde5"/>')
        body.append(_text(8, top + 24, wrap(band or _("no cluster"), width=14, lines=4),
                          weight="bold"))
    for a, b in data.links:
        (xa, ya), (xb, yb) = spots[a], spots[b]
        body.append(f'<line x1="{xa + BOX_W / 2:.0f}" y1="{ya + BOX_H / 2:.0f}" '
                    f'x2="{xb + BOX_W / 2:.0f}" y2="{yb + BOX_H / 2:.0f}" stroke="#7a8a99" '
                    'stroke-width="2" stroke-dasharray="6 4"/>')
    body += [_box(*spots[n], box) for n, box in enumerate(data.boxes)]
    if not data.boxes:
        body.append(_text(width / 2, HEAD_H + 40, [_("No intervention yet.")], anchor="middle"))
    return _svg(width, max(height, HEAD_H + 70), body, _("Portfolio canvas"))


NARROW_W = 288


def _draw_narrow(data: CanvasData) -> str:
    body, top = [], 8.0
    box_w = NARROW_W - 2 * GAP
    for status in STATUSES:
        body.append(_text(GAP, top + 20, [status_label(status)], size=15, weight="bold"))
        top += 30
        found = [b for b in data.boxes if b.status == status]
        for box in found:
            band = data.band_of(box) or _("no cluster")
            body.append(_text(GAP, top + 12, wrap(band, width=(NARROW_W - 2 * GAP) // 7,
                                                  lines=1), size=11))
            body.append(_box(GAP, top + 18, box, width=box_w))
            top += 18 + BOX_H + GAP
        if not found:
            body.append(_text(GAP, top + 12, ["—"]))
            top += 24
    return _svg(NARROW_W, int(top + GAP), body, _("Portfolio canvas"))
