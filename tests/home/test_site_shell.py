"""The parts of the site shell that only show when something goes wrong, or to machines."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_server_error_page_is_self_contained_and_translated():
    request = RequestFactory().get("/fr/")
    with translation.override("ar"):
        response = server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert "bootstrap.site.rtl.min.css" in html


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_accounts_and_admin(client):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Disallow: /admin/" in body and "Disallow: /ar/accounts/" in body


@pytest.mark.django_db
def test_editor_can_start_a_translation_with_wagtail_localize(client, demo):
    from django.urls import reverse
    from wagtail.models import Locale, Page

    from tests.factories import UserFactory

    about = Page.objects.get(slug="about", locale__language_code="en")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
    form = client.get(url)
    response = client.post(url, {"locales": [Locale.objects.get(language_code="de").pk]})

    assert form.status_code == 200
    assert response.status_code == 302
    # The German tree's alias of the page becomes its translation.
    german = about.get_translation_or_none(Locale.objects.get(language_code="de"))
    assert german is not None and german.alias_of_id is None


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, demo):
    policy = client.get("/en/")["Content-Security-Policy"]

    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
