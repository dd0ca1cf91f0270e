"""Anonymous readers get whole pages from the cache, per language; nobody else ever does, and no write
leaves a stale page behind once it commits."""

import pytest
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.test import Client

from core.page_cache import KEY_PREFIX, TAGS_HEADER
from home.models import HomePage, StandardPage
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, catalogue, make_course

pytestmark = pytest.mark.django_db


def page(title="About us", slug="about", **fields) -> StandardPage:
    home = HomePage.objects.get(locale__language_code="en")
    return home.add_child(instance=StandardPage(title=title, slug=slug, intro="Who we are.", **fields))


def _recording(monkeypatch, names):
    calls = []
    for name in names:
        original = getattr(cache, name)

        def recording(keys, *args, _original=original, **kwargs):
            for key in [keys] if isinstance(keys, str) else list(keys):
                if KEY_PREFIX in key:
                    calls.append(key)
            return _original(keys, *args, **kwargs)

        monkeypatch.setattr(cache, name, recording)
    return calls


@pytest.fixture
def page_writes(monkeypatch):
    """Every key the whole-page cache writes."""
    return _recording(monkeypatch, ["set", "set_many"])


@pytest.fixture
def page_reads(monkeypatch):
    """Every key the whole-page cache reads."""
    return _recording(monkeypatch, ["get", "get_many"])


def test_an_anonymous_page_is_served_whole_from_the_cache(client, django_assert_num_queries):
    about = page()
    first = client.get(about.url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(about.url)

    assert second.content == first.content


def test_each_language_is_an_entry_of_its_own(client):
    page()
    english, french = client.get("/en/about/"), client.get("/fr/about/")
    assert english.status_code == french.status_code == 200

    assert client.get("/fr/about/").content == french.content
    assert client.get("/en/about/").content == english.content
    assert 'lang="fr"' in french.content.decode() and 'lang="en"' in english.content.decode()


def test_the_headers_say_it_varies_with_the_cookie_and_must_be_asked_again(client):
    about = page()
    for response in (client.get(about.url), client.get(about.url)):  # built, then from the cache
        vary = [h.strip().lower() for h in response["Vary"].split(",")]
        assert "cookie" in vary and TAGS_HEADER.lower() not in vary
        assert response["Cache-Control"] == "max-age=0, must-revalidate"
        assert not response.has_header("Expires")


def test_a_signed_in_reader_never_gets_or_leaves_a_cached_page(client, page_writes):
    about = page()
    client.get(about.url)  # an anonymous visitor fills the cache
    assert page_writes
    page_writes.clear()
    person = Client()
    person.force_login(UserFactory())

    html = person.get(about.url).content.decode()

    assert 'action="/en/accounts/logout/"' in html
    assert page_writes == []


@pytest.mark.parametrize("cookie", ["sessionid", "messages"], ids=["anonymous session", "a message waiting"])
def test_a_reader_with_a_session_or_a_message_is_never_served_from_the_cache(
    client, cookie, page_reads, page_writes
):
    about = page()
    client.get(about.url)
    assert page_reads and page_writes
    page_reads.clear(), page_writes.clear()
    client.cookies[cookie] = "anything"

    assert client.get(about.url).status_code == 200

    assert page_reads == [] and page_writes == []


def test_a_query_string_never_reaches_the_whole_page_cache(client, page_writes):
    about = page()
    for number in range(3):
        client.get(about.url, {"utm_source": f"anything {number}"})
    client.get(catalogue().url, {"q": "voting"})
    assert page_writes == []


@pytest.mark.parametrize(
    "url",
    [
        "/en/accounts/login/",
        "/en/accounts/signup/",
        "/en/accounts/password/reset/",
        "/verify/",
        "/en/search/",
    ],
)
def test_forms_with_a_csrf_token_and_django_views_are_never_cached(client, url, page_writes):
    for _ in range(2):
        response = client.get(url, follow=True)
        assert response.status_code == 200
    assert page_writes == []


def test_a_page_holding_a_csrf_token_is_not_stored(client, page_writes, monkeypatch):
    """Any Wagtail page that puts a form in front of anonymous readers sets the CSRF cookie."""

    about = page()
    original = StandardPage.get_context
    monkeypatch.setattr(
        StandardPage,
        "get_context",
        lambda self, request, *a, **k: (get_token(request), original(self, request, *a, **k))[1],
    )
    assert client.get(about.url).status_code == 200
    assert page_writes == []


def test_the_catalogue_shows_seats_as_they_are(client, django_capture_on_commit_callbacks):

    cohort = CohortFactory(capacity=3)
    assert "3 seats left" in client.get(catalogue().url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        EnrolmentFactory(cohort=cohort)
    assert "2 seats left" in client.get(catalogue().url).content.decode()


def test_a_lesson_is_never_cached_for_an_anonymous_reader(client, page_writes):
    lesson = make_course(lessons=1).get_children().first()
    assert client.get(lesson.url).status_code in (302, 403)
    assert page_writes == []
