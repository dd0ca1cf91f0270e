"""Wrong passwords stop the one who guesses, not the account's owner: five failures lock that account
from that address only, so nobody can lock a trainer out by typing their e-mail address."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def attempt(client, user, password):
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def test_five_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out():
    trainer = UserFactory()
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(5):
        assert attempt(attacker, trainer, "wrong-guess").status_code == 422

    owner = Client(REMOTE_ADDR="198.51.100.7")
    response = attempt(owner, trainer, PASSWORD)

    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(trainer.pk)


def test_the_guesser_stays_locked_even_with_the_right_password():
    trainer = UserFactory()
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(5):
        attempt(attacker, trainer, "wrong-guess")

    response = attempt(attacker, trainer, PASSWORD)

    assert response.status_code == 422
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in attacker.session


def test_behind_a_load_balancer_the_visitors_own_address_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    trainer = UserFactory()
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for _attempt in range(5):
        attempt(attacker, trainer, "wrong-guess")

    owner = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert attempt(owner, trainer, PASSWORD).status_code == 302
