"""Redis down: every page still renders from the database, people still sign in and stay signed in, rate
limits let requests through (see core/cache_backend.py for why), and /healthz says the cache is down
without taking the server out of the load balancer. The cache really points at a dead port here."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from config.settings.base import cache_from_url
from learning.models import Enrolment
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

DEAD = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def point_at_dead_port(settings):
    settings.CACHES = {"default": {**cache_from_url(DEAD), "KEY_PREFIX": "ml-outage-test"}}

    assert cache.set("probe", 1) is None and cache.get("probe") is None  # really unreachable


@pytest.fixture
def dead_cache(settings):
    point_at_dead_port(settings)


def walk(client, urls) -> dict[str, int]:
    return {url: client.get(url).status_code for url in urls}


def test_every_page_answers_as_it_does_with_the_cache_up(client, demo, settings):
    # Every page but the aliases, which render through their original's template in another language:
    # those of one language (Arabic, right to left) stand for the eleven others (~360 pages, 90% of a walk).
    pages = Page.objects.live().filter(depth__gt=1)
    pages = pages.filter(alias_of__isnull=True) | pages.filter(locale__language_code="ar")
    urls = [page.url for page in pages.specific()]
    urls += ["/en/search/?q=democracy", reverse("account_login"), reverse("account_signup")]
    assert len(urls) > 20
    trainee = Enrolment.objects.filter(status=Enrolment.Status.ACTIVE).select_related("user").first().user

    def both_ways():
        client.logout()
        anonymous = walk(client, urls)
        client.force_login(trainee)
        return anonymous, walk(client, urls)

    with_cache = both_ways()
    point_at_dead_port(settings)
    without_cache = both_ways()

    assert without_cache == with_cache
    assert 500 not in [*without_cache[0].values(), *without_cache[1].values()]
    assert list(without_cache[1].values()).count(200) > 20


def test_signing_in_and_staying_signed_in_work_from_the_database(client, dead_cache):
    user = UserFactory(display_name="Amina Diallo")

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("account_email")).status_code == 200  # the session, read back from the DB
    client.post(reverse("account_logout"))
    assert client.get(reverse("account_email")).status_code == 302  # signed out for good


def test_rate_limits_let_requests_through_at_once(client, dead_cache):
    user = UserFactory()
    started = time.monotonic()

    answers = [
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"}).status_code
        for _ in range(12)  # more than the 10 failed logins a minute allowed while the cache answers
    ]

    assert 429 not in answers and 500 not in answers
    assert time.monotonic() - started < 10  # no lock waited for: allauth would wait a second per try


def test_healthz_reports_the_cache_down_and_keeps_serving(client, dead_cache):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["ok", "database: ok", "cache: unavailable"]
    assert b"127.0.0.1" not in response.content and b"6379" not in response.content
