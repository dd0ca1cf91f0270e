import json

import pytest
from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from accounts.models import User
from accounts.services import user_data_export
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_data_export_contains_my_data_and_nobody_elses():
    me = UserFactory(display_name="Amina", nationality="GN", city="Brussels")
    other = UserFactory(display_name="Someone Else")

    data = user_data_export(user=me)

    assert data["accounts"]["email"] == me.email
    assert data["accounts"]["nationality"] == "GN"
    assert other.email not in json.dumps(data, cls=DjangoJSONEncoder)


def test_data_export_needs_login(client):
    response = client.post(reverse("accounts:data_export"))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_deleting_an_account_asks_for_the_password_first(client):
    user = UserFactory()
    client.force_login(user)  # a session without a recent password entry

    response = client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response.url
    assert User.objects.filter(pk=user.pk).exists()


def test_deleting_an_account_removes_it_and_logs_out(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert "_auth_user_id" not in client.session


def test_deleting_without_confirming_changes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.post(reverse("accounts:delete"), {})

    assert response.status_code == 422
    assert User.objects.filter(pk=user.pk).exists()
