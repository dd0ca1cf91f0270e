"""Anonymous readers get whole pages from the cache, per language; nobody else ever does, and no write
leaves a stale page behind once it commits."""

import uuid

import pytest
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.page_cache import KEY_PREFIX, TAGS_HEADER
from home.models import HomePage, StandardPage
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, catalogue, make_course
from tests.toolkits import factories as toolkits

pytestmark = pytest.mark.django_db


def page(title="About us", slug="about", **fields) -> StandardPage:
    home = HomePage.objects.get(locale__language_code="en")
    return home.add_child(instance=StandardPage(title=title, slug=slug, intro="Who we are.", **fields))


def _recording(monkeypatch, names):
    calls = []
    for name in names:
        original = getattr(cache, name)

        def recording(keys, *args, _original=original, **kwargs):
            # write_many takes (key, value, timeout, only if absent) tuples (core.cache_backend).
            for key in [keys] if isinstance(keys, str) else [k if isinstance(k, str) else k[0] for k in keys]:
                if KEY_PREFIX in key:
                    calls.append(key)
            return _original(keys, *args, **kwargs)

        monkeypatch.setattr(cache, name, recording)
    return calls


@pytest.fixture
def page_writes(monkeypatch):
    """Every key the whole-page cache writes."""
    return _recording(monkeypatch, ["set", "set_many", "write_many"])


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


# What a page makes while it is rendered retires nothing: every cached page would go, the one just built
# included (the bench's toolkit page made 11 queries warm after its first view).


def _image_block(image) -> dict:
    return {"type": "image", "id": str(uuid.uuid4()), "value": {"image": image.pk, "alt_text": "A map"}}


def _still_cached(client, django_assert_num_queries, url, **headers) -> None:
    with django_assert_num_queries(0):
        assert client.get(url, **headers).status_code == 200


def test_the_first_view_of_an_image_throws_no_cached_page_away(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    about = page()
    image = get_image_model().objects.create(title="Map", file=get_test_image_file())
    map_page = page(title="Map", slug="map", body=[_image_block(image)])
    client.get(about.url)
    _still_cached(client, django_assert_num_queries, about.url)

    # A browser's data saver asks for one small rendition (made with get_or_create, which saves it and
    # sent the signal); then a full page asks for the two larger ones (made together in bulk).
    for headers, made in (({"HTTP_SAVE_DATA": "on"}, 1), ({}, 3)):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(map_page.url, **headers).status_code == 200
        assert image.renditions.count() == made

        _still_cached(client, django_assert_num_queries, about.url)
        _still_cached(client, django_assert_num_queries, map_page.url, **headers)


def test_a_trainee_keeping_a_course_for_offline_throws_no_cached_page_away(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    about = page()
    image = get_image_model().objects.create(title="Map", file=get_test_image_file())
    course = make_course(lessons=0, bodies=[[_image_block(image)]])
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.get(about.url)
    trainee = Client()
    trainee.force_login(enrolment.user)

    # The offline copy lists each image's one small rendition, made now for an image nobody viewed.
    with django_capture_on_commit_callbacks(execute=True):
        assert trainee.get(reverse("learning:offline_copy", args=[course.pk])).status_code == 200
    assert image.renditions.count() == 1

    _still_cached(client, django_assert_num_queries, about.url)


def test_the_first_view_of_a_documents_size_throws_no_cached_page_away(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    about = page()
    document = toolkits.document(title="Integration model", name="model.pdf")
    kit = toolkits.toolkit(toolkits.library(), documents=[(document, "en")])
    assert document.file_size is None  # saved without it, as the demo's and the factories' are
    client.get(about.url)

    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(kit.url).status_code == 200  # it shows the size: Wagtail saves it now
    document.refresh_from_db()
    assert document.file_size is not None

    _still_cached(client, django_assert_num_queries, about.url)
    _still_cached(client, django_assert_num_queries, kit.url)
