"""Consent in a real browser: the signup box and its error, and the acceptance page a new version of the
privacy notice leads to, in English and in Arabic (right to left), without JavaScript, checked by axe."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def demo_facts():
    """Two people who accepted the demo's version 1.0, then a version 2.0 of the privacy notice, with its
    "what changed" translated into Arabic."""
    from wagtail.models import Locale

    from accounts.models import LegalVersion
    from home.models import StandardPage
    from tests.factories import PASSWORD, UserFactory

    english = UserFactory(email="amina.consent@example.org", display_name="Amina", language="en")
    arabic = UserFactory(email="nour.consent@example.org", display_name="نور", language="ar")
    page = StandardPage.objects.get(slug="privacy", locale__language_code="en")
    newer = LegalVersion.objects.create(
        document="privacy",
        version="2.0",
        date="2026-12-01",
        changes="We now keep the attendance of live sessions for two years, so that trainers can "
        "issue certificates that need it. Nothing else changed.",
        page=page,
        locale=page.locale,
        live=False,
    )
    newer.save_revision().publish()
    newer.refresh_from_db()
    translated = newer.copy_for_translation(Locale.objects.get(language_code="ar"))
    translated.changes = (
        "نحتفظ الآن بسجل حضور الجلسات المباشرة لمدة سنتين، حتى يتمكن المدربون من إصدار الشهادات التي "
        "تتطلبه. لم يتغير شيء آخر."
    )
    translated.save()
    translated.save_revision().publish()
    return {"english": english.email, "arabic": arabic.email, "password": PASSWORD}


def sign_in(page, language: str, email: str, password: str) -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.allauth-form button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_signup_without_the_box_says_so_and_keeps_what_was_typed(browser, site, language):
    page = open_page(browser, site, DESKTOP, java_script=False)
    page.goto(f"/{language}/accounts/signup/")
    box = page.locator("#id_accept_legal")
    expect(box).to_be_visible()
    links = page.locator("label[for=id_accept_legal] a")
    assert links.count() == 2
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert all(href.startswith(f"/{language}/") for href in hrefs), hrefs
    page.locator("#id_display_name").fill("Samir Haddad")
    page.locator("#id_email").fill(f"samir.{language}@example.org")
    page.locator("#id_password1").fill("olive-trees-in-aleppo-2026")
    page.locator("#id_password2").fill("olive-trees-in-aleppo-2026")

    page.locator("form.allauth-form button[type=submit]").click()

    with translation.override(language):
        message = gettext("To go on, please tick the box to accept the privacy notice and the terms of use.")
    expect(page.locator(".invalid-feedback", has_text=message)).to_be_visible()
    assert page.locator("#id_email").input_value() == f"samir.{language}@example.org"
    assert page.locator("#id_display_name").input_value() == "Samir Haddad"
    screenshot(page, f"consent-01-signup-error-{language}")
    page.context.close()
    page = open_page(browser, site, DESKTOP)  # axe-core is a script
    page.goto(f"/{language}/accounts/signup/")
    page.locator("form.allauth-form button[type=submit]").click()
    assert accessibility_violations(page) == []
    page.context.close()


def test_a_new_version_asks_first_and_accepting_goes_on_without_javascript(browser, site):
    page = open_page(browser, site, DESKTOP, java_script=False)
    sign_in(page, "en", site.english, site.password)

    page.wait_for_url("**/accounts/consent/?next=*")
    expect(page.get_by_role("heading", level=1)).to_have_text("What changed in our privacy notice and terms")
    expect(page.get_by_text("We now keep the attendance of live sessions for two years")).to_be_visible()
    screenshot(page, "consent-02-acceptance-en")
    page.goto("/en/learning/")  # any other page leads back here
    assert "/en/accounts/consent/" in page.url

    page.locator("main form button[type=submit]", has_text="Accept and continue").click()
    expect(page.locator(".invalid-feedback", has_text="please tick the box")).to_be_visible()
    page.locator("#id_accept_legal").check()
    page.locator("main form button[type=submit]", has_text="Accept and continue").click()

    page.wait_for_url("**/en/learning/")
    page.goto("/en/accounts/profile/")
    assert page.url.endswith("/en/accounts/profile/")
    page.context.close()


def test_the_acceptance_page_in_arabic_reads_right_to_left_and_lets_one_leave(browser, site):
    page = open_page(browser, site, DESKTOP)
    sign_in(page, "ar", site.arabic, site.password)

    page.wait_for_url("**/ar/accounts/consent/?next=*")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_text("نحتفظ الآن بسجل حضور الجلسات المباشرة")).to_be_visible()
    screenshot(page, "consent-03-acceptance-ar")
    assert accessibility_violations(page) == []
    # The notice itself opens, in Arabic, without accepting.
    page.locator("main section a").first.click()
    assert "/ar/" in page.url and "/accounts/consent/" not in page.url

    page.goto("/ar/accounts/consent/")
    page.locator("main form[action$='/logout/'] button").click()
    page.goto("/ar/learning/")
    assert "/accounts/consent/" not in page.url
    page.context.close()
