"""Download my data in a browser: asked for after the password again, the page says it is being
prepared, the e-mail carries the link, the link downloads the ZIP, and once expired it answers with a
page that says so. Each page passes axe; the forms are plain POSTs (nothing here needs JavaScript)."""

import re
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import DataExport
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot
from tests.factories import PASSWORD, UserFactory

# Transactional: the archive is queued when the request's transaction commits (on_commit), which a test
# kept inside one transaction never does.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://[^/\s]+(/\w{2}/accounts/privacy/export/[^\s]+/)")


def demo_facts() -> dict:
    return {"person": UserFactory(display_name="Amina Diallo", language="en")}


def test_a_person_asks_for_their_data_gets_the_link_and_the_link_expires(browser, site):
    person = site.person
    page = open_page(browser, site, DESKTOP, email=person.email, password=PASSWORD)
    try:
        page.goto("/en/accounts/privacy/")
        assert accessibility_violations(page) == []
        page.get_by_role("button", name="Prepare my data").click()
        # allauth's reauthentication first; the request it held is then carried out.
        assert "/accounts/reauthenticate/" in page.url
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form.allauth-form button[type=submit]").click()
        page.wait_for_url("**/en/accounts/privacy/")
        assert "Your data is being prepared" in page.content()
        assert accessibility_violations(page) == []
        screenshot(page, "60-data-export-requested")

        # The task runs once the previous response was sent, beside the next requests: ask until it is done.
        for _attempt in range(30):
            page.goto("/en/accounts/privacy/")
            if "Your archive is ready" in page.content():
                break
            page.wait_for_timeout(500)
        assert "Your archive is ready" in page.content()
        assert accessibility_violations(page) == []
        screenshot(page, "61-data-export-ready")
        email = next(m for m in reversed(mail.outbox) if m.to == [person.email])
        link = LINK.search(email.body).group(1)

        with page.expect_download() as download:
            page.get_by_role("link", name="Download my data (ZIP)").click()
        names = zipfile.ZipFile(download.value.path()).namelist()
        assert {"README.txt", "accounts.json", "learning.json", "toolkits.json", "outbox.json"} <= set(names)

        mail_page = page.context.new_page()
        mail_page.set_content(email.alternatives[0][0])
        assert link in mail_page.content()
        screenshot(mail_page, "62-data-export-email")
        mail_page.close()

        DataExport.objects.filter(user=person).update(expires_at=timezone.now() - timedelta(minutes=1))
        response = page.goto(link)
        assert response.status == 410
        assert "has expired" in page.content()
        assert accessibility_violations(page) == []
        screenshot(page, "63-data-export-expired")
    finally:
        page.context.close()
