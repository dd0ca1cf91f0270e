"""Editors manage people in the Wagtail admin with a display name, not a first and last name."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_creates_a_user_with_a_display_name(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    form = client.get(reverse("wagtailusers_users:add"))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.trainer@example.org",
            "display_name": "Fatou Sow",
            "password1": "a-long-password-2026",
            "password2": "a-long-password-2026",
        },
    )

    assert form.status_code == 200 and "first_name" not in form.content.decode()
    assert response.status_code == 302
    assert User.objects.get(email="new.trainer@example.org").display_name == "Fatou Sow"


def test_admin_edits_a_users_display_name(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    person = UserFactory(display_name="Old Name")

    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {"email": person.email, "display_name": "New Name", "is_active": "on"},
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "New Name"


def test_trainee_cannot_open_the_user_admin(client):
    client.force_login(UserFactory())

    response = client.get("/admin/users/")

    assert response.status_code in {302, 403}
    assert User.objects.count() == 1
