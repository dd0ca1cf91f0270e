"""Bad input on signup and profile: a clear error in the person's language, a 4xx, and nothing half-saved."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from accounts.models import User
from accounts.validators import PlainTextValidator
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RTL_OVERRIDE = "Ali\u202egnp.exe"

BAD_NAMES = {
    "empty": "   ",
    "too long": "A" * 81,
    "script": "<script>alert(1)</script>",
    "right-to-left override": RTL_OVERRIDE,
    "control character": "Ana\x00Maria",
}


def signup_data(**overrides):
    return {
        "display_name": "Nadia Rahimi",
        "email": "nadia@example.org",
        "password1": "tulips-in-kabul-2026",
        "password2": "tulips-in-kabul-2026",
        "language": "en",
        **overrides,
    }


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
def test_signup_refuses_bad_names_and_keeps_what_was_typed(client, name):
    response = client.post(reverse("account_signup"), signup_data(display_name=name))

    assert response.status_code == 422
    assert not User.objects.exists()
    html = response.content.decode()
    assert 'value="nadia@example.org"' in html  # the rest of the form survives
    assert "<script>alert(1)</script>" not in html  # and nothing typed comes back unescaped
    assert "invalid-feedback" in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-address"),
        ("email", ""),
        ("password2", "something-else-entirely"),
        ("language", "xx"),
    ],
)
def test_signup_refuses_malformed_fields(client, field, value):
    response = client.post(reverse("account_signup"), signup_data(**{field: value}))

    assert response.status_code == 422
    assert not User.objects.exists()


def test_signup_errors_are_in_the_visitors_language(client):
    response = client.post("/fr/accounts/signup/", signup_data(display_name="<b>Nadia</b>", language="fr"))

    assert response.status_code == 422
    with translation.override("fr"):
        french_message = str(PlainTextValidator.message)
    with translation.override("en"):
        assert french_message != str(PlainTextValidator.message)
    assert escape(french_message) in response.content.decode()


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
def test_profile_refuses_bad_input_and_changes_nothing(client, name):
    user = UserFactory(display_name="Original Name", city="Lisbon")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {"display_name": name, "certificate_name": "", "language": "en", "city": "Porto"},
    )

    assert response.status_code == 422
    user.refresh_from_db()
    assert (user.display_name, user.city) == ("Original Name", "Lisbon")
    assert 'value="Porto"' in response.content.decode()


def test_profile_refuses_unknown_choices(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "X", "language": "en", "country": "ZZ", "time_zone": "Mars/Olympus"},
    )

    assert response.status_code == 422
    assert response.context["form"].errors.keys() == {"country", "time_zone"}


def test_names_in_any_script_are_welcome(client):
    user = UserFactory()
    client.force_login(user)

    for name in ["Nguyễn Thị Minh", "Zoë O'Brien-Łukasiewicz", "محمد الأحمد", "Ὀδυσσεύς", "Олена Шевченко"]:
        response = client.post(reverse("accounts:profile"), {"display_name": name, "language": "en"})
        assert response.status_code == 302, name
        user.refresh_from_db()
        assert user.display_name == name
