"""The Wagtail admin signs in through allauth, so its rate limits, verification and MFA apply there too."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sends_anonymous_visitors_to_the_allauth_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=/admin/" in response.url


def test_wagtails_own_login_form_is_not_a_side_door(client):
    user = UserFactory(is_staff=True, is_superuser=True)

    get = client.get("/admin/login/?next=/admin/pages/")
    post = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})

    assert get.status_code == 302 and get.url == reverse("account_login") + "?next=/admin/pages/"
    assert post.status_code == 302 and post.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_editor_logs_in_through_allauth_and_reaches_the_admin(client):
    user = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": user.email, "password": PASSWORD, "next": "/admin/"},
    )

    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_mfa_protects_the_admin_login(client):

    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not in until the code is given
