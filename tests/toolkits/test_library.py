"""The toolkit library: filters, full-text search and pagination, with JavaScript off and few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cache_isolation import forget_own_keys
from tests.toolkits import factories as f
from toolkits.models import DownloadEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(db):
    index = f.library()
    housing = f.ThemeFactory(name="Housing", slug="housing")
    education = f.ThemeFactory(name="Education", slug="education")
    guide = f.document("Lisbon housing guide", name="guide.pdf")
    gdansk = f.toolkit(
        index,
        title="Gdansk immigrant integration model",
        city="Gdansk",
        country="PL",
        themes=[education],
        documents=[(f.document("Integration model handbook"), "pl")],
        format="guide",
    )
    lisbon = f.toolkit(
        index,
        title="Lisbon welcoming neighbourhoods",
        city="Lisbon",
        country="PT",
        summary="Local housing desks for newcomers.",
        themes=[housing],
        documents=[(guide, "pt")],
        audience="ngos",
        format="case_study",
    )
    return {"index": index, "gdansk": gdansk, "lisbon": lisbon}


def titles(response) -> str:
    return response.content.decode()


def test_library_lists_toolkits_without_an_account(client, shelf):
    response = client.get(shelf["index"].url)
    assert response.status_code == 200
    assert "Gdansk immigrant integration model" in titles(response)
    assert "Lisbon welcoming neighbourhoods" in titles(response)


@pytest.mark.parametrize(
    ("query", "expected", "hidden"),
    [
        ("theme=housing", "Lisbon", "Gdansk immigrant"),
        ("city=Gdansk", "Gdansk immigrant", "Lisbon welcoming"),
        ("country=PT", "Lisbon welcoming", "Gdansk immigrant"),
        ("language=pl", "Gdansk immigrant", "Lisbon welcoming"),
        ("audience=ngos", "Lisbon welcoming", "Gdansk immigrant"),
        ("format=guide", "Gdansk immigrant", "Lisbon welcoming"),
    ],
)
def test_filters_narrow_the_library(client, shelf, query, expected, hidden):
    page = titles(client.get(f"{shelf['index'].url}?{query}"))
    assert expected in page
    assert hidden not in page


def test_search_covers_toolkit_text_and_document_titles(client, shelf):
    by_summary = titles(client.get(shelf["index"].url, {"q": "housing desks"}))
    by_document = titles(client.get(shelf["index"].url, {"q": "handbook"}))
    assert "Lisbon welcoming" in by_summary and "Gdansk immigrant" not in by_summary
    assert "Gdansk immigrant" in by_document and "Lisbon welcoming" not in by_document


def test_unknown_filter_values_are_ignored_not_errors(client, shelf):
    response = client.get(shelf["index"].url, {"theme": "<script>", "page": "999", "country": "XX"})
    assert response.status_code == 200
    assert "<script>" not in titles(response)


def test_toolkit_page_shows_documents_with_type_size_language_and_downloads(client, shelf):
    doc = shelf["lisbon"].document_links.get().document
    DownloadEvent.objects.create(document=doc, document_title=doc.title, toolkit=shelf["lisbon"])
    page = titles(client.get(shelf["lisbon"].url))
    assert "Lisbon housing guide" in page
    assert "PDF" in page and "Português" in page and "1 download" in page
    assert f"{doc.url}?toolkit={shelf['lisbon'].pk}" in page


def queries_for(client, url) -> int:
    """Queries of the library with an empty cache (the first visitor after a deploy or a change)."""
    client.get(url)  # what the process keeps itself (content types, the site's root paths)
    forget_own_keys()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_from_10_to_500_toolkits(client, shelf):
    from toolkits.models import ToolkitPage

    theme = f.ThemeFactory(name="Participation", slug="participation")

    def add(count):
        # Pages are live when added; no revisions needed to list them, which keeps 500 pages quick to make.
        index = shelf["index"]
        start = ToolkitPage.objects.count()
        for n in range(start, start + count):
            index.refresh_from_db(fields=["numchild"])
            page = ToolkitPage(
                title=f"Toolkit {n:04}", slug=f"toolkit-{n}", summary="s", city=f"City {n % 7}", country="BE"
            )
            index.add_child(instance=page)
            ToolkitPage.themes.through.objects.create(toolkitpage=page, theme=theme)

    add(8)
    url = shelf["index"].url
    few = queries_for(client, url)
    few_filtered = queries_for(client, url + "?theme=participation&q=toolkit")
    add(490)
    assert ToolkitPage.objects.count() == 500
    assert queries_for(client, url) == few
    assert queries_for(client, url + "?theme=participation&q=toolkit") == few_filtered
    assert queries_for(client, url + "?page=30") <= few + 1


def test_listing_is_cached_for_the_next_visitor(client, shelf):
    url = shelf["index"].url + "?theme=housing"
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert "Lisbon welcoming" in titles(client.get(url))
    assert len(captured.captured_queries) <= 1


def test_a_download_shows_in_the_library_at_once(client, shelf, django_capture_on_commit_callbacks):
    url = shelf["index"].url
    assert "1 download" not in titles(client.get(url))
    document = shelf["lisbon"].document_links.get().document

    with django_capture_on_commit_callbacks(execute=True):
        client.get(document.url)

    assert "1 download" in titles(client.get(url))


def test_page_links_carry_the_filters_but_never_a_visitors_other_parameters(client, shelf, monkeypatch):
    from toolkits import library

    monkeypatch.setattr(library, "TOOLKITS_PER_PAGE", 1)
    first = titles(client.get(shelf["index"].url + "?country=&campaign=<b>x</b>&page=1"))
    second = titles(client.get(shelf["index"].url + "?page=1"))

    assert 'href="?page=2"' in first
    assert "campaign" not in first and "campaign" not in second


def test_a_renamed_theme_shows_in_the_cached_library_at_once(client, shelf):
    from toolkits.models import Theme

    url = shelf["index"].url
    client.get(url)
    assert "Housing" in titles(client.get(url))

    theme = Theme.objects.get(slug="housing")
    theme.name = "Housing and shelter"
    theme.save()

    page = titles(client.get(url))
    assert "Housing and shelter" in page


def test_the_filters_in_effect_show_in_the_form(client, shelf):
    html = titles(client.get(shelf["index"].url + "?theme=housing&city=Atlantis&q=desks"))

    assert '<option value="housing" selected>' in html
    assert 'value="desks"' in html
    assert "Atlantis" not in html  # not a city of the library: dropped, not echoed


@pytest.mark.parametrize(
    ("page", "shown", "hidden"),
    [
        ("1", "Gdansk immigrant", "Lisbon welcoming"),
        ("2", "Lisbon welcoming", "Gdansk immigrant"),
        ("abc", "Gdansk immigrant", "Lisbon welcoming"),  # not a number: the first page
        ("0", "Lisbon welcoming", "Gdansk immigrant"),  # out of range: the last page
        ("999", "Lisbon welcoming", "Gdansk immigrant"),
    ],
)
def test_each_page_of_the_library_shows_its_toolkits_and_the_number_of_all(
    client, shelf, monkeypatch, page, shown, hidden
):
    from toolkits import library

    monkeypatch.setattr(library, "TOOLKITS_PER_PAGE", 1)
    forget_own_keys()
    html = titles(client.get(shelf["index"].url, {"page": page}))

    assert shown in html
    assert hidden not in html
    assert "2 toolkits" in html
