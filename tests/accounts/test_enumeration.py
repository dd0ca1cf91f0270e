"""Signup and password reset say the same thing, and do the same slow work, whether or not an account
exists for the address: nobody can find out who has an account here."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse

from outbox.models import OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    """Counts the password hashes computed: the slow work whose absence would show in the timing."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def signup(client, email):
    return client.post(
        reverse("account_signup"),
        {
            "display_name": "Nadia Rahimi",
            "email": email,
            "password1": "tulips-in-kabul-2026",
            "password2": "tulips-in-kabul-2026",
            "language": "en",
        },
        follow=True,
    )


def visible(response, email: str) -> str:
    """The page as a person reads it, without the per-session CSRF token; the address they typed (which
    the page repeats back) is set aside."""
    page = re.sub(r'value="[^"]{32,}"', 'value=""', response.content.decode())
    return page.replace(email, "ADDRESS")


def test_signup_with_a_taken_address_looks_and_costs_the_same_as_a_new_one(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    UserFactory(email="taken@example.org")
    CountingHasher.calls = 0

    taken = signup(Client(), "taken@example.org")
    hashes_for_taken = CountingHasher.calls
    CountingHasher.calls = 0
    new = signup(Client(), "new@example.org")
    hashes_for_new = CountingHasher.calls

    assert taken.status_code == new.status_code == 200
    assert taken.redirect_chain == new.redirect_chain == [(reverse("account_email_verification_sent"), 302)]
    assert visible(taken, "taken@example.org") == visible(new, "new@example.org")
    assert hashes_for_taken == hashes_for_new == 1
    # Each address gets a mail (through the queue): "you already have an account" or the verification.
    assert set(OutgoingEmail.objects.values_list("to", "kind")) == {
        ("taken@example.org", "account/email/account_already_exists"),
        ("new@example.org", "account/email/email_confirmation_signup"),
    }


def test_password_reset_says_the_same_for_known_and_unknown_addresses():
    UserFactory(email="known@example.org")

    known = Client().post(reverse("account_reset_password"), {"email": "known@example.org"}, follow=True)
    unknown = Client().post(reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("account_reset_password_done"), 302)]
    assert visible(known, "known@example.org") == visible(unknown, "nobody@example.org")
    assert set(OutgoingEmail.objects.values_list("to", "kind")) == {
        ("known@example.org", "account/email/password_reset_key"),
        ("nobody@example.org", "account/email/unknown_account"),
    }
