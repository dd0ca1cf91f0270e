"""Messages from allauth are shown in the language of the page that shows them."""

import html

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNED_IN = {"fr": "Connexion avec Nadia Rahimi réussie.", "ar": "لقد سجلت الدخول بنجاح يا Nadia Rahimi."}
SIGNED_OUT = {"fr": "Vous êtes déconnecté(e).", "ar": "تم تسجيل خروجك."}


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_signing_in_from_the_english_page_greets_in_the_persons_language(client, language):
    # Someone whose profile is in French or Arabic opens the site in English and logs in: they land on
    # their profile in their language, and the confirmation is in that language too.
    user = UserFactory(language=language, display_name="Nadia Rahimi")

    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == f"/{language}/accounts/profile/"
    assert SIGNED_IN[language] in _text(response)
    assert "Successfully signed in" not in _text(response)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_signing_in_on_a_page_in_the_persons_language_greets_in_it(client, language):
    user = UserFactory(language=language, display_name="Nadia Rahimi")

    response = client.post(
        f"/{language}/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )

    assert SIGNED_IN[language] in _text(response)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_signing_out_stays_in_the_pages_language(client, language):
    # The browser asks for English first (Accept-Language), the person reads the site in French/Arabic.
    client.force_login(UserFactory(language=language))

    response = client.post(f"/{language}/accounts/logout/", follow=True, HTTP_ACCEPT_LANGUAGE="en")

    assert response.redirect_chain[-1][0] == f"/{language}/"
    assert SIGNED_OUT[language] in _text(response)
