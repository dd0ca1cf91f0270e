import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

REQUIRED_LANGUAGES = {"en", "fr", "de", "nl", "pl", "pt", "es", "it", "ar", "uk", "fa", "tr", "ti"}
RIGHT_TO_LEFT = {"ar", "fa"}


def test_all_required_languages_are_configured():
    assert {code for code, _name in settings.LANGUAGES} >= REQUIRED_LANGUAGES
    assert settings.WAGTAIL_I18N_ENABLED


@pytest.mark.parametrize("language", sorted(REQUIRED_LANGUAGES))
def test_every_language_serves_the_home_page_with_its_lang_and_direction(client, demo, language):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert ("bootstrap.site.rtl.min.css" in html) == (language in RIGHT_TO_LEFT)


def test_arabic_interface_is_translated(client, demo):
    html = client.get("/ar/").content.decode()

    assert "تسجيل الدخول" in html or "الدخول" in html


def test_tigrinya_is_known_to_django_and_farsi_is_right_to_left():
    from django.utils.translation import get_language_info

    assert get_language_info("ti")["name_local"] == "ትግርኛ"
    assert get_language_info("ti")["bidi"] is False
    assert get_language_info("fa")["bidi"] is True


@pytest.mark.parametrize(
    ("language", "words"),
    [("uk", "Увійти"), ("fa", "ورود"), ("tr", "Giriş yap"), ("ti", "እቶ")],
)
def test_the_new_languages_translate_the_interface(client, demo, language, words):
    assert words in client.get(f"/{language}/").content.decode()


def test_the_language_menu_offers_every_configured_language_in_itself(client, demo):
    html = client.get("/fa/").content.decode()

    links = switcher_links(html)
    assert sorted(links) == sorted(code for code, _name in settings.LANGUAGES)
    assert len(links) == 13
    for _code, autonym in settings.LANGUAGES:
        assert autonym in html


def test_every_configured_language_is_a_wagtail_locale():
    from wagtail.models import Locale

    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes >= {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def test_the_locales_migration_is_idempotent():
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Locale

    migration = import_module("home.migrations.0005_every_language_is_a_synchronised_locale")
    before = Locale.objects.count()
    migration.create_locales(apps, None)
    assert Locale.objects.count() == before


def switcher_links(html: str) -> dict[str, str]:
    """{language: link target} from the language switcher of a rendered page."""
    import re
    from urllib.parse import unquote

    return {
        code: unquote(target)
        for code, target in re.findall(r'href="/\w\w/language/(\w\w)/\?next=([^"]+)"', html)
    }


def test_switcher_links_to_the_translated_page(client, demo):
    links = switcher_links(client.get("/en/about/").content.decode())

    assert links["fr"] == "/fr/a-propos/"
    assert links["en"] == "/en/about/"
    assert links["ar"] == "/ar/man-nahnu/"
    # No Farsi translation yet: the same page, in the Farsi interface.
    assert links["fa"] == "/fa/about/"
    response = client.get(links["fa"])
    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in response.content.decode()


def test_switcher_keeps_application_views(client, demo):
    links = switcher_links(client.get("/en/accounts/login/?next=/en/accounts/profile/").content.decode())

    assert links["ar"] == "/ar/accounts/login/?next=/en/accounts/profile/"


def test_switching_language_remembers_the_choice(client, demo):
    response = client.get("/en/language/fr/?next=/fr/a-propos/")

    assert response.status_code == 302
    assert response.url == "/fr/a-propos/"
    assert response.cookies["django_language"].value == "fr"
    assert client.get("/").url == "/fr/"
    assert client.get(response.url).status_code == 200


def test_language_switch_refuses_an_unknown_language(client):
    assert client.get("/en/language/xx/?next=/").status_code == 404


def test_language_switch_never_redirects_off_site(client):
    response = client.get("/en/language/fr/?next=https://evil.example/")

    assert response.status_code == 302
    assert response.url == "/fr/"


def test_pages_for_anonymous_visitors_carry_no_per_visitor_token(client, demo):
    # Nothing personal in an anonymous page, so a cache in front of the site may keep it.
    html = client.get("/en/about/").content.decode()

    assert "csrfmiddlewaretoken" not in html


def test_cached_switcher_does_not_carry_one_visitors_query_string_to_another(client, demo):
    client.get("/en/about/?token=secret-of-visitor-one")

    html = client.get("/en/about/").content.decode()

    assert "secret-of-visitor-one" not in html
