"""Every page of the demo: public ones answer 200 to anonymous visitors, private ones ask to log in."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from learning.models import LessonPage, ModulePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVATE_URLS = [
    "/en/accounts/profile/",
    "/en/accounts/email/",
    "/en/accounts/password/change/",
    "/en/accounts/2fa/",
    "/fr/accounts/profile/",
    "/en/accounts/privacy/",
    "/admin/",
    "/admin/pages/",
]
PUBLIC_URLS = [
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/reset/",
    "/en/search/",
    "/en/search/?q=cities",
    "/ar/search/?q=x&page=999",
]


def test_every_live_page_is_public_except_lessons(client, demo):
    """Lessons are for enrolled trainees (and modules lead to their course): anonymous visitors are
    redirected; every other page is public."""
    # Each language's aliases of these pages are walked by tests/home/test_reader_language.py.
    pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).specific()
    assert pages.count() >= 6
    for page in pages:
        response = client.get(page.url)
        if isinstance(page, LessonPage):
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], page.url
        elif isinstance(page, ModulePage):
            assert response.status_code == 302, page.url
        else:
            assert response.status_code == 200, page.url


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_application_pages(client, demo, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_private_pages_redirect_to_login(client, demo, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize("url", PRIVATE_URLS[:6])
def test_private_pages_open_once_logged_in(client, demo, url):
    client.force_login(UserFactory())

    assert client.get(url).status_code == 200


def test_trainee_cannot_enter_the_admin(client, demo):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code in {302, 403}
    assert not (response.status_code == 302 and response.url == "/admin/")


def test_unknown_page_gets_the_styled_404(client, demo):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()


def test_search_finds_pages_in_the_current_language(client, demo):
    english = client.get("/en/search/?q=privacy").content.decode()
    french = client.get("/fr/search/?q=priv%C3%A9e").content.decode()

    assert reverse("wagtail_serve", args=["privacy/"]) in english or "/en/privacy/" in english
    assert "/fr/vie-privee/" in french


def test_every_page_has_one_h1_and_landmarks(client, demo):
    for url in ["/en/", "/en/about/", "/ar/", "/en/accounts/login/", "/en/accounts/signup/", "/en/search/"]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert 'href="#main"' in html and '<main id="main"' in html and "<footer" in html, url


def test_search_results_page_through_with_the_query_kept(client, demo):
    from home.models import StandardPage

    for number in range(12):
        home = Page.objects.get(url_path="/home/")
        home.add_child(instance=StandardPage(title=f"Cities learning {number}", slug=f"cities-{number}"))

    html = client.get("/en/search/?q=cities learning").content.decode()

    assert "?q=cities+learning&amp;page=2" in html
    assert "cities learning" in client.get("/en/search/?q=cities learning&page=2").content.decode()
