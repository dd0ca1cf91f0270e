"""The footer and the organisation's name are cached, and an editor's change shows at once."""

import pytest
from wagtail.models import Page

from home.models import FooterSettings

pytestmark = pytest.mark.django_db


def test_footer_settings_change_shows_on_the_next_request(client, demo):
    assert "Rue Belliard 205" in client.get("/en/").content.decode()

    footer = FooterSettings.objects.get()
    footer.address = "Avenue des Arts 1"
    footer.organisation_name = "Renamed Org"
    footer.save()

    html = client.get("/en/").content.decode()
    assert "Avenue des Arts 1" in html and "Rue Belliard 205" not in html
    assert "<title>Home · Renamed Org</title>" in html


def test_renamed_page_shows_in_the_footer_once_published(client, demo):
    about = Page.objects.get(slug="about").specific
    client.get("/en/")

    about.title = "Who we are"
    about.save_revision()
    assert "Who we are" not in client.get("/en/").content.decode()  # a draft changes nothing public

    about.get_latest_revision().publish()
    assert "Who we are" in client.get("/en/").content.decode()


def test_unpublished_page_leaves_the_footer(client, demo):
    privacy = Page.objects.get(slug="privacy")
    assert 'href="/en/privacy/"' in client.get("/en/").content.decode()

    privacy.unpublish()

    assert 'href="/en/privacy/"' not in client.get("/en/").content.decode()
