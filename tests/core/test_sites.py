"""core.sites answers what Wagtail's own lookups answer (Site._find_for_request and
Site.get_site_root_paths), from one read of the sites, whatever the hosts, ports and default site."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from accounts.consent import CURRENT_VERSIONS_ALONG, current_versions
from core.sites import find_site, locale_codes_read, pairs_read, site_root_paths
from home.models import FooterSettings, HomePage
from tests.factories import legal_version

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


def test_what_comes_with_the_sites_is_what_its_own_queries_give(sites, django_assert_num_queries):
    # The demo published 1.0 of both.
    legal_version("privacy", "8.0", date=timezone.localdate() - timedelta(days=1))
    newest = legal_version("privacy", "9.0", date=timezone.localdate() + timedelta(days=1))
    terms = legal_version("terms", "9.0", date=timezone.localdate() + timedelta(days=1))
    legal_version("terms", "10.0", date=timezone.localdate() + timedelta(days=2), live=False)  # a draft
    site = Site.objects.get(hostname="learn.example.org")
    footer = FooterSettings.objects.create(site=site, organisation_name="Learn together")
    request = RequestFactory().get("/", HTTP_HOST="learn.example.org")
    with django_assert_num_queries(1):
        find_site(request)
        assert FooterSettings.for_request(request) == footer
        assert FooterSettings.for_request(request).organisation_name == "Learn together"
    assert locale_codes_read(request) == dict(Locale.objects.values_list("id", "language_code"))
    assert sorted(pairs_read(request, CURRENT_VERSIONS_ALONG)) == [
        ("privacy", str(newest.pk)),
        ("terms", str(terms.pk)),
    ]
    assert {version.pk for version in current_versions()} == {newest.pk, terms.pk}


def test_a_site_whose_footer_was_never_saved_gets_one_as_in_wagtail(sites):
    site = Site.objects.get(hostname="learn.example.org")
    FooterSettings.objects.filter(site=site).delete()
    request = RequestFactory().get("/", HTTP_HOST="learn.example.org")
    assert find_site(request) == site
    assert FooterSettings.for_request(request).site_id == site.pk
    assert FooterSettings.objects.filter(site=site).count() == 1
