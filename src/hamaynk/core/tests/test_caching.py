from django.urls import reverse
from django.utils import translation

from hamaynk.core.caching import cached_html
from hamaynk.tests_support import CommunityFactory


def test_cached_html_renders_once_per_language_and_variant(settings):
    settings.HAMAYNK_PUBLIC_LIST_CACHE_SECONDS = 60
    calls = []

    def render() -> str:
        calls.append(translation.get_language())
        return f"<p>{len(calls)}</p>"

    with translation.override("hy"):
        assert cached_html("t", "page=1", render) == "<p>1</p>"
        assert cached_html("t", "page=1", render) == "<p>1</p>"
        assert cached_html("t", "page=2", render) == "<p>2</p>"
    with translation.override("en"):
        assert cached_html("t", "page=1", render) == "<p>3</p>"
    assert calls == ["hy", "hy", "en"]


def test_cache_off_renders_every_time(settings):
    settings.HAMAYNK_PUBLIC_LIST_CACHE_SECONDS = 0
    calls: list[int] = []

    def render() -> str:
        calls.append(1)
        return "x"

    for _ in range(2):
        cached_html("t", "", render)
    assert len(calls) == 2


def test_public_directory_rows_are_served_from_the_cache(client, world, settings,
                                                          django_assert_max_num_queries):
    settings.HAMAYNK_PUBLIC_LIST_CACHE_SECONDS = 60
    url = reverse("communities:directory") + "?country=AM"
    first = client.get(url).content.decode()
    CommunityFactory(region=world.kotayk, name_hy="Նորաստեղծ", name_en="Newly made")
    with django_assert_max_num_queries(3):  # no count, no rows: only the filter choices
        second = client.get(url).content.decode()
    assert "Newly made" not in second and "Նորաստեղծ" not in second
    assert first.count("<tr>") == second.count("<tr>")
    htmx = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert htmx.strip().startswith('<section id="results"')


def test_directory_filter_fields_are_kept_for_every_page_of_one_search(client, world, settings,
                                                                       monkeypatch):
    from hamaynk.networks.views import directory as views

    settings.HAMAYNK_PUBLIC_LIST_CACHE_SECONDS = 60
    rendered: list[str] = []
    original = views.render_to_string

    def counting(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(name)
        return original(name, *args, **kwargs)

    monkeypatch.setattr(views, "render_to_string", counting)
    url = reverse("communities:directory")
    for page in ("1", "2", "3"):
        html = client.get(url, {"country": "AM", "page": page}).content.decode()
        assert 'value="AM" selected' in html
    assert rendered.count("communities/directory.html#fields") == 1
    client.get(url, {"country": "MD"})
    assert rendered.count("communities/directory.html#fields") == 2  # another search
