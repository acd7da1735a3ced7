"""The portfolio canvas: drawn from plain data (so a snapshot draws it too), boxes by status
and cluster band, lines between related interventions, long titles wrapped and cut, the SVG
served as image/svg+xml, and its page with the data table twin."""

import xml.etree.ElementTree as ET  # our own SVG, no DOCTYPE: no entities to expand

import pytest
from django.urls import reverse

from hamaynk.portfolios.selectors.canvas import (
    CanvasBox,
    CanvasData,
    canvas_data,
    canvas_from_snapshot,
    canvas_snapshot,
    canvas_table,
    draw_canvas,
    wrap,
)
from hamaynk.tests_support import ClusterFactory, InterventionFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    assert "<!DOCTYPE" not in str(svg)
    return ET.fromstring(svg)  # noqa: S314 (our own SVG, no DOCTYPE, so no entities)

SNAPSHOT = {
    "interventions": [
        {"id": 7, "title": "Հյուրատներ", "status": "testing", "kind": "pilot",
         "cluster": "Զբոսաշրջություն", "related": [9], "challenges": [1], "stakeholders": []},
        {"id": 9, "title": "Գինու փառատոն", "status": "idea", "kind": "experiment",
         "cluster": None, "related": [7], "challenges": [], "stakeholders": [2]},
    ],
    "clusters": [{"id": 3, "name": "Զբոսաշրջություն"}],
    "mission": "anything else is ignored",
}


def test_a_snapshot_gives_the_canvas_with_its_links_as_index_pairs():
    data = canvas_from_snapshot(SNAPSHOT)
    assert [b.title for b in data.boxes] == ["Հյուրատներ", "Գինու փառատոն"]
    assert data.clusters == ["Զբոսաշրջություն"]
    assert data.links == [(0, 1)]  # one line, though each names the other
    assert data.bands() == ["Զբոսաշրջություն", None]


@pytest.mark.parametrize("odd", [None, [], "text", {"interventions": "x"},
                                 {"interventions": [{"id": "1"}, 5, {"id": True}]},
                                 {"interventions": [{"id": 1, "related": [1, 99, "x"],
                                                     "status": "flying"}],
                                  "clusters": [{"name": None}, "x"]}])
def test_an_odd_snapshot_draws_what_fits_and_never_fails(odd):
    data = canvas_from_snapshot(odd)
    assert data.links == []
    assert all(b.status == "idea" for b in data.boxes)
    parse(draw_canvas(data))


def test_the_live_canvas_reads_the_portfolio_in_the_snapshot_format(world, portfolio):
    cluster = ClusterFactory(portfolio=portfolio, name_en="Local produce")
    one = InterventionFactory(portfolio=portfolio, cluster=cluster, status="scaling")
    two = InterventionFactory(portfolio=portfolio)
    one.related.add(two)
    snapshot = canvas_snapshot(portfolio)
    assert snapshot["clusters"] == [{"id": cluster.pk, "name": "Local produce"}]
    assert snapshot["interventions"][0] == {
        "id": one.pk, "title": one.title, "status": "scaling", "kind": "experiment",
        "cluster": "Local produce", "related": [two.pk], "challenges": [], "stakeholders": []}
    data = canvas_data(portfolio)
    assert data.links == [(0, 1)]
    table = canvas_table(data)
    assert [r.cluster for r in table] == ["Local produce", "no cluster"]
    assert [[b.id for b in cell] for cell in table[0].cells] == [[], [], [one.pk], []]


def boxes_of(svg):
    root = parse(svg)
    return root, root.findall(f"{SVG}g/{SVG}rect")


def test_boxes_sit_in_their_status_column_and_related_ones_are_joined():
    svg = draw_canvas(canvas_from_snapshot(SNAPSHOT))
    root, rects = boxes_of(svg)
    assert len(rects) == 2
    testing, idea = (float(r.get("x")) for r in rects)
    assert idea < testing  # idea is the first column, testing the second
    dashed = [line for line in root.findall(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 1
    assert root.get("viewBox").startswith("0 0 ")


def test_long_armenian_titles_are_wrapped_and_cut():
    title = "Գյուղական զբոսաշրջության փորձնական երթուղի " * 6
    lines = wrap(title, width=23)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(len(line) <= 23 for line in lines)
    assert wrap("Ա" * 60, width=20)[0] == "Ա" * 20
    root = parse(draw_canvas(CanvasData(boxes=[CanvasBox(id=1, title=title, status="idea")])))
    spans = [t.text for t in root.iter(f"{SVG}tspan")]
    assert spans[-3:] == wrap(title, width=21)  # the box's lines; its <title> keeps it whole
    assert root.find(f"{SVG}g/{SVG}title").text == title


def test_titles_are_escaped_in_the_svg():
    svg = draw_canvas(CanvasData(boxes=[CanvasBox(id=1, title='<script>"&', status="idea")]))
    assert "<script>" not in svg
    parse(svg)


def test_the_narrow_canvas_is_one_column():
    root = parse(draw_canvas(canvas_from_snapshot(SNAPSHOT), narrow=True))
    assert int(root.get("width")) <= 360
    assert {r.get("x") for r in root.findall(f"{SVG}g/{SVG}rect")} == {"12"}


def test_an_empty_canvas_says_so():
    assert "No intervention yet." in draw_canvas(CanvasData())


def test_the_svg_is_served_as_an_image(client, world, portfolio):
    InterventionFactory(portfolio=portfolio, title_en="Guest houses")
    client.force_login(world.coach)
    url = reverse("portfolios:canvas_svg", args=[portfolio.pk])
    for query in ("", "?layout=narrow", "?layout=\x00", "?layout=" + "9" * 500):
        response = client.get(url + query)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/svg+xml")
        parse(response.content)


def test_the_canvas_page_has_the_picture_and_its_table_twin(client, world, portfolio):
    client.cookies["hamaynk_language"] = "en"
    one = InterventionFactory(portfolio=portfolio, title_en="Guest houses")
    two = InterventionFactory(portfolio=portfolio, title_en="Wine festival")
    one.related.add(two)
    client.force_login(world.head)
    body = client.get(reverse("portfolios:canvas", args=[portfolio.pk])).content.decode()
    assert 'alt="The portfolio canvas: 2 interventions' in body
    assert "canvas.svg?layout=narrow" in body
    assert "Guest houses ↔ Wine festival" in body
    portfolio_page = client.get(portfolio.get_absolute_url()).content.decode()
    assert reverse("portfolios:canvas", args=[portfolio.pk]) in portfolio_page
    assert "Add an intervention" in portfolio_page
