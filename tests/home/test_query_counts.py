"""Pages that list other pages make the same number of queries however many they list, with an empty
cache (the first visitor after a deploy or a change, where an N+1 query would show) and a warm one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import FooterSettings, HomePage, StandardPage
from tests.cache_isolation import forget_own_keys

pytestmark = pytest.mark.django_db


def add_pages(count: int, locale: Locale) -> list[StandardPage]:
    home = HomePage.objects.get(locale=locale)
    pages = []
    for number in range(count):
        page = StandardPage(title=f"Page {number}", slug=f"page-{count}-{number}", intro="Text")
        home.add_child(instance=page)
        pages.append(page)
        home.refresh_from_db()
    return pages


def fill_home(pages):
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_links = [("link", {"page": page, "label": ""}) for page in pages[:2]]
    home.body = [
        (
            "cards",
            {
                "heading": "Cards",
                "cards": [{"heading": p.title, "text": "t", "link": {"page": p}} for p in pages],
            },
        ),
        ("featured_pages", {"heading": "Featured", "pages": pages}),
    ]
    home.save_revision().publish()
    footer = FooterSettings.for_site(home.get_site())
    footer.organisation_name = "Org"
    footer.links = [("link", {"page": page, "label": ""}) for page in pages]
    footer.save()


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def queries_for(client, url: str) -> tuple[int, int]:
    """(cold, warm) queries of `url`."""
    client.get(url)  # what the process keeps itself (content types)
    forget_own_keys()
    cold = count(client, url)
    return cold, count(client, url)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_home_page_queries_do_not_grow_with_links_cards_and_featured_pages(client, demo, language):
    english = Locale.objects.get(language_code="en")
    few = add_pages(1, english)
    fill_home(few)
    with_one = queries_for(client, f"/{language}/")

    many = add_pages(6, english)
    fill_home(many)
    with_six = queries_for(client, f"/{language}/")

    assert with_six == with_one
    cold, warm = with_six
    assert cold <= 30 and warm <= 4


def test_search_queries_do_not_grow_with_results(client, demo):
    add_pages(2, Locale.objects.get(language_code="en"))
    with_two = queries_for(client, "/en/search/?q=Page")

    add_pages(9, Locale.objects.get(language_code="en"))
    with_nine_more = queries_for(client, "/en/search/?q=Page")

    assert with_nine_more == with_two
