"""The footer and the organisation's name are cached, and an editor's change shows at once."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from home.models import FooterSettings, StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the write's commit runs: the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_footer_settings_change_shows_on_the_next_request(client, demo, committed):
    assert "Rue Belliard 205" in client.get("/en/").content.decode()

    footer = FooterSettings.objects.get()
    footer.address = "Avenue des Arts 1"
    footer.organisation_name = "Renamed Org"
    with committed():
        footer.save()

    html = client.get("/en/").content.decode()
    assert "Avenue des Arts 1" in html and "Rue Belliard 205" not in html
    assert "<title>Home · Renamed Org</title>" in html


def test_renamed_page_shows_in_the_footer_once_published(client, demo, committed):
    about = Page.objects.get(slug="about", locale__language_code="en").specific
    client.get("/en/")

    about.title = "Who we are"
    about.save_revision()
    assert "Who we are" not in client.get("/en/").content.decode()  # a draft changes nothing public

    with committed():
        about.get_latest_revision().publish()
    assert "Who we are" in client.get("/en/").content.decode()


def test_unpublished_page_leaves_the_footer(client, demo, committed):
    privacy = Page.objects.get(slug="privacy", locale__language_code="en")
    assert 'href="/en/privacy/"' in client.get("/en/").content.decode()

    with committed():
        privacy.unpublish()

    assert 'href="/en/privacy/"' not in client.get("/en/").content.decode()


def test_preview_shows_the_draft_not_the_cached_page(client, demo):

    about = Page.objects.get(slug="about", locale__language_code="en").specific
    client.get("/en/about/")  # cache the published body
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    about.intro = "A brand new draft introduction"
    revision = about.save_revision()

    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[about.pk, revision.pk]))

    assert "A brand new draft introduction" in response.content.decode()
    assert "A brand new draft introduction" not in client.get("/en/about/").content.decode()


def test_site_lookup_is_cached_and_follows_site_changes(
    client, demo, django_assert_max_num_queries, committed
):

    client.get("/en/about/")
    site = Site.objects.get()
    site.site_name = "Renamed site"
    with committed():
        site.save()

    response = client.get("/en/about/")

    assert response.wsgi_request._wagtail_site.site_name == "Renamed site"
    with django_assert_max_num_queries(8):
        client.get("/en/about/")


def test_remembered_routes_follow_unpublishing_and_moves(client, demo, committed):
    about = Page.objects.get(url_path="/home/about/").specific
    assert client.get("/en/about/").status_code == 200  # routed, then remembered
    assert client.get("/en/about/").status_code == 200

    with committed():
        about.unpublish()
    assert client.get("/en/about/").status_code == 404

    with committed():
        about.save_revision().publish()
    privacy = Page.objects.get(url_path="/home/privacy/")
    about.refresh_from_db()
    with committed():
        about.move(privacy, pos="last-child")
    moved = client.get("/en/about/")  # Wagtail leaves a redirect from the old address
    assert moved.status_code == 301 and moved["Location"] == "/en/privacy/about/"
    assert client.get("/en/privacy/about/").status_code == 200


def test_made_up_urls_are_not_remembered(client, demo, monkeypatch):
    import core.routing

    remembered = []
    original = core.routing.store

    def spy(request, key, value, timeout):
        remembered.append(key)
        original(request, key, value, timeout)

    monkeypatch.setattr(core.routing, "store", spy)
    for number in range(5):
        assert client.get(f"/en/no-such-page-{number}/").status_code == 404
    assert remembered == []
    client.get("/en/about/")
    assert len(remembered) == 1


def test_a_page_reads_its_site_route_and_header_in_one_round_trip(client, demo, monkeypatch):

    # Signed in, so that the page is built (an anonymous reader's comes whole from the page cache).
    client.force_login(UserFactory())
    client.get("/en/")
    client.get("/en/")
    single_reads, batches = [], []
    original_get, original_get_many = cache.get, cache.get_many

    def get(key, *args, **kwargs):
        if not batches or batches[-1] is not None:  # not a read made by get_many itself (local memory)
            single_reads.append(key)
        return original_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        batches.append(None)
        try:
            return original_get_many(keys, *args, **kwargs)
        finally:
            batches[-1] = list(keys)

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)

    assert client.get("/en/").status_code == 200

    together = (
        "wagtail-site",
        "route:",
        "organisation-name",
        "catalogue-url",
        "toolkit-library-url",
        "locale-codes",
    )
    assert not [key for key in single_reads if any(name in key for name in together)], single_reads
    assert any(all(any(name in key for key in batch) for name in together) for batch in batches)


def test_a_page_made_private_is_private_at_once_despite_the_cached_shortcut(client, demo, committed):

    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    client.get(page.url)
    assert client.get(page.url).status_code == 200  # no restriction anywhere: the shortcut is cached

    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
