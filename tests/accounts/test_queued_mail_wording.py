"""Pages that queue an e-mail say it is on its way, never that it was sent: the outbox delivers it later,
and during a mail outage it may take hours."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAST_TENSE = ("We have sent", "has been sent", "email sent to", "e-mail sent to")


def assert_no_past_tense(html):
    assert not any(phrase.lower() in html.lower() for phrase in PAST_TENSE), html


def test_after_signup_the_page_says_the_verification_mail_is_being_sent(client):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Nadia Rahimi",
            "email": "nadia@example.org",
            "password1": "tulips-in-kabul-2026",
            "password2": "tulips-in-kabul-2026",
            "language": "en",
        },
        follow=True,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "We are sending you an e-mail to check your address." in html
    assert_no_past_tense(html)


def test_after_asking_for_a_password_reset_the_page_says_the_mail_is_being_sent(client):
    user = UserFactory()

    response = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)

    html = response.content.decode()
    assert "We are sending you an e-mail with a link to choose a new password." in html
    assert_no_past_tense(html)


def test_asking_again_for_a_confirmation_says_it_is_being_sent(client):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email="second@example.org", verified=False, primary=False)
    client.force_login(user)

    response = client.post(
        reverse("account_email"), {"action_send": "", "email": "second@example.org"}, follow=True
    )

    html = response.content.decode()
    assert "We are sending a confirmation e-mail to second@example.org." in html
    assert_no_past_tense(html)
