"""An alias page (an English page shown in another language's tree until it is translated) tells search
engines where its words really live: a canonical link to its source, and hreflang alternates for the
languages the page is really written in."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="(canonical|alternate)"(?: hreflang="([^"]+)")? href="([^"]+)">')


def head_links(html: str) -> dict:
    head = html.split("</head>")[0]
    found = LINK.findall(head)
    return {
        "canonical": [url for rel, _code, url in found if rel == "canonical"],
        "alternates": {code: url for rel, code, url in found if rel == "alternate"},
    }


@pytest.fixture
def about(django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(
        instance=StandardPage(title="About us", slug="about-canonical", intro="Who we are.")
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locale_trees", stdout=io.StringIO())
    return page


def translate(page, language, django_capture_on_commit_callbacks):
    """What an editor's admin → Translate does, then the translation published."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [Locale.objects.get(language_code=language)])
    translation = page.get_translation(Locale.objects.get(language_code=language))
    translation.title = f"{page.title} ({language})"
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_revision().publish()
    return translation


def test_an_alias_page_names_its_english_source_as_canonical(client, about):
    german = about.get_translation(Locale.objects.get(language_code="de"))
    assert german.alias_of_id == about.pk  # the German tree holds an alias, not a translation

    links = head_links(client.get("/de/about-canonical/").content.decode())

    assert links["canonical"] == [about.get_full_url()]
    assert links["alternates"] == {}  # only one real version: nothing to choose between


def test_a_real_page_is_its_own_canonical(client, about):
    links = head_links(client.get("/en/about-canonical/").content.decode())

    assert links["canonical"] == [about.get_full_url()]


def test_alternates_list_every_real_translation_and_no_alias(
    client, about, django_capture_on_commit_callbacks
):
    french = translate(about, "fr", django_capture_on_commit_callbacks)
    arabic = translate(about, "ar", django_capture_on_commit_callbacks)
    assert french.alias_of_id is None and arabic.alias_of_id is None

    expected = {
        "en": about.get_full_url(),
        "fr": french.get_full_url(),
        "ar": arabic.get_full_url(),
        "x-default": about.get_full_url(),
    }
    on_alias = head_links(client.get("/de/about-canonical/").content.decode())
    on_french = head_links(client.get(french.url).content.decode())

    assert on_alias["canonical"] == [about.get_full_url()]
    assert on_alias["alternates"] == expected
    assert "/de/" not in " ".join(on_alias["alternates"].values())
    assert on_french["canonical"] == [french.get_full_url()]  # a translation speaks for itself
    assert on_french["alternates"] == expected


def test_a_translation_made_after_the_links_were_cached_is_listed_at_once(
    client, about, django_capture_on_commit_callbacks
):
    assert head_links(client.get("/de/about-canonical/").content.decode())["alternates"] == {}

    french = translate(about, "fr", django_capture_on_commit_callbacks)

    links = head_links(client.get("/de/about-canonical/").content.decode())
    assert links["alternates"]["fr"] == french.get_full_url()


def test_an_unpublished_translation_is_not_an_alternate(client, about, django_capture_on_commit_callbacks):
    french = translate(about, "fr", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        french.unpublish()

    links = head_links(client.get("/de/about-canonical/").content.decode())
    assert "fr" not in links["alternates"]


def test_pages_that_are_not_wagtail_pages_have_no_canonical_link(client, db):
    html = client.get("/en/search/", {"q": "x"}).content.decode()

    assert head_links(html) == {"canonical": [], "alternates": {}}


def test_the_home_page_alias_in_every_language_points_at_the_english_home(client, about):
    home = Page.objects.get(locale__language_code="en", depth=2)
    farsi = head_links(client.get("/fa/").content.decode())

    assert farsi["canonical"] == [home.get_full_url()]
