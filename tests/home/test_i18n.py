import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

REQUIRED_LANGUAGES = {"en", "fr", "de", "nl", "pl", "pt", "es", "it", "ar"}


def test_all_required_languages_are_configured():
    assert {code for code, _name in settings.LANGUAGES} >= REQUIRED_LANGUAGES
    assert settings.WAGTAIL_I18N_ENABLED


@pytest.mark.parametrize("language", sorted(REQUIRED_LANGUAGES))
def test_every_language_serves_the_home_page_with_its_lang_and_direction(client, demo, language):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert ("bootstrap.rtl.min.css" in html) == (language == "ar")


def test_arabic_interface_is_translated(client, demo):
    html = client.get("/ar/").content.decode()

    assert "تسجيل الدخول" in html or "الدخول" in html


def test_switching_language_goes_to_the_translated_page_and_is_remembered(client, demo):
    from wagtail.models import Page

    about = Page.objects.get(slug="about")

    response = client.post("/en/language/", {"language": "fr", "next": "/en/about/", "page": about.pk})

    assert response.status_code == 302
    assert response.url == "/fr/a-propos/"
    assert response.cookies["django_language"].value == "fr"
    assert client.get(response.url).status_code == 200


def test_switching_language_on_a_page_without_translation_goes_to_the_localised_home(client, demo):
    from wagtail.models import Page

    privacy = Page.objects.get(slug="privacy")

    response = client.post("/en/language/", {"language": "ar", "next": "/en/privacy/", "page": privacy.pk})

    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_switching_language_on_an_application_view_keeps_the_view(client):
    response = client.post("/en/language/", {"language": "ar", "next": "/en/accounts/login/"})

    assert response.url == "/ar/accounts/login/"


def test_switching_language_is_saved_in_the_profile(client):
    from tests.factories import UserFactory

    user = UserFactory(language="en")
    client.force_login(user)

    client.post("/en/language/", {"language": "ar", "next": "/en/accounts/profile/"})

    user.refresh_from_db()
    assert user.language == "ar"


def test_language_switch_refuses_an_unknown_language(client):
    assert client.post("/en/language/", {"language": "xx", "next": "/"}).status_code == 400


def test_language_switch_never_redirects_off_site(client):
    response = client.post("/en/language/", {"language": "fr", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response.url == "/fr/"
