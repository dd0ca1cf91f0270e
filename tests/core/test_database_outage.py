"""The database down: every request through the whole middleware stack answers a friendly 503 in the
reader's language with `Retry-After` (or a page the cache still holds whole), never a 500 or a traceback,
and /healthz says the database is down.

The outage is real: the `default` connection is swapped for one to a database that does not exist (an
SQLite file in a missing folder, a PostgreSQL server on a port nobody listens on), so the driver itself
refuses to connect, wherever the first query comes from (the session, the user, the site, a view).
The cache keeps what the site put there while the database answered, as it would in production.
"""

from contextlib import contextmanager

import pytest
from django.db import OperationalError, ProgrammingError, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.views import DATABASE_RETRY_AFTER, server_error
from tests.factories import PASSWORD, CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

DEAD = {
    "sqlite": {"NAME": "/nonexistent-folder-of-the-drill/db.sqlite3"},
    "postgresql": {"HOST": "127.0.0.1", "PORT": "1"},  # nothing listens on port 1
}


@contextmanager
def database_unreachable():
    """Requests get a `default` connection that cannot connect; the test's own comes back afterwards
    (with its transaction, so the test database is left as it was)."""
    live = connections["default"]
    dead = live.__class__({**live.settings_dict, **DEAD[live.vendor]}, alias="default")
    connections["default"] = dead
    try:
        yield
    finally:
        dead.close()
        connections["default"] = live


def client() -> Client:
    # What a real server does with an exception: answer with the handler's page (the test client would
    # re-raise it instead).
    return Client(raise_request_exception=False)


@pytest.fixture
def site_urls():
    course = make_course(lessons=2)
    lesson = lessons_of(course)[0]
    trainee = UserFactory(display_name="Amina Diallo")
    EnrolmentFactory(user=trainee, cohort=CohortFactory(course=course))
    urls = [
        "/en/",
        "/fr/",
        "/ar/",
        course.url,
        lesson.url,
        "/en/search/?q=democracy",
        reverse("account_login"),
        reverse("account_signup"),
        "/en/verify/",
        "/en/verify/no-such-code/",
        "/en/learning/",
        "/admin/",
    ]
    return trainee, urls


def assert_friendly_503(response, language="en"):
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]
    with translation.override(language):
        assert gettext("The site is unavailable for a moment") in body
    assert f'lang="{language}"' in body
    for leak in ("Traceback", "OperationalError", "nonexistent-folder", "port 1", "connection"):
        assert leak not in body


def test_every_request_answers_the_503_page_anonymous_and_signed_in(site_urls):
    trainee, urls = site_urls
    anonymous, signed_in = client(), client()
    signed_in.force_login(trainee)
    for url in urls:  # what the cache holds once the site has been visited
        anonymous.get(url)
        signed_in.get(url)

    with database_unreachable():
        answers = {
            "anonymous": {url: anonymous.get(url) for url in urls},
            "signed in": {url: signed_in.get(url) for url in urls},
        }
        posted = anonymous.post(reverse("account_login"), {"login": trainee.email, "password": PASSWORD})

    statuses = {who: {url: r.status_code for url, r in seen.items()} for who, seen in answers.items()}
    assert 500 not in [*statuses["anonymous"].values(), *statuses["signed in"].values()], statuses
    # Anyone signed in needs their user from the database: every page says the site is unavailable.
    assert set(statuses["signed in"].values()) == {503}, statuses
    # Without a session some pages are still whole in the cache (core.page_cache), or a redirect to the
    # login page needs nothing; every other page is the 503.
    assert set(statuses["anonymous"].values()) <= {200, 302, 503}, statuses
    assert statuses["anonymous"]["/en/search/?q=democracy"] == 503
    for seen in answers.values():
        for url, response in seen.items():
            if response.status_code == 503:
                assert_friendly_503(response, language=url.split("/")[1] if url != "/admin/" else "en")
    assert_friendly_503(posted)


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("uk", "ltr")])
def test_the_503_page_is_in_the_readers_language(site_urls, language, direction):
    trainee, _urls = site_urls
    signed_in = client()
    signed_in.force_login(trainee)

    with database_unreachable():
        response = signed_in.get(f"/{language}/learning/")

    assert_friendly_503(response, language=language)
    assert f'dir="{direction}"' in response.content.decode()


def test_the_503_page_follows_the_language_cookie_where_the_address_has_none(site_urls):
    trainee, _urls = site_urls
    signed_in = client()
    signed_in.force_login(trainee)
    signed_in.cookies["django_language"] = "de"

    with database_unreachable():
        response = signed_in.get("/admin/")

    assert_friendly_503(response, language="de")


def test_healthz_names_the_database_and_answers_503(db):
    with database_unreachable():
        response = client().get("/healthz")

    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["unavailable", "database: unavailable", "cache: ok"]


def test_the_site_answers_again_once_the_database_is_back(site_urls):
    trainee, _urls = site_urls
    signed_in = client()
    signed_in.force_login(trainee)
    with database_unreachable():
        assert signed_in.get("/en/learning/").status_code == 503

    assert signed_in.get("/en/learning/").status_code == 200
    assert client().get("/healthz").status_code == 200


def test_other_database_errors_stay_server_errors(rf):
    """Only an outage is a 503: an integrity or programming error is a bug, and keeps Django's 500."""
    try:
        raise ProgrammingError("no such column")
    except ProgrammingError:
        response = server_error(rf.get("/en/"))

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_an_outage_behind_another_exception_is_still_the_503(rf):
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as outage:
            raise RuntimeError("while rendering a block") from outage
    except RuntimeError:
        response = server_error(rf.get("/fr/"))

    assert_friendly_503(response, language="fr")
