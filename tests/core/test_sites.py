"""core.sites answers what Wagtail's own lookups answer (Site._find_for_request and
Site.get_site_root_paths), from one read of the sites, whatever the hosts, ports and default site."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from core.sites import find_site, site_root_paths
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(demo):
    home = HomePage.objects.get(locale__language_code="en")
    other = home.get_parent().add_child(instance=Page(title="Other", slug="other-root"))
    Site.objects.create(hostname="cities.example.org", port=80, root_page=other)
    Site.objects.create(hostname="cities.example.org", port=8080, root_page=home)
    Site.objects.create(hostname="learn.example.org", port=443, root_page=home, site_name="Learn")


@pytest.mark.parametrize(
    "host",
    [
        "testserver",
        "localhost",
        "cities.example.org",
        "cities.example.org:8080",
        "cities.example.org:9999",
        "learn.example.org",
        "learn.example.org:443",
        "unknown.example.org",
    ],
)
def test_the_site_found_is_wagtails(sites, host):
    request = RequestFactory().get("/", HTTP_HOST=host)
    assert find_site(request) == Site._find_for_request(RequestFactory().get("/", HTTP_HOST=host))


def test_the_site_root_paths_are_wagtails(sites):
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert site_root_paths(RequestFactory().get("/")) == Site.get_site_root_paths()


def test_one_read_of_the_sites_finds_both(sites, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST="cities.example.org:8080")
    with django_assert_num_queries(2):  # the sites (with whether any page is private), the home pages
        find_site(request)
        site_root_paths(request)
