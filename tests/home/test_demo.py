import io

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page

from accounts.models import User
from demo.data import DEMO_ACCOUNTS
from home.models import FooterSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(
            (p.url_path, p.locale.language_code, p.title, p.live)
            for p in Page.objects.select_related("locale")
        ),
        "users": sorted(User.objects.values_list("email", "display_name", "is_staff", "is_superuser")),
        "groups": sorted(User.objects.filter(groups__isnull=False).values_list("email", "groups__name")),
        "emails": EmailAddress.objects.filter(verified=True).count(),
        "footer": FooterSettings.objects.count(),
    }


def test_the_demo_site_has_every_role_and_every_language(demo):
    # Loading it twice changes nothing: tests/test_demo_reload.py.
    first = snapshot()
    # Apps add demo people of their own (city officials...); every role's account is there.
    assert {account["email"] for account in DEMO_ACCOUNTS} <= {email for email, *_rest in first["users"]}
    # Written in English and French; every other language's tree holds aliases of the English pages.
    assert {lang for _path, lang, _title, _live in first["pages"]} == {code for code, _ in settings.LANGUAGES}


def test_demo_replaces_wagtails_welcome_page(client, demo):
    html = client.get("/en/").content.decode()

    assert "Welcome to your new Wagtail site" not in html
    assert "Learn together, act together" in html
    assert "Apprendre ensemble" in client.get("/fr/").content.decode()


def test_demo_refuses_to_run_where_known_passwords_would_be_dangerous(db, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    users = User.objects.count()

    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert User.objects.count() == users


def test_each_demo_role_can_log_in(client, demo):
    from demo.data import DEMO_PASSWORD

    for account in DEMO_ACCOUNTS:
        response = client.post("/en/accounts/login/", {"login": account["email"], "password": DEMO_PASSWORD})
        assert response.status_code == 302, account["email"]
        client.post("/en/accounts/logout/")
