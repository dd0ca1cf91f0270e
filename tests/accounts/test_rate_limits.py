import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client):
    user = UserFactory()
    for _attempt in range(5):
        response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong-guess"})
        assert response.status_code == 422

    # Even the right password is refused now: guessing has been stopped, not just slowed.
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 422
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_login_requests_from_one_address_answer_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    statuses = [
        client.post(reverse("account_login"), {"login": f"x{i}@example.org", "password": "nope"}).status_code
        for i in range(4)
    ]

    assert statuses[:3] == [422, 422, 422]
    assert statuses[3] == 429


def test_login_does_not_reveal_whether_an_account_exists(client):
    user = UserFactory()

    known = client.post(reverse("account_login"), {"login": user.email, "password": "wrong-guess"})
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong-guess"}
    )

    assert known.status_code == unknown.status_code == 422
    assert known.context["form"].errors == unknown.context["form"].errors


def test_password_reset_does_not_reveal_whether_an_account_exists(client, mailoutbox):
    UserFactory(email="known@example.org")

    for email in ["known@example.org", "unknown@example.org"]:
        response = client.post(reverse("account_reset_password"), {"email": email})
        assert response.status_code == 302
        assert response.url == reverse("account_reset_password_done")
