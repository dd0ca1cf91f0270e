"""The foundation's journeys, walked in a real browser, with screenshots and accessibility checks."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from demo.data import DEMO_ACCOUNTS, DEMO_PASSWORD
from home.models import HomePage
from tests.browser.conftest import accessibility_violations, open_page, screenshot

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\w{2}/accounts/confirm-email/[^\s]+/)")


def choose_language(page, name: str) -> None:
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name=name, exact=True).click()


def test_newcomer_signs_up_in_french_and_reads_the_site_in_arabic(page):
    page.goto("/en/")
    screenshot(page, "01-home-en")
    choose_language(page, "Français")
    assert page.locator("html").get_attribute("lang") == "fr"

    page.get_by_role("link", name="Créer un compte").click()
    page.get_by_label("Votre nom").fill("Nadia Rahimi")
    page.get_by_label("E-mail", exact=False).first.fill("nadia@example.org")
    page.locator("#id_password1").fill("tulips-in-kabul-2026")
    page.locator("#id_password2").fill("tulips-in-kabul-2026")
    page.locator("#id_accept_legal").check()  # the demo's privacy notice and terms
    screenshot(page, "02-signup-fr")
    page.locator("form.allauth-form button[type=submit]").click()
    screenshot(page, "03-verification-sent-fr")

    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    assert path.startswith("/fr/")
    page.goto(path)
    page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/fr/accounts/profile/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mon profil"
    screenshot(page, "04-profile-fr")

    choose_language(page, "العربية")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.url.endswith("/ar/accounts/profile/")
    # Her profile says French: the page offers Arabic for her e-mails and certificates too.
    expect(page.locator("form.language-offer")).to_be_visible()
    screenshot(page, "05-profile-ar-rtl")
    assert accessibility_violations(page) == []
    page.goto("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "06-home-ar-rtl")


def test_signup_errors_keep_what_was_typed(page):
    page.goto("/en/accounts/signup/")
    page.get_by_label("Your name").fill("<script>alert('x')</script>")
    page.locator("#id_email").fill("samir@example.org")
    page.locator("#id_password1").fill("short")
    page.locator("#id_password2").fill("short")
    page.locator("form.allauth-form button[type=submit]").click()

    assert page.locator(".invalid-feedback").count() >= 1
    assert page.locator("#id_email").input_value() == "samir@example.org"
    assert page.get_by_label("Your name").input_value() == "<script>alert('x')</script>"
    screenshot(page, "07-signup-errors-en")
    assert accessibility_violations(page) == []


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=[a["role"] for a in DEMO_ACCOUNTS])
def test_each_demo_role_logs_in(page, account):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(account["email"])
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()

    page.wait_for_url("**/accounts/profile/")
    expect(page.get_by_text(account["email"])).to_be_visible()
    screenshot(page, f"10-login-{account['role'].replace(' ', '-')}")
    if account.get("is_staff"):
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto("/admin/")
        assert page.get_by_role("heading", level=1).is_visible()
        screenshot(page, f"11-admin-{account['role']}")
        page.goto(f"/admin/pages/{HomePage.objects.get(locale__language_code='en').pk}/edit/")
        page.wait_for_load_state("networkidle")
        screenshot(page, f"12-admin-edit-home-{account['role']}")
        assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/ar/",
        "/fr/a-propos/",
        "/en/accounts/login/",
        "/en/accounts/signup/",
        "/en/search/?q=cities",
        "/en/nope/",
    ],
)
def test_public_pages_pass_the_accessibility_check(page, url):
    page.goto(url)

    assert accessibility_violations(page) == []


def test_account_pages_pass_the_accessibility_check(page):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill("trainee@example.org")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()

    for url in [
        "/fr/accounts/profile/",
        "/fr/accounts/email/",
        "/fr/accounts/password/change/",
        "/fr/accounts/2fa/",
        "/ar/accounts/privacy/",
    ]:
        page.goto(url)
        assert accessibility_violations(page) == [], url
        screenshot(page, "20-" + url.strip("/").replace("/", "-"))


def test_site_works_without_javascript(browser, site):
    page = open_page(browser, site, {"width": 1280, "height": 900}, java_script=False)
    page.goto("/en/")
    choose_language(page, "Français")
    assert page.url.endswith("/fr/")
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill("trainee@example.org")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    assert "/accounts/profile/" in page.url
    page.context.close()
