"""Signup → verification e-mail → confirmation → profile, in English and in French."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\w{2}/accounts/confirm-email/[^\s]+/)")


def signup(client, language="en", **overrides):
    data = {
        "display_name": "Nadia Rahimi",
        "email": "nadia@example.org",
        "password1": "tulips-in-kabul-2026",
        "password2": "tulips-in-kabul-2026",
        "language": language,
        **overrides,
    }
    with translation.override(language):
        url = reverse("account_signup")
    return client.post(url, data)


def confirm_from_mail(client, mail):
    path = CONFIRM_LINK.search(mail.body).group(1)
    return client.post(path, follow=True)


def test_signup_sends_verification_and_login_waits_for_it(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    # E-mails leave through the task queue once the account is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="nadia@example.org")
    assert user.display_name == "Nadia Rahimi"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nadia@example.org"]
    assert mailoutbox[0].body.startswith("Hello from Mutual Learning!")  # the organisation, not a host
    # Mandatory verification: the new account is not logged in before the address is confirmed.
    assert "_auth_user_id" not in client.session


def test_confirming_the_email_logs_in_and_profile_can_be_edited(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)

    response = confirm_from_mail(client, mailoutbox[0])

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Nadia R.", "certificate_name": "نادية رحيمي", "language": "en", "city": "Ghent"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Your profile has been saved." in response.content.decode()
    user = User.objects.get(email="nadia@example.org")
    assert (user.display_name, user.certificate_name, user.city) == ("Nadia R.", "نادية رحيمي", "Ghent")


def test_signup_in_french_gets_french_pages_and_a_french_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get("/fr/accounts/signup/")
    assert '<html lang="fr" dir="ltr">' in page.content.decode()
    assert "Votre nom" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        signup(client, language="fr")

    user = User.objects.get(email="nadia@example.org")
    assert user.language == "fr"
    mail = mailoutbox[0]
    assert mail.subject == "Confirmez votre adresse e-mail"
    assert "/fr/accounts/confirm-email/" in mail.body
    response = confirm_from_mail(client, mail)
    assert response.redirect_chain[-1][0] == "/fr/accounts/profile/"
    assert "Mon profil" in response.content.decode()


def test_login_with_verified_account_lands_on_profile_in_own_language(client):

    user = UserFactory(language="ar")

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/ar/accounts/profile/"


def test_profile_language_change_switches_the_interface(client):

    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:profile"), {"display_name": user.display_name, "language": "ar"})

    assert response.status_code == 302
    assert response.url == "/ar/accounts/profile/"
    assert response.cookies["django_language"].value == "ar"
