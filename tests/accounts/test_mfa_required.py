"""With MFA_REQUIRED_FOR_STAFF on, everyone who can see other people's data sets up an authenticator app
before any other page; trainees are never asked."""

import ast
import time
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WORKSPACE = "/en/learning/trainer/"
ADMIN = "/admin/"

ROLES = {
    "staff": {"is_staff": True},
    "superuser": {"is_staff": True, "is_superuser": True},
    "editor": {"groups": [roles.EDITORS]},
    "trainer": {"groups": [roles.TRAINERS]},
    "moderator": {"groups": [roles.MODERATORS]},
}


@pytest.fixture(autouse=True)
def _required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def make_user(role: dict):
    user = UserFactory(is_staff=role.get("is_staff", False), is_superuser=role.get("is_superuser", False))
    for name in role.get("groups", []):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def log_in(client, user):
    """Through the login form, as a person does: activating MFA asks for a recent password login."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content


@pytest.mark.parametrize("role", ROLES.values(), ids=ROLES.keys())
@pytest.mark.parametrize("where", [ADMIN, WORKSPACE, "/en/accounts/profile/"])
def test_privileged_roles_without_mfa_are_sent_to_set_it_up(client, role, where):
    log_in(client, make_user(role))

    response = client.get(where)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # allauth asks for the password again before adding an authenticator: that page stays reachable.
    page = client.get(response.url, follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert "needs two-factor authentication" in page.content.decode()


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


# Where each role works (staff without permissions have only their own pages).
HOME_OF = {
    "staff": "/en/accounts/profile/",
    "superuser": ADMIN,
    "editor": ADMIN,
    "trainer": WORKSPACE,
    "moderator": ADMIN,
}


@pytest.mark.parametrize("name", ROLES.keys())
def test_privileged_roles_with_totp_reach_their_pages(client, name):
    user = make_user(ROLES[name])
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    signed_in = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert signed_in.status_code == 302

    response = client.get(HOME_OF[name])

    assert response.status_code == 200


def test_a_trainee_is_never_asked_for_mfa(client):
    log_in(client, UserFactory())

    assert client.get("/en/accounts/profile/").status_code == 200
    assert client.get("/en/learning/").status_code == 200


def test_logout_and_the_language_switch_stay_reachable_before_setup(client):
    log_in(client, make_user(ROLES["trainer"]))

    switched = client.get("/en/language/fr/?next=/fr/")
    logged_out = client.post(reverse("account_logout"))

    assert switched.status_code == 302 and switched.url == "/fr/"
    assert logged_out.status_code == 302
    assert "_auth_user_id" not in client.session


def test_setting_up_totp_offers_recovery_codes_then_opens_the_workspace(client):
    user = make_user(ROLES["trainer"])
    log_in(client, user)

    reauthenticated = client.post(
        reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp"), {"password": PASSWORD}
    )
    assert reauthenticated.url == reverse("mfa_activate_totp")
    form = client.get(reverse("mfa_activate_totp"))
    assert form.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert activated.status_code == 302
    assert activated.url == reverse("mfa_view_recovery_codes")
    codes = client.get(activated.url)
    assert codes.status_code == 200
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(WORKSPACE).status_code == 200


def test_off_by_default_so_demo_accounts_work_in_development(client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    log_in(client, make_user(ROLES["superuser"]))

    assert client.get(ADMIN).status_code == 200


def test_production_requires_it_unless_told_otherwise():

    from django.conf import settings

    source = (Path(settings.BASE_DIR) / "config" / "settings" / "production.py").read_text()
    assert 'MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=True)' in source
    ast.parse(source)
