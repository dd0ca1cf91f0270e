"""The certificate check in a real browser: in Arabic for a visitor who scanned the QR code (what was
checked, in plain words, and no downloads), and for the holder signed in (the downloads too). Each page
passes axe-core's WCAG 2.1 A/AA checks and works without JavaScript."""

import pytest
from playwright.sync_api import expect

from learning.certificates.models import Certificate
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def demo_facts() -> dict:
    return {"nour": Certificate.objects.get(learner_name="نور الهدى الخطيب", language="ar")}


def test_a_visitor_reads_what_was_checked_without_javascript(browser, site):
    page = open_page(browser, site, DESKTOP, java_script=False)
    code = site.nour.code

    page.goto(f"/ar/verify/{code}/")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("ul.checks li")).to_have_count(4)
    expect(page.locator(f"a[href$='/certificates/{site.nour.pk}/credential.json']")).to_have_count(0)
    screenshot(page, "90-certificate-check-ar")
    page.context.close()
    page = open_page(browser, site, DESKTOP)  # axe-core runs as a script
    page.goto(f"/ar/verify/{code}/")
    assert accessibility_violations(page) == []
    page.context.close()


def test_the_holder_finds_the_downloads_on_the_check_page(browser, site):
    page = open_page(browser, site, DESKTOP, email="nour@example.org")

    page.goto(f"/ar/verify/{site.nour.code}/")

    expect(page.locator(f"a[href$='/certificates/{site.nour.pk}/credential.json']")).to_have_count(1)
    expect(page.locator(f"a[href$='/certificates/{site.nour.pk}/certificate.pdf']")).to_have_count(1)
    screenshot(page, "91-certificate-check-ar-holder")
    assert accessibility_violations(page) == []
    page.context.close()
